// See screen_height.hpp.
#include "app/screen_height.hpp"
#include <fstream>
#include <system_error>

namespace app {

namespace {
std::filesystem::path fileIn(const std::filesystem::path& dataDir) { return dataDir / "screen-height"; }
} // namespace

int rememberedScreenHeight(const std::filesystem::path& dataDir)
{
    std::ifstream in(fileIn(dataDir));
    int h = 0;
    if (!(in >> h) || h < 240 || h > 16384) return 0;
    return h;
}

void rememberScreenHeight(const std::filesystem::path& dataDir, int height)
{
    // Written beside and renamed over: a power cut leaves the old number or the new one.
    const std::filesystem::path file = fileIn(dataDir);
    const std::filesystem::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << height << "\n";
        if (!out.flush()) return;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) std::filesystem::remove(tmp, ec);
}

} // namespace app

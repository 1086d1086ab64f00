// Default locations, resolved at run time so the same binary works installed and from the build tree.
#include "kiosk/common/paths.hpp"
#include <cstdlib>

namespace kiosk {

std::filesystem::path defaultDataDir()
{
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "kiosk";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local/share/kiosk";
    return "kiosk-data";
}

std::filesystem::path executableDir()
{
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
}

std::optional<std::filesystem::path> deploymentConfigFile()
{
    std::error_code ec;
    const std::filesystem::path etc = "/etc/kiosk/kiosk.toml";
    if (!std::filesystem::exists(executableDir() / ".." / "share" / "kiosk" / "assets" / "kiosk.toml", ec)) return std::nullopt;
    if (!std::filesystem::exists(etc, ec)) return std::nullopt;
    return etc;
}

std::filesystem::path bundledAssetsDir()
{
    auto installed = executableDir() / ".." / "share" / "kiosk" / "assets";
    std::error_code ec;
    if (std::filesystem::exists(installed / "kiosk.toml", ec)) return std::filesystem::weakly_canonical(installed, ec);
    return KIOSK_SOURCE_ASSETS;
}

} // namespace kiosk

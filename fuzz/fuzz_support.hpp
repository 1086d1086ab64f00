// Small helpers the fuzz targets share: a scratch folder in memory, whole-file writes, and a loud
// stop when an invariant breaks (libFuzzer records the input that broke it).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace fuzz {

inline void require(bool ok, const char* what)
{
    if (ok) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

// A fresh folder for this process, on /dev/shm when there is one: the loaders read real files, and
// a million writes should cost memory copies, not disk syncs.
inline std::filesystem::path scratchDir(std::string_view name)
{
    std::error_code ec;
    std::filesystem::path base = "/dev/shm";
    if (!std::filesystem::is_directory(base, ec) || ::access(base.c_str(), W_OK) != 0) base = std::filesystem::temp_directory_path();
    std::filesystem::path dir = base / ("kiosk-fuzz-" + std::string(name) + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir);
    return dir;
}

inline void writeFile(const std::filesystem::path& file, std::string_view bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    require(static_cast<bool>(out), "scratch file not written");
}

// Removes the scratch folder when the fuzzer exits normally (a crash leaves it for a look).
struct ScratchCleanup {
    std::filesystem::path dir;
    ~ScratchCleanup()
    {
        std::error_code ec;
        if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
};

} // namespace fuzz

// Shared test helpers: a temporary folder, the bundled assets, decoding QR codes from pictures.
#pragma once
#include "kiosk/content/runtime.hpp"
#include <filesystem>
#include <string>

namespace test {

// A fresh folder under the system temp dir, removed when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

std::filesystem::path assetsDir();                 // the repository's assets/
kiosk::Runtime loadRuntime(const std::string& province = "thanh-hoa");
std::string readFile(const std::filesystem::path& p);
void writeFile(const std::filesystem::path& p, const std::string& text);

} // namespace test

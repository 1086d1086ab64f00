// Implementation of the shared test helpers.
#include "tests/support/test_support.hpp"
#include <fstream>
#include <random>
#include <sstream>

namespace test {

TempDir::TempDir()
{
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("kiosk-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::filesystem::path assetsDir() { return KIOSK_TEST_ASSETS; }

kiosk::Runtime loadRuntime(const std::string& province)
{
    kiosk::RuntimeOptions o;
    o.assetsDir = assetsDir();
    o.province = province;
    return kiosk::Runtime::load(o);
}

std::string readFile(const std::filesystem::path& p)
{
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

void writeFile(const std::filesystem::path& p, const std::string& text)
{
    std::filesystem::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f << text;
}

} // namespace test

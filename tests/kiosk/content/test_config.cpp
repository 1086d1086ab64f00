// Configuration: bundled defaults, a deployment's overlay, and bad values named by key and line.
#include "kiosk/content/config.hpp"
#include "tests/support/test_support.hpp"
#include "kiosk/common/toml_util.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("the bundled configuration has the hand-off links, all https")
{
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", std::nullopt);
    CHECK(c.problems.empty());
    REQUIRE(c.config.link("binhdanhocvuso"));
    CHECK(c.config.link("binhdanhocvuso")->url == "https://binhdanhocvuso.gov.vn");
    REQUIRE(c.config.link("vneid_android"));
    CHECK(c.config.link("vneid_android")->url.find("id=com.vnid") != std::string::npos);
    REQUIRE(c.config.handoff("vneid"));
    CHECK(c.config.handoff("vneid")->links.size() == 3);
    REQUIRE(c.config.handoff("dichvucong"));
    CHECK(c.config.link("dichvucong")->url == "https://dichvucong.gov.vn");
    CHECK(c.config.idleTimeoutSeconds == 90);
    CHECK(c.config.idleCountdownSeconds == 10);
}

TEST_CASE("a deployment file overrides some keys, a wrong value is named with file and line and the default stays")
{
    test::TempDir dir;
    test::writeFile(dir / "kiosk.toml",
                    "[deployment]\ncommune = \"xã Mao Điền\"\nprovince = \"hai-phong\"\n\n"
                    "[idle]\ntimeout_seconds = \"chín mươi\"\ncountdown_seconds = 15\n\n"
                    "[links.binhdanhocvuso]\nurl = \"https://binhdanhocvuso.gov.vn/courses\"\n"
                    "[links.apptinh]\nurl = \"http://khong-an-toan.vn\"\n");
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    CHECK(c.config.commune == "xã Mao Điền");
    CHECK(c.config.province == "hai-phong");
    CHECK(c.config.idleTimeoutSeconds == 90);     // the bad value is ignored
    CHECK(c.config.idleCountdownSeconds == 15);
    CHECK(c.config.link("binhdanhocvuso")->url == "https://binhdanhocvuso.gov.vn/courses");
    CHECK(c.config.link("binhdanhocvuso")->label.vi == "Trang Bình dân học vụ số");   // merged, not replaced
    CHECK(c.config.link("apptinh") == nullptr);   // not https: refused
    REQUIRE(c.problems.size() >= 2);
    bool namedTimeout = false, namedUrl = false;
    for (const Problem& p : c.problems) {
        if (p.message.find("timeout_seconds") != std::string::npos) {
            namedTimeout = true;
            CHECK(p.line == 6);
            CHECK(p.file.find("kiosk.toml") != std::string::npos);
            CHECK(p.file.find(dir.path().string()) == 0);
        }
        if (p.message.find("links.apptinh.url") != std::string::npos) namedUrl = true;
    }
    CHECK(namedTimeout);
    CHECK(namedUrl);
}

TEST_CASE("a whole number written as a float is read as one, a float too large or with a fraction is named, not cast")
{
    // `year = 2E27` once reached toml++'s float-to-int cast (undefined behaviour; fuzz_config).
    test::TempDir dir;
    test::writeFile(dir / "kiosk.toml",
                    "[targets]\nyear = 2E27\nadult_population = 6400.0\nhouseholds = 3100.5\npopulation = -1e300\n\n"
                    "[idle]\ntimeout_seconds = nan\ncountdown_seconds = 15.0\n\n[devices]\nserial_baud = 9.6e3\n");
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    const ConfigLoad defaults = loadConfig(test::assetsDir() / "kiosk.toml", std::nullopt);
    CHECK(c.config.targets.year == defaults.config.targets.year);   // refused, the default stays
    CHECK(c.config.targets.adultPopulation == 6400);
    CHECK(c.config.targets.households == defaults.config.targets.households);
    CHECK(c.config.targets.population == defaults.config.targets.population);
    CHECK(c.config.idleTimeoutSeconds == defaults.config.idleTimeoutSeconds);
    CHECK(c.config.idleCountdownSeconds == 15);
    CHECK(c.config.devices.serialBaud == 9600);
    int named = 0;
    for (const Problem& p : c.problems)
        for (const char* key : {"year", "households", "population", "timeout_seconds"})
            if (p.message.find(std::string("\"") + key + "\"") != std::string::npos) ++named;
    CHECK(named == 4);
    CHECK(tomlInteger(toml::value<double>(2026.0)) == 2026);
    CHECK_FALSE(tomlInteger(toml::value<double>(9223372036854775808.0)));
    CHECK(tomlInteger(toml::value<double>(-9223372036854775808.0)) == INT64_MIN);
    CHECK_FALSE(tomlInteger(toml::value<std::string>("12")));
}

TEST_CASE("a configuration file that is not TOML is reported and the defaults are used")
{
    test::TempDir dir;
    test::writeFile(dir / "kiosk.toml", "[idle\ntimeout_seconds = 5\n");
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    REQUIRE_FALSE(c.problems.empty());
    CHECK(c.problems.front().line == 1);
    CHECK(c.config.idleTimeoutSeconds == 90);
    CHECK(c.config.handoff("vneid") != nullptr);
}

TEST_CASE("[input] chooses the keyboard's typing: Telex and old style unless a deployment says otherwise")
{
    ConfigLoad defaults = loadConfig(test::assetsDir() / "kiosk.toml", std::nullopt);
    CHECK(defaults.problems.empty());
    CHECK(defaults.config.inputMethod == InputMethod::Telex);
    CHECK(defaults.config.inputToneStyle == ToneStyle::Old);

    test::TempDir dir;
    test::writeFile(dir / "vni.toml", "[input]\nmethod = \"vni\"\ntone_style = \"new\"\n");
    ConfigLoad vni = loadConfig(test::assetsDir() / "kiosk.toml", dir / "vni.toml");
    CHECK(vni.problems.empty());
    CHECK(vni.config.inputMethod == InputMethod::Vni);
    CHECK(vni.config.inputToneStyle == ToneStyle::New);

    test::writeFile(dir / "bad.toml", "[deployment]\ncommune = \"xã Mao Điền\"\n\n[input]\nmethod = \"viqr\"\ntone_style = 2\n");
    ConfigLoad bad = loadConfig(test::assetsDir() / "kiosk.toml", dir / "bad.toml");
    CHECK(bad.config.inputMethod == InputMethod::Telex);   // the defaults stay
    CHECK(bad.config.inputToneStyle == ToneStyle::Old);
    bool namedMethod = false, namedStyle = false;
    for (const Problem& p : bad.problems) {
        CHECK(p.file.find(dir.path().string()) == 0);
        if (p.message.find("input.method") != std::string::npos && p.message.find("viqr") != std::string::npos) {
            namedMethod = true;
            CHECK(p.line == 5);
        }
        if (p.message.find("tone_style") != std::string::npos) {
            namedStyle = true;
            CHECK(p.line == 6);
        }
    }
    CHECK(namedMethod);
    CHECK(namedStyle);
}

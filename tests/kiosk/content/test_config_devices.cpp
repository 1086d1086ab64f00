// The [devices] section of kiosk.toml: code-reader paths and the serial speed, bad values named
// with file and line while the defaults stay.
#include "kiosk/content/config.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("the bundled configuration reads ID cards with the camera at /dev/video0 and no scanner")
{
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", std::nullopt);
    CHECK(c.problems.empty());
    CHECK(c.config.devices.camera == "/dev/video0");
    CHECK(c.config.devices.scanner.empty());
    CHECK(c.config.devices.serialScanner.empty());
    CHECK(c.config.devices.serialBaud == 9600);
}

TEST_CASE("a deployment sets its scanners and turns the camera off")
{
    test::TempDir dir;
    test::writeFile(dir / "kiosk.toml",
                    "[devices]\ncamera = \"\"\nscanner = \"/dev/input/by-id/usb-Scanner-event-kbd\"\n"
                    "serial_scanner = \"/dev/ttyACM0\"\nserial_baud = 115200\n");
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    CHECK(c.problems.empty());
    CHECK(c.config.devices.camera.empty());
    CHECK(c.config.devices.scanner == "/dev/input/by-id/usb-Scanner-event-kbd");
    CHECK(c.config.devices.serialScanner == "/dev/ttyACM0");
    CHECK(c.config.devices.serialBaud == 115200);
}

TEST_CASE("wrong device values are named with file and line, and the defaults stay")
{
    test::TempDir dir;
    test::writeFile(dir / "kiosk.toml",
                    "[devices]\n"
                    "camera = \"video1\"\n"          // line 2: not a full path
                    "scanner = 3\n"                  // line 3: not a string
                    "serial_scanner = \"/dev/ttyUSB0\"\n"
                    "serial_baud = 9601\n");         // line 5: no such speed
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    CHECK(c.config.devices.camera == "/dev/video0");
    CHECK(c.config.devices.scanner.empty());
    CHECK(c.config.devices.serialScanner == "/dev/ttyUSB0");
    CHECK(c.config.devices.serialBaud == 9600);
    REQUIRE(c.problems.size() == 3);
    auto lineOf = [&](const std::string& needle) {
        for (const Problem& p : c.problems)
            if (p.message.find(needle) != std::string::npos) {
                CHECK(p.file.find(dir.path().string()) == 0);
                return p.line;
            }
        return 0;
    };
    CHECK(lineOf("devices.camera \"video1\" phải là đường dẫn đầy đủ") == 2);
    CHECK(lineOf("\"scanner\" phải là chuỗi chữ") == 3);
    CHECK(lineOf("devices.serial_baud phải là một trong") == 5);

    test::writeFile(dir / "kiosk.toml", "[devices]\nserial_baud = \"9600\"\n");
    c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].line == 2);
    CHECK(c.config.devices.serialBaud == 9600);
}

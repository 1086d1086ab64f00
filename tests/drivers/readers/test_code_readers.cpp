// The fake code reader (for tests and the demo mode) and the factory that builds the configured
// readers from [devices].
#include "drivers/readers/code_readers.hpp"
#include "drivers/readers/fake_code_reader.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <thread>

using namespace drivers;

TEST_CASE("the fake code reader delivers what is pushed from another thread, in order, only while started")
{
    FakeCodeReader fake;
    fake.push("ĐÃ-CẦM-SẴN");   // a card already held up as the scan screen opens
    CHECK_FALSE(fake.poll());
    std::string error;
    REQUIRE(fake.start(error));
    CHECK(fake.started());
    std::thread other([&] {
        for (int i = 0; i < 100; ++i) fake.push("MÃ-" + std::to_string(i));
        fake.pushError("Máy quét giả lập bị rút ra.");
    });
    other.join();
    const auto held = fake.poll();
    REQUIRE(held);
    CHECK(held->payload == "ĐÃ-CẦM-SẴN");
    for (int i = 0; i < 100; ++i) {
        const auto r = fake.poll();
        REQUIRE(r);
        CHECK(r->ok());
        CHECK(r->payload == "MÃ-" + std::to_string(i));
    }
    const auto fault = fake.poll();
    REQUIRE(fault);
    CHECK_FALSE(fault->ok());
    CHECK(fault->error == "Máy quét giả lập bị rút ra.");
    CHECK_FALSE(fake.poll());

    fake.stop();
    fake.push("SAU-KHI-DỪNG");
    CHECK_FALSE(fake.poll());
    CHECK(fake.queued() == 1);
    CHECK(fake.starts() == 1);
    CHECK(fake.stops() == 1);
}

TEST_CASE("the fake code reader's start() can fail like a missing device, then work again")
{
    FakeCodeReader fake("máy quay giả lập");
    CHECK(fake.describe() == "máy quay giả lập");
    fake.failStartWith("Không tìm thấy máy quay giả lập.");
    std::string error;
    CHECK_FALSE(fake.start(error));
    CHECK(error == "Không tìm thấy máy quay giả lập.");
    CHECK_FALSE(fake.started());
    fake.failStartWith("");
    error.clear();
    CHECK(fake.start(error));
    CHECK(error.empty());
    CHECK(fake.starts() == 1);
}

TEST_CASE("the factory builds one reader per configured device, camera first, and none for empty paths")
{
    kiosk::Config config;
    CHECK(makeCodeReaders(config).size() == 1);   // the default: a camera at /dev/video0
    CHECK(makeCodeReaders(config)[0]->describe() == "máy quay /dev/video0");

    test::TempDir dir;
    config.devices.camera = (dir / "video0").string();
    config.devices.scanner = (dir / "event-kbd").string();
    config.devices.serialScanner = (dir / "ttyACM0").string();
    config.devices.serialBaud = 115200;
    auto readers = makeCodeReaders(config);
    REQUIRE(readers.size() == 3);
    CHECK(readers[0]->describe() == "máy quay " + config.devices.camera);
    CHECK(readers[1]->describe() == "máy quét mã USB " + config.devices.scanner);
    CHECK(readers[2]->describe() == "máy quét mã nối tiếp " + config.devices.serialScanner + " (115200 baud)");
    // Nothing is plugged in there: each says so, and nothing crashes.
    for (auto& r : readers) {
        std::string error;
        CHECK_FALSE(r->start(error));
        CHECK(error.find("Không tìm thấy") == 0);
        CHECK_FALSE(r->poll());
        r->stop();
    }

    config.devices = {"", "", "", 9600};
    CHECK(makeCodeReaders(config).empty());
}

// The "done when": after an interrupted upload, the collector's report over its kiosks
// gives the same figures and lists as the kiosk's own report (both through the real binaries).
#include "tests/upload/upload_fixture.hpp"
#include <nlohmann/json.hpp>

using namespace uptest;

TEST_CASE("after an interrupted upload the collector's report equals the kiosk's, and running it again changes nothing")
{
    test::TempDir dir;
    const auto collectorData = dir / "collector";
    nettest::Collector collector(collectorData);
    collector.start();
    KioskSide k(dir / "k");
    for (int i = 0; i < 6; ++i) k.addSession(i % 3 == 0 ? std::nullopt : std::optional(card(i % 2 ? kThuy : kTam)), i % 2 ? "Thôn Đông" : "Thôn Tây");
    k.addUsageEvents(6);
    nettest::CuttingProxy proxy(collector.port(), {3});
    k.configure(proxy.url(), addKiosk(collectorData, "Ki-ốt 1", dir.path()));
    CHECK(k.upload().status == 1);
    REQUIRE(k.upload().status == 0);
    k.close();

    auto kioskReport = [&] {
        nettest::RunResult r = nettest::run({KIOSK_BIN, "--data", k.data().string(), "report", "--quarter", "2026-Q1", "--format", "json"}, dir.path());
        INFO(r.err);
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out);
    };
    auto collectorReport = [&] {
        nettest::RunResult r =
            nettest::run({KIOSK_COLLECTOR_BIN, "--data", collectorData.string(), "report", "--quarter", "2026-Q1", "--format", "json"}, dir.path());
        INFO(r.err);
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out);
    };
    const nlohmann::json mine = kioskReport(), commune = collectorReport();
    CHECK(mine["sessions"] == 6);
    CHECK(mine["anonymous_sessions"] == 2);
    CHECK(mine["citizens"] == 2);
    CHECK(commune == mine);

    // Uploading again and reporting again change nothing.
    REQUIRE(k.upload().status == 0);
    CHECK(collectorReport() == mine);
}

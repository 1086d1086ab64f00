// The issue's "done when": after an interrupted upload, the collector's report over its kiosks
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

TEST_CASE("from the same register and sessions the kiosk's and the collector's reports give identical villages")
{
    test::TempDir dir;
    const auto collectorData = dir / "collector";
    nettest::Collector collector(collectorData);
    collector.start();
    const auto registerFile = dir / "so-ho.csv";
    test::writeFile(registerFile, "village,household_code,head_name,address\n"
                                  "Thôn Đông,D1,Nguyễn Văn An,thôn Đông\nThôn Đông,D2,Lê Thị Bình,thôn Đông\n"
                                  "Thôn Tây,T1,Trần Văn Cường,thôn Tây\n");
    KioskSide k(dir / "k");
    k.close();
    nettest::RunResult imported = nettest::run({KIOSK_BIN, "--data", k.data().string(), "household", "import", registerFile.string()}, dir.path());
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    const kiosk::Outcome done = kiosk::Outcome::Done;
    k.addSession(card(kThuy), "Thôn Đông", "D1", {{"vneid_level2", done}});
    k.addSession(card(kThuy), "Thôn Đông", "D1", {{"online_public_service", done}});   // one person, both: D1 counts
    k.addSession(card(kTam), "Thôn Đông", "D2", {{"vneid_level2", done}});
    k.addSession(std::nullopt, "Thôn Tây", "T1", {{"vneid_level2", done}, {"online_public_service", done}});
    k.addSession(std::nullopt, "Thôn Nam");   // a village only in sessions
    std::string error;
    REQUIRE_MESSAGE(k.records().staff->setVillage("Trần Văn Bảo", "Thôn Đông", "cli", error), error);
    k.configure(collector.url(), addKiosk(collectorData, "Ki-ốt 1", dir.path()));
    REQUIRE(k.upload().status == 0);
    k.close();
    collector.stop();
    imported = nettest::run({KIOSK_COLLECTOR_BIN, "--data", collectorData.string(), "household", "import", registerFile.string()}, dir.path());
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    CHECK(imported.out.find("3 hộ mới") != std::string::npos);

    auto report = [&](const std::vector<std::string>& program) {
        std::vector<std::string> args = program;
        for (const char* a : {"report", "--quarter", "2026-Q1", "--format", "json"}) args.push_back(a);
        nettest::RunResult r = nettest::run(args, dir.path());
        INFO(r.err);
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out);
    };
    const nlohmann::json mine = report({KIOSK_BIN, "--data", k.data().string()});
    const nlohmann::json commune = report({KIOSK_COLLECTOR_BIN, "--data", collectorData.string()});
    const nlohmann::json expected = nlohmann::json::parse(R"([
        {"village": "Thôn Đông", "households": 2, "households_reached": 2, "households_vneid_dvc": 1, "sessions": 3, "citizens": 2},
        {"village": "Thôn Nam", "households": 0, "households_reached": 0, "households_vneid_dvc": 0, "sessions": 1, "citizens": 0},
        {"village": "Thôn Tây", "households": 1, "households_reached": 1, "households_vneid_dvc": 1, "sessions": 1, "citizens": 0}])");
    CHECK(mine["villages"] == expected);
    CHECK(commune["villages"] == mine["villages"]);
    CHECK(mine["team"] == nlohmann::json::parse(R"([{"staff": "Trần Văn Bảo", "village": "Thôn Đông", "sessions": 5, "households_reached": 3}])"));
    CHECK(commune == mine);
}

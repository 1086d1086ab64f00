// `kiosk upload` against the real kiosk-collector on 127.0.0.1: every session there exactly once,
// corrections as new revisions, erasures applied to what the erasing kiosk sent, and nothing sent twice after a cut
// reply or a killed collector. Real binaries, real HTTP, real SQLite files.
#include "tests/upload/upload_fixture.hpp"

using namespace uptest;

namespace {

struct Commune {
    test::TempDir dir;
    std::filesystem::path collectorData = dir / "collector";
    nettest::Collector collector{collectorData};
    Commune() { collector.start(); }
};

} // namespace

TEST_CASE("upload sends every session, correction and statistic to the collector exactly once, and a rerun only the heartbeat")
{
    Commune c;
    KioskSide k(c.dir / "k1");
    const std::string token = addKiosk(c.collectorData, "Ki-ốt Trung tâm", c.dir.path());
    for (int i = 0; i < 4; ++i) k.addSession(std::nullopt);
    k.addSession(card(kThuy));
    k.addSession(card(kThuy));            // the same citizen again
    k.addSession(card(kTam), "Thôn Tây");
    k.addUsageEvents(7);
    k.configure(c.collector.url(), token);

    nettest::RunResult r = k.upload();
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Đã gửi xong") != std::string::npos);
    CHECK(r.out.find("7 lượt hỗ trợ") != std::string::npos);
    CHECK(k.waiting().total() == 0);
    CHECK(k.acknowledged("session") == 7);

    CollectorView v(c.collectorData);
    CHECK(v.count("SELECT count(*) FROM sessions") == 7);
    CHECK(v.count("SELECT count(DISTINCT uid) FROM sessions") == 7);
    CHECK(v.count("SELECT count(*) FROM sessions WHERE citizen_id IS NULL") == 4);
    CHECK(v.count("SELECT count(*) FROM session_services") == 14);
    CHECK(v.count("SELECT count(*) FROM citizens") == 2);
    CHECK(v.count("SELECT count(*) FROM staff WHERE name='Trần Văn Bảo'") == 1);
    CHECK(v.count("SELECT count(*) FROM usage_events") == 7);
    CHECK(v.count("SELECT count(*) FROM sessions WHERE village='Thôn Tây'") == 1);
    auto names = v.citizenNames();
    CHECK(std::find(names.begin(), names.end(), "Nguyễn Thị Thuỷ") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Lê Văn Tám") != names.end());
    CHECK(v.text("SELECT version FROM kiosks") == "0.1.0");

    // Nothing new: the rerun sends one request, the heartbeat, and the collector stays as it was.
    nettest::CuttingProxy counter(c.collector.port(), {});
    k.configure(counter.url(), token);
    r = k.upload();
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("Không có gì mới") != std::string::npos);
    CHECK(counter.requests() == 1);
    CHECK(v.count("SELECT count(*) FROM sessions") == 7);
    CHECK(v.count("SELECT count(*) FROM usage_events") == 7);

    nettest::RunResult list = nettest::run({KIOSK_COLLECTOR_BIN, "--data", c.collectorData.string(), "kiosk", "list"}, c.dir.path());
    CHECK(list.status == 0);
    CHECK(list.out.find("Ki-ốt Trung tâm") != std::string::npos);
    CHECK(list.out.find("phiên bản: 0.1.0") != std::string::npos);
    CHECK(list.out.find("lượt hỗ trợ đã nhận: 7") != std::string::npos);
}

TEST_CASE("a correction on the kiosk reaches the collector as the session's new revision")
{
    Commune c;
    KioskSide k(c.dir / "k1");
    k.configure(c.collector.url(), addKiosk(c.collectorData, "Ki-ốt 1", c.dir.path()));
    const std::string uid = k.addSession(card(kTam));
    REQUIRE(k.upload().status == 0);

    kiosk::Statement id(k.records().db->handle(), "SELECT id FROM sessions WHERE uid=?");
    id.bind(1, uid);
    REQUIRE(id.step());
    kiosk::SessionEdit edit;
    edit.endedAt = k.records().sessions->get(id.int64(0))->endedAt + 600;
    edit.village = "Thôn Bắc";
    edit.household = "TB-007";
    edit.services = {{"vneid_level2", kiosk::Outcome::Done}};
    std::string error;
    REQUIRE_MESSAGE(k.records().sessions->correct(id.int64(0), edit, "Trần Văn Bảo", error), error);
    CHECK(k.waiting().sessions == 1);
    CHECK(k.waiting().corrections == 1);

    nettest::RunResult r = k.upload();
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(k.waiting().total() == 0);
    CollectorView v(c.collectorData);
    CHECK(v.count("SELECT count(*) FROM sessions") == 1);
    CHECK(v.count("SELECT revision FROM sessions") == 2);
    CHECK(v.text("SELECT village FROM sessions") == "Thôn Bắc");
    CHECK(v.text("SELECT household FROM sessions") == "TB-007");   // the household travels with the correction
    CHECK(v.text("SELECT group_concat(code || ':' || outcome) FROM session_services") == "vneid_level2:done");
    CHECK(v.count("SELECT count(*) FROM corrections c JOIN sessions s ON s.id = c.session_id WHERE c.revision = 2") == 1);
}

TEST_CASE("an erasure on one kiosk anonymises that kiosk's sessions on the collector, and the citizen goes once every kiosk has erased them")
{
    Commune c;
    KioskSide a(c.dir / "a"), b(c.dir / "b");
    a.configure(c.collector.url(), addKiosk(c.collectorData, "Ki-ốt A", c.dir.path()));
    b.configure(c.collector.url(), addKiosk(c.collectorData, "Ki-ốt B", c.dir.path()));
    a.addSession(card(kThuy));
    b.addSession(card(kThuy));   // the same person, helped at the other kiosk too
    b.addSession(card(kTam));
    REQUIRE(a.upload().status == 0);
    REQUIRE(b.upload().status == 0);
    {
        CollectorView v(c.collectorData);
        // One citizen commune-wide, whichever kiosk read the card.
        CHECK(v.count("SELECT count(*) FROM citizens") == 2);
        CHECK(v.count("SELECT count(DISTINCT citizen_id) FROM sessions") == 2);
    }

    std::string error;
    REQUIRE_MESSAGE(a.records().sessions->eraseCitizen("038190001234", "Trần Văn Bảo", error), error);
    CHECK(a.waiting().erasures == 1);
    nettest::RunResult r = a.upload();
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(a.waiting().total() == 0);

    {
        // A's session is anonymous; B still holds the citizen (B's session keeps them).
        CollectorView v(c.collectorData);
        CHECK(v.count("SELECT count(*) FROM citizens") == 2);
        CHECK(v.count("SELECT count(*) FROM sessions") == 3);                          // the sessions stay
        CHECK(v.count("SELECT count(*) FROM sessions WHERE citizen_id IS NULL") == 1);
        CHECK(v.count("SELECT count(*) FROM sessions WHERE citizen_id IS NULL AND notes_enc IS NOT NULL") == 0);
        CHECK(v.count("SELECT count(*) FROM erasures") == 1);
    }
    // Sending it again (a repeat after a lost answer) changes nothing.
    CHECK(a.upload().status == 0);
    REQUIRE_MESSAGE(b.records().sessions->eraseCitizen("038190001234", "Lê Thị Hoa", error), error);
    REQUIRE(b.upload().status == 0);
    CollectorView v(c.collectorData);
    CHECK(v.count("SELECT count(*) FROM erasures") == 2);
    CHECK(v.count("SELECT count(*) FROM citizens") == 1);
    CHECK(v.citizenNames() == std::vector<std::string>{"Lê Văn Tám"});
    CHECK(v.count("SELECT count(*) FROM sessions WHERE citizen_id IS NULL") == 2);
}

TEST_CASE("a reply cut in the middle: the batch stays waiting, and the next upload duplicates nothing")
{
    Commune c;
    KioskSide k(c.dir / "k1");
    const std::string token = addKiosk(c.collectorData, "Ki-ốt 1", c.dir.path());
    for (int i = 0; i < 5; ++i) k.addSession(i % 2 ? std::optional(card(kThuy)) : std::nullopt);
    k.addUsageEvents(3);
    // Request 1 is the heartbeat, 2 the first batch of three sessions: its reply is cut after the
    // collector committed it.
    nettest::CuttingProxy proxy(c.collector.port(), {2});
    k.configure(proxy.url(), token);

    nettest::RunResult r = k.upload();
    CHECK(r.status == 1);
    CHECK(r.err.find("ngắt giữa chừng") != std::string::npos);
    CHECK(r.err.find("Chưa gửi xong") != std::string::npos);
    CHECK(k.acknowledged("session") == 0);
    CHECK(k.waiting().sessions == 5);
    CollectorView v(c.collectorData);
    CHECK(v.count("SELECT count(*) FROM sessions") == 3);   // stored, but the kiosk never heard so

    r = k.upload();
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(k.waiting().total() == 0);
    CHECK(v.count("SELECT count(*) FROM sessions") == 5);
    CHECK(v.count("SELECT count(DISTINCT uid) FROM sessions") == 5);
    CHECK(v.count("SELECT count(*) FROM session_services") == 10);
    CHECK(v.count("SELECT count(*) FROM citizens") == 1);
    CHECK(v.count("SELECT count(*) FROM usage_events") == 3);
}

TEST_CASE("with retries a cut reply is sent again in the same run, and stored once")
{
    Commune c;
    KioskSide k(c.dir / "k1");
    for (int i = 0; i < 4; ++i) k.addSession(std::nullopt);
    nettest::CuttingProxy proxy(c.collector.port(), {2, 3});
    k.configure(proxy.url(), addKiosk(c.collectorData, "Ki-ốt 1", c.dir.path()), "retries = 3\n");
    nettest::RunResult r = k.upload();
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(proxy.requests() == 5);   // heartbeat, the first batch three times, the second batch
    CollectorView v(c.collectorData);
    CHECK(v.count("SELECT count(*) FROM sessions") == 4);
    CHECK(k.waiting().total() == 0);
}

TEST_CASE("the collector killed and restarted between uploads loses nothing it acknowledged")
{
    Commune c;
    KioskSide k(c.dir / "k1");
    const std::string token = addKiosk(c.collectorData, "Ki-ốt 1", c.dir.path());
    k.addSession(card(kTam));
    k.addSession(std::nullopt);
    k.configure(c.collector.url(), token);
    REQUIRE(k.upload().status == 0);

    c.collector.kill();   // SIGKILL: no clean shutdown
    k.addSession(card(kThuy));
    k.addSession(std::nullopt);
    nettest::RunResult r = k.upload();
    CHECK(r.status == 1);
    CHECK(r.err.find("Không kết nối được tới máy chủ xã") != std::string::npos);
    CHECK(k.waiting().sessions == 2);
    CHECK(k.records().sessions->sessionCount() == 4);

    c.collector.start();   // same data folder, a new port
    k.configure(c.collector.url(), token);
    r = k.upload();
    INFO(r.err);
    REQUIRE(r.status == 0);
    CollectorView v(c.collectorData);
    CHECK(v.count("SELECT count(*) FROM sessions") == 4);
    CHECK(v.count("SELECT count(DISTINCT uid) FROM sessions") == 4);
    CHECK(v.count("SELECT count(*) FROM citizens") == 2);
    // The heartbeat carried the failed run's error to the commune.
    CHECK(v.text("SELECT last_error FROM kiosks").find("Không kết nối được") != std::string::npos);
    CHECK(k.waiting().total() == 0);
}

TEST_CASE("a wrong token: exit status 1, a clear message, nothing marked sent")
{
    Commune c;
    KioskSide k(c.dir / "k1");
    addKiosk(c.collectorData, "Ki-ốt 1", c.dir.path());
    k.addSession(card(kThuy));
    k.addSession(std::nullopt);
    k.configure(c.collector.url(), "0123456789abcdef0123456789abcdef");
    nettest::RunResult r = k.upload();
    CHECK(r.status == 1);
    CHECK(r.err.find("từ chối mã truy cập") != std::string::npos);
    CHECK(r.err.find("HTTP 401") != std::string::npos);
    CHECK(r.err.find("0123456789abcdef") == std::string::npos);   // the token is never printed
    CHECK(k.acknowledged("session") == 0);
    CHECK(k.waiting().sessions == 2);
    CHECK(kiosk::uploadStatus(*k.records().db).lastError.find("từ chối mã truy cập") != std::string::npos);
    CollectorView v(c.collectorData);
    CHECK(v.count("SELECT count(*) FROM sessions") == 0);

    // --token overrides the file; a token file others can read is refused before anything is sent.
    r = k.upload({"--token", "ffffffffffffffffffffffffffffffff"});
    CHECK(r.status == 1);
    std::filesystem::permissions(k.data() / "upload.token", std::filesystem::perms::others_read, std::filesystem::perm_options::add);
    r = k.upload();
    CHECK(r.status == 2);
    CHECK(r.err.find("chmod 600") != std::string::npos);
}

// The upload's core without a network: the URL policy, gzip, the outbox's idea of "waiting", and
// the uploader against an in-memory collector that can fail on demand (retries, backoff doubling,
// a full disk when marking acknowledgements, status for the staff screen).
#include "kiosk/content/config.hpp"
#include "kiosk/common/gzip.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include "kiosk/sync/uploader.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <chrono>
#include <cstring>
#include <map>
#include <stdexcept>
#include <thread>

using namespace kiosk;
using nlohmann::json;

namespace {

// Acknowledges everything it is sent, like kiosk-collector, unless told to fail first.
class MemoryCollector final : public Transport {
public:
    std::map<std::string, int> received;   // record id → times received
    std::vector<json> records;
    std::vector<size_t> bodyBytes;         // each request's JSON, decompressed
    std::vector<TransportResponse::Failure> failures;   // the next requests fail this way
    int requests = 0;

    TransportResponse post(const TransportRequest& req) override
    {
        ++requests;
        TransportResponse r;
        if (!failures.empty()) {
            r.failure = failures.front();
            failures.erase(failures.begin());
            return r;
        }
        GunzipError e;
        const std::string text = *gunzip(req.body, 1 << 26, e);
        bodyBytes.push_back(text.size());
        const json body = json::parse(text);
        json acks = json::array();
        for (const json& rec : body["records"]) {
            ++received[rec["id"].get<std::string>()];
            records.push_back(rec);
            json a = {{"id", rec["id"]}};
            if (rec["kind"] == "session") a["revision"] = rec["revision"];
            acks.push_back(a);
        }
        r.status = 200;
        r.body = json{{"protocol", 1}, {"acks", acks}, {"rejected", json::array()}}.dump();
        return r;
    }
};

struct Fixture {
    test::TempDir dir;
    ManualClock clock;
    std::unique_ptr<Records> rec;
    MemoryCollector server;
    std::vector<int> waits;
    UploadOptions options;
    Fixture()
    {
        std::string error;
        rec = Records::open(dir.path(), clock, error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Officer, "2468", "cli", error));
        options.url = "https://xa.example.vn/api/v1/upload";
        options.token = "0123456789abcdef0123456789abcdef";
        options.batchSize = 4;
        options.retries = 0;
        options.backoffMs = 100;
        options.version = "0.1.0";
        options.dataDir = dir.path();
    }
    std::string add(bool citizen)
    {
        NewSession s;
        s.staffId = rec->staff->find("Trần Văn Bảo")->id;
        s.startedAt = clock.unixSeconds();
        s.endedAt = s.startedAt + 60;
        if (citizen) {
            CccdParse p = parseCccd("038056009876||Lê Văn Tám|02091956|Nam|Thôn Tây, Quảng Ngọc|01022022", CivilDate{2026, 11, 23});
            REQUIRE(p.ok());
            s.citizen = *p.citizen;
            s.consent = true;
        }
        s.services = {{"vneid_install", Outcome::Done}};
        std::string error;
        auto saved = rec->sessions->save(s, error);
        REQUIRE_MESSAGE(saved, error);
        return saved->uid;
    }
    UploadResult upload()
    {
        Uploader up(*rec->db, *rec->vault, server, clock);
        up.setWait([this](int ms) {
            waits.push_back(ms);
            return true;
        });
        return up.run(options);
    }
};

} // namespace

TEST_CASE("upload URLs: https anywhere, plain http only to this machine")
{
    std::string e;
    for (const char* ok : {"https://xa.example.vn/api/v1/upload", "http://127.0.0.1:8080/api/v1/upload", "http://127.1.2.3/x",
                           "http://[::1]:9000/api/v1/upload", "https://[2001:db8::1]/x"}) {
        CAPTURE(ok);
        CHECK(checkUploadUrl(ok, e));
    }
    for (const char* bad : {"http://10.0.0.5/api/v1/upload", "http://localhost/x", "http://[::2]/x", "ftp://127.0.0.1/x", "xa.example.vn",
                            "https://", "https://user:pw@xa.example.vn/x", "https://xa example.vn/x", "http://128.0.0.1/x"}) {
        CAPTURE(bad);
        e.clear();
        CHECK_FALSE(checkUploadUrl(bad, e));
        CHECK_FALSE(e.empty());
    }
    CHECK(validToken("0123456789abcdef"));
    CHECK_FALSE(validToken("short"));
    CHECK_FALSE(validToken("0123456789abcdef 0123"));
}

TEST_CASE("gzip round trip, several members, and the decompression ceiling")
{
    const std::string text = "Bình dân học vụ số " + std::string(5000, 'x');
    GunzipError e;
    CHECK(gunzip(gzipCompress(text), 1 << 20, e) == text);
    CHECK(gunzip(gzipCompress("ab") + gzipCompress("cd"), 100, e) == "abcd");
    CHECK_FALSE(gunzip(gzipCompress(text), 1000, e));
    CHECK(e == GunzipError::TooLarge);
    CHECK_FALSE(gunzip("plain text", 1000, e));
    CHECK(e == GunzipError::Corrupt);
    const std::string z = gzipCompress(text);
    CHECK_FALSE(gunzip(z.substr(0, z.size() / 2), 1 << 20, e));   // cut short
    CHECK(e == GunzipError::Corrupt);
}

TEST_CASE("the outbox: what waits, what a correction and an erasure add, and a rerun that sends only the heartbeat")
{
    Fixture f;
    const std::string a = f.add(true);
    f.add(false);
    f.add(false);
    CHECK(uploadStatus(*f.rec->db).waiting.sessions == 3);
    UploadResult r = f.upload();
    INFO(r.message);
    REQUIRE(r.ok);
    CHECK(r.acknowledged.sessions == 3);
    CHECK(uploadStatus(*f.rec->db).waiting.total() == 0);
    CHECK(uploadStatus(*f.rec->db).lastSuccess == f.clock.unixSeconds());
    // The personal fields travel (over TLS) so the collector can seal them with its own key.
    bool sawName = false;
    for (const json& rec : f.server.records)
        if (rec["kind"] == "session" && rec["id"] == a) sawName = rec["citizen"]["full_name"] == "Lê Văn Tám" && rec["citizen"]["id_number"] == "038056009876";
    CHECK(sawName);

    f.server.records.clear();
    r = f.upload();
    CHECK(r.ok);
    CHECK(f.server.records.size() == 1);
    CHECK(f.server.records[0]["kind"] == "heartbeat");

    // A correction: the session again at revision 2, and the correction record.
    SessionEdit edit;
    edit.endedAt = f.rec->sessions->get(1)->endedAt;
    edit.village = "Thôn Nam";
    edit.services = {{"vneid_level2", Outcome::Referred}};
    std::string error;
    REQUIRE(f.rec->sessions->correct(1, edit, "Trần Văn Bảo", error));
    // An erasure: a record naming the citizen's uid; the session is not sent again for it.
    REQUIRE(f.rec->sessions->eraseCitizen("038056009876", "Trần Văn Bảo", error));
    CHECK(uploadStatus(*f.rec->db).waiting.sessions == 1);
    CHECK(uploadStatus(*f.rec->db).waiting.corrections == 1);
    CHECK(uploadStatus(*f.rec->db).waiting.erasures == 1);
    f.server.records.clear();
    r = f.upload();
    REQUIRE(r.ok);
    REQUIRE(f.server.records.size() == 4);
    CHECK(f.server.records[1]["kind"] == "session");
    CHECK(f.server.records[1]["revision"] == 2);
    CHECK(f.server.records[1]["citizen"].is_null());   // erased before it went out again
    CHECK(f.server.records[2]["kind"] == "correction");
    CHECK(f.server.records[2]["session"] == a);
    CHECK(f.server.records[3]["kind"] == "erasure");
    CHECK(uploadStatus(*f.rec->db).waiting.total() == 0);
    CHECK(f.server.received[a] == 2);   // once per revision
}

TEST_CASE("network failures are retried with a doubling wait, then the run gives up and says so")
{
    Fixture f;
    f.add(false);
    f.options.retries = 3;
    f.server.failures = {TransportResponse::Failure::Connect, TransportResponse::Failure::Timeout};
    UploadResult r = f.upload();
    INFO(r.message);
    CHECK(r.ok);
    REQUIRE(f.waits.size() == 2);
    CHECK(f.waits[0] >= 100);
    CHECK(f.waits[0] < 125);
    CHECK(f.waits[1] >= 200);
    CHECK(f.waits[1] < 250);

    f.add(false);
    f.waits.clear();
    f.options.retries = 1;
    f.server.failures = {TransportResponse::Failure::Cut, TransportResponse::Failure::Cut, TransportResponse::Failure::Cut};
    r = f.upload();
    CHECK_FALSE(r.ok);
    CHECK(f.waits.size() == 1);
    CHECK(r.message.find("ngắt giữa chừng") != std::string::npos);
    CHECK(r.waiting.sessions == 1);
    const UploadStatus st = uploadStatus(*f.rec->db);
    CHECK(st.lastError.find("ngắt giữa chừng") != std::string::npos);
    CHECK(st.waiting.sessions == 1);
    // A TLS failure is never retried: a certificate does not fix itself in seconds.
    f.waits.clear();
    f.options.retries = 5;
    f.server.failures = {TransportResponse::Failure::Tls};
    r = f.upload();
    CHECK_FALSE(r.ok);
    CHECK(f.waits.empty());
    CHECK(r.message.find("chứng chỉ") != std::string::npos);
}

TEST_CASE("a full disk when marking acknowledgements: nothing marked, a clear message, the next run sends again")
{
    Fixture f;
    const int64_t staff = f.rec->staff->find("Trần Văn Bảo")->id;
    REQUIRE(f.rec->db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                            "INSERT INTO sessions(uid, started_at, ended_at, staff_id, created_at) "
                            "SELECT 'abcd1234-' || printf('%016d', i), 1772330400 + i, 1772330400 + i, " + std::to_string(staff) + ", 0 FROM n"));
    f.options.batchSize = 300;
    Statement pages(f.rec->db->handle(), "PRAGMA page_count");
    REQUIRE(pages.step());
    // The file may not grow: the acknowledgements of 300 sessions need new pages.
    REQUIRE(f.rec->db->exec("PRAGMA max_page_count = " + std::to_string(pages.int64(0))));
    UploadResult r = f.upload();
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("Bộ nhớ của ki-ốt đã đầy") != std::string::npos);
    CHECK(uploadStatus(*f.rec->db).waiting.sessions == 300);

    REQUIRE(f.rec->db->exec("PRAGMA max_page_count = 1073741823"));
    r = f.upload();
    INFO(r.message);
    CHECK(r.ok);
    CHECK(uploadStatus(*f.rec->db).waiting.sessions == 0);
    CHECK(f.server.received["abcd1234-0000000000000001"] == 2);   // sent twice: the collector keeps it once
}

namespace {
// SQLite's authorizer refusing every read of one table: the outbox's statements that touch it fail
// to prepare, as a damaged or locked database would make them fail.
int refuseTable(void* table, int action, const char* a, const char*, const char*, const char*)
{
    return action == SQLITE_READ && a && std::strcmp(a, static_cast<const char*>(table)) == 0 ? SQLITE_DENY : SQLITE_OK;
}
} // namespace

TEST_CASE("a failed read of the outbox is an error that keeps every record, never nothing new to send")
{
    Fixture f;
    f.add(true);
    f.add(false);
    REQUIRE(uploadStatus(*f.rec->db).waiting.sessions == 2);
    static const char kTable[] = "session_services";
    sqlite3_set_authorizer(f.rec->db->handle(), refuseTable, const_cast<char*>(kTable));
    UploadResult r = f.upload();
    sqlite3_set_authorizer(f.rec->db->handle(), nullptr, nullptr);
    INFO(r.message);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("Không đọc được các dịch vụ của lượt hỗ trợ") != std::string::npos);
    CHECK(r.message.find("Không có gì mới") == std::string::npos);
    // Only the heartbeat went out: no session without its services, nothing marked as sent.
    for (const json& rec : f.server.records) CHECK(rec["kind"] == "heartbeat");
    CHECK(uploadStatus(*f.rec->db).waiting.sessions == 2);
    CHECK_FALSE(uploadStatus(*f.rec->db).lastError.empty());

    // Readable again: everything goes, with its services.
    r = f.upload();
    INFO(r.message);
    CHECK(r.ok);
    CHECK(uploadStatus(*f.rec->db).waiting.sessions == 0);
    int sessions = 0;
    for (const json& rec : f.server.records)
        if (rec["kind"] == "session") {
            ++sessions;
            CHECK(rec["services"].size() == 1);
        }
    CHECK(sessions == 2);
}

TEST_CASE("a batch ends at batch_size records or at kMaxBatchBytes of JSON, so statistics never make a body too large")
{
    Fixture f;
    // 60,000 statistics events: 120 "usage" records of ~50 KB, about 6 MB in all.
    REQUIRE(f.rec->db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) "
                            "INSERT INTO usage_events(at, visit, kind, lesson, step, detail) "
                            "SELECT '2026-03-01T01:02:03Z', i / 7, 'lesson_opened', 'vneid_cai_dat', i % 9, '' FROM n"));
    f.add(true);
    f.add(false);

    // The byte budget on its own: past the first record, nothing more once it is spent.
    Outbox outbox(*f.rec->db, *f.rec->vault);
    Outbox::Cursor cursor;
    std::vector<std::string> unreadable;
    CHECK(outbox.next(cursor, 5000, unreadable, 1).size() == 1);
    const std::vector<OutboxRecord> rest = outbox.next(cursor, 5000, unreadable, 1);
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].kind == RecordKind::Session);   // the cursor moved past the first session only

    f.options.batchSize = 5000;
    const UploadResult r = f.upload();
    INFO(r.message);
    CHECK(r.ok);
    CHECK(r.acknowledged.usageEvents == 60000);
    CHECK(r.acknowledged.sessions == 2);
    CHECK(f.server.requests >= 3);   // the heartbeat, then at least two batches of statistics
    for (size_t bytes : f.server.bodyBytes) CHECK(bytes <= kMaxBatchBytes + 64 * 1024);   // the budget plus the last record
    CHECK(uploadStatus(*f.rec->db).waiting.total() == 0);
}

TEST_CASE("unusable settings are refused before anything is sent")
{
    Fixture f;
    f.add(false);
    f.options.url = "";
    UploadResult r = f.upload();
    CHECK(r.badSettings);
    CHECK(r.message.find("upload.url") != std::string::npos);
    f.options.url = "https://xa.example.vn/api/v1/upload";
    f.options.token = "ngắn";
    r = f.upload();
    CHECK(r.badSettings);
    CHECK(f.server.requests == 0);
}

TEST_CASE("upload now from the staff screen runs off the caller's thread and reports back")
{
    Fixture f;
    f.add(true);
    f.rec.reset();   // the worker opens its own connection to the data folder
    UploadWorker worker(f.dir.path(), [] { return std::make_unique<MemoryCollector>(); });
    REQUIRE(worker.start(f.options));
    std::optional<UploadResult> r;
    while (!(r = worker.takeResult())) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    INFO(r->message);
    CHECK(r->ok);
    CHECK(r->acknowledged.sessions == 1);
    CHECK_FALSE(worker.busy());
    std::string error;
    auto again = Records::open(f.dir.path(), f.clock, error);
    REQUIRE(again);
    const UploadStatus st = uploadStatus(*again->db);
    CHECK(st.waiting.total() == 0);
    CHECK(st.lastSuccess > 0);
    CHECK(st.lastError.empty());
}

TEST_CASE("[upload] settings are read and checked: a plain http URL to another machine is refused")
{
    test::TempDir dir;
    test::writeFile(dir / "kiosk.toml", "[upload]\nurl = \"http://10.0.0.5/api/v1/upload\"\ntoken_file = \"relative/token\"\n"
                                        "hour = 3\nbatch_size = 50\nretries = 2\nbackoff_ms = 100\ntimeout_seconds = 30\n");
    ConfigLoad c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    CHECK(c.config.upload.url.empty());
    CHECK(c.config.upload.tokenFile.empty());
    CHECK(c.config.upload.hour == 3);
    CHECK(c.config.upload.batchSize == 50);
    CHECK(c.config.upload.retries == 2);
    CHECK(c.config.upload.backoffMs == 100);
    CHECK(c.config.upload.timeoutSeconds == 30);
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].message.find("kết nối mã hoá") != std::string::npos);
    CHECK(c.problems[0].line == 2);

    test::writeFile(dir / "kiosk.toml", "[upload]\nurl = \"https://xa.example.vn/api/v1/upload\"\ntoken_file = \"/etc/kiosk/upload.token\"\n");
    c = loadConfig(test::assetsDir() / "kiosk.toml", dir / "kiosk.toml");
    CHECK(c.problems.empty());
    CHECK(c.config.upload.url == "https://xa.example.vn/api/v1/upload");
    CHECK(c.config.upload.tokenFile == "/etc/kiosk/upload.token");
    CHECK(c.config.upload.hour == 2);   // the bundled default
}

TEST_CASE("a transport that throws ends the staff screen's upload run with a message, not the kiosk")
{
    struct Throwing final : Transport {
        TransportResponse post(const TransportRequest&) override { throw std::runtime_error("Nguyễn Thị Thuỷ 038190001234"); }
    };
    Fixture f;
    f.add(true);
    f.rec.reset();
    UploadWorker worker(f.dir.path(), [] { return std::make_unique<Throwing>(); });
    REQUIRE(worker.start(f.options));
    std::optional<UploadResult> r;
    for (int i = 0; i < 2000 && !(r = worker.takeResult()); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(r);
    CHECK_FALSE(r->ok);
    CHECK(r->message.find("lỗi không lường trước") != std::string::npos);
    CHECK(r->message.find("038190001234") == std::string::npos);
    CHECK_FALSE(worker.busy());
    // The worker is free again: a second run starts and reports the same way.
    REQUIRE(worker.start(f.options));
    r.reset();
    for (int i = 0; i < 2000 && !(r = worker.takeResult()); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(r);
    CHECK_FALSE(worker.busy());
}

TEST_CASE("a bare collector address gets the documented endpoint, any other path is kept")
{
    CHECK(uploadEndpoint("http://collector:8080") == "http://collector:8080/api/v1/upload");
    CHECK(uploadEndpoint("http://127.0.0.1:8080/") == "http://127.0.0.1:8080/api/v1/upload");
    CHECK(uploadEndpoint("https://xa.example.vn") == "https://xa.example.vn/api/v1/upload");
    CHECK(uploadEndpoint("https://[::1]:9") == "https://[::1]:9/api/v1/upload");
    CHECK(uploadEndpoint("https://xa.example.vn/api/v1/upload") == "https://xa.example.vn/api/v1/upload");
    CHECK(uploadEndpoint("https://xa.example.vn/collector/upload") == "https://xa.example.vn/collector/upload");
    CHECK(uploadEndpoint("https://xa.example.vn?x=1") == "https://xa.example.vn?x=1");
    CHECK(uploadEndpoint("") == "");
}

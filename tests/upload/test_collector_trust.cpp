// A kiosk's token lets it change only what that kiosk sent: another kiosk's citizen cannot be
// pinned or erased commune-wide, another kiosk's id cannot be claimed, times past the collector's
// clock are clamped; a failed read is a failed request, never "not known yet". Control
// characters a kiosk sends never reach the admin's terminal.
#include "collector/record_apply.hpp"
#include "collector/terminal_text.hpp"
#include "collector/upload_handler.hpp"
#include "kiosk/common/gzip.hpp"
#include "tests/upload/upload_fixture.hpp"
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <ctime>

using nlohmann::json;

namespace {

struct Commune {
    test::TempDir dir;
    std::unique_ptr<collector::CollectorStore> store;
    std::unique_ptr<collector::UploadHandler> handler;
    std::string tokenA, tokenB;
    Commune()
    {
        std::string error;
        store = collector::CollectorStore::open(dir / "collector", error);
        REQUIRE_MESSAGE(store, error);
        tokenA = *store->addKiosk("Ki-ốt A", error);
        tokenB = *store->addKiosk("Ki-ốt B", error);
        handler = std::make_unique<collector::UploadHandler>(*store);
    }
    collector::HttpResponse post(const std::string& token, const std::string& kioskId, json records)
    {
        collector::HttpRequest r;
        r.method = "POST";
        r.path = "/api/v1/upload";
        r.headers = {{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}};
        r.body = kiosk::gzipCompress(json{{"protocol", 1}, {"kiosk_id", kioskId}, {"records", std::move(records)}}.dump());
        return handler->handle(r);
    }
    // A's batches as kiosk aaaa0001, B's as bbbb0002; 200 with every record acknowledged.
    void ok(const std::string& token, const std::string& kioskId, json records)
    {
        const collector::HttpResponse r = post(token, kioskId, records);
        INFO(r.body);
        REQUIRE(r.status == 200);
        REQUIRE(json::parse(r.body)["acks"].size() == records.size());
    }
    void a(json records) { ok(tokenA, "aaaa0001", std::move(records)); }
    void b(json records) { ok(tokenB, "bbbb0002", std::move(records)); }
    int64_t count(const std::string& sql)
    {
        kiosk::Statement st(store->db().handle(), sql);
        return st.step() ? st.int64(0) : -1;
    }
    std::string sharedName()
    {
        kiosk::Statement st(store->db().handle(), "SELECT name_enc FROM citizens");
        REQUIRE(st.step());
        return store->vault().open(st.blob(0)).value_or("?");
    }
    collector::KioskInfo kiosk(const std::string& name)
    {
        for (const auto& k : store->listKiosks())
            if (k.name == name) return k;
        FAIL("no kiosk " << name);
        return {};
    }
};

int64_t now() { return static_cast<int64_t>(std::time(nullptr)); }

json session(const std::string& id, const std::string& citizenUid = "", const std::string& name = "Nguyễn Thị Thuỷ", int64_t consentAt = 0)
{
    json s = {{"kind", "session"}, {"id", id}, {"revision", 1}, {"started_at", 1772330400}, {"ended_at", 1772331300},
              {"staff", {{"name", "Trần Văn Bảo"}, {"role", "volunteer"}}}, {"village", "Thôn Đông"}, {"notes", "ghi chú"},
              {"source", "kiosk"}, {"services", json::array({{{"code", "vneid_install"}, {"outcome", "done"}}})}, {"citizen", nullptr}};
    if (!citizenUid.empty())
        s["citizen"] = {{"uid", citizenUid},  {"id_number", "038190001234"}, {"old_id", ""},          {"full_name", name},
                        {"birth_date", "1990-03-15"}, {"address", "Thôn Đông"},  {"issue_date", "2021-08-10"}, {"gender", "female"},
                        {"consent_at", consentAt ? consentAt : now() - 3600}};
    return s;
}

json erasure(const std::string& id, const std::string& citizenUid)
{
    return {{"kind", "erasure"}, {"id", id}, {"citizen", citizenUid}, {"at", now()}, {"actor", "Lê Thị Hoa"}};
}

json heartbeat(const std::string& id, int64_t at, const std::string& version)
{
    return {{"kind", "heartbeat"}, {"id", id}, {"at", at}, {"version", version}, {"free_disk_bytes", 1000}, {"last_error", ""}, {"last_success", 0}};
}

} // namespace

TEST_CASE("citizen overwrite: another kiosk's version of a citizen is not kept once that kiosk erases it, the genuine reading returns")
{
    Commune c;
    c.b({session("bbbb0002-s1", "bbbb0002-c1", "Nguyễn Thị Thuỷ", now() - 3600)});
    // A names B's citizen (same ID number) with another name and a later reading: the latest reading
    // is the shared one for now...
    c.a({session("aaaa0001-s1", "aaaa0001-c9", "Tên Giả Mạo", now() - 60)});
    CHECK(c.sharedName() == "Tên Giả Mạo");
    // ...but it is A's reading only: when A erases what it sent, B's reading is the shared one again
    // and B's session keeps its citizen.
    c.a({erasure("aaaa0001-e1", "aaaa0001-c9")});
    CHECK(c.count("SELECT count(*) FROM citizens") == 1);
    CHECK(c.sharedName() == "Nguyễn Thị Thuỷ");
    CHECK(c.count("SELECT count(*) FROM sessions WHERE uid='bbbb0002-s1' AND citizen_id IS NOT NULL") == 1);
    // And B's next genuine reading replaces a forgery at once.
    c.a({session("aaaa0001-s2", "aaaa0001-c10", "Tên Giả Mạo", now() - 30)});
    CHECK(c.sharedName() == "Tên Giả Mạo");
    c.b({session("bbbb0002-s2", "bbbb0002-c1", "Nguyễn Thị Thuỷ", now())});
    CHECK(c.sharedName() == "Nguyễn Thị Thuỷ");
}

TEST_CASE("future consent_at pin: a reading dated years ahead is clamped to the collector's clock plus ten minutes")
{
    Commune c;
    c.b({session("bbbb0002-s1", "bbbb0002-c1", "Nguyễn Thị Thuỷ", now() - 3600)});
    c.a({session("aaaa0001-s1", "aaaa0001-c9", "Tên Giả Mạo", now() + 10LL * 365 * 86400)});
    CHECK(c.count("SELECT consent_at FROM citizens") <= now() + collector::kClockMargin + 5);
    CHECK(c.count("SELECT max(consent_at) FROM citizen_aliases") <= now() + collector::kClockMargin + 5);
    // B's next reading (its clock a few minutes ahead) is not shut out by the forged date.
    c.b({session("bbbb0002-s2", "bbbb0002-c1", "Nguyễn Thị Thuỷ", now() + collector::kClockMargin)});
    CHECK(c.sharedName() == "Nguyễn Thị Thuỷ");
}

TEST_CASE("cross-kiosk erasure: a kiosk erases only what it sent, audited and listed for the commune")
{
    Commune c;
    c.a({session("aaaa0001-s1", "aaaa0001-c1")});
    c.b({session("bbbb0002-s1", "bbbb0002-c1"), session("bbbb0002-s2", "bbbb0002-c1")});
    c.a({erasure("aaaa0001-e1", "aaaa0001-c1")});
    // A's session is anonymous (and its notes gone); B's keep the citizen, who is still one person.
    CHECK(c.count("SELECT count(*) FROM sessions WHERE kiosk_id=(SELECT id FROM kiosks WHERE name='Ki-ốt A') AND citizen_id IS NULL "
                  "AND notes_enc IS NULL") == 1);
    CHECK(c.count("SELECT count(*) FROM sessions WHERE kiosk_id=(SELECT id FROM kiosks WHERE name='Ki-ốt B') AND citizen_id IS NOT NULL") == 2);
    CHECK(c.count("SELECT count(*) FROM citizens") == 1);
    CHECK(c.count("SELECT count(*) FROM citizen_aliases") == 1);
    CHECK(c.count("SELECT count(*) FROM audit WHERE actor='kiosk:Ki-ốt A' AND action='citizen_erased'") == 1);
    CHECK(c.kiosk("Ki-ốt A").erasures == 1);
    CHECK(c.kiosk("Ki-ốt A").lastErasureAt > 0);
    CHECK(c.kiosk("Ki-ốt B").erasures == 0);
    // When B erases too, nobody holds the citizen any more: the personal fields and the hash go.
    c.b({erasure("bbbb0002-e1", "bbbb0002-c1")});
    CHECK(c.count("SELECT count(*) FROM citizens") == 0);
    CHECK(c.count("SELECT count(*) FROM sessions WHERE citizen_id IS NOT NULL") == 0);
    CHECK(c.count("SELECT count(*) FROM sessions") == 3);
}

TEST_CASE("forged kiosk_id heartbeat: a batch claiming another kiosk's id is refused and changes neither kiosk")
{
    Commune c;
    c.b({heartbeat("bbbb0002-hb-1", now() - 10, "1.0.0")});
    const collector::HttpResponse r = c.post(c.tokenA, "bbbb0002", {heartbeat("bbbb0002-hb-2", now(), "giả mạo")});
    CHECK(r.status == 403);
    CHECK(json::parse(r.body)["error"] == "kiosk_mismatch");
    CHECK(c.kiosk("Ki-ốt B").version == "1.0.0");
    CHECK(c.kiosk("Ki-ốt A").version.empty());
    CHECK(c.kiosk("Ki-ốt A").kioskUid.empty());
    // Once A has its own id, it keeps it: another one later is refused too.
    c.a({heartbeat("aaaa0001-hb-1", now(), "1.0.0")});
    CHECK(c.kiosk("Ki-ốt A").kioskUid == "aaaa0001");
    CHECK(c.post(c.tokenA, "cccc0003", {heartbeat("cccc0003-hb-1", now(), "1.0.0")}).status == 403);
    // A heartbeat dated years ahead does not hide the kiosk's later ones.
    c.a({heartbeat("aaaa0001-hb-2", now() + 10LL * 365 * 86400, "9.9.9")});
    c.a({heartbeat("aaaa0001-hb-3", now() + collector::kClockMargin + 1, "1.0.1")});
    CHECK(c.kiosk("Ki-ốt A").version == "1.0.1");
}

TEST_CASE("sessions under another kiosk: record ids with another kiosk's prefix are rejected, so that kiosk's own are stored")
{
    Commune c;
    const collector::HttpResponse r = c.post(c.tokenA, "aaaa0001", {session("bbbb0002-s1"), session("aaaa0001-s1")});
    REQUIRE(r.status == 200);
    const json j = json::parse(r.body);
    CHECK(j["acks"].size() == 1);
    REQUIRE(j["rejected"].size() == 1);
    CHECK(j["rejected"][0]["id"] == "bbbb0002-s1");
    c.b({session("bbbb0002-s1")});
    CHECK(c.count("SELECT count(*) FROM sessions WHERE uid='bbbb0002-s1' AND kiosk_id=(SELECT id FROM kiosks WHERE name='Ki-ốt B')") == 1);
}

TEST_CASE("a failed read of the known records fails the request instead of storing the record as new")
{
    Commune c;
    c.a({session("aaaa0001-s1", "aaaa0001-c1")});
    // Reading erasures (or corrections) fails, writing them would not.
    for (const char* table : {"erasures", "corrections"}) {
        CAPTURE(table);
        sqlite3_set_authorizer(
            c.store->db().handle(),
            [](void* t, int action, const char* a1, const char*, const char*, const char*) {
                return action == SQLITE_READ && a1 && std::string(a1) == static_cast<const char*>(t) ? SQLITE_DENY : SQLITE_OK;
            },
            const_cast<char*>(table));
        json record = std::string(table) == "erasures"
                          ? erasure("aaaa0001-e1", "aaaa0001-c1")
                          : json{{"kind", "correction"}, {"id", "aaaa0001-k1"}, {"session", "aaaa0001-s1"}, {"revision", 2},
                                 {"at", now()}, {"staff", "Trần Văn Bảo"}, {"fields", "village"}};
        const collector::HttpResponse r = c.post(c.tokenA, "aaaa0001", {record});
        sqlite3_set_authorizer(c.store->db().handle(), nullptr, nullptr);
        CHECK(r.status >= 500);
        CHECK(c.count(std::string("SELECT count(*) FROM ") + table) == 0);
    }
    CHECK(c.count("SELECT count(*) FROM citizens") == 1);
}

TEST_CASE("text a kiosk sent is printed on the terminal without its control characters")
{
    CHECK(collector::forTerminal("1.0 \x1b[2J\x07") == "1.0 \xEF\xBF\xBD[2J\xEF\xBF\xBD");
    CHECK(collector::forTerminal("\t=1\r\n\x7f") == "\xEF\xBF\xBD=1\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(collector::forTerminal("a\xC2\x9B" "31mb") == "a\xEF\xBF\xBD" "31mb");      // C1 CSI in UTF-8
    CHECK(collector::forTerminal("\xED\xA0\x80" "Nữ") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "Nữ");   // a surrogate
    CHECK(collector::forTerminal("a\x9B" "31mb") == "a\xEF\xBF\xBD" "31mb");          // a lone C1 byte
    CHECK(collector::forTerminal("Ki-ốt Quảng Ngọc — thử") == "Ki-ốt Quảng Ngọc — thử");

    Commune c;
    json hb = heartbeat("aaaa0001-hb-1", now(), "1.0\x1b[2J\x1b]0;x\x07");
    hb["last_error"] = "lỗi\x1b[31m\r\xC2\x9B";   // ESC, CR and C1's CSI
    c.a({hb});
    const std::filesystem::path data = c.dir / "collector";
    c.handler.reset();
    c.store.reset();
    const nettest::RunResult r = nettest::run({KIOSK_COLLECTOR_BIN, "--data", data.string(), "kiosk", "list"}, c.dir.path());
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Ki-ốt A") != std::string::npos);
    CHECK(r.out.find("lỗi") != std::string::npos);
    for (char ctl : {'\x1b', '\x07', '\r'}) CHECK(r.out.find(ctl) == std::string::npos);
    CHECK(r.out.find("\xC2\x9B") == std::string::npos);
}

TEST_CASE("the collector's database and its WAL files are created 0600 whatever the umask")
{
    test::TempDir dir;
    const mode_t old = ::umask(022);
    std::string error;
    {
        auto store = collector::CollectorStore::open(dir / "collector", error);
        REQUIRE_MESSAGE(store, error);
        REQUIRE(store->addKiosk("Ki-ốt A", error));   // a write: the WAL and its index exist now
        for (const char* name : {"collector.sqlite3", "collector.sqlite3-wal", "collector.sqlite3-shm", "collector.key"}) {
            CAPTURE(name);
            struct stat st {};
            REQUIRE(::stat((dir / "collector" / name).c_str(), &st) == 0);
            CHECK((st.st_mode & 0777) == 0600);
        }
    }
    ::umask(old);
}

TEST_CASE("a collector database from before per-kiosk readings gets each kiosk its reading when opened, so erasures fall back on them")
{
    std::string error;
    {
        Commune c;
        c.b({session("bbbb0002-s1", "bbbb0002-c1", "Nguyễn Thị Thuỷ", now() - 3600)});
        c.a({session("aaaa0001-s1", "aaaa0001-c1", "Nguyễn Thị Thủy", now() - 60)});
        // As schema 1 left them: aliases without readings.
        REQUIRE(c.store->db().exec("UPDATE citizen_aliases SET reading_enc=NULL, consent_at=0"));
        c.handler.reset();
        c.store = collector::CollectorStore::open(c.dir / "collector", error);
        REQUIRE_MESSAGE(c.store, error);
        c.handler = std::make_unique<collector::UploadHandler>(*c.store);
        CHECK(c.count("SELECT count(*) FROM citizen_aliases WHERE reading_enc IS NOT NULL AND consent_at > 0") == 2);
        // A erases: B's reading (filled in from the shared fields) stays; the citizen stays.
        c.a({erasure("aaaa0001-e1", "aaaa0001-c1")});
        CHECK(c.count("SELECT count(*) FROM citizens") == 1);
        CHECK(c.count("SELECT count(*) FROM sessions WHERE citizen_id IS NOT NULL") == 1);
    }
}

TEST_CASE("the collector's CSV report printed on a terminal carries none of a kiosk's control characters")
{
    Commune c;
    json s = session("aaaa0001-s1");
    s["village"] = "\x1b[2J\x1b]0;x\x07Thôn Đông\t=1";
    c.a({s});
    const std::filesystem::path data = c.dir / "collector";
    c.handler.reset();
    c.store.reset();
    // The report on a pseudo-terminal, as an admin would run it.
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::execl(KIOSK_COLLECTOR_BIN, KIOSK_COLLECTOR_BIN, "--data", data.c_str(), "report", "--month", "2026-03", "--format", "csv", nullptr);
        ::_exit(127);
    }
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    INFO(out);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(out.find("Thôn Đông") != std::string::npos);
    for (char ctl : {'\x1b', '\x07', '\t'}) CHECK(out.find(ctl) == std::string::npos);
}

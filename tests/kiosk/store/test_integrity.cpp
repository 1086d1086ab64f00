// Tamper evidence: sealed fields bound to their row, a MAC over each session, the audit chain.
// Each edit an attacker with the SQLite file could make is named by `db check` (table and uid,
// no personal data); an untouched database passes; an older database is migrated and then passes.
#include "kiosk/store/db_check.hpp"
#include "kiosk/store/integrity.hpp"
#include "tests/kiosk/report/report_fixture.hpp"
#include <doctest/doctest.h>
#include <sodium.h>
#include <algorithm>

using namespace kiosk;

namespace {

const char* const kBinding = "Thông tin mã hoá gắn đúng dòng của nó (không bị đổi chỗ)";
const char* const kSessions = "Lượt hỗ trợ không bị sửa ngoài phần mềm (mã xác thực từng lượt)";
const char* const kAudit = "Nhật ký kiểm tra liền mạch, không dòng nào bị sửa hay xoá (chuỗi băm)";

// The fixture's sessions plus a correction, an erasure and some audit rows: every write path.
struct Fixture : test::ReportFixture {
    Fixture()
    {
        std::string error;
        SessionEdit edit;
        edit.endedAt = test::vietnamTime(2026, 1, 5, 9, 30);
        edit.village = "Thôn Đông";
        edit.notes = "đã sửa";
        edit.services = {{"vneid_install", Outcome::Done}, {"vneid_level2", Outcome::Done}};
        REQUIRE_MESSAGE(rec->sessions->correct(1, edit, "Trần Văn Bảo", error), error);
        for (int i = 0; i < 5; ++i) REQUIRE(rec->audit->record("cli", "test_action", "", std::to_string(i)));
    }
    std::string uid(const char* table, int64_t id)
    {
        Statement st(rec->db->handle(), std::string("SELECT uid FROM ") + table + " WHERE id=?");
        st.bind(1, id);
        REQUIRE(st.step());
        return st.text(0);
    }
    CheckResult result(const std::string& name)
    {
        for (const CheckResult& r : checkDatabase(*rec->db, *rec->vault))
            if (r.name == name) return r;
        FAIL("no check named " << name);
        return {};
    }
    // Everything else in db check still passes: only the named evidence fails.
    void onlyFails(const std::string& name, const std::string& mustName)
    {
        for (const CheckResult& r : checkDatabase(*rec->db, *rec->vault)) {
            CAPTURE(r.name);
            CAPTURE(r.detail);
            if (r.name == name) {
                CHECK_FALSE(r.ok);
                CHECK(r.detail.find(mustName) != std::string::npos);
            }
            CHECK(r.detail.find("Thuỷ") == std::string::npos);
            CHECK(r.detail.find("038") == std::string::npos);
        }
    }
};

bool allPass(Database& db, const Vault& vault)
{
    bool ok = true;
    for (const CheckResult& r : checkDatabase(db, vault)) {
        CHECK_MESSAGE(r.ok, r.name << ": " << r.detail);
        ok = ok && r.ok;
    }
    return ok;
}

} // namespace

TEST_CASE("an untouched database passes every tamper check, erasures and corrections included")
{
    Fixture f;
    std::string error;
    const bool erased = f.rec->sessions->eraseCitizen("038056009876", "cli", error);
    REQUIRE_MESSAGE(erased, error);
    CHECK(allPass(*f.rec->db, *f.rec->vault));
    // And after a restart (the keyed migration has nothing to do).
    f.rec.reset();
    f.rec = Records::open(f.dir.path(), f.clock, error);
    REQUIRE(f.rec);
    CHECK(allPass(*f.rec->db, *f.rec->vault));
}

TEST_CASE("db check names a session whose staff, outcome or time was edited in the file")
{
    Fixture f;
    REQUIRE(allPass(*f.rec->db, *f.rec->vault));
    SUBCASE("staff")
    {
        REQUIRE(f.rec->db->exec("UPDATE sessions SET staff_id = (SELECT id FROM staff WHERE name = 'Phạm Minh Đức') WHERE id = 2"));
        f.onlyFails(kSessions, "bảng sessions uid " + f.uid("sessions", 2));
    }
    SUBCASE("outcome")
    {
        REQUIRE(f.rec->db->exec("UPDATE session_services SET outcome = 'done' WHERE session_id = 7"));
        f.onlyFails(kSessions, "bảng sessions uid " + f.uid("sessions", 7));
    }
    SUBCASE("time")
    {
        REQUIRE(f.rec->db->exec("UPDATE sessions SET started_at = started_at - 3600, ended_at = ended_at - 3600 WHERE id = 3"));
        f.onlyFails(kSessions, "bảng sessions uid " + f.uid("sessions", 3));
    }
    SUBCASE("citizen")
    {
        REQUIRE(f.rec->db->exec("UPDATE sessions SET citizen_id = 1 WHERE id = 3"));
        f.onlyFails(kSessions, "bảng sessions uid " + f.uid("sessions", 3));
    }
    SUBCASE("household")
    {
        REQUIRE(f.rec->db->exec("UPDATE sessions SET household = 'T2-001' WHERE id = 4"));
        f.onlyFails(kSessions, "bảng sessions uid " + f.uid("sessions", 4));
    }
    SUBCASE("a service deleted")
    {
        REQUIRE(f.rec->db->exec("DELETE FROM session_services WHERE session_id = 5 AND code = 'digital_signature'"));
        f.onlyFails(kSessions, "bảng sessions uid " + f.uid("sessions", 5));
    }
    CHECK_FALSE(f.result(kSessions).ok);
}

TEST_CASE("db check names two citizens whose sealed names were swapped")
{
    Fixture f;
    std::string names[2];
    for (int i = 0; i < 2; ++i) {
        Statement st(f.rec->db->handle(), "SELECT name_enc FROM citizens WHERE id=?");
        st.bind(1, int64_t(i + 1));
        REQUIRE(st.step());
        names[i] = st.blob(0);
    }
    for (int i = 0; i < 2; ++i)
        REQUIRE(Statement(f.rec->db->handle(), "UPDATE citizens SET name_enc=? WHERE id=?").bindBlob(1, names[1 - i]).bind(2, int64_t(i + 1)).run());
    const CheckResult r = f.result(kBinding);
    CHECK_FALSE(r.ok);
    CHECK(r.detail.find("bảng citizens uid " + f.uid("citizens", 1)) != std::string::npos);
    CHECK(r.detail.find("bảng citizens uid " + f.uid("citizens", 2)) != std::string::npos);
    CHECK(r.detail.find("name_enc") != std::string::npos);
    // Swapped fields no longer open: the store shows nothing rather than the wrong person's name.
    auto thuy = f.rec->sessions->findCitizen("038190001234");
    REQUIRE(thuy);
    CHECK(thuy->card.fullName.empty());
    // A field moved to another column of the same row does not open either.
    REQUIRE(f.rec->db->exec("UPDATE citizens SET address_enc = birth_enc WHERE id = 3"));
    CHECK(f.result(kBinding).detail.find("address_enc") != std::string::npos);
}

TEST_CASE("db check names the audit row after one deleted, an edited row, and rows cut from the end")
{
    Fixture f;
    int64_t first = 0, last = 0;
    {
        Statement st(f.rec->db->handle(), "SELECT MIN(id), MAX(id) FROM audit");
        REQUIRE(st.step());
        first = st.int64(0);
        last = st.int64(1);
    }
    REQUIRE(last - first >= 4);
    SUBCASE("a row in the middle deleted")
    {
        REQUIRE(f.rec->db->exec("DELETE FROM audit WHERE id = " + std::to_string(first + 2)));
        f.onlyFails(kAudit, "bảng audit dòng số " + std::to_string(first + 3));
    }
    SUBCASE("a row edited")
    {
        REQUIRE(f.rec->db->exec("UPDATE audit SET actor = 'ai đó' WHERE id = " + std::to_string(first + 1)));
        f.onlyFails(kAudit, "bảng audit dòng số " + std::to_string(first + 1));
    }
    SUBCASE("the last row deleted")
    {
        REQUIRE(f.rec->db->exec("DELETE FROM audit WHERE id = " + std::to_string(last)));
        f.onlyFails(kAudit, "các dòng cuối");
    }
    SUBCASE("the first row deleted")
    {
        REQUIRE(f.rec->db->exec("DELETE FROM audit WHERE id = " + std::to_string(first)));
        f.onlyFails(kAudit, "bảng audit dòng số " + std::to_string(first + 1));
    }
    // New rows after the damage keep chaining: the trail goes on, the damage stays named.
    REQUIRE(f.rec->audit->record("cli", "after"));
    CHECK_FALSE(f.result(kAudit).ok);
}

TEST_CASE("an older database (schema 6, unbound sealed fields, no MACs, no chain) is migrated and then passes")
{
    test::TempDir dir;
    ManualClock clock;
    std::string error;
    std::string thuyUid;
    {
        test::ReportFixture f;
        // Turn the fixture's database into what a schema-6 kiosk wrote: every sealed field in the
        // older secretbox form, no MAC column, no chain column, no keyed migration recorded.
        Database& db = *f.rec->db;
        REQUIRE(f.rec->audit->record("cli", "staff_add", "Trần Văn Bảo", "volunteer"));
        REQUIRE(f.rec->audit->record("Trần Văn Bảo", "sign_in"));
        auto unbind = [&](const char* table, const char* column) {
            Statement st(db.handle(), std::string("SELECT id, uid, ") + column + " FROM " + table + " WHERE " + column + " IS NOT NULL");
            std::vector<std::pair<int64_t, std::string>> rows;
            while (st.step()) {
                auto plain = f.rec->vault->open(st.blob(2), rowAd(std::string(table) + "." + column, st.text(1)));
                REQUIRE(plain);
                rows.emplace_back(st.int64(0), f.rec->vault->seal(*plain));   // the older, unbound form
            }
            for (auto& [id, sealed] : rows)
                REQUIRE(Statement(db.handle(), std::string("UPDATE ") + table + " SET " + column + "=? WHERE id=?").bindBlob(1, sealed).bind(2, id).run());
        };
        for (const char* c : kCitizenSealedColumns) unbind("citizens", c);
        unbind("sessions", "notes_enc");
        Statement uid(db.handle(), "SELECT c.uid FROM citizens c ORDER BY id LIMIT 1");
        REQUIRE(uid.step());
        thuyUid = uid.text(0);
        uid.reset();   // no statement may be running while a table is dropped
        std::string why;
        const bool downgraded = db.exec("ALTER TABLE staff DROP COLUMN village; DROP TABLE households; DROP INDEX sessions_household; ALTER TABLE sessions DROP COLUMN household; ALTER TABLE sessions DROP COLUMN mac; ALTER TABLE audit DROP COLUMN chain; "
                                        "ALTER TABLE staff DROP COLUMN lockouts; ALTER TABLE staff DROP COLUMN weak_pin; "
                                        "DELETE FROM meta WHERE key IN ('keyed_schema', 'audit_head'); PRAGMA user_version = 6;",
                                        &why);
        REQUIRE_MESSAGE(downgraded, why);
        f.rec.reset();
        std::filesystem::copy(f.dir.path(), dir.path(), std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    }
    auto rec = Records::open(dir.path(), clock, error);
    REQUIRE_MESSAGE(rec, error);
    CHECK(rec->db->schemaVersion() == latestSchemaVersion());
    CHECK(allPass(*rec->db, *rec->vault));
    // The personal data reads back, now bound to its rows.
    auto thuy = rec->sessions->findCitizen("038190001234");
    REQUIRE(thuy);
    CHECK(thuy->card.fullName == "Nguyễn Thị Thuỷ");
    CHECK(thuy->uid == thuyUid);
    Statement st(rec->db->handle(), "SELECT name_enc FROM citizens WHERE uid=?");
    st.bind(1, thuyUid);
    REQUIRE(st.step());
    CHECK_FALSE(rec->vault->open(st.blob(0)));   // no longer the unbound form
    CHECK(rec->vault->open(st.blob(0), rowAd("citizens.name_enc", thuyUid)) == std::string("Nguyễn Thị Thuỷ"));
    // The migrated trail is chained from here on: an edit to an old row shows.
    REQUIRE(rec->db->exec("UPDATE audit SET detail = 'officer' WHERE action = 'staff_add'"));
    bool named = false;
    for (const CheckResult& r : checkDatabase(*rec->db, *rec->vault)) named = named || (r.name == kAudit && !r.ok);
    CHECK(named);
}

// `kiosk db check`'s checks on a good database, then on one broken on purpose in every way the
// checks look for (SQLite's own constraints switched off to let the damage in).
#include "kiosk/store/db_check.hpp"
#include "tests/kiosk/report/report_fixture.hpp"
#include <doctest/doctest.h>
#include <map>

using namespace kiosk;

namespace {

std::map<std::string, CheckResult> byName(const std::vector<CheckResult>& results)
{
    std::map<std::string, CheckResult> out;
    for (const CheckResult& r : results) out[r.name] = r;
    return out;
}

} // namespace

TEST_CASE("db check passes on a good database")
{
    test::ReportFixture f;
    // A correction keeps revision = 1 + corrections.
    SessionEdit edit;
    edit.endedAt = test::vietnamTime(2026, 1, 5, 9, 30);
    edit.village = "Thôn Đông";
    edit.services = {{"vneid_install", Outcome::Done}, {"vneid_level2", Outcome::Done}};
    std::string error;
    REQUIRE_MESSAGE(f.rec->sessions->correct(1, edit, "Trần Văn Bảo", error), error);
    const auto results = checkDatabase(*f.rec->db, *f.rec->vault);
    CHECK(results.size() >= 12);
    for (const CheckResult& r : results) CHECK_MESSAGE(r.ok, r.name << ": " << r.detail);
}

TEST_CASE("db check names every broken invariant by row number, never by a citizen's data")
{
    test::ReportFixture f;
    Database& db = *f.rec->db;
    REQUIRE(db.exec("PRAGMA foreign_keys=OFF; PRAGMA ignore_check_constraints=ON;"));
    REQUIRE(db.exec("UPDATE sessions SET staff_id = 99 WHERE id = 4"));                       // staff that does not exist
    REQUIRE(db.exec("UPDATE sessions SET ended_at = started_at - 60 WHERE id = 6"));           // ends before it starts
    REQUIRE(db.exec("UPDATE session_services SET outcome = 'maybe' WHERE session_id = 7"));    // no such outcome
    REQUIRE(db.exec("INSERT INTO session_services(session_id, code, outcome) VALUES (5, 'VNeID!', 'done')"));
    REQUIRE(db.exec("UPDATE sessions SET revision = 3 WHERE id = 2"));                         // no corrections recorded
    REQUIRE(db.exec("UPDATE citizens SET name_enc = x'00112233' WHERE id = 2"));               // not sealed with this key
    REQUIRE(db.exec("UPDATE sessions SET citizen_id = NULL WHERE id = 7"));                    // Ánh is left without a session
    REQUIRE(db.exec("UPDATE sessions SET source = 'import' WHERE id = 1"));                    // an import without its key
    REQUIRE(db.exec("INSERT INTO erasures(uid, citizen_uid, at, actor) SELECT 'e1', uid, 0, 'cli' FROM citizens WHERE id = 3"));
    REQUIRE(db.exec("PRAGMA ignore_check_constraints=OFF; PRAGMA foreign_keys=ON;"));

    const auto results = byName(checkDatabase(db, *f.rec->vault));
    auto failed = [&](const std::string& name, const std::string& detail) {
        REQUIRE_MESSAGE(results.count(name), name);
        const CheckResult& r = results.at(name);
        CHECK_MESSAGE(!r.ok, name);
        CHECK_MESSAGE(r.detail.find(detail) != std::string::npos, r.detail);
    };
    failed("Liên kết giữa các bảng (PRAGMA foreign_key_check)", "sessions số 4 → staff");
    failed("Mỗi lượt hỗ trợ có người hỗ trợ trong danh sách cán bộ", "1 dòng (số 4)");
    failed("Giờ kết thúc không trước giờ bắt đầu", "1 dòng (số 6)");
    failed("Dịch vụ đã làm: mã và kết quả hợp lệ", "2 dòng (số 5, 7)");
    failed("Số lần sửa khớp (revision = 1 + số lần sửa)", "1 dòng (số 2)");
    failed("Thông tin cá nhân mở được bằng khoá của ki-ốt này", "1 dòng (số 2)");
    failed("Mỗi người dân có ít nhất một lượt hỗ trợ", "1 dòng (số 4)");
    failed("Lượt nhập từ tệp có khoá nhập, lượt trên ki-ốt thì không", "1 dòng (số 1)");
    failed("Người dân đã xoá không còn thông tin", "1 dòng (số 3)");
    // SQLite's own check sees the rows that slipped past the CHECK constraints too.
    failed("Tệp cơ sở dữ liệu nguyên vẹn (PRAGMA integrity_check)", "CHECK constraint failed");
    CHECK(results.at("Phiên bản lược đồ").ok);
    for (const auto& [name, r] : results) {
        CHECK(r.detail.find("038") == std::string::npos);
        CHECK(r.detail.find("Tám") == std::string::npos);
    }
}

TEST_CASE("db check reports a damaged index from PRAGMA integrity_check")
{
    test::ReportFixture f;
    // Rewrite an index's definition behind SQLite's back: its entries no longer match the table.
    REQUIRE(f.rec->db->exec("PRAGMA writable_schema=ON; "
                            "UPDATE sqlite_master SET sql='CREATE INDEX sessions_started ON sessions(ended_at)' WHERE name='sessions_started'; "
                            "PRAGMA writable_schema=OFF;"));
    f.rec.reset();
    std::string error;
    f.rec = Records::open(f.dir.path(), f.clock, error);
    REQUIRE_MESSAGE(f.rec, error);
    const auto results = byName(checkDatabase(*f.rec->db, *f.rec->vault));
    const CheckResult& integrity = results.at("Tệp cơ sở dữ liệu nguyên vẹn (PRAGMA integrity_check)");
    CHECK_FALSE(integrity.ok);
    CHECK(integrity.detail.find("sessions_started") != std::string::npos);
    CHECK(integrity.detail.find("kiosk db backup") != std::string::npos);
}

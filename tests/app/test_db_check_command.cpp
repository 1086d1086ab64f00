// `kiosk db check` through the real binary: ✓ lines and status 0 on an imported quarter, ✗ with the
// row number and status 1 once a session is broken, and a clear line when there is no database.
#include "kiosk/store/database.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <cstdlib>
#include <sys/wait.h>

namespace {

struct Run {
    int status = -1;
    std::string out;
};

Run runKiosk(const test::TempDir& dir, const std::string& args)
{
    const auto out = dir / "stdout.txt";
    const std::string cmd = "\"" KIOSK_BIN "\" --data '" + (dir / "data").string() + "' " + args + " > '" + out.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    return Run{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, test::readFile(out)};
}

} // namespace

TEST_CASE("kiosk db check: every check passes on a good database and a broken session is named")
{
    test::TempDir dir;
    Run r = runKiosk(dir, "db check");
    CHECK(r.status == 1);   // no database yet: nothing is created
    CHECK(r.out.find("✗ Không có cơ sở dữ liệu") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "data" / "kiosk.sqlite3"));

    test::writeFile(dir / "q1.csv",
                    "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes\n"
                    "2026-01-05T09:00:00,2026-01-05T09:20:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,Thôn Đông,vneid_install,\n"
                    "2026-02-01T08:00:00,2026-02-01T08:10:00,Lê Thị Hoa,,,,,Thôn Tây,vneid_install,ghi chú\n");
    REQUIRE(runKiosk(dir, "session import '" + (dir / "q1.csv").string() + "'").status == 0);
    r = runKiosk(dir, "db check");
    CAPTURE(r.out);
    CHECK(r.status == 0);
    CHECK(r.out.find("✓ Tệp cơ sở dữ liệu nguyên vẹn (PRAGMA integrity_check)") != std::string::npos);
    CHECK(r.out.find("✓ Thông tin cá nhân mở được bằng khoá của ki-ốt này") != std::string::npos);
    CHECK(r.out.find("✗") == std::string::npos);

    {
        std::string error;
        auto db = kiosk::Database::open(dir / "data" / "kiosk.sqlite3", error);
        REQUIRE_MESSAGE(db, error);
        REQUIRE(db->exec("UPDATE sessions SET revision = 2 WHERE id = 2"));
    }
    r = runKiosk(dir, "db check");
    CHECK(r.status == 1);
    CHECK(r.out.find("✗ Số lần sửa khớp (revision = 1 + số lần sửa): lượt hỗ trợ có số lần sửa không khớp: 1 dòng (số 2)") != std::string::npos);
    CHECK(r.out.find("✓ Mỗi lượt hỗ trợ có người hỗ trợ trong danh sách cán bộ") != std::string::npos);
    CHECK(r.out.find("038190001234") == std::string::npos);
}

// `kiosk session import` and `kiosk report` through the real binary: a quarter of sessions
// imported from CSV gives the same figures in JSON, CSV and XLSX; importing again changes nothing;
// bad files and arguments get Vietnamese messages and non-zero statuses.
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

namespace {

struct Run {
    int status = -1;
    std::string out, err;
};

Run runKiosk(const test::TempDir& dir, const std::string& args)
{
    const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
    const std::string cmd = "\"" KIOSK_BIN "\" --data '" + (dir / "data").string() + "' --config '" + (dir / "kiosk.toml").string() + "' " + args +
                            " > '" + out.string() + "' 2> '" + err.string() + "'";
    const int rc = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = test::readFile(out);
    r.err = test::readFile(err);
    return r;
}

std::string unzipEntry(const std::filesystem::path& file, const std::string& entry)
{
    std::string out;
    if (FILE* p = ::popen(("unzip -p '" + file.string() + "' '" + entry + "' 2>/dev/null").c_str(), "r")) {
        char buf[8192];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

// Six sessions in 2026-Q1 (the fourth at 23:59 on 31 March) and one at 00:00 on 1 April.
const char* kCsv =
    "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes\n"
    "2026-01-05T09:00:00,2026-01-05T09:20:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,Thôn Đông,vneid_install;vneid_level2:partial,\n"
    "2026-02-10T14:00:00,2026-02-10T14:20:00,Trần Văn Bảo,038190001234,Nguyễn Thị Thuỷ,15/03/1990,Nữ,Thôn Đông,vneid_level2;bank_account,\"nhờ con gái, nhận OTP\"\n"
    "2026-02-01T08:00:00,2026-02-01T08:10:00,Lê Thị Hoa,,,,,Thôn Tây,vneid_install,\n"
    "2026-03-31T23:59:00,2026-04-01T00:15:00,Lê Thị Hoa,038056009876,Lê Văn Tám,02/09/1956,Nam,Thôn Tây,vneid_level2;ehealth_book:referred,\n"
    "2026-03-02T10:00:00,2026-03-02T10:30:00,Trần Văn Bảo,038066001111,Đỗ Văn An,30/12/1966,Nam,Thôn Đông,digital_signature;vneid_level2,\n"
    "2026-01-20T15:00:00,2026-01-20T15:05:00,Lê Thị Hoa,,,,,,,\n"
    "2026-04-01T00:00:00,2026-04-01T00:30:00,Phạm Minh Đức,038056009876,Lê Văn Tám,02/09/1956,Nam,Thôn Tây,bank_account,\n";

struct Fixture {
    test::TempDir dir;
    Fixture()
    {
        test::writeFile(dir / "kiosk.toml", "[targets]\nadult_population = 1000\nhouseholds = 400\n");
        test::writeFile(dir / "quy1.csv", kCsv);
    }
};

} // namespace

TEST_CASE("kiosk session import then kiosk report: the same figures in JSON, CSV and XLSX")
{
    Fixture f;
    Run r = runKiosk(f.dir, "session import '" + (f.dir / "quy1.csv").string() + "'");
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Đã nhập 7 lượt hỗ trợ") != std::string::npos);
    CHECK(r.out.find("Đã tạo 3 tài khoản cộng tác viên mới") != std::string::npos);

    // Again: nothing added.
    r = runKiosk(f.dir, "session import '" + (f.dir / "quy1.csv").string() + "'");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("Đã nhập 0 lượt hỗ trợ") != std::string::npos);
    CHECK(r.out.find("7 dòng đã có từ trước") != std::string::npos);

    r = runKiosk(f.dir, "report --quarter 2026-Q1 --out '" + (f.dir / "q1.json").string() + "'");
    CAPTURE(r.err);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(test::readFile(f.dir / "q1.json"));
    CHECK(j["commune"] == "xã Quảng Ngọc");
    CHECK(j["sessions"] == 6);
    CHECK(j["anonymous_sessions"] == 2);
    CHECK(j["citizens"] == 3);
    CHECK(j["staff_active"] == 2);
    CHECK(j["indicators"][1]["code"] == "vneid_level2");
    CHECK(j["indicators"][1]["sessions"] == 4);
    CHECK(j["indicators"][1]["citizens"] == 3);
    CHECK(j["lists"]["vneid_level2"].size() == 3);
    CHECK(j["lists"]["vneid_level2"][0]["full_name"] == "Đỗ Văn An");
    CHECK(j["lists"]["bank_account"][0]["full_name"] == "Nguyễn Thị Thuỷ");
    CHECK(j["targets"]["adult_population"] == 1000);
    bool sawSignature = false;
    for (const auto& t : j["targets"]["items"])
        if (t["code"] == "digital_signature") {
            sawSignature = true;
            CHECK(t["target_count"] == 354);
            CHECK(t["achieved"] == 1);
        }
    CHECK(sawSignature);

    r = runKiosk(f.dir, "report --quarter 2026-Q1 --format csv --out '" + (f.dir / "q1.csv").string() + "'");
    REQUIRE(r.status == 0);
    const std::string csv = test::readFile(f.dir / "q1.csv");
    CHECK(csv.rfind("\xEF\xBB\xBFsection,", 0) == 0);
    CHECK(csv.find("summary,sessions,Số lượt hỗ trợ,count,6,,,\r\n") != std::string::npos);
    CHECK(csv.find("summary,citizens,Số người dân được hỗ trợ,count,3,,,\r\n") != std::string::npos);

    r = runKiosk(f.dir, "report --quarter 2026-Q1 --out '" + (f.dir / "q1.xlsx").string() + "'");
    REQUIRE(r.status == 0);
    CHECK(r.err.find("Đã ghi báo cáo Quý I/2026") != std::string::npos);
    const std::string summary = unzipEntry(f.dir / "q1.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(summary.find("<is><t>Số lượt hỗ trợ người dân</t></is></c><c r=\"C7\" s=\"5\"><v>6</v>") != std::string::npos);
    CHECK(unzipEntry(f.dir / "q1.xlsx", "xl/worksheets/sheet3.xml").find("<t>Đỗ Văn An</t>") != std::string::npos);

    // The reports name citizens: readable by the officer who exported them, nobody else.
    namespace fs = std::filesystem;
    const fs::perms others = fs::perms::group_all | fs::perms::others_all;
    for (const char* name : {"q1.json", "q1.csv", "q1.xlsx"})
        CHECK_MESSAGE((fs::status(f.dir / name).permissions() & others) == fs::perms::none, name);

    // 2026-04-01 00:00 is the second quarter's; a month and a date range work the same way.
    r = runKiosk(f.dir, "report --quarter 2026-Q2");
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["sessions"] == 1);
    r = runKiosk(f.dir, "report --month 2026-03");
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["sessions"] == 2);
    r = runKiosk(f.dir, "report --from 2026-02-01 --to 2026-02-10");
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["sessions"] == 2);

}

TEST_CASE("kiosk session import with bad lines imports nothing and exits 1")
{
    Fixture f;
    test::writeFile(f.dir / "loi.csv",
                    "started_at,ended_at,staff,citizen_id,full_name,birth_date,gender,village,services,notes\n"
                    "2026-01-05T09:00:00,2026-01-05T09:20:00,Trần Văn Bảo,,,,,Thôn Đông,vneid_install,\n"
                    "05/01/2026 09:00,2026-01-05T09:20:00,Trần Văn Bảo,,,,,Thôn Đông,vneid_install,\n"
                    "2026-01-05T09:00:00,2026-01-05T09:20:00,Trần Văn Bảo,03819000123,Nguyễn Thị Thuỷ,15/03/1990,Nữ,Thôn Đông,,\n");
    Run r = runKiosk(f.dir, "session import '" + (f.dir / "loi.csv").string() + "'");
    CHECK(r.status == 1);
    CHECK(r.err.find("Chưa nhập gì") != std::string::npos);
    CHECK(r.err.find("dòng 3: started_at") != std::string::npos);
    CHECK(r.err.find("dòng 4: citizen_id") != std::string::npos);
    CHECK(r.err.find("Nguyễn Thị Thuỷ") == std::string::npos);
    r = runKiosk(f.dir, "report --quarter 2026-Q1");
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["sessions"] == 0);
}

TEST_CASE("kiosk report refuses a wrong period or format with status 2, and a missing database with 1")
{
    Fixture f;
    Run r = runKiosk(f.dir, "report --quarter 2026-Q5");
    CHECK(r.status == 2);
    CHECK(r.err.find("Quý \"2026-Q5\" không hợp lệ") != std::string::npos);
    r = runKiosk(f.dir, "report --quarter 2026-Q1 --month 2026-03");
    CHECK(r.status == 2);
    r = runKiosk(f.dir, "report --from 2026-01-01");
    CHECK(r.status == 2);
    r = runKiosk(f.dir, "report --month 2026-03 --format xlsx");
    CHECK(r.status == 2);
    // No database in the data folder (a mistyped --data): said, and nothing created.
    r = runKiosk(f.dir, "report --quarter 2026-Q1");
    CHECK(r.status == 1);
    CHECK(r.err.find("Không có cơ sở dữ liệu") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.dir / "data" / "kiosk.sqlite3"));
}

// `kiosk household import` and `kiosk household list` through the real binary: the counts said,
// the JSON keys, a refused file naming its lines with status 1, and the listing audited.
#include "kiosk/store/database.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace {

struct Run {
    int status = -1;
    std::string out;
};

Run runKiosk(const test::TempDir& dir, const std::string& args)
{
    const auto out = dir / "out.txt";
    const std::string cmd = "\"" KIOSK_BIN "\" --data '" + (dir / "data").string() + "' " + args + " > '" + out.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    return Run{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, test::readFile(out)};
}

} // namespace

TEST_CASE("kiosk household import and list: counts, JSON keys, a refused file named by line, re-import adds nothing")
{
    test::TempDir dir;
    test::writeFile(dir / "so-ho.csv", "\xEF\xBB\xBFhead_name,household_code,village,address,members\n"
                                       "Nguyễn Văn An,HD-001,Thôn Đông,\"12 ngõ 3, thôn Đông\",4\n"
                                       "Trần Thị Bình,HD-002,Thôn Đông,thôn Đông,\n"
                                       "Lê Văn Cường,HT-001,Thôn Tây,thôn Tây,2\n");
    Run r = runKiosk(dir, "household import '" + (dir / "so-ho.csv").string() + "'");
    CAPTURE(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("3 hộ mới") != std::string::npos);
    CHECK(r.out.find("3 hộ ở 2 thôn") != std::string::npos);
    r = runKiosk(dir, "household import '" + (dir / "so-ho.csv").string() + "'");
    CHECK(r.out.find("0 hộ mới") != std::string::npos);
    CHECK(r.out.find("3 hộ không đổi") != std::string::npos);

    r = runKiosk(dir, "household list --village 'Thôn Đông' --json");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["households"].size() == 2);
    const auto& first = j["households"][0];
    CHECK(first["household_code"] == "HD-001");
    CHECK(first["village"] == "Thôn Đông");
    CHECK(first["head_name"] == "Nguyễn Văn An");
    CHECK(first["address"] == "12 ngõ 3, thôn Đông");
    CHECK(first["members"] == 4);
    CHECK(j["households"][1]["members"].is_null());

    r = runKiosk(dir, "household list");
    CHECK(r.out.find("Thôn Tây\tHT-001\tLê Văn Cường") != std::string::npos);

    test::writeFile(dir / "bad.csv", "village,household_code,head_name,address\nThôn Đông,HD-009,,thôn Đông\n");
    r = runKiosk(dir, "household import '" + (dir / "bad.csv").string() + "'");
    CHECK(r.status == 1);
    CHECK(r.out.find("Chưa nhập gì") != std::string::npos);
    CHECK(r.out.find("dòng 2: thiếu tên chủ hộ") != std::string::npos);

    std::string error;
    auto db = kiosk::Database::open(dir / "data" / "kiosk.sqlite3", error);
    REQUIRE_MESSAGE(db, error);
    kiosk::Statement st(db->handle(), "SELECT count(*) FROM audit WHERE action='households_viewed'");
    REQUIRE(st.step());
    CHECK(st.int64(0) == 2);
}

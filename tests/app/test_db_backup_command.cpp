// `kiosk db backup` through the real binary: a copy with the rows, daily rotation keeping seven,
// and clear refusals (no database, both or neither of FILE and --rotate).
#include "kiosk/store/backup.hpp"
#include "kiosk/store/database.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

int runKiosk(const test::TempDir& dir, const std::string& args, std::string* err = nullptr)
{
    const std::string cmd = "\"" KIOSK_BIN "\" --data \"" + (dir / "data").string() + "\" " + args + " > \"" + (dir / "out.txt").string() +
                            "\" 2> \"" + (dir / "err.txt").string() + "\"";
    const int rc = std::system(cmd.c_str());
    if (err) *err = test::readFile(dir / "err.txt");
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

int64_t rows(const fs::path& file)
{
    std::string error;
    auto db = kiosk::Database::open(file, error);
    REQUIRE_MESSAGE(db, error);
    kiosk::Statement s(db->handle(), "SELECT count(*) FROM probe");
    return s.step() ? s.int64(0) : -1;
}

} // namespace

TEST_CASE("kiosk db backup FILE copies the database with its rows")
{
    test::TempDir dir;
    {
        std::string error;
        auto db = kiosk::Database::open(kiosk::databaseFile(dir / "data"), error);
        REQUIRE_MESSAGE(db, error);
        REQUIRE(db->exec("CREATE TABLE probe(x TEXT); INSERT INTO probe VALUES ('một'), ('hai'), ('ba')"));
        // Still open while the backup runs, as under the running kiosk.
        std::string err;
        REQUIRE_MESSAGE(runKiosk(dir, "db backup \"" + (dir / "copy.sqlite").string() + "\"", &err) == 0, err);
    }
    CHECK(rows(dir / "copy.sqlite") == 3);
    CHECK(test::readFile(dir / "out.txt").find("Đã sao lưu") != std::string::npos);
}

TEST_CASE("kiosk db backup --rotate writes today's file and keeps the last seven")
{
    test::TempDir dir;
    {
        std::string error;
        auto db = kiosk::Database::open(kiosk::databaseFile(dir / "data"), error);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE probe(x TEXT); INSERT INTO probe VALUES ('một')"));
    }
    fs::create_directories(dir / "data" / "backups");
    for (int d = 1; d <= 9; ++d) test::writeFile(dir / "data" / "backups" / ("kiosk-2025-01-0" + std::to_string(d) + ".sqlite"), "old");
    std::string err;
    REQUIRE_MESSAGE(runKiosk(dir, "db backup --rotate", &err) == 0, err);
    const auto kept = kiosk::listBackups(dir / "data" / "backups");
    REQUIRE(kept.size() == 7);
    CHECK(kept.front().filename() == "kiosk-2025-01-04.sqlite");   // the oldest three went
    CHECK(rows(kept.back()) == 1);                                 // today's, a real copy
    CHECK(kept.back().filename().string().rfind("kiosk-20", 0) == 0);
}

TEST_CASE("kiosk db backup refuses clearly")
{
    test::TempDir dir;
    std::string err;
    CHECK(runKiosk(dir, "db backup \"" + (dir / "copy.sqlite").string() + "\"", &err) == 1);
    CHECK(err.find("Không có cơ sở dữ liệu") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "copy.sqlite"));
    CHECK(runKiosk(dir, "db backup", &err) == 2);
    CHECK(err.find("kiosk db backup --rotate") != std::string::npos);
    CHECK(runKiosk(dir, "db backup --rotate \"" + (dir / "x.sqlite").string() + "\"", &err) == 2);
}

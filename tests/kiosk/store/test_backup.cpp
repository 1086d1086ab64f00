// Database backups: a real SQLite file with rows (some still in the WAL, the kiosk still running)
// is copied whole, checked, and rotated to the last seven days; a failed backup leaves no file.
#include "kiosk/store/backup.hpp"
#include "kiosk/store/database.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// Fills a kiosk database with `rows` rows in a table of the test's own, and keeps it open (as the
// running kiosk does) so the last rows are still in the -wal file when the backup runs.
std::unique_ptr<Database> filledDatabase(const fs::path& file, int rows)
{
    std::string error;
    auto db = Database::open(file, error);
    REQUIRE_MESSAGE(db, error);
    REQUIRE(db->exec("CREATE TABLE backup_probe(id INTEGER PRIMARY KEY, note TEXT NOT NULL)"));
    REQUIRE(db->exec("BEGIN"));
    for (int i = 1; i <= rows; ++i) {
        Statement s(db->handle(), "INSERT INTO backup_probe(id, note) VALUES (?, ?)");
        REQUIRE(s.bind(1, int64_t(i)).bind(2, "dòng số " + std::to_string(i)).run());
    }
    REQUIRE(db->exec("COMMIT"));
    return db;
}

int64_t countRows(const fs::path& file, std::string* journalMode = nullptr)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    int64_t n = -1;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*), max(note) FROM backup_probe WHERE note LIKE 'dòng số %'", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    st = nullptr;
    if (journalMode && sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        *journalMode = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

} // namespace

TEST_CASE("backup copies a live WAL database into one checked, private file")
{
    test::TempDir dir;
    auto db = filledDatabase(databaseFile(dir.path()), 2500);
    REQUIRE(fs::exists(dir.path() / "kiosk.sqlite3-wal"));
    REQUIRE(fs::file_size(dir.path() / "kiosk.sqlite3-wal") > 0);

    const fs::path copy = dir / "copy.sqlite";
    std::string error;
    REQUIRE_MESSAGE(backupDatabase(databaseFile(dir.path()), copy, error), error);
    CHECK_FALSE(fs::exists(dir / "copy.sqlite-wal"));
    std::string mode;
    CHECK(countRows(copy, &mode) == 2500);
    CHECK(mode == "delete");   // self-contained: no -wal needed beside it
    CHECK((fs::status(copy).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    std::string problem;
    CHECK_MESSAGE(checkDatabaseIntegrity(copy, problem), problem);

    // The kiosk keeps writing; the next backup replaces the copy with the newer state.
    REQUIRE(db->exec("INSERT INTO backup_probe(note) VALUES ('dòng số thêm')"));
    REQUIRE_MESSAGE(backupDatabase(databaseFile(dir.path()), copy, error), error);
    CHECK(countRows(copy) == 2501);
    // No temporary file is left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) files += e.path().filename().string().rfind("copy.sqlite", 0) == 0;
    CHECK(files == 1);
}

TEST_CASE("a backup that cannot be made says why and leaves the old copy alone")
{
    test::TempDir dir;
    std::string error;
    CHECK_FALSE(backupDatabase(dir / "missing.sqlite3", dir / "copy.sqlite", error));
    CHECK(error.find("Không có cơ sở dữ liệu") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "copy.sqlite"));

    auto db = filledDatabase(databaseFile(dir.path()), 10);
    test::writeFile(dir / "old.sqlite", "an older backup");
    error.clear();
    CHECK_FALSE(backupDatabase(databaseFile(dir.path()), dir / "no-such-folder" / "copy.sqlite", error));
    CHECK_FALSE(error.empty());
    CHECK(test::readFile(dir / "old.sqlite") == "an older backup");
}

TEST_CASE("integrity check finds a damaged database")
{
    test::TempDir dir;
    { auto db = filledDatabase(databaseFile(dir.path()), 3000); }
    std::string problem;
    REQUIRE(checkDatabaseIntegrity(databaseFile(dir.path()), problem));
    // Overwrite a stretch in the middle of the file (the table's pages), keeping the header.
    {
        std::string bytes = test::readFile(databaseFile(dir.path()));
        REQUIRE(bytes.size() > 40'000);
        for (size_t i = 20'000; i < 36'000; ++i) bytes[i] = static_cast<char>(0x5a);
        test::writeFile(databaseFile(dir.path()), bytes);
    }
    CHECK_FALSE(checkDatabaseIntegrity(databaseFile(dir.path()), problem));
    CHECK(problem.find("Khôi phục") != std::string::npos);
    CHECK_FALSE(checkDatabaseIntegrity(dir / "none.sqlite3", problem));
}

TEST_CASE("daily rotation keeps the last seven days and nothing else is touched")
{
    test::TempDir dir;
    auto db = filledDatabase(databaseFile(dir.path()), 50);
    const int64_t noon = 1'772'366'400;   // 2026-03-01 12:00 UTC: the same date in any time zone near Vietnam
    fs::create_directories(dir / "backups");
    test::writeFile(dir / "backups" / "notes.txt", "technician's notes");
    std::vector<fs::path> removedAll;
    for (int day = 0; day < 10; ++day) {
        std::vector<fs::path> removed;
        std::string error;
        auto made = rotateBackup(dir.path(), noon + day * 86'400, 7, removed, error);
        REQUIRE_MESSAGE(made, error);
        CHECK(countRows(*made) == 50);
        removedAll.insert(removedAll.end(), removed.begin(), removed.end());
    }
    // The same day again replaces that day's file rather than adding one.
    std::vector<fs::path> removed;
    std::string error;
    REQUIRE(rotateBackup(dir.path(), noon + 9 * 86'400 + 3600, 7, removed, error));

    const auto kept = listBackups(dir / "backups");
    REQUIRE(kept.size() == 7);
    CHECK(kept.front().filename() == "kiosk-2026-03-04.sqlite");
    CHECK(kept.back().filename() == "kiosk-2026-03-10.sqlite");
    CHECK(removedAll.size() == 3);
    CHECK(fs::exists(dir / "backups" / "notes.txt"));
    CHECK((fs::status(dir / "backups").permissions() & fs::perms::others_all) == fs::perms::none);
}

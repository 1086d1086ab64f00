// The SQLite file: WAL, migrations, and the anonymous usage log written off the caller's thread.
#include "kiosk/database.hpp"
#include "kiosk/usage_log.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("a new database is created in WAL mode at the latest schema, and reopening changes nothing")
{
    test::TempDir dir;
    std::string error;
    {
        auto db = Database::open(dir / "sub/kiosk.sqlite3", error);
        REQUIRE_MESSAGE(db, error);
        CHECK(db->schemaVersion() == latestSchemaVersion());
        Statement st(db->handle(), "PRAGMA journal_mode");
        REQUIRE(st.step());
        CHECK(st.text(0) == "wal");
    }
    auto again = Database::open(dir / "sub/kiosk.sqlite3", error);
    REQUIRE(again);
    CHECK(again->schemaVersion() == latestSchemaVersion());
}

TEST_CASE("a file from a newer version, or not a database, is refused with a message")
{
    test::TempDir dir;
    std::string error;
    test::writeFile(dir / "garbage.sqlite3", std::string(4096, 'x'));
    CHECK_FALSE(Database::open(dir / "garbage.sqlite3", error));
    CHECK(error.find("garbage.sqlite3") != std::string::npos);
    {
        auto db = Database::open(dir / "new.sqlite3", error);
        REQUIRE(db);
        db->exec("PRAGMA user_version=999");
    }
    error.clear();
    CHECK_FALSE(Database::open(dir / "new.sqlite3", error));
    CHECK(error.find("999") != std::string::npos);
}

TEST_CASE("usage events land in the database, counted by visit")
{
    test::TempDir dir;
    std::string error;
    auto db = Database::open(dir / "kiosk.sqlite3", error);
    REQUIRE(db);
    {
        UsageLog log(*db);
        log.post({{"visit_started"}, {"lesson_opened", "vneid-kich-hoat-muc-2", 1}, {"visit_ended", "", 0, "idle"}});
        log.post({{"visit_started"}, {"handoff_shown", "", 0, "vneid"}});
        log.flush();
    }
    Statement st(db->handle(), "SELECT visit, kind, lesson, detail FROM usage_events ORDER BY id");
    std::vector<std::tuple<int64_t, std::string, std::string, std::string>> rows;
    while (st.step()) rows.emplace_back(st.int64(0), st.text(1), st.text(2), st.text(3));
    REQUIRE(rows.size() == 5);
    CHECK(rows[1] == std::make_tuple(int64_t(1), std::string("lesson_opened"), std::string("vneid-kich-hoat-muc-2"), std::string()));
    CHECK(std::get<0>(rows[4]) == 2);
    CHECK(std::get<3>(rows[4]) == "vneid");
    // A restarted kiosk continues the visit counter.
    UsageLog again(*db);
    again.post({{"visit_started"}});
    again.flush();
    Statement last(db->handle(), "SELECT MAX(visit) FROM usage_events");
    REQUIRE(last.step());
    CHECK(last.int64(0) == 3);
}

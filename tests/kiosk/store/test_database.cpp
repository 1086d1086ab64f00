// The SQLite file: WAL, migrations, and the anonymous usage log written off the caller's thread.
#include "kiosk/store/database.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/flow/usage_log.hpp"
#include "tests/support/test_support.hpp"
#include <doctest/doctest.h>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

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

// A session saved while the usage log's worker holds its transaction open must not become part of
// that transaction: the worker rolls back, the session stays. (On one shared connection the save
// became a savepoint inside the worker's BEGIN and its ROLLBACK took the session with it.)
TEST_CASE("a session saved while the usage worker's transaction is open survives the worker's rollback")
{
    test::TempDir dir;
    ManualClock clock;
    std::string error;
    auto rec = Records::open(dir.path(), clock, error);
    REQUIRE_MESSAGE(rec, error);
    REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
    const int64_t staffId = rec->staff->find("Trần Văn Bảo")->id;

    UsageLog log(*rec->db);
    std::promise<void> open, release;
    auto openFuture = open.get_future();
    auto releaseFuture = release.get_future().share();
    log.setBeforeCommit([&open, releaseFuture] {
        open.set_value();
        // Hold the transaction until the save has started on the frame thread's connection (it
        // waits on the lock), then roll back.
        releaseFuture.wait_for(std::chrono::milliseconds(300));
        return false;
    });
    log.post({{"visit_started"}, {"lesson_opened", "vneid-kich-hoat-muc-2", 1}});
    REQUIRE(openFuture.wait_for(std::chrono::seconds(10)) == std::future_status::ready);

    NewSession s;
    s.staffId = staffId;
    s.startedAt = clock.unixSeconds();
    s.endedAt = s.startedAt + 60;
    s.village = "Thôn Đông";
    s.services = {{"vneid_install", Outcome::Done}};
    std::thread unblock([&release] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        release.set_value();
    });
    auto saved = rec->sessions->save(s, error);
    unblock.join();
    REQUIRE_MESSAGE(saved, error);
    log.flush();
    CHECK_FALSE(log.lastError().empty());   // the worker's batch was rolled back, as asked

    // Read through a fresh connection: what is on disk, committed.
    auto check = Database::open(dir / "kiosk.sqlite3", error);
    REQUIRE(check);
    Statement sessions(check->handle(), "SELECT COUNT(*) FROM sessions WHERE uid=?");
    sessions.bind(1, saved->uid);
    REQUIRE(sessions.step());
    CHECK(sessions.int64(0) == 1);
    Statement events(check->handle(), "SELECT COUNT(*) FROM usage_events");
    REQUIRE(events.step());
    CHECK(events.int64(0) == 0);
}

TEST_CASE("a throw inside the usage worker is caught: flush returns, the error is kept, later events are written")
{
    test::TempDir dir;
    std::string error;
    auto db = Database::open(dir / "kiosk.sqlite3", error);
    REQUIRE(db);
    UsageLog log(*db);
    log.setBeforeCommit([]() -> bool { throw std::runtime_error("injected"); });
    log.post({{"visit_started"}});
    log.flush();   // would hang for ever if `busy` stayed set (or the process would have ended)
    CHECK(log.lastError().find("injected") != std::string::npos);
    log.setBeforeCommit({});
    log.post({{"visit_started"}, {"visit_ended", "", 0, "idle"}});
    log.flush();
    Statement st(db->handle(), "SELECT COUNT(*) FROM usage_events");
    REQUIRE(st.step());
    CHECK(st.int64(0) == 2);   // the thrown batch was rolled back, the next one landed
}

namespace {
int64_t rowsIn(const std::filesystem::path& file)
{
    std::string error;
    auto other = kiosk::Database::open(file, error);   // a second, real connection to the file
    REQUIRE_MESSAGE(other, error);
    kiosk::Statement st(other->handle(), "SELECT count(*) FROM tx_probe");
    REQUIRE(st.step());
    return st.int64(0);
}
std::string describeForTest(kiosk::Database& db)
{
    return kiosk::writeFailure(db) == kiosk::WriteFailure::DiskFull ? "đầy" : "lỗi: " + db.lastError();
}
} // namespace

TEST_CASE("a Transaction keeps its rows only when committed, as a savepoint inside another, and says why a COMMIT failed")
{
    test::TempDir dir;
    std::string error;
    auto db = kiosk::Database::open(dir / "tx.sqlite3", error);
    REQUIRE_MESSAGE(db, error);
    REQUIRE(db->exec("CREATE TABLE tx_probe(v BLOB)"));
    {
        kiosk::Transaction tx(*db);
        REQUIRE(tx.open());
        CHECK_FALSE(tx.nested());
        REQUIRE(db->exec("INSERT INTO tx_probe VALUES (1)"));
        REQUIRE(tx.commit(error, describeForTest));
    }
    CHECK(rowsIn(dir / "tx.sqlite3") == 1);
    {
        kiosk::Transaction tx(*db);   // an early return: nothing committed
        REQUIRE(db->exec("INSERT INTO tx_probe VALUES (2)"));
    }
    CHECK(rowsIn(dir / "tx.sqlite3") == 1);
    {
        kiosk::Transaction outer(*db);
        REQUIRE(db->exec("INSERT INTO tx_probe VALUES (3)"));
        {
            kiosk::Transaction inner(*db);
            CHECK(inner.nested());
            REQUIRE(db->exec("INSERT INTO tx_probe VALUES (4)"));
        }   // the savepoint rolls back, the outer rows stay
        {
            kiosk::Transaction inner(*db);
            REQUIRE(db->exec("INSERT INTO tx_probe VALUES (5)"));
            REQUIRE(inner.commit(error, describeForTest));
        }
        CHECK(rowsIn(dir / "tx.sqlite3") == 1);   // nothing durable before the outer COMMIT
        REQUIRE(outer.commit(error, describeForTest));
    }
    CHECK(rowsIn(dir / "tx.sqlite3") == 3);   // 1, 3 and 5

    // A COMMIT that fails (a deferred foreign key, checked only at COMMIT): the caller's
    // description of SQLite's own error, not of the rollback's, and nothing kept.
    REQUIRE(db->exec("CREATE TABLE tx_parent(id INTEGER PRIMARY KEY); "
                     "CREATE TABLE tx_child(p INTEGER REFERENCES tx_parent(id) DEFERRABLE INITIALLY DEFERRED)"));
    {
        kiosk::Transaction tx(*db);
        REQUIRE(tx.open());
        REQUIRE(db->exec("INSERT INTO tx_probe VALUES (6)"));
        REQUIRE(db->exec("INSERT INTO tx_child VALUES (42)"));
        error.clear();
        CHECK_FALSE(tx.commit(error, describeForTest));
        CHECK(error.find("FOREIGN KEY") != std::string::npos);
        CHECK_FALSE(tx.open());
    }
    CHECK(db->exec("BEGIN IMMEDIATE; ROLLBACK"));   // no transaction was left open
    CHECK(rowsIn(dir / "tx.sqlite3") == 3);
}

TEST_CASE("a Transaction says a busy database is busy, and a ReadSnapshot holds one snapshot while another connection writes")
{
    test::TempDir dir;
    std::string error;
    auto db = kiosk::Database::open(dir / "snap.sqlite3", error);
    REQUIRE_MESSAGE(db, error);
    auto other = kiosk::Database::open(dir / "snap.sqlite3", error);
    REQUIRE_MESSAGE(other, error);
    REQUIRE(db->exec("CREATE TABLE tx_probe(v BLOB); INSERT INTO tx_probe VALUES (1)"));
    REQUIRE(other->exec("PRAGMA busy_timeout=0"));
    {
        kiosk::Transaction writer(*db);
        REQUIRE(writer.open());
        kiosk::Transaction blocked(*other);   // BEGIN IMMEDIATE while another writer holds the lock
        CHECK_FALSE(blocked.open());
        CHECK_FALSE(blocked.commit());
        CHECK(blocked.failure() == kiosk::WriteFailure::Busy);
        CHECK(writer.commit());
    }
    auto count = [](kiosk::Database& d) {
        kiosk::Statement st(d.handle(), "SELECT count(*) FROM tx_probe");
        return st.step() ? st.int64(0) : -1;
    };
    {
        const kiosk::ReadSnapshot snapshot(*db);
        CHECK(count(*db) == 1);
        REQUIRE(other->exec("INSERT INTO tx_probe VALUES (2)"));   // another connection keeps writing
        CHECK(count(*db) == 1);                                    // the snapshot does not move
    }
    CHECK(count(*db) == 2);
}

TEST_CASE("a statement's step tells a row, the end and an error apart")
{
    test::TempDir dir;
    std::string error;
    auto db = kiosk::Database::open(dir / "step.sqlite3", error);
    REQUIRE_MESSAGE(db, error);
    kiosk::Statement one(db->handle(), "SELECT 1");
    const kiosk::StepResult first = one.step();
    CHECK(first.row());
    CHECK(static_cast<bool>(first));
    const kiosk::StepResult second = one.step();
    CHECK(second.done());
    CHECK_FALSE(static_cast<bool>(second));
    CHECK_FALSE(one.failed());
    // An error raised while stepping (an integer overflow), not at prepare time.
    kiosk::Statement overflow(db->handle(), "SELECT abs(-9223372036854775807 - 1)");
    REQUIRE(overflow.ok());
    const kiosk::StepResult bad = overflow.step();
    CHECK(bad.error());
    CHECK_FALSE(static_cast<bool>(bad));
    CHECK(overflow.failed());
    kiosk::Statement unprepared(db->handle(), "SELECT FROM nowhere");
    CHECK(unprepared.step().error());
}

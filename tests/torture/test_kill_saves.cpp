// SIGKILL at random moments, 200 times, while a process saves sessions (torture_saver, through the
// real kiosk::Records and SessionStore): every session it confirmed is there with its services,
// notes and citizen, every confirmed correction too, and the database passes PRAGMA
// integrity_check, the records' own checks and `kiosk db check`.
#include "kiosk/store/db_check.hpp"
#include "kiosk/records/records.hpp"
#include "tests/support/test_support.hpp"
#include "tests/torture/torture_support.hpp"
#include "tests/upload/net_helpers.hpp"
#include <doctest/doctest.h>
#include <signal.h>
#include <chrono>
#include <map>
#include <sstream>

namespace {

struct Confirmed {
    int64_t id = 0;
    std::string uid;
    int n = 0;
    int revision = 1;
};

// Reads the saver's lines into `out`; a line cut short by the kill is not in `lines` at all.
void collect(const std::vector<std::string>& lines, std::map<int64_t, Confirmed>& out, int& corrections)
{
    for (const std::string& line : lines) {
        std::istringstream in(line);
        char kind = 0;
        in >> kind;
        if (kind == 'S') {
            Confirmed c;
            in >> c.id >> c.uid >> c.n;
            REQUIRE_MESSAGE(!in.fail(), line);
            REQUIRE_MESSAGE(out.count(c.id) == 0, "row id confirmed twice: " << line);
            out[c.id] = c;
        } else if (kind == 'C') {
            int64_t id = 0;
            int revision = 0;
            in >> id >> revision;
            REQUIRE_MESSAGE(out.count(id) == 1, line);
            out[id].revision = revision;
            ++corrections;
        } else {
            FAIL("unexpected line from torture_saver: " << line);
        }
    }
}

} // namespace

TEST_CASE("a process saving sessions, killed with SIGKILL 200 times: every confirmed session is there and the database is sound")
{
    const uint32_t seed = torture::seed();
    MESSAGE("seed " << seed << " (KIOSK_TORTURE_SEED=" << seed << " repeats these kill moments)");
    std::mt19937 rng(seed);
    test::TempDir dir;
    const auto data = dir / "data";
    {
        kiosk::SteadyClock clock;
        std::string error;
        auto records = kiosk::Records::open(data, clock, error);
        REQUIRE_MESSAGE(records, error);
        REQUIRE_MESSAGE(records->staff->add("Trần Văn Bảo", kiosk::StaffRole::Volunteer, "2468", "cli", error), error);
    }

    std::map<int64_t, Confirmed> confirmed;
    int corrections = 0, killedBeforeAnySave = 0, exitedOnItsOwn = 0;
    const int kRuns = 200;
    for (int run = 0; run < kRuns; ++run) {
        // Run r saves sessions numbered r*1000 onwards: each number says what the session holds.
        torture::Child saver({TORTURE_SAVER_BIN, data.string(), std::to_string(run * 1000), "999"}, dir / "saver.err");
        std::vector<std::string> lines;
        if (run % 2 == 0) {
            // Anywhere from the first instruction: opening the database, creating the key,
            // recovering the last run's WAL, or in the middle of a save.
            const int delay = std::uniform_int_distribution<int>(0, 200)(rng);
            const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay);
            while (std::chrono::steady_clock::now() < until && saver.readLines(1, lines)) {}
        } else {
            // After at least one confirmed save, so that every run's kill lands among the saves.
            const auto guard = std::chrono::steady_clock::now() + std::chrono::seconds(60);
            while (lines.empty() && std::chrono::steady_clock::now() < guard && saver.readLines(50, lines)) {}
            torture::sleepMs(std::uniform_int_distribution<int>(0, 25)(rng));
        }
        saver.kill();
        saver.readToEnd(lines);
        if (saver.wait() != -SIGKILL) ++exitedOnItsOwn;
        if (lines.empty()) ++killedBeforeAnySave;
        collect(lines, confirmed, corrections);
    }
    INFO("stderr of the savers: " << torture::slurp(dir / "saver.err"));
    CHECK(exitedOnItsOwn == 0);   // 999 sessions never finish before the kill; a crash would show here
    MESSAGE(kRuns << " kills; " << confirmed.size() << " sessions and " << corrections << " corrections confirmed; "
                  << killedBeforeAnySave << " kills came before any save of their run");
    REQUIRE(confirmed.size() >= size_t(kRuns / 2));

    kiosk::SteadyClock clock;
    std::string error;
    auto records = kiosk::Records::open(data, clock, error);
    REQUIRE_MESSAGE(records, error);
    CHECK(torture::integrityCheck(*records->db) == "ok");
    for (const kiosk::CheckResult& c : kiosk::checkDatabase(*records->db, *records->vault)) CHECK_MESSAGE(c.ok, c.name << ": " << c.detail);

    int missing = 0;
    for (const auto& [id, c] : confirmed) {
        const auto s = records->sessions->get(id);
        if (!s) {
            ++missing;
            continue;
        }
        const torture::Expected e = torture::expectedSession(c.n);
        INFO("session n=" << c.n << " row " << id);
        CHECK(s->uid == c.uid);
        CHECK(s->services == e.services);
        CHECK(s->notes == e.notes);   // sealed: opened with the key
        // A confirmed correction is there; an unconfirmed one may or may not be (all or nothing).
        CHECK(s->revision >= c.revision);
        CHECK(s->village == (s->revision == 1 ? e.village : e.village + " (sửa)"));
        if (e.withCitizen) {
            const kiosk::CitizenId card = torture::citizen(e.person);
            const auto who = records->sessions->findCitizen(card.id);
            REQUIRE(who);
            CHECK(who->card.fullName == card.fullName);
            CHECK(who->card.birthDateIso() == card.birthDateIso());
            CHECK(s->citizenUid == who->uid);
        } else {
            CHECK(s->citizenUid.empty());
        }
    }
    CHECK(missing == 0);
    // Sessions saved but killed before their line was printed may be there too, never fewer.
    CHECK(records->sessions->sessionCount() >= int64_t(confirmed.size()));
    records.reset();

    // The technician's own check, through the real binary.
    const nettest::RunResult r = nettest::run({KIOSK_BIN, "--data", data.string(), "db", "check"}, dir.path());
    INFO(r.out << r.err);
    CHECK(r.status == 0);
}

// 72 hours of simulated use on an accelerated clock: the frame loop's work (App and StaffFlow
// ticks, the usage log, the watchdog) driven by a ManualClock that jumps to each next wake-up, with
// citizens who finish lessons, citizens who walk away mid-lesson, staff shifts that save sessions
// and are never signed out by hand, and a nightly upload at 02:00 to the collector's real request
// handler and database (in-process: no sockets). Every walk-away ends in an idle reset, every
// shift in an automatic sign-out, and the heap (live C++ allocations) and RSS stay flat from the
// first day to the third.
#include "collector/upload_handler.hpp"
#include "kiosk/flow/app_state.hpp"
#include "kiosk/flow/kiosk_shell.hpp"
#include "kiosk/store/db_check.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/sync/uploader.hpp"
#include "kiosk/flow/usage_log.hpp"
#include "kiosk/flow/watchdog.hpp"
#include "tests/support/test_support.hpp"
#include "tests/torture/torture_support.hpp"
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>

// Live C++ heap blocks, counted for the whole test program (SQLite's own memory is
// sqlite3_memory_used(), reported beside it). Only the difference between two moments matters.
namespace {
std::atomic<long> g_liveBlocks{0};
}
void* operator new(std::size_t n)
{
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    g_liveBlocks.fetch_add(1, std::memory_order_relaxed);
    return p;
}
void operator delete(void* p) noexcept
{
    if (!p) return;
    g_liveBlocks.fetch_sub(1, std::memory_order_relaxed);
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

using namespace kiosk;

namespace {

long rssKiB()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

// The collector's request handler behind the kiosk's Transport port, as kiosk-collector serve
// would call it.
class InProcessCollector final : public Transport {
public:
    explicit InProcessCollector(collector::UploadHandler& handler) : m_handler(handler) {}
    TransportResponse post(const TransportRequest& req) override
    {
        collector::HttpRequest r{"POST", "/api/v1/upload", req.headers, req.body};
        const collector::HttpResponse a = m_handler.handle(r);
        TransportResponse out;
        out.status = a.status;
        out.contentType = "application/json";
        out.body = a.body;
        return out;
    }

private:
    collector::UploadHandler& m_handler;
};

struct Kiosk {
    test::TempDir dir;
    ManualClock clock;
    Runtime rt = test::loadRuntime();
    std::unique_ptr<Records> rec;
    std::unique_ptr<UsageLog> usage;
    std::unique_ptr<App> app;
    std::unique_ptr<StaffFlow> staff;
    std::unique_ptr<FrameWatchdog> dog;
    std::unique_ptr<collector::CollectorStore> store;
    std::unique_ptr<collector::UploadHandler> handler;
    std::string token;
    std::mt19937 rng;

    // What happened, to compare with what was expected to happen.
    int walkAways = 0, idleResets = 0, visitsFinished = 0, shifts = 0, autoSignOuts = 0, saved = 0, uploads = 0, turns = 0;
    std::unique_ptr<KioskShell> shell;   // the same wiring as `kiosk run`

    explicit Kiosk(uint32_t seed) : rng(seed)
    {
        clock.setUnixSeconds(1'772'384'400);   // 2026-03-02 00:00 in Vietnam (UTC+7)
        std::string error;
        rec = Records::open(dir / "kiosk", clock, error);
        REQUIRE_MESSAGE(rec, error);
        REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
        REQUIRE(rec->staff->add("Lê Thị Hoa", StaffRole::Officer, "1357", "cli", error));
        usage = std::make_unique<UsageLog>(*rec->db);
        app = std::make_unique<App>(rt.catalogue, rt.config, clock);
        std::vector<Problem> problems;
        staff = std::make_unique<StaffFlow>(*rec, rt.config, loadServices(rt.assetsDir / "services.toml", rt.config.province, problems), clock);
        dog = std::make_unique<FrameWatchdog>(clock, 30'000);
        store = collector::CollectorStore::open(dir / "collector", error);
        REQUIRE_MESSAGE(store, error);
        token = *store->addKiosk("Ki-ốt 1", error);
        handler = std::make_unique<collector::UploadHandler>(*store);
        ShellParts parts{*app};
        parts.staff = staff.get();
        parts.usage = [this](std::vector<UsageEvent> events) {
            for (const UsageEvent& e : events)
                if (e.kind == "visit_ended" && e.detail == "idle") ++idleResets;
            usage->post(std::move(events));
        };
        shell = std::make_unique<KioskShell>(std::move(parts));
    }

    int hourOfDay() const { return static_cast<int>(((clock.unixSeconds() + 7 * 3600) % 86400) / 3600); }

    // The frame loop with nobody touching the screen for `ms`: sleep to the next wake-up, tick.
    void idle(int64_t ms)
    {
        const int64_t until = clock.nowMs() + ms;
        while (clock.nowMs() < until) {
            int64_t wake = std::min({until, app->nextWakeMs(), staff->nextWakeMs()});
            wake = std::min(wake, clock.nowMs() + dog->maxWaitMs(60'000));
            clock.advanceMs(std::max<int64_t>(wake - clock.nowMs(), 1));
            turn();
        }
    }
    void turn()
    {
        ++turns;
        const bool staffWasActive = staff->active();
        shell->tick();
        if (staffWasActive && !staff->active()) ++autoSignOuts;
        dog->loopAdvanced();
        dog->framePresented();
        if (dog->pingDue()) dog->pinged();
        REQUIRE_FALSE(dog->hung());
    }
    // A touch: the intent, then a few seconds of reading before the next one.
    void tap(const Intent& in, int minS = 2, int maxS = 25)
    {
        app->activity();
        shell->apply({in}, {});
        turn();
        idle(1000 * std::uniform_int_distribution<int>(minS, maxS)(rng));
    }
    void staffTap(const StaffIntent& in)
    {
        staff->activity();
        shell->apply({}, {in});
        turn();
        idle(1000 * std::uniform_int_distribution<int>(2, 20)(rng));
    }

    // A citizen: a lesson to its end (quiz, rating, QR) or a walk-away in the middle.
    void citizen()
    {
        REQUIRE(app->state().screen == Screen::Attract);
        const auto& lessons = rt.catalogue.lessons;
        const Lesson& lesson = lessons[std::uniform_int_distribution<size_t>(0, lessons.size() - 1)(rng)];
        tap(intent::Start{});
        tap(intent::ChooseLanguage{rng() % 4 ? Lang::Vi : Lang::En});
        tap(intent::OpenLesson{lesson.id});
        REQUIRE(app->state().screen == Screen::Lesson);
        if (rng() % 3 == 0) {
            // Walks away after a step or two; the "Bác còn ở đó không?" countdown ends the visit.
            for (int i = std::uniform_int_distribution<int>(0, 2)(rng); i > 0; --i) tap(intent::NextStep{});
            ++walkAways;
            idle(1000 * int64_t(rt.config.idleTimeoutSeconds + rt.config.idleCountdownSeconds) + 2000);
            CHECK(app->state().screen == Screen::Attract);
            CHECK_FALSE(app->state().idlePrompt);
            return;
        }
        if (rng() % 4 == 0) {
            // Reads slowly after a last touch: the prompt comes, "Tôi vẫn ở đây" keeps the visit.
            app->activity();
            idle(1000 * int64_t(rt.config.idleTimeoutSeconds) + 3000);
            REQUIRE(app->state().idlePrompt);
            tap(intent::StillHere{});
            CHECK(app->state().screen == Screen::Lesson);
        }
        for (int guard = 0; app->state().screen == Screen::Lesson && guard < 50; ++guard) tap(intent::NextStep{});
        for (int guard = 0; app->state().screen == Screen::Quiz && guard < 50; ++guard) {
            tap(intent::ChooseAnswer{rng() % 2});
            tap(intent::NextQuestion{}, 1, 5);
        }
        REQUIRE(app->state().screen == Screen::LessonDone);
        tap(intent::Rate{rng() % 2 ? "good" : "ok"}, 1, 3);
        if (!rt.config.handoffs.empty()) tap(intent::OpenHandoff{rt.config.handoffs[rng() % rt.config.handoffs.size()].key}, 10, 40);
        tap(intent::Finish{}, 1, 2);
        idle(1000 * int64_t(rt.config.thanksSeconds) + 1000);   // the thank-you screen goes home by itself
        CHECK(app->state().screen == Screen::Attract);
        ++visitsFinished;
    }

    // A staff shift: the hidden gesture, the PIN, a few sessions, then they leave without signing out.
    void shift(const std::string& name, const std::string& pin)
    {
        REQUIRE(app->state().screen == Screen::Attract);
        tap(intent::Start{});
        shell->apply({intent::OpenStaff{}}, {});
        turn();
        REQUIRE(staff->active());
        staffTap(staff_intent::ChooseStaff{name});
        for (char c : pin) staffTap(staff_intent::PinDigit{c});
        staffTap(staff_intent::PinSubmit{});
        REQUIRE(staff->awaitPinCheck());
        REQUIRE_MESSAGE(staff->state().screen == StaffScreen::Home, staff->state().message);
        ++shifts;
        for (int s = 0; s < 3; ++s) {
            staffTap(staff_intent::NewSession{});
            const int kind = std::uniform_int_distribution<int>(0, 2)(rng);
            const int person = std::uniform_int_distribution<int>(0, 400)(rng);
            if (kind == 0) {
                staffTap(staff_intent::Anonymous{});
            } else if (kind == 1) {
                staffTap(staff_intent::CodeRead{torture::cardPayload(person)});
                staffTap(staff_intent::ConsentYes{});
            } else {
                const CitizenId c = torture::citizen(person);
                char birth[16];
                std::snprintf(birth, sizeof birth, "%02d%02d%04d", c.birthDay, c.birthMonth, c.birthYear);
                staffTap(staff_intent::StartTyping{});
                staffTap(staff_intent::TypedId{c.id, c.fullName, birth});
                staffTap(staff_intent::ConsentYes{});
            }
            REQUIRE_MESSAGE(staff->state().screen == StaffScreen::Checklist, staff->state().message);
            staffTap(staff_intent::ToggleService{"vneid_install"});
            staffTap(staff_intent::ToggleService{"vneid_level2"});
            staffTap(staff_intent::SetNotes{"Ca " + std::to_string(shifts) + ", lượt " + std::to_string(s + 1)});
            staffTap(staff_intent::Save{});
            REQUIRE_MESSAGE(staff->state().screen == StaffScreen::Summary, staff->state().message);
            ++saved;
            staffTap(staff_intent::Done{});
        }
        const int before = autoSignOuts;
        idle(1000 * int64_t(rt.config.staffIdleSeconds) + 1000);
        CHECK(autoSignOuts == before + 1);
        CHECK_FALSE(staff->active());
    }

    void nightlyUpload()
    {
        usage->flush();
        InProcessCollector transport(*handler);
        Uploader up(*rec->db, *rec->vault, transport, clock);
        UploadOptions o;
        o.url = "https://thongke.example-xa.gov.vn/api/v1/upload";
        o.token = token;
        o.version = "0.1.0";
        o.dataDir = dir / "kiosk";
        const UploadResult r = up.run(o);
        CHECK_MESSAGE(r.ok, r.message);
        ++uploads;
    }

    // One day from midnight: the upload at 02:00, opening hours 07:00–17:00 with citizens every
    // few minutes and two staff shifts, an empty lobby the rest of the time.
    void day(int d)
    {
        idle(2 * 3600 * 1000);
        nightlyUpload();
        while (hourOfDay() < 7) idle(15 * 60 * 1000);
        bool morning = false, afternoon = false;
        while (hourOfDay() < 17) {
            if (!morning && hourOfDay() >= 8) {
                shift(d % 2 ? "Lê Thị Hoa" : "Trần Văn Bảo", d % 2 ? "1357" : "2468");
                morning = true;
            } else if (!afternoon && hourOfDay() >= 14) {
                shift(d % 2 ? "Trần Văn Bảo" : "Lê Thị Hoa", d % 2 ? "2468" : "1357");
                afternoon = true;
            } else {
                citizen();
            }
            idle(1000 * std::uniform_int_distribution<int>(30, 600)(rng));
        }
        while (hourOfDay() != 0) idle(15 * 60 * 1000);
    }
};

} // namespace

TEST_CASE("72 hours of simulated use on an accelerated clock: idle resets always fire, memory stays flat")
{
    const uint32_t seed = torture::seed();
    MESSAGE("seed " << seed);
    Kiosk k(seed);
    const int64_t start = k.clock.unixSeconds();

    k.day(0);
    k.usage->flush();
    const long blocksAfterDay1 = g_liveBlocks.load(), rssAfterDay1 = rssKiB();
    const int64_t sqliteAfterDay1 = sqlite3_memory_used();
    k.day(1);
    k.day(2);
    // The fourth night's upload carries the third day's sessions.
    k.idle(2 * 3600 * 1000);
    k.nightlyUpload();
    k.usage->flush();
    const long blocksAfterDay3 = g_liveBlocks.load(), rssAfterDay3 = rssKiB();
    const int64_t sqliteAfterDay3 = sqlite3_memory_used();

    CHECK(k.clock.unixSeconds() - start >= 72 * 3600);
    MESSAGE(k.visitsFinished << " finished visits, " << k.walkAways << " walk-aways, " << k.idleResets << " idle resets, " << k.shifts
                             << " staff shifts, " << k.autoSignOuts << " automatic sign-outs, " << k.saved << " sessions saved, " << k.uploads
                             << " uploads, " << k.turns << " loop turns");
    MESSAGE("live heap blocks " << blocksAfterDay1 << " → " << blocksAfterDay3 << "; RSS " << rssAfterDay1 << " → " << rssAfterDay3
                                << " KiB; SQLite " << sqliteAfterDay1 / 1024 << " → " << sqliteAfterDay3 / 1024 << " KiB");
    CHECK(k.walkAways > 0);
    CHECK(k.idleResets == k.walkAways);      // every walk-away, and nothing else, ended by the idle reset
    CHECK(k.shifts == 6);
    CHECK(k.autoSignOuts == k.shifts);       // nobody signed out by hand: every shift closed itself
    CHECK(k.uploads == 4);
    // Flat: the same C++ objects alive after day 3 as after day 1 (a small margin for a string
    // whose capacity grew), and no RSS growth beyond SQLite's page cache filling up.
    CHECK(blocksAfterDay3 - blocksAfterDay1 < 64);
    CHECK(rssAfterDay3 - rssAfterDay1 < 8 * 1024);

    // The records of three days: all sessions saved, all uploaded, the database sound.
    CHECK(k.rec->sessions->sessionCount() == k.saved);
    CHECK(uploadStatus(*k.rec->db).waiting.sessions == 0);
    for (const CheckResult& c : checkDatabase(*k.rec->db, *k.rec->vault)) CHECK_MESSAGE(c.ok, c.name << ": " << c.detail);
    kiosk::Statement visits(k.rec->db->handle(), "SELECT count(*) FROM usage_events WHERE kind='visit_started'");
    REQUIRE(visits.step());
    CHECK(visits.int64(0) == k.visitsFinished + k.walkAways + k.shifts);   // a shift starts with a tap on the attract screen
}

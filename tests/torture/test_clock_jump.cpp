// The clock jumping back a day (an NTP correction after a night on a dead RTC battery, a
// technician fixing the date). The kiosk's timers run on Clock::nowMs — std::chrono::steady_clock
// in the kiosk, which a change of the date does not move — and its records on Clock::unixSeconds,
// which does jump. Here only the wall time jumps, as on a real machine: idle resets, the staff
// sign-out and the watchdog keep firing on time, and a session that spans the jump is saved with
// a sane start and end (its end is clamped to its start: a duration of zero, never negative).
#include "kiosk/flow/app_state.hpp"
#include "kiosk/store/db_check.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/flow/watchdog.hpp"
#include "tests/support/test_support.hpp"
#include "tests/torture/torture_support.hpp"
#include <doctest/doctest.h>

using namespace kiosk;

namespace {

constexpr int64_t kDay = 24 * 3600;

void jumpBackADay(ManualClock& clock) { clock.setUnixSeconds(clock.unixSeconds() - kDay); }

// Advances the monotonic clock the way the frame loop sleeps: to the next wake-up, then ticks.
void runFor(ManualClock& clock, App* app, StaffFlow* staff, int64_t ms)
{
    const int64_t until = clock.nowMs() + ms;
    while (clock.nowMs() < until) {
        int64_t wake = until;
        if (app) wake = std::min(wake, app->nextWakeMs());
        if (staff) wake = std::min(wake, staff->nextWakeMs());
        // A wake-up in the past would spin; the loop waits at least 1 ms (run_command.cpp).
        clock.advanceMs(std::max<int64_t>(wake - clock.nowMs(), 1));
        if (app) app->tick();
        if (staff) staff->tick();
    }
}

} // namespace

TEST_CASE("the clock jumping back a day mid-visit: the idle prompt and reset still come on time")
{
    ManualClock clock;
    clock.setUnixSeconds(1'795'000'000);
    Runtime rt = test::loadRuntime();
    App app(rt.catalogue, rt.config, clock);
    app.apply(intent::Start{});
    app.apply(intent::ChooseLanguage{Lang::Vi});
    app.apply(intent::OpenLesson{rt.catalogue.lessons.front().id});
    REQUIRE(app.state().screen == Screen::Lesson);
    app.takeEvents();

    for (int round = 0; round < 3; ++round) {
        jumpBackADay(clock);
        const int64_t idleMs = int64_t(rt.config.idleTimeoutSeconds) * 1000;
        runFor(clock, &app, nullptr, idleMs - 1000);
        CHECK_FALSE(app.state().idlePrompt);
        runFor(clock, &app, nullptr, 1000);
        CHECK(app.state().idlePrompt);
        jumpBackADay(clock);   // during the countdown, too
        runFor(clock, &app, nullptr, int64_t(rt.config.idleCountdownSeconds) * 1000);
        CHECK(app.state().screen == Screen::Attract);
        bool endedIdle = false;
        for (const UsageEvent& e : app.takeEvents()) endedIdle |= e.kind == "visit_ended" && e.detail == "idle";
        CHECK(endedIdle);
        // The next citizen.
        app.apply(intent::Start{});
        app.apply(intent::ChooseLanguage{Lang::Vi});
        app.apply(intent::OpenLesson{rt.catalogue.lessons.back().id});
        REQUIRE(app.state().screen == Screen::Lesson);
    }
}

TEST_CASE("the clock jumping back a day during an assisted session: saved with a sane start and end, and staff are still signed out")
{
    test::TempDir dir;
    ManualClock clock;
    clock.setUnixSeconds(1'795'000'000);   // 2026-11-18
    Runtime rt = test::loadRuntime();
    std::string error;
    auto rec = Records::open(dir.path(), clock, error);
    REQUIRE_MESSAGE(rec, error);
    REQUIRE(rec->staff->add("Trần Văn Bảo", StaffRole::Volunteer, "2468", "cli", error));
    std::vector<Problem> problems;
    StaffFlow flow(*rec, rt.config, loadServices(rt.assetsDir / "services.toml", rt.config.province, problems), clock);
    auto apply = [&](const StaffIntent& in) { flow.apply(in); };
    apply(staff_intent::Open{});
    apply(staff_intent::ChooseStaff{"Trần Văn Bảo"});
    for (char c : std::string("2468")) apply(staff_intent::PinDigit{c});
    apply(staff_intent::PinSubmit{});
    REQUIRE(flow.awaitPinCheck());
    REQUIRE(flow.state().screen == StaffScreen::Home);

    apply(staff_intent::NewSession{});
    const int64_t started = flow.state().startedAt;
    apply(staff_intent::CodeRead{torture::cardPayload(17)});
    REQUIRE(flow.state().screen == StaffScreen::Consent);
    apply(staff_intent::ConsentYes{});
    apply(staff_intent::ToggleService{"vneid_install"});
    clock.advanceSeconds(300);
    jumpBackADay(clock);   // the session "ends" a day before it started
    apply(staff_intent::Save{});
    REQUIRE_MESSAGE(flow.state().screen == StaffScreen::Summary, flow.state().message);
    const auto saved = rec->sessions->get(flow.state().savedId);
    REQUIRE(saved);
    CHECK(saved->startedAt == started);
    CHECK(saved->endedAt == started);   // clamped: zero minutes, never negative
    // Corrected after the jump: the end cannot go before the start either.
    apply(staff_intent::EditSaved{});
    apply(staff_intent::ToggleService{"vneid_install"});   // done → partly done
    apply(staff_intent::Save{});
    CHECK(flow.state().screen == StaffScreen::Summary);
    CHECK(rec->sessions->get(saved->id)->revision == 2);
    CHECK(rec->sessions->get(saved->id)->endedAt == started);

    // The next session starts at the jumped-back time and saves normally.
    apply(staff_intent::NewSession{});
    apply(staff_intent::Anonymous{});
    apply(staff_intent::ToggleService{"ehealth_book"});
    clock.advanceSeconds(120);
    apply(staff_intent::Save{});
    REQUIRE(flow.state().screen == StaffScreen::Summary);
    const auto second = rec->sessions->get(flow.state().savedId);
    CHECK(second->startedAt == started - kDay + 300);
    CHECK(second->endedAt == second->startedAt + 120);

    // Automatic sign-out, with the clock jumping back again while nobody touches the screen.
    jumpBackADay(clock);
    runFor(clock, nullptr, &flow, int64_t(rt.config.staffIdleSeconds) * 1000 - 1000);
    CHECK(flow.active());
    runFor(clock, nullptr, &flow, 1000);
    CHECK_FALSE(flow.active());

    for (const CheckResult& c : checkDatabase(*rec->db, *rec->vault)) CHECK_MESSAGE(c.ok, c.name << ": " << c.detail);
}

TEST_CASE("a session whose end is before its start is refused by the store, with a message, and nothing is saved")
{
    test::TempDir dir;
    ManualClock clock;
    std::string error;
    auto rec = Records::open(dir.path(), clock, error);
    REQUIRE_MESSAGE(rec, error);
    const int64_t staff = *rec->staff->ensureImported("Trần Văn Bảo");
    NewSession s = torture::newSession(3, staff, clock.unixSeconds());
    s.endedAt = s.startedAt - kDay;
    CHECK_FALSE(rec->sessions->save(s, error));
    CHECK(error == "giờ kết thúc trước giờ bắt đầu");
    CHECK(rec->sessions->sessionCount() == 0);
    s.endedAt = s.startedAt;
    const auto ok = rec->sessions->save(s, error);
    REQUIRE_MESSAGE(ok, error);
    SessionEdit edit;
    edit.endedAt = s.startedAt - kDay;
    edit.village = s.village;
    edit.services = s.services;
    CHECK_FALSE(rec->sessions->correct(ok->id, edit, "Trần Văn Bảo", error));
    CHECK(rec->sessions->get(ok->id)->revision == 1);
}

TEST_CASE("the clock jumping back a day: the frame watchdog neither reports a hang nor stops pinging")
{
    ManualClock clock;
    FrameWatchdog dog(clock, 30'000);
    dog.framePresented();
    for (int turn = 0; turn < 200; ++turn) {
        if (turn % 50 == 0) jumpBackADay(clock);
        clock.advanceMs(1000);
        dog.loopAdvanced();
        CHECK_FALSE(dog.hung());
        if (dog.pingDue()) dog.pinged();
        CHECK(dog.maxWaitMs(60'000) <= dog.pingIntervalMs());
    }
    // 200 s of turns at one a second with a 15 s interval: a ping at least every 15 s.
    clock.advanceMs(15'000);
    dog.loopAdvanced();
    CHECK(dog.pingDue());
}

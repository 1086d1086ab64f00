// The watchdog policy on a ManualClock: pings follow the loop's progress, a loop that stops
// turning is "hung" and gets no more pings, the loop is told to wake in time.
#include "kiosk/flow/watchdog.hpp"
#include <doctest/doctest.h>

using kiosk::FrameWatchdog;
using kiosk::ManualClock;

TEST_CASE("watchdog: READY and the first ping wait for the first frame")
{
    ManualClock clock;
    FrameWatchdog w(clock, 10'000);
    REQUIRE(w.enabled());
    CHECK(w.pingIntervalMs() == 5'000);
    w.loopAdvanced();
    CHECK_FALSE(w.readyDue());
    CHECK_FALSE(w.pingDue());   // nothing on screen yet: start-up is TimeoutStartSec's business
    w.framePresented();
    w.loopAdvanced();
    CHECK(w.readyDue());
    CHECK(w.pingDue());
    w.readySent();
    w.pinged();
    CHECK_FALSE(w.readyDue());
    CHECK_FALSE(w.pingDue());
}

TEST_CASE("watchdog: an idle loop that keeps waking is pinged every half timeout")
{
    ManualClock clock;
    FrameWatchdog w(clock, 10'000);
    w.framePresented();
    w.loopAdvanced();
    w.pinged();
    int pings = 0;
    // 60 s of idling, waking whenever the policy says it must (no frames drawn at all).
    for (int i = 0; i < 1000 && clock.nowMs() < 1'060'000; ++i) {
        clock.advanceMs(w.maxWaitMs(60'000));
        w.loopAdvanced();
        CHECK_FALSE(w.hung());
        if (w.pingDue()) {
            w.pinged();
            ++pings;
        }
    }
    CHECK(pings == 12);
}

TEST_CASE("watchdog: a frozen loop is reported hung and gets no ping")
{
    ManualClock clock;
    FrameWatchdog w(clock, 4'000);
    w.framePresented();
    w.loopAdvanced();
    w.pinged();
    clock.advanceMs(2'500);
    CHECK_FALSE(w.hung());
    CHECK_FALSE(w.pingDue());   // the loop has not turned since the last ping
    clock.advanceMs(2'000);     // 4.5 s without a turn
    CHECK(w.hung());
    CHECK_FALSE(w.pingDue());
    // It comes back: alive again, and pinged.
    w.loopAdvanced();
    CHECK_FALSE(w.hung());
    CHECK(w.pingDue());
}

TEST_CASE("watchdog: the loop is told to wake before the next ping is due")
{
    ManualClock clock;
    FrameWatchdog w(clock, 6'000);
    w.framePresented();
    w.loopAdvanced();
    w.pinged();
    CHECK(w.maxWaitMs(60'000) == 3'000);
    CHECK(w.maxWaitMs(500) == 500);   // an earlier wake-up the loop wants anyway stays
    CHECK(w.maxWaitMs(0) == 0);       // "just poll" stays a poll
    clock.advanceMs(2'000);
    CHECK(w.maxWaitMs(60'000) == 1'000);
    clock.advanceMs(5'000);           // late: wake at once
    CHECK(w.maxWaitMs(60'000) == 1);
}

TEST_CASE("watchdog: without WatchdogSec nothing is pinged and nothing hangs")
{
    ManualClock clock;
    FrameWatchdog w(clock, 0);
    w.framePresented();
    w.loopAdvanced();
    CHECK_FALSE(w.enabled());
    CHECK(w.readyDue());   // READY=1 still goes out under Type=notify
    CHECK_FALSE(w.pingDue());
    clock.advanceMs(3'600'000);
    CHECK_FALSE(w.hung());
    CHECK(w.maxWaitMs(60'000) == 60'000);
}

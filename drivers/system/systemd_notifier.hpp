// Telling systemd how the kiosk is doing (sd_notify): READY=1 after the first frame, WATCHDOG=1
// while the frame loop advances, STOPPING=1 on the way out. Does nothing outside systemd.
#pragma once
#include "kiosk/ports/clock.hpp"
#include "kiosk/flow/watchdog.hpp"
#include <cstdint>
#include <string>

namespace drivers {

// sd_notify, read from the environment systemd sets: NOTIFY_SOCKET and WATCHDOG_USEC.
class SystemdNotifier {
public:
    SystemdNotifier();

    bool active() const { return m_active; }                 // NOTIFY_SOCKET is set
    // WatchdogSec in ms, 0 when systemd did not ask. WATCHDOG_PID is deliberately not checked:
    // under cage the kiosk is the compositor's child, not the unit's main process, and the unit
    // accepts its messages through NotifyAccess=all.
    int64_t watchdogTimeoutMs() const { return m_watchdogMs; }

    bool notify(const std::string& message) const;         // "READY=1", "WATCHDOG=1", "STATUS=..."

private:
    bool m_active = false;
    int64_t m_watchdogMs = 0;
};

// The frame loop's side of it: call turn() at the top of every loop iteration, framePresented()
// after each frame, and cap the event wait with maxWaitMs().
class LoopWatchdog {
public:
    // `testFreezeAfterFrames` > 0 (a hidden `kiosk run` option for tests): the loop hangs for good
    // after that many frames, as a stuck draw would, so a test can watch the pings stop.
    LoopWatchdog(const kiosk::Clock& clock, long long testFreezeAfterFrames = 0);
    ~LoopWatchdog();

    void turn();
    void framePresented() { m_policy.framePresented(); }
    int maxWaitMs(int wantedMs) const { return static_cast<int>(m_policy.maxWaitMs(wantedMs)); }

private:
    SystemdNotifier m_notifier;
    kiosk::FrameWatchdog m_policy;
    long long m_freezeAfter = 0;
};

} // namespace drivers

// The frame loop's liveness policy for the systemd watchdog: when to ping, how long the loop may
// sleep, and when it counts as hung. Pure (an injected Clock); drivers/ sends the pings.
#pragma once
#include "kiosk/ports/clock.hpp"
#include <cstdint>

namespace kiosk {

class FrameWatchdog {
public:
    // `timeoutMs`: systemd's WatchdogSec (WATCHDOG_USEC / 1000); 0 = no watchdog, never pings.
    // Pings go out every timeout/2, systemd's own advice, so one late wake-up is not fatal.
    FrameWatchdog(const Clock& clock, int64_t timeoutMs);

    bool enabled() const { return m_timeoutMs > 0; }
    int64_t timeoutMs() const { return m_timeoutMs; }
    int64_t pingIntervalMs() const { return m_timeoutMs / 2; }

    // The loop finished one turn: it handled its events and drew every frame it owed.
    void loopAdvanced();
    // A frame reached the screen. The first one makes the kiosk ready (READY=1).
    void framePresented();

    // READY=1 is due: the first frame is on screen and readiness was not yet reported.
    bool readyDue() const { return m_frames > 0 && !m_readySent; }
    void readySent() { m_readySent = true; }

    // WATCHDOG=1 is due: the loop advanced since the last ping and the interval has passed. A loop
    // that stopped advancing never gets another ping, so systemd restarts the kiosk.
    bool pingDue() const;
    void pinged();

    // No turn of the loop for longer than the watchdog timeout: systemd would kill it now.
    bool hung() const;

    // How long the loop may wait for events before it must wake to ping (ms); `wantedMs` is what
    // the loop would wait otherwise.
    int64_t maxWaitMs(int64_t wantedMs) const;

    int64_t framesPresented() const { return m_frames; }

private:
    const Clock& m_clock;
    int64_t m_timeoutMs = 0;
    int64_t m_lastAdvance = 0;
    int64_t m_lastPing = 0;
    bool m_advancedSincePing = false;
    bool m_pingedOnce = false;
    bool m_readySent = false;
    int64_t m_frames = 0;
};

} // namespace kiosk

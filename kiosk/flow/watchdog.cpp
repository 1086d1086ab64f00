// The watchdog policy: pings only follow real progress of the frame loop.
#include "kiosk/flow/watchdog.hpp"
#include <algorithm>

namespace kiosk {

FrameWatchdog::FrameWatchdog(const Clock& clock, int64_t timeoutMs)
    : m_clock(clock), m_timeoutMs(std::max<int64_t>(timeoutMs, 0)), m_lastAdvance(clock.nowMs()), m_lastPing(clock.nowMs())
{
}

void FrameWatchdog::loopAdvanced()
{
    m_lastAdvance = m_clock.nowMs();
    m_advancedSincePing = true;
}

void FrameWatchdog::framePresented()
{
    ++m_frames;
}

bool FrameWatchdog::pingDue() const
{
    if (!enabled() || !m_advancedSincePing || hung()) return false;
    // The first ping goes out with READY=1: systemd starts counting from readiness.
    if (!m_pingedOnce) return m_frames > 0;
    return m_clock.nowMs() - m_lastPing >= pingIntervalMs();
}

void FrameWatchdog::pinged()
{
    m_lastPing = m_clock.nowMs();
    m_advancedSincePing = false;
    m_pingedOnce = true;
}

bool FrameWatchdog::hung() const
{
    return enabled() && m_clock.nowMs() - m_lastAdvance > m_timeoutMs;
}

int64_t FrameWatchdog::maxWaitMs(int64_t wantedMs) const
{
    if (!enabled() || wantedMs <= 0) return wantedMs;
    // Wake in time for the next ping: at most one interval after the last one, never negative.
    const int64_t untilPing = m_lastPing + pingIntervalMs() - m_clock.nowMs();
    return std::clamp<int64_t>(std::min(wantedMs, untilPing), 1, std::max<int64_t>(wantedMs, 1));
}

} // namespace kiosk

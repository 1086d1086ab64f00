// sd_notify from libsystemd; the pinging policy itself is kiosk::FrameWatchdog.
#include "drivers/system/systemd_notifier.hpp"
#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>
#include <cstdlib>
#include <unistd.h>

namespace drivers {

SystemdNotifier::SystemdNotifier()
{
    const char* socket = std::getenv("NOTIFY_SOCKET");
    m_active = socket && *socket;
    if (!m_active) return;
    if (const char* usec = std::getenv("WATCHDOG_USEC"); usec && *usec) {
        char* end = nullptr;
        const unsigned long long v = std::strtoull(usec, &end, 10);
        if (end && *end == '\0' && v > 0) m_watchdogMs = static_cast<int64_t>(v / 1000);
    }
}

bool SystemdNotifier::notify(const std::string& message) const
{
    if (!m_active) return false;
    return sd_notify(0, message.c_str()) > 0;
}

LoopWatchdog::LoopWatchdog(const kiosk::Clock& clock, long long testFreezeAfterFrames)
    : m_policy(clock, m_notifier.watchdogTimeoutMs()), m_freezeAfter(testFreezeAfterFrames)
{
    if (m_policy.enabled())
        spdlog::info("systemd watchdog: báo còn chạy mỗi {} ms (WatchdogSec {} ms)", m_policy.pingIntervalMs(), m_policy.timeoutMs());
}

LoopWatchdog::~LoopWatchdog()
{
    m_notifier.notify("STOPPING=1");
}

void LoopWatchdog::turn()
{
    if (m_freezeAfter > 0 && m_policy.framesPresented() >= m_freezeAfter) {
        spdlog::warn("vòng lặp khung hình dừng hẳn theo yêu cầu thử nghiệm (--test-freeze-after-frames {})", m_freezeAfter);
        m_notifier.notify("STATUS=frozen for a test");
        for (;;) pause();   // a hung draw call: only a signal ends it
    }
    m_policy.loopAdvanced();
    if (m_policy.readyDue()) {
        m_notifier.notify("READY=1\nSTATUS=Ki-ốt đang chạy");
        m_policy.readySent();
    }
    if (m_policy.pingDue()) {
        m_notifier.notify("WATCHDOG=1");
        m_policy.pinged();
    }
}

} // namespace drivers

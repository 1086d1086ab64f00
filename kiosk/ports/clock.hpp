// The clock port: the state machine asks it for time, tests drive a manual one.
#pragma once
#include <chrono>
#include <cstdint>

namespace kiosk {

class Clock {
public:
    virtual ~Clock() = default;
    virtual int64_t nowMs() const = 0;   // monotonic milliseconds
    virtual int64_t unixSeconds() const = 0;   // wall time, for records and lockouts that outlive a restart
};

class SteadyClock final : public Clock {
public:
    int64_t nowMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
    int64_t unixSeconds() const override
    {
        using namespace std::chrono;
        return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    }
};

class ManualClock final : public Clock {
public:
    int64_t nowMs() const override { return m_now; }
    int64_t unixSeconds() const override { return m_unixStart + (m_now - 1'000'000) / 1000; }
    void advanceMs(int64_t ms) { m_now += ms; }
    void advanceSeconds(double s) { m_now += static_cast<int64_t>(s * 1000.0); }
    void setUnixSeconds(int64_t t) { m_unixStart = t - (m_now - 1'000'000) / 1000; }

private:
    int64_t m_now = 1'000'000;
    int64_t m_unixStart = 1'772'323'200;   // 2026-03-01 00:00 UTC
};

} // namespace kiosk

// The usage log's worker: batches events into one transaction per wake-up.
#include "kiosk/usage_log.hpp"
#include <spdlog/spdlog.h>
#include <chrono>
#include <ctime>

namespace kiosk {

namespace {
std::string utcNow()
{
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}
} // namespace

UsageLog::UsageLog(Database& db) : m_db(db)
{
    Statement st(db.handle(), "SELECT COALESCE(MAX(visit), 0) FROM usage_events");
    if (st.step()) m_visit = st.int64(0);
    m_thread = std::thread([this] { run(); });
}

UsageLog::~UsageLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void UsageLog::post(std::vector<UsageEvent> events)
{
    if (events.empty()) return;
    {
        std::lock_guard lock(m_mutex);
        for (auto& e : events) m_queue.push_back(std::move(e));
    }
    m_cv.notify_one();
}

void UsageLog::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

std::string UsageLog::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

void UsageLog::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty() && m_stop) break;
        std::vector<UsageEvent> batch(std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.end()));
        m_queue.clear();
        m_busy = true;
        lock.unlock();
        bool ok = write(batch);
        lock.lock();
        m_busy = false;
        if (!ok) m_lastError = m_db.lastError();
        m_idle.notify_all();
    }
}

bool UsageLog::write(const std::vector<UsageEvent>& batch)
{
    const std::string at = utcNow();
    if (!m_db.exec("BEGIN")) return false;
    Statement ins(m_db.handle(), "INSERT INTO usage_events(at, visit, kind, lesson, step, detail) VALUES (?,?,?,?,?,?)");
    bool ok = ins.ok();
    for (const UsageEvent& e : batch) {
        if (!ok) break;
        if (e.kind == "visit_started") ++m_visit;
        ins.bind(1, at).bind(2, m_visit).bind(3, e.kind).bind(4, e.lesson).bind(5, int64_t(e.step)).bind(6, e.detail);
        ok = ins.run();
        ins.reset();
    }
    if (ok && m_db.exec("COMMIT")) return true;
    m_db.exec("ROLLBACK");
    // Statistics are anonymous and not confirmed to anyone: log the failure (no personal data in
    // these events) and carry on; the citizen's screen must never stall on the disk.
    spdlog::warn("không ghi được thống kê sử dụng: {}", m_db.lastError());
    return false;
}

} // namespace kiosk

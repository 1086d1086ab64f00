// The usage log's worker: batches events into one transaction per wake-up, on its own connection.
#include "kiosk/flow/usage_log.hpp"
#include <spdlog/spdlog.h>
#include <chrono>
#include <ctime>
#include <exception>

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

UsageLog::UsageLog(const Database& db)
{
    std::string error;
    m_db = Database::open(db.file(), error);
    if (!m_db) {
        // Anonymous statistics only: the kiosk carries on without them.
        m_lastError = error;
        spdlog::warn("thống kê sử dụng sẽ không được ghi: {}", error);
    } else {
        Statement st(m_db->handle(), "SELECT COALESCE(MAX(visit), 0) FROM usage_events");
        if (st.step()) m_visit = st.int64(0);
    }
    m_thread = std::thread([this] { run(); });
}

void UsageLog::setBeforeCommit(std::function<bool()> hook)
{
    std::lock_guard lock(m_mutex);
    m_beforeCommit = std::move(hook);
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
        bool ok = false;
        std::string error;
        // A throw here would end the process and leave `busy` set: it is caught, logged without
        // the events (anonymous anyway, but the message is all a technician needs), and the
        // batch is dropped.
        try {
            ok = write(batch);
            if (!ok) error = m_db ? m_db->lastError() : "không mở được cơ sở dữ liệu";
        } catch (const std::exception& e) {
            error = std::string("lỗi bất ngờ khi ghi thống kê: ") + e.what();
            spdlog::error("{}", error);
        } catch (...) {
            error = "lỗi bất ngờ khi ghi thống kê";
            spdlog::error("{}", error);
        }
        lock.lock();
        m_busy = false;
        if (!ok) m_lastError = error;
        m_idle.notify_all();
    }
}

bool UsageLog::write(const std::vector<UsageEvent>& batch)
{
    if (!m_db) return false;
    Database& db = *m_db;
    const std::string at = utcNow();
    // IMMEDIATE: take the write lock now (waiting out the frame thread's save under
    // busy_timeout) rather than fail halfway through the batch.
    Transaction tx(db);   // rolled back on every way out, a throwing hook included
    if (!tx.open()) return false;
    std::function<bool()> hook;
    {
        std::lock_guard lock(m_mutex);
        hook = m_beforeCommit;
    }
    Statement ins(db.handle(), "INSERT INTO usage_events(at, visit, kind, lesson, step, detail) VALUES (?,?,?,?,?,?)");
    bool ok = ins.ok();
    for (const UsageEvent& e : batch) {
        if (!ok) break;
        if (e.kind == "visit_started") ++m_visit;
        ins.bind(1, at).bind(2, m_visit).bind(3, e.kind).bind(4, e.lesson).bind(5, int64_t(e.step)).bind(6, e.detail);
        ok = ins.run();
        ins.reset();
    }
    if (ok && hook) ok = hook();
    std::string error;
    if (!ok) error = db.lastError();
    else if (tx.commit(error, [](Database& d) { return d.lastError(); })) return true;
    // Statistics are anonymous and not confirmed to anyone: log the failure (no personal data in
    // these events) and carry on; the citizen's screen must never stall on the disk.
    spdlog::warn("không ghi được thống kê sử dụng: {}", error);
    return false;
}

} // namespace kiosk

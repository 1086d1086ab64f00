// Writes anonymous usage events to SQLite on a worker thread, off the frame loop.
#pragma once
#include "kiosk/app_state.hpp"
#include "kiosk/database.hpp"
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace kiosk {

class UsageLog {
public:
    explicit UsageLog(Database& db);
    ~UsageLog();                                   // flushes what is queued, then stops
    void post(std::vector<UsageEvent> events);     // never blocks on the disk
    void flush();                                  // waits until everything posted is written
    std::string lastError() const;

private:
    void run();
    bool write(const std::vector<UsageEvent>& batch);

    Database& m_db;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::condition_variable m_idle;
    std::deque<UsageEvent> m_queue;
    bool m_stop = false;
    bool m_busy = false;
    int64_t m_visit = 0;
    std::string m_lastError;
    std::thread m_thread;
};

} // namespace kiosk

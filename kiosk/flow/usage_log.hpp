// Writes anonymous usage events to SQLite on a worker thread, off the frame loop, through the
// worker's own connection to the file (a transaction on a shared connection would swallow the
// frame thread's writes).
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "kiosk/store/database.hpp"
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kiosk {

class UsageLog {
public:
    // Opens a second connection to `db`'s file for the worker (WAL lets both write in turn).
    explicit UsageLog(const Database& db);
    ~UsageLog();                                   // flushes what is queued, then stops
    UsageLog(const UsageLog&) = delete;
    UsageLog& operator=(const UsageLog&) = delete;
    void post(std::vector<UsageEvent> events);     // never blocks on the disk
    void flush();                                  // waits until everything posted is written
    std::string lastError() const;
    // Tests only: called on the worker inside its open transaction, before COMMIT; returning false
    // rolls the batch back, throwing exercises the worker's guard.
    void setBeforeCommit(std::function<bool()> hook);

private:
    void run();
    bool write(const std::vector<UsageEvent>& batch);

    std::unique_ptr<Database> m_db;   // the worker's own connection; null if it could not open
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::condition_variable m_idle;
    std::deque<UsageEvent> m_queue;
    bool m_stop = false;
    bool m_busy = false;
    int64_t m_visit = 0;
    std::string m_lastError;
    std::function<bool()> m_beforeCommit;
    std::thread m_thread;
};

} // namespace kiosk

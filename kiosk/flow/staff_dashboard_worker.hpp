// Builds the staff home's dashboard off the frame thread. The quarter's report reads every session
// of the quarter (tens of milliseconds on a cheap box with a year of records), too long for a frame:
// a worker thread builds it through its own SQLite connection (WAL: it reads beside the frame
// thread's writes, never inside their transactions) and the flow takes the result at a tick.
#pragma once
#include "kiosk/content/config.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/flow/staff_dashboard.hpp"
#include "kiosk/store/vault.hpp"
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk {

class DashboardWorker {
public:
    // `databaseFile` is opened again on the worker's thread at its first build.
    DashboardWorker(std::filesystem::path databaseFile, const Vault& vault, const Config& config, std::vector<ServiceDef> services);
    ~DashboardWorker();   // finishes the build in progress, then stops
    DashboardWorker(const DashboardWorker&) = delete;
    DashboardWorker& operator=(const DashboardWorker&) = delete;

    // Asks for a dashboard as of `nowUnix`. While one is being built, the newest request waits
    // and is built next (the figures shown are never older than the last request).
    void request(int64_t nowUnix);
    // A finished dashboard, once; empty while none is ready.
    std::optional<Dashboard> take();
    // A request not yet taken (being built, waiting, or finished and not taken).
    bool busy() const;
    // Waits up to `timeoutMs` until nothing is being built or waiting (tests, the screenshot demo).
    bool await(int timeoutMs);

private:
    void run();
    Dashboard build(int64_t nowUnix);

    const std::filesystem::path m_file;
    const Vault& m_vault;
    const Config& m_config;
    const std::vector<ServiceDef> m_services;
    std::unique_ptr<Database> m_db;   // the worker's own connection, used on its thread only

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::optional<int64_t> m_pending;   // the newest request not yet started
    bool m_building = false;
    std::optional<Dashboard> m_done;
    bool m_stop = false;
    std::thread m_thread;               // last: starts once everything above exists
};

} // namespace kiosk

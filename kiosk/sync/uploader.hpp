// The nightly upload: everything the collector has not acknowledged goes out in gzip'd JSON
// batches through a Transport; only what the collector acknowledges by id is marked sent. Retries
// with exponential backoff; a later run resumes where a cut one stopped (README: upload protocol).
#pragma once
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/sync/outbox.hpp"
#include "kiosk/ports/transport.hpp"
#include "kiosk/store/vault.hpp"
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk {

struct UploadOptions {
    std::string url;                 // the collector's endpoint, e.g. https://…/api/v1/upload
    std::string token;               // this kiosk's bearer token (never logged)
    std::string caFile;              // extra trusted CA certificate (PEM); "" = the system's
    int batchSize = 1000;            // records per request (and at most kMaxBatchBytes of JSON)
    int retries = 5;                 // further attempts of a batch after a network failure
    int backoffMs = 2000;            // the first wait; doubles after each failure
    int backoffMaxMs = 300000;
    int timeoutSeconds = 60;         // one request, connection to last byte
    std::string version;             // the kiosk's version, in the heartbeat
    std::filesystem::path dataDir;   // its free space goes into the heartbeat
};

struct UploadResult {
    bool ok = false;                 // everything waiting was acknowledged
    bool badSettings = false;        // the URL or token is unusable: nothing was tried
    std::string message;             // Vietnamese: what happened, what was kept, what to do
    OutboxCounts acknowledged;       // in this run
    OutboxCounts waiting;            // after this run
    int requests = 0;                // HTTP requests made, retries included
};

class Uploader {
public:
    Uploader(Database& db, const Vault& vault, Transport& transport, const Clock& clock);

    // Waits `ms` between retries; false stops the run (the staff screen's worker cancels this
    // way). The default sleeps.
    void setWait(std::function<bool(int ms)> wait) { m_wait = std::move(wait); }

    UploadResult run(const UploadOptions& options);

private:
    enum class BatchOutcome { Done, Stop };
    BatchOutcome sendBatch(const UploadOptions& o, const std::vector<OutboxRecord>& records, UploadResult& result, std::string& problem);

    Database& m_db;
    Outbox m_outbox;
    Transport& m_transport;
    const Clock& m_clock;
    std::function<bool(int)> m_wait;
};

// "Upload now" for the staff screen: runs an upload on a worker thread with its own connection to
// the data folder, so the frame loop never waits on the network. One run at a time.
class UploadWorker {
public:
    using TransportFactory = std::function<std::unique_ptr<Transport>()>;
    UploadWorker(std::filesystem::path dataDir, TransportFactory makeTransport);
    ~UploadWorker();   // cancels a waiting retry and joins

    bool start(const UploadOptions& options);     // false while a run is going on
    bool busy() const { return m_busy; }
    std::optional<UploadResult> takeResult();     // the finished run's result, once

private:
    UploadResult runOnce(const UploadOptions& options);

    std::filesystem::path m_dataDir;
    TransportFactory m_makeTransport;
    std::thread m_thread;
    std::atomic<bool> m_busy{false};
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_cancel = false;
    std::optional<UploadResult> m_result;
};

} // namespace kiosk

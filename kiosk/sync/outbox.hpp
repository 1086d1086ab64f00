// The upload outbox: what the commune's collector has not yet acknowledged, read from the records
// themselves (a session is waiting until the collector acknowledged its current revision), and the
// acknowledgements and upload status kept beside them in SQLite (schema migration "upload").
#pragma once
#include "kiosk/store/database.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include "kiosk/store/vault.hpp"
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

enum class RecordKind { Session, Correction, Erasure, Usage, Heartbeat };
const char* recordKindName(RecordKind k);   // "session", "correction", "erasure", "usage", "heartbeat"

// One record of an upload batch, already serialised as the protocol's JSON object.
struct OutboxRecord {
    RecordKind kind = RecordKind::Session;
    std::string id;              // stable record id: a repeat is harmless
    int64_t revision = 0;        // sessions: the revision sent (the ack must name it)
    int64_t rowId = 0;           // the local row (usage: the batch's last event id)
    int64_t eventCount = 0;      // usage: events in the batch
    std::string json;
};

struct OutboxCounts {
    int64_t sessions = 0, corrections = 0, erasures = 0, usageEvents = 0;
    int64_t total() const { return sessions + corrections + erasures + usageEvents; }
};

// What the staff screen shows about the nightly upload.
struct UploadStatus {
    int64_t lastAttempt = 0;     // unix seconds; 0 = never
    int64_t lastSuccess = 0;     // the last run that left nothing waiting
    std::string lastError;       // Vietnamese; "" after a successful run
    OutboxCounts waiting;
};

class Outbox {
public:
    Outbox(Database& db, const Vault& vault);

    // Where the current run has got to, per kind: records are read in row order after these.
    struct Cursor {
        int64_t session = 0, correction = 0, erasure = 0, usage = 0;
    };
    // The next records not yet acknowledged, at most `max` and, past the first, no more than
    // `maxBytes` of JSON, in protocol order (sessions, then corrections, erasures, statistics),
    // advancing `cursor` past them. A record that cannot be read (a sealed field that no longer
    // opens) is skipped with its id in `unreadable`. When the database itself cannot be read
    // (a statement fails), readError() says so and the records of this call must not be sent:
    // an empty answer then means "could not read", never "nothing new to send".
    std::vector<OutboxRecord> next(Cursor& cursor, int max, std::vector<std::string>& unreadable, size_t maxBytes = kMaxBatchBytes);
    const std::string& readError() const { return m_readError; }

    // Marks what the collector acknowledged, in one transaction. False with a Vietnamese message
    // (a full disk named as such) when it could not be written: then nothing is marked.
    bool markAcknowledged(const std::vector<const OutboxRecord*>& acked, int64_t now, std::string& error);

    OutboxCounts waiting();
    UploadStatus status();
    void recordAttempt(int64_t now);
    void recordOutcome(int64_t now, bool success, const std::string& error);
    const std::string& kioskId() const { return m_kioskId; }

private:
    // Each reader stops at `max` records in `out` or once `bytes` (the batch's JSON so far) has
    // reached the budget; the cursor only moves past records it added.
    struct Budget {
        size_t max = 0, maxBytes = 0, bytes = 0;
        bool full(const std::vector<OutboxRecord>& out) const { return out.size() >= max || (!out.empty() && bytes >= maxBytes); }
    };
    void readSessions(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out, std::vector<std::string>& unreadable);
    void readCorrections(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out);
    void readErasures(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out);
    void readUsage(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out);

    // Called when a reading statement failed: keeps the first message of this next() call.
    void readFailed(const char* what);

    Database& m_db;
    const Vault& m_vault;
    std::string m_kioskId;
    std::string m_readError;   // Vietnamese; "" while every read of the last next() succeeded
};

// The status as the staff screen reads it (its own short-lived look at the database).
UploadStatus uploadStatus(Database& db);

} // namespace kiosk

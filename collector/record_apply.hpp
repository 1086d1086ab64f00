// Storing one uploaded record on the collector, inside the request's transaction: sessions by uid
// and revision, corrections, erasures (applied commune-wide), statistics, heartbeats. Each kind is
// idempotent by record id, so a batch sent twice stores everything once.
#pragma once
#include "collector/collector_store.hpp"
#include <nlohmann/json.hpp>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

namespace collector {

enum class Applied {
    Ack,        // stored now or before: acknowledge
    Reject,     // the record is wrong: name it in "rejected" with `reason`, store nothing of it
    Failure,    // the database failed: abort the whole request, acknowledge nothing
};

// Record ids: 1–128 characters from [A-Za-z0-9._:-].
bool validRecordId(const std::string& id);

class RecordApplier {
public:
    RecordApplier(CollectorStore& store, int64_t kioskId) : m_store(store), m_kiosk(kioskId) {}

    // `record` is an object whose "id" is valid. `ack` receives the acknowledgement object.
    Applied apply(const nlohmann::json& record, nlohmann::json& ack, std::string& reason);
    bool erasedSomething() const { return m_erased; }
    // Resets every statement this batch prepared (call before the request's COMMIT or ROLLBACK).
    void finish();

private:
    Applied session(const nlohmann::json& r, nlohmann::json& ack, std::string& reason);
    Applied correction(const nlohmann::json& r, std::string& reason);
    Applied erasure(const nlohmann::json& r, std::string& reason);
    Applied usage(const nlohmann::json& r, std::string& reason);
    Applied heartbeat(const nlohmann::json& r, std::string& reason);
    Applied upsertCitizen(const nlohmann::json& c, int64_t& citizenId, std::string& reason);
    Applied staffId(const nlohmann::json& staff, int64_t& id, std::string& reason);
    // One prepared statement per SQL text (a string literal) for the whole batch, reset and with
    // no bindings: preparing each statement once per record was a tenth of the collector's time.
    kiosk::Statement& statement(const char* sql);

    CollectorStore& m_store;
    int64_t m_kiosk;
    bool m_erased = false;
    std::unordered_map<const char*, std::unique_ptr<kiosk::Statement>> m_statements;
    std::map<std::string, int64_t> m_staff;   // name → id, for this batch
};

} // namespace collector

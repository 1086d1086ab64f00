// Storing one uploaded record on the collector, inside the request's transaction: sessions by uid
// and revision, corrections, erasures (of what the sending kiosk sent), statistics, heartbeats.
// Each kind is idempotent by record id, so a batch sent twice stores everything once.
#pragma once
#include "collector/collector_store.hpp"
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <map>
#include <optional>
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

// How far past the collector's clock a kiosk-supplied time may lie (a kiosk's clock a little
// ahead); later times are taken as now + this, so no kiosk can pin a citizen's shared fields.
inline constexpr int64_t kClockMargin = 10 * 60;

// One kiosk's reading of a citizen's card, kept sealed per kiosk in citizen_aliases.reading_enc.
struct CitizenReading {
    std::string oldId, name, birth, address, issue, gender;
    int birthYear = 0;
    std::string serialise() const;
    static std::optional<CitizenReading> parse(const std::string& text);
};

// A lookup's outcome: a row, none, or a failed read (which must never pass for "none").
enum class Row { Found, None, Error };
Row fetch(kiosk::Statement& st, sqlite3* db);

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
    Applied storeAlias(const std::string& uid, int64_t citizenId, int64_t consentAt, const std::string& sealedReading);
    Applied writeShared(int64_t citizenId, const CitizenReading& r, int64_t consentAt);
    // Who stored the record `uid` already (`sql` selects its kiosk_id by uid).
    enum class Owner { New, ThisKiosk, OtherKiosk, Unknown /* the read failed */ };
    Owner owner(const char* sql, const std::string& uid);
    // Ack for a repeat, Reject for another kiosk's id, Failure for a failed read; nullopt: new.
    std::optional<Applied> known(const char* sql, const std::string& uid, std::string& reason);
    Row fetch(kiosk::Statement& st) { return collector::fetch(st, m_store.db().handle()); }
    std::string kioskName();
    Applied staffId(const nlohmann::json& staff, int64_t& id, std::string& reason);
    // One prepared statement per SQL text (a string literal) for the whole batch, reset and with
    // no bindings: preparing each statement once per record was a tenth of the collector's time.
    kiosk::Statement& statement(const char* sql);

    CollectorStore& m_store;
    int64_t m_kiosk;
    bool m_erased = false;
    std::unordered_map<const char*, std::unique_ptr<kiosk::Statement>> m_statements;
    std::map<std::string, int64_t> m_staff;   // name → id, for this batch
    std::string m_kioskName;
};

} // namespace collector

// Assisted sessions: what staff did for a citizen, saved durably the moment they confirm. Personal
// fields are sealed with the vault's key; a keyed hash of the ID number finds the citizen again;
// nothing personal is stored without consent. Later edits are audited corrections.
#pragma once
#include "kiosk/store/audit.hpp"
#include "kiosk/identity/cccd.hpp"
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/store/vault.hpp"
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct ServiceOutcome {
    std::string code;
    Outcome outcome = Outcome::Done;
    bool operator==(const ServiceOutcome&) const = default;
};

struct NewSession {
    int64_t staffId = 0;
    int64_t startedAt = 0;                // unix seconds
    int64_t endedAt = 0;
    std::optional<CitizenId> citizen;     // empty = anonymous
    bool consent = false;                 // the citizen tapped "Đồng ý": required with `citizen`
    std::string village;
    std::string household;                // household_code from the register; empty = none chosen
    std::string notes;                    // sealed: staff may write anything in it
    std::vector<ServiceOutcome> services;
    std::string source = "kiosk";         // "kiosk" | "import"
    std::string importKey;                // for imports: the row's identity, so a re-import adds nothing
};

struct SessionView {
    int64_t id = 0;
    std::string uid;                      // stable across kiosks and uploads
    int64_t startedAt = 0, endedAt = 0;
    std::string staffName;
    std::string citizenUid;               // empty = anonymous (or erased)
    std::string village, notes;
    std::string household;                // household_code; empty = none
    std::vector<ServiceOutcome> services;
    int revision = 1;                     // 1 + the number of corrections
    std::string source;
};

// A change staff make after saving. Every field is the new value.
struct SessionEdit {
    int64_t endedAt = 0;
    std::string village, notes;
    std::string household;
    std::vector<ServiceOutcome> services;
};

struct CitizenRecord {
    std::string uid;
    CitizenId card;                       // decrypted
    int64_t consentAt = 0;
    std::vector<SessionView> sessions;
};

struct SaveResult {
    int64_t id = 0;
    std::string uid;
    bool duplicate = false;               // an import row already saved before: nothing added
};

class SessionStore {
public:
    SessionStore(Database& db, const Vault& vault, const Clock& clock, AuditLog& audit);

    // One transaction, committed (synchronous=FULL) before it returns: when this says yes, the
    // session survives a power cut. Refuses personal data without consent, unknown staff,
    // malformed service codes, an end before the start. Called inside the caller's own
    // transaction (an import), it nests as a savepoint and the caller's COMMIT makes it durable.
    // An imported row (source "import") never overwrites a citizen already stored.
    std::optional<SaveResult> save(const NewSession& session, std::string& error);
    bool correct(int64_t sessionId, const SessionEdit& edit, std::string_view staffName, std::string& error);
    std::optional<SessionView> get(int64_t sessionId);
    std::optional<CitizenRecord> findCitizen(std::string_view idNumber);
    // Removes the citizen's personal fields and keyed hash; their sessions stay as anonymous ones.
    // False with a message when no such citizen is stored.
    bool eraseCitizen(std::string_view idNumber, std::string_view actor, std::string& error);
    int64_t sessionCount();
    int64_t citizenCount();

private:
    std::string newUid();
    std::optional<int64_t> upsertCitizen(const CitizenId& c, bool keepStored, std::string& error);
    std::vector<ServiceOutcome> servicesOf(int64_t sessionId);
    std::optional<SessionView> readSession(Statement& st);

    Database& m_db;
    const Vault& m_vault;
    const Clock& m_clock;
    AuditLog& m_audit;
    std::string m_kioskId;
};

} // namespace kiosk

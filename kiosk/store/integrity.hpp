// Tamper evidence in the kiosk's database: a keyed MAC over each session (its row and its
// services), a keyed hash chain over the audit rows, and the keyed migration that binds older
// sealed fields to their rows. `kiosk db check` verifies all of it (kiosk/store/db_check).
#pragma once
#include "kiosk/store/database.hpp"
#include "kiosk/store/vault.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The sealed columns, each bound to its row's uid (rowAd("citizens.name_enc", uid)).
extern const std::vector<const char*> kCitizenSealedColumns;   // id_enc, old_id_enc, …
constexpr const char* kSessionNotesColumn = "notes_enc";

// What the session's MAC should be, from its row as stored now; nullopt when there is no row.
std::optional<std::string> computeSessionMac(Database& db, const Vault& vault, int64_t sessionId);
// Recomputes and stores it: every write to a session (or its services, or its citizen link)
// ends with this, inside the same transaction.
bool updateSessionMac(Database& db, const Vault& vault, int64_t sessionId);

// One audit row's link: a keyed hash of the previous row's link and this row's content.
std::string auditLink(const Vault& vault, std::string_view previous, int64_t id, int64_t at, std::string_view actor,
                      std::string_view action, std::string_view subject, std::string_view detail);
// The head kept in meta('audit_head'): "<last id>:<last link>:<MAC of both>". The next row
// chains from the head, not from whatever row is last in the table, so rows cut from the end show
// (the next row no longer fits the one before it) and the head itself cannot be moved back.
std::string auditHead(const Vault& vault, int64_t lastId, std::string_view lastLink);
// False when the head is missing or not this key's.
bool readAuditHead(const Vault& vault, std::string_view head, int64_t& lastId, std::string& lastLink);

// The keyed migrations (numbered in meta 'keyed_schema'; they need the vault's key, so they run
// in Records::open after the SQL ones): 1 = reseal older fields bound to their rows, compute every
// session's MAC and the audit chain. Idempotent; one transaction.
int latestKeyedSchema();
bool migrateKeyed(Database& db, const Vault& vault, std::string& error);

// For db check: rows whose evidence does not match, named by table and uid (audit rows by id).
struct Tampered {
    std::string table;
    std::string row;      // the uid (the audit's row number)
    std::string what;     // Vietnamese: which evidence failed
};
std::vector<Tampered> checkSealedBinding(Database& db, const Vault& vault);
std::vector<Tampered> checkSessionMacs(Database& db, const Vault& vault);
std::vector<Tampered> checkAuditChain(Database& db, const Vault& vault);

} // namespace kiosk

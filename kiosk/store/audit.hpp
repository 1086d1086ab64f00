// The audit trail: who did what and when (sign-ins, lockouts, corrections, erasures).
// Never holds a citizen's name or ID number. Given the vault, each row carries a keyed hash of
// itself and the previous row's (kiosk/store/integrity), so an edited or deleted row shows in db check.
#pragma once
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/vault.hpp"
#include <string>
#include <vector>

namespace kiosk {

struct AuditEntry {
    int64_t at = 0;
    std::string actor, action, subject, detail;
};

class AuditLog {
public:
    // Without a vault (the collector's store) the rows are not chained.
    AuditLog(Database& db, const Clock& clock, const Vault* chainKey = nullptr) : m_db(db), m_clock(clock), m_chainKey(chainKey) {}
    bool record(std::string_view actor, std::string_view action, std::string_view subject = {}, std::string_view detail = {});
    std::vector<AuditEntry> recent(int limit = 100);

private:
    Database& m_db;
    const Clock& m_clock;
    const Vault* m_chainKey;
};

} // namespace kiosk

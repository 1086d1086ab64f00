// The audit trail: who did what and when (sign-ins, lockouts, corrections, erasures).
// Never holds a citizen's name or ID number.
#pragma once
#include "kiosk/clock.hpp"
#include "kiosk/database.hpp"
#include <string>
#include <vector>

namespace kiosk {

struct AuditEntry {
    int64_t at = 0;
    std::string actor, action, subject, detail;
};

class AuditLog {
public:
    AuditLog(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}
    bool record(std::string_view actor, std::string_view action, std::string_view subject = {}, std::string_view detail = {});
    std::vector<AuditEntry> recent(int limit = 100);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace kiosk

// `kiosk db check`: SQLite's own checks (integrity, foreign keys) and the records' invariants,
// one result per check, so a technician sees at once what is wrong and where.
#pragma once
#include "kiosk/store/database.hpp"
#include "kiosk/store/vault.hpp"
#include <string>
#include <vector>

namespace kiosk {

struct CheckResult {
    std::string name;      // Vietnamese: what was checked
    bool ok = true;
    std::string detail;    // Vietnamese: what is wrong, by row number (never a citizen's data)
};

std::vector<CheckResult> checkDatabase(Database& db, const Vault& vault);

} // namespace kiosk

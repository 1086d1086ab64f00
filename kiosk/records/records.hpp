// The kiosk's records opened together from its data folder: the database, the vault's key file
// beside it, the audit trail, staff accounts and sessions. Used by `kiosk run` and the CLI.
#pragma once
#include "kiosk/store/audit.hpp"
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/records/sessions.hpp"
#include "kiosk/identity/staff.hpp"
#include "kiosk/identity/staff_badge.hpp"
#include "kiosk/store/vault.hpp"
#include <filesystem>
#include <memory>
#include <string>

namespace kiosk {

struct Records {
    std::unique_ptr<Database> db;
    std::unique_ptr<Vault> vault;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<StaffStore> staff;
    std::unique_ptr<StaffBadges> badges;
    std::unique_ptr<SessionStore> sessions;

    // <data>/kiosk.sqlite3 and <data>/kiosk.key (created with mode 0600 on first run). Null with a
    // Vietnamese message when either cannot be opened.
    static std::unique_ptr<Records> open(const std::filesystem::path& dataDir, const Clock& clock, std::string& error);
    static std::filesystem::path databaseFile(const std::filesystem::path& dataDir);
    static std::filesystem::path keyFile(const std::filesystem::path& dataDir);
};

} // namespace kiosk

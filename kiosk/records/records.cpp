// Opens the data folder's database and key file together.
#include "kiosk/records/records.hpp"
#include "kiosk/store/integrity.hpp"
#include <sys/stat.h>

namespace kiosk {

std::filesystem::path Records::databaseFile(const std::filesystem::path& dataDir) { return dataDir / "kiosk.sqlite3"; }
std::filesystem::path Records::keyFile(const std::filesystem::path& dataDir) { return dataDir / "kiosk.key"; }

std::unique_ptr<Records> Records::open(const std::filesystem::path& dataDir, const Clock& clock, std::string& error)
{
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    // The folder holds personal data: only the kiosk's user may list it.
    ::chmod(dataDir.c_str(), 0700);
    auto r = std::make_unique<Records>();
    r->db = Database::open(databaseFile(dataDir), error);
    if (!r->db) return nullptr;
    for (const char* suffix : {"", "-wal", "-shm"})
        ::chmod((databaseFile(dataDir).string() + suffix).c_str(), 0600);
    r->vault = Vault::open(keyFile(dataDir), error);
    if (!r->vault) return nullptr;
    std::string e;
    if (!migrateKeyed(*r->db, *r->vault, e)) {
        error = "cơ sở dữ liệu " + databaseFile(dataDir).string() + " không dùng được: " + e;
        return nullptr;
    }
    r->audit = std::make_unique<AuditLog>(*r->db, clock, r->vault.get());
    r->staff = std::make_unique<StaffStore>(*r->db, clock, *r->audit);
    r->badges = std::make_unique<StaffBadges>(*r->db, *r->vault, clock, *r->audit, *r->staff);
    r->sessions = std::make_unique<SessionStore>(*r->db, *r->vault, clock, *r->audit);
    return r;
}

} // namespace kiosk

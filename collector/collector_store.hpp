// The collector's storage: one SQLite file with the kiosk's own schema (so the report engine runs
// over it unchanged: citizens, sessions, session_services, staff, usage_events) plus the
// collector's tables (kiosks, citizen aliases, a kiosk column), and its own vault key.
#pragma once
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/vault.hpp"
#include "kiosk/store/audit.hpp"
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace collector {

struct KioskInfo {
    int64_t id = 0;
    std::string name;
    int64_t createdAt = 0;
    std::string kioskUid;            // the kiosk's own id (the prefix of its record ids)
    int64_t lastUploadAt = 0;        // the collector's clock
    int64_t heartbeatAt = 0;         // the kiosk's clock, from its last heartbeat; 0 = none yet
    std::string version;
    int64_t freeDiskBytes = -1;
    std::string lastError;           // the kiosk's last upload error, as it reported it
    int64_t lastSuccess = 0;         // the kiosk's last complete upload (its clock)
    int64_t sessions = 0;            // sessions stored from this kiosk
    int64_t erasures = 0;            // erasure records received from this kiosk
    int64_t lastErasureAt = 0;       // the latest one's time (kiosk clock, clamped); 0 = none
};

enum class UidBinding { Bound, Refused, Error };

class CollectorStore {
public:
    // <data>/collector.sqlite3 and <data>/collector.key (created on first use, mode 0600). Null with
    // a Vietnamese message when either cannot be opened.
    static std::unique_ptr<CollectorStore> open(const std::filesystem::path& dataDir, std::string& error);

    // A new kiosk and its bearer token (returned once; only its hash is stored).
    std::optional<std::string> addKiosk(const std::string& name, std::string& error);
    std::vector<KioskInfo> listKiosks();
    // The kiosk a bearer token belongs to.
    std::optional<int64_t> authenticate(std::string_view token);
    // The kiosk's own id (the prefix of its record ids) is bound to its token by its first upload
    // (inside the caller's transaction); another id later, or one another kiosk holds, is refused.
    UidBinding bindKioskUid(int64_t kioskId, const std::string& kioskUid);

    kiosk::Database& db() { return *m_db; }
    const kiosk::Vault& vault() const { return *m_vault; }
    kiosk::AuditLog& audit() { return *m_audit; }
    const kiosk::Clock& clock() const { return m_clock; }

    static std::string tokenHash(std::string_view token);

private:
    CollectorStore() = default;
    bool migrate(std::string& error);
    bool fillReadings(std::string& error);

    kiosk::SteadyClock m_clock;
    std::unique_ptr<kiosk::Database> m_db;
    std::unique_ptr<kiosk::Vault> m_vault;
    std::unique_ptr<kiosk::AuditLog> m_audit;
};

} // namespace collector

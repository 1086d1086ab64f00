// The commune console's officer accounts, in the collector's database (table `officers`, schema 3):
// Argon2id password hashes (libsodium, as the kiosk's staff PINs), an escalating lockout after
// repeated failures, every outcome in the collector's audit log. The password itself is never
// stored, logged or returned. Names and passwords are compared with their Vietnamese letters
// composed (NFC): typed on a Mac or with Unikey's "Unicode tổ hợp", they are the same.
#pragma once
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/audit.hpp"
#include "kiosk/store/database.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace collector {

// Viewers see figures only; officers also lists with names; admins manage kiosks and officers.
enum class OfficerRole { Viewer, Officer, Admin };
const char* officerRoleName(OfficerRole r);
bool parseOfficerRole(std::string_view s, OfficerRole& out);

struct Officer {
    int64_t id = 0;
    std::string name;
    OfficerRole role = OfficerRole::Viewer;
    bool disabled = false;
    int64_t createdAt = 0;     // unix seconds
    int failedAttempts = 0;    // since the last success or the last lockout
    int64_t lockedUntil = 0;   // unix seconds; 0 = never locked since the last success
};

struct OfficerVerdict {
    enum class Kind { Ok, Unknown, WrongPassword, Locked, Disabled, Error };
    Kind kind = Kind::Error;
    std::optional<Officer> officer;   // set when Ok
    int attemptsLeft = 0;             // WrongPassword: failures before the next lockout
    int64_t lockedSeconds = 0;        // Locked: how long from now
    std::string message;              // Vietnamese, for the person signing in; never names who
};

class OfficerStore {
public:
    static constexpr int kMaxAttempts = 5;            // failures in a row before a lockout
    static constexpr int64_t kFirstLockSeconds = 60;  // then doubling...
    static constexpr int64_t kLongestLockSeconds = 3600;   // ...up to an hour
    static constexpr size_t kMinPasswordChars = 10;
    static constexpr size_t kMaxPasswordBytes = 1024;

    OfficerStore(kiosk::Database& db, kiosk::AuditLog& audit, const kiosk::Clock& clock) : m_db(db), m_audit(audit), m_clock(clock) {}

    // The lockout after `lockouts` earlier ones: 1 min, 2, 4, ... 60 min at most.
    static int64_t lockSeconds(int lockouts);
    // At least 10 characters (Unicode code points, valid UTF-8), at most 1 KiB, no control characters.
    static bool validPassword(std::string_view password, std::string& error);
    static bool validName(std::string_view name, std::string& error);

    // `actor` goes to the audit log ("cli", or later the admin's name).
    bool add(const std::string& name, OfficerRole role, std::string_view password, const std::string& actor, std::string& error);
    std::vector<Officer> list();
    std::optional<Officer> find(const std::string& name);
    // False with a message when there is no such officer; disabling twice is not an error.
    bool disable(const std::string& name, const std::string& actor, std::string& error);
    // A sign-in attempt: audited whatever the outcome; a locked or disabled account is refused
    // without spending Argon2 on the guess, an unknown name spends it anyway (same time as a wrong
    // password, so a name cannot be probed by timing).
    OfficerVerdict verify(const std::string& name, std::string_view password);
    // The stored hash (tests check it is Argon2id).
    std::string passwordHash(const std::string& name);

private:
    struct Row;
    std::optional<Row> load(const std::string& name);
    int64_t lockedUntil(const Row& r, int64_t now);
    OfficerVerdict settle(const Row& r, bool matched);

    kiosk::Database& m_db;
    kiosk::AuditLog& m_audit;
    const kiosk::Clock& m_clock;
};

} // namespace collector

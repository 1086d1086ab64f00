// Staff accounts: named, with a role, a 4–8 digit PIN stored as an Argon2id hash; five wrong PINs
// (or replaced badges, kiosk/staff_badge) lock the account for five minutes (audited). Survives
// restarts: lockouts use wall time.
#pragma once
#include "kiosk/audit.hpp"
#include "kiosk/clock.hpp"
#include "kiosk/database.hpp"
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class StaffRole { Volunteer, Officer, Admin };
const char* roleName(StaffRole r);                 // "volunteer" / "officer" / "admin"
bool parseRole(std::string_view s, StaffRole& out);

struct StaffMember {
    int64_t id = 0;
    std::string name;
    StaffRole role = StaffRole::Volunteer;
    bool disabled = false;
    bool imported = false;     // created by an import, has no PIN yet
    int64_t createdAt = 0;
};

struct SignInResult {
    enum class Kind { Ok, WrongPin, Locked, Disabled, Unknown, NoPin, Revoked };
    Kind kind = Kind::Unknown;
    std::optional<StaffMember> member;
    int attemptsLeft = 0;          // after a wrong PIN or a revoked badge
    int64_t lockedSeconds = 0;     // while locked
    std::string message;           // Vietnamese, for the PIN pad
    bool byBadge = false;          // signed in with a badge rather than the PIN
};

class StaffStore {
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr int64_t kLockSeconds = 5 * 60;

    StaffStore(Database& db, const Clock& clock, AuditLog& audit) : m_db(db), m_clock(clock), m_audit(audit) {}

    static bool validPin(std::string_view pin, std::string& error);
    bool add(std::string_view name, StaffRole role, std::string_view pin, std::string_view actor, std::string& error);
    // An account for a name met in imported records, without a PIN (cannot sign in until one is set).
    std::optional<int64_t> ensureImported(std::string_view name);
    bool setPin(std::string_view name, std::string_view pin, std::string_view actor, std::string& error);
    bool disable(std::string_view name, std::string_view actor, std::string& error);
    std::vector<StaffMember> list();
    std::optional<StaffMember> find(std::string_view name);
    SignInResult signIn(std::string_view name, std::string_view pin);
    // The account a badge belongs to (kiosk/staff_badge looked its hash up): the same disabled and
    // lockout rules as the PIN; a `revoked` badge counts as a wrong attempt.
    SignInResult signInByBadge(int64_t staffId, bool revoked);

private:
    struct Account;
    std::optional<Account> load(const char* column, const std::string& key);   // by "name" or "id"
    SignInResult attempt(const Account& account, bool matched, bool byBadge);

    Database& m_db;
    const Clock& m_clock;
    AuditLog& m_audit;
};

} // namespace kiosk

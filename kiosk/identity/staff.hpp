// Staff accounts: named, with a role, a 4–8 digit PIN (admins 6–8; no repeated or sequential
// digits) stored as an Argon2id hash; five wrong PINs (or replaced badges, kiosk/identity/staff_badge) lock
// the account for 5 min, then 15 min, 1 h, 4 h, 24 h until a good sign-in. Every attempt is
// audited. Survives restarts: lockouts use wall time.
#pragma once
#include "kiosk/store/audit.hpp"
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
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
    bool weakPin = false;      // signed in with a PIN the rules now refuse: an admin should set a new one
    std::string village;       // the team member's village ("" = not given)
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
    bool weakPin = false;          // Ok, but with a PIN the rules now refuse
};

class StaffStore {
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr int64_t kLockSeconds = 5 * 60;          // the first lockout
    // The n-th lockout since the last good sign-in (0-based): 5 min, 15 min, 1 h, 4 h, then 24 h.
    static int64_t lockSeconds(int lockouts);

    StaffStore(Database& db, const Clock& clock, AuditLog& audit) : m_db(db), m_clock(clock), m_audit(audit) {}

    // 4–8 digits (admins at least 6), not one digit repeated, not a run up or down (1234, 9876,
    // 890123), not a shorter block repeated (1212, 123123), not a well-known one (2580).
    static bool validPin(std::string_view pin, StaffRole role, std::string& error);
    static bool trivialPin(std::string_view pin);
    bool add(std::string_view name, StaffRole role, std::string_view pin, std::string_view actor, std::string& error);
    // An account for a name met in imported records, without a PIN (cannot sign in until one is set).
    std::optional<int64_t> ensureImported(std::string_view name);
    bool setPin(std::string_view name, std::string_view pin, std::string_view actor, std::string& error);
    bool disable(std::string_view name, std::string_view actor, std::string& error);
    // The team member's village (audited); "" clears it.
    bool setVillage(std::string_view name, std::string_view village, std::string_view actor, std::string& error);
    std::vector<StaffMember> list();
    std::optional<StaffMember> find(std::string_view name);
    SignInResult signIn(std::string_view name, std::string_view pin);
    // signIn in three steps, so Argon2 (~60 ms) can run off the frame's thread: begin (database,
    // quick) either answers at once (unknown, disabled, no PIN, locked: `refused`) or hands back
    // the hash to check; verifyPin runs anywhere (no database); finish records the outcome.
    struct PinChallenge {
        std::string pinHash;
        StaffRole role = StaffRole::Volunteer;
    };
    std::optional<PinChallenge> beginSignIn(std::string_view name, SignInResult& refused);
    static void verifyPin(const std::string& pinHash, std::string_view pin, StaffRole role, bool& matched, bool& weak);
    SignInResult finishSignIn(std::string_view name, bool matched, bool weak);
    // The account a badge belongs to (kiosk/identity/staff_badge looked its hash up): the same disabled and
    // lockout rules as the PIN; a `revoked` badge counts as a wrong attempt.
    SignInResult signInByBadge(int64_t staffId, bool revoked);

private:
    struct Account;
    std::optional<Account> load(const char* column, const std::string& key);   // by "name" or "id"
    SignInResult attempt(const Account& account, bool matched, bool byBadge, bool weak = false);
    int64_t lockedUntil(const Account& a, int64_t now);   // the lockout in force, clamped after a clock change

    Database& m_db;
    const Clock& m_clock;
    AuditLog& m_audit;
};

} // namespace kiosk

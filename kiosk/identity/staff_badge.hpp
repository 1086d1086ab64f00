// Staff badges: a printed card whose QR code signs its holder in without the PIN pad. The code
// holds a random secret ("BDHVS-STAFF:1:<32 base32 letters>"); the kiosk keeps only a keyed hash
// of it, a new badge revokes the holder's earlier one, and failures count like wrong PINs.
#pragma once
#include "kiosk/store/audit.hpp"
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/identity/staff.hpp"
#include "kiosk/store/vault.hpp"
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Any code starting "BDHVS-STAFF:" is meant as a badge (a damaged or foreign one counts as wrong);
// every other code is something else (a citizen's ID card, a web link).
bool looksLikeBadge(std::string_view payload);

struct IssuedBadge {
    std::string payload;       // what the QR code holds; shown once, never stored
    StaffMember member;
    int64_t issuedAt = 0;
    bool replacedOld = false;  // an earlier badge of this person was revoked
};

class StaffBadges {
public:
    // Unknown badges (forged, torn, from another kiosk) are counted for the whole kiosk: after
    // this many, badge sign-in pauses for StaffStore::kLockSeconds (the PIN pad still works).
    static constexpr int kMaxUnknown = StaffStore::kMaxAttempts;

    StaffBadges(Database& db, const Vault& vault, const Clock& clock, AuditLog& audit, StaffStore& staff)
        : m_db(db), m_vault(vault), m_clock(clock), m_audit(audit), m_staff(staff) {}

    // A new badge for an active account with a PIN; the person's earlier badge stops working.
    std::optional<IssuedBadge> issue(std::string_view name, std::string_view actor, std::string& error);
    // The person's current badge stops working (a lost card). False when they have none.
    bool revoke(std::string_view name, std::string_view actor, std::string& error);
    // When the person's current badge was issued; nullopt when they have none.
    std::optional<int64_t> currentIssuedAt(int64_t staffId);

    // A code read on the sign-in screen. Ok with the member, or a refusal with a Vietnamese message
    // (Unknown: not a badge of this kiosk; Revoked: a replaced badge; Disabled; Locked). Audited,
    // never with the token.
    SignInResult signIn(std::string_view payload);

private:
    std::string tokenHash(std::string_view token) const;
    int64_t metaInt(const char* key);
    void setMetaInt(const char* key, int64_t value);

    Database& m_db;
    const Vault& m_vault;
    const Clock& m_clock;
    AuditLog& m_audit;
    StaffStore& m_staff;
};

} // namespace kiosk

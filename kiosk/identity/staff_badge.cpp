// Badge tokens: 160 random bits (libsodium) written in base32, so the QR code stays small and a
// keyboard-wedge scanner can type it on a US layout. A badge is a bearer credential like a door
// key: the hash is keyed with the vault's hash key, so a copied database alone cannot test tokens.
#include "kiosk/identity/staff_badge.hpp"
#include <sodium.h>
#include <sqlite3.h>
#include <algorithm>
#include <cctype>

namespace kiosk {

namespace {

constexpr std::string_view kPrefix = "BDHVS-STAFF:";
constexpr std::string_view kVersion1 = "BDHVS-STAFF:1:";
constexpr size_t kTokenBytes = 20;                  // 160 bits
constexpr size_t kTokenChars = kTokenBytes * 8 / 5;  // 32 base32 letters, no padding
constexpr const char* kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string base32(const unsigned char* data, size_t n)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < n; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out += kBase32[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
    return out;
}

// The token of a version-1 badge, or nullopt for anything else. A scanner may add a line end,
// and a wedge scanner with Caps Lock on types lower case: both are forgiven.
std::optional<std::string> parseToken(std::string_view payload)
{
    while (!payload.empty() && std::isspace(static_cast<unsigned char>(payload.back()))) payload.remove_suffix(1);
    if (payload.size() != kVersion1.size() + kTokenChars) return std::nullopt;
    std::string upper(payload);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper.compare(0, kVersion1.size(), kVersion1) != 0) return std::nullopt;
    std::string token = upper.substr(kVersion1.size());
    if (token.find_first_not_of(kBase32) != std::string::npos) return std::nullopt;
    return token;
}

} // namespace

bool looksLikeBadge(std::string_view payload)
{
    if (payload.size() < kPrefix.size()) return false;
    for (size_t i = 0; i < kPrefix.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(payload[i])) != kPrefix[i]) return false;
    return true;
}

std::string StaffBadges::tokenHash(std::string_view token) const
{
    // A prefix keeps these hashes apart from the ID numbers' hashes made with the same key.
    return m_vault.keyedHash("staff-badge:" + std::string(token));
}

int64_t StaffBadges::metaInt(const char* key)
{
    Statement st(m_db.handle(), "SELECT value FROM meta WHERE key=?");
    st.bind(1, key);
    return st.step() ? std::atoll(st.text(0).c_str()) : 0;
}

void StaffBadges::setMetaInt(const char* key, int64_t value)
{
    Statement st(m_db.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    st.bind(1, key).bind(2, std::to_string(value)).run();
}

std::optional<IssuedBadge> StaffBadges::issue(std::string_view name, std::string_view actor, std::string& error)
{
    auto m = m_staff.find(name);
    if (!m) { error = "không có cán bộ tên \"" + std::string(name) + "\""; return std::nullopt; }
    if (m->disabled) { error = "tài khoản \"" + m->name + "\" đã bị khoá: không cấp thẻ cho tài khoản bị khoá"; return std::nullopt; }
    if (m->imported) {
        error = "tài khoản \"" + m->name + "\" chưa có mã PIN: tạo bằng kiosk staff add trước, rồi mới cấp thẻ";
        return std::nullopt;
    }
    if (sodium_init() < 0) { error = "không khởi động được libsodium"; return std::nullopt; }
    unsigned char raw[kTokenBytes];
    randombytes_buf(raw, sizeof raw);
    const std::string token = base32(raw, sizeof raw);
    sodium_memzero(raw, sizeof raw);

    IssuedBadge b;
    b.member = *m;
    b.issuedAt = m_clock.unixSeconds();
    Transaction tx(m_db);
    if (!tx.open()) {
        error = "không lưu được thẻ: " + m_db.lastError();
        return std::nullopt;
    }
    Statement revoke(m_db.handle(), "UPDATE staff_badges SET revoked_at=? WHERE staff_id=? AND revoked_at=0");
    bool ok = revoke.bind(1, b.issuedAt).bind(2, m->id).run();
    b.replacedOld = ok && sqlite3_changes(m_db.handle()) > 0;
    Statement add(m_db.handle(), "INSERT INTO staff_badges(staff_id, token_hash, issued_at) VALUES (?,?,?)");
    ok = ok && add.bind(1, m->id).bind(2, tokenHash(token)).bind(3, b.issuedAt).run();
    if (!ok) {
        error = "không lưu được thẻ: " + m_db.lastError();
        return std::nullopt;   // tx rolls back
    }
    if (!tx.commit(error, [](Database& db) { return "không lưu được thẻ: " + db.lastError(); })) return std::nullopt;
    m_audit.record(actor, "badge_issued", m->name, b.replacedOld ? "earlier badge revoked" : "");
    b.payload = std::string(kVersion1) + token;
    return b;
}

bool StaffBadges::revoke(std::string_view name, std::string_view actor, std::string& error)
{
    auto m = m_staff.find(name);
    if (!m) { error = "không có cán bộ tên \"" + std::string(name) + "\""; return false; }
    Statement st(m_db.handle(), "UPDATE staff_badges SET revoked_at=? WHERE staff_id=? AND revoked_at=0");
    if (!st.bind(1, m_clock.unixSeconds()).bind(2, m->id).run()) { error = m_db.lastError(); return false; }
    if (sqlite3_changes(m_db.handle()) == 0) { error = "\"" + m->name + "\" chưa có thẻ cán bộ nào đang dùng"; return false; }
    m_audit.record(actor, "badge_revoked", m->name);
    return true;
}

std::optional<int64_t> StaffBadges::currentIssuedAt(int64_t staffId)
{
    Statement st(m_db.handle(), "SELECT issued_at FROM staff_badges WHERE staff_id=? AND revoked_at=0 ORDER BY id DESC LIMIT 1");
    st.bind(1, staffId);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

SignInResult StaffBadges::signIn(std::string_view payload)
{
    SignInResult r;
    r.byBadge = true;
    const int64_t now = m_clock.unixSeconds();
    const int64_t pausedUntil = metaInt("badge_locked_until");
    if (pausedUntil > now) {
        r.kind = SignInResult::Kind::Locked;
        r.lockedSeconds = pausedUntil - now;
        r.message = "Vừa có nhiều thẻ không hợp lệ, nên đăng nhập bằng thẻ tạm dừng " + std::to_string((r.lockedSeconds + 59) / 60) +
                    " phút. Xin chọn tên và nhập mã PIN.";
        m_audit.record("system", "badge_refused", {}, "badge sign-in paused");
        return r;
    }
    std::optional<int64_t> staffId;
    bool revoked = false;
    const std::optional<std::string> token = parseToken(payload);
    if (token) {
        Statement st(m_db.handle(), "SELECT staff_id, revoked_at FROM staff_badges WHERE token_hash=?");
        st.bind(1, tokenHash(*token));
        if (st.step()) {
            staffId = st.int64(0);
            revoked = st.int64(1) != 0;
        }
    }
    if (!staffId) {
        // Counting starts again once an earlier pause has run out.
        int64_t failures = (pausedUntil != 0 ? 0 : metaInt("badge_failures")) + 1;
        int64_t pause = 0;
        r.kind = SignInResult::Kind::Unknown;
        r.message = "Thẻ này không dùng được trên ki-ốt này (thẻ hỏng, thẻ của nơi khác, hoặc không phải thẻ ki-ốt cấp). "
                    "Xin chọn tên và nhập mã PIN.";
        if (failures >= kMaxUnknown) {
            pause = now + StaffStore::kLockSeconds;
            r.kind = SignInResult::Kind::Locked;
            r.lockedSeconds = StaffStore::kLockSeconds;
            r.message = "Đã có " + std::to_string(failures) + " thẻ không hợp lệ. Đăng nhập bằng thẻ tạm dừng 5 phút; "
                        "vẫn có thể chọn tên và nhập mã PIN.";
        }
        setMetaInt("badge_failures", failures);
        setMetaInt("badge_locked_until", pause);
        m_audit.record("system", "unknown_badge", {}, token ? "not issued here" : "malformed");
        return r;
    }
    r = m_staff.signInByBadge(*staffId, revoked);
    if (r.kind == SignInResult::Kind::Ok) {
        setMetaInt("badge_failures", 0);
        setMetaInt("badge_locked_until", 0);
    }
    return r;
}

} // namespace kiosk

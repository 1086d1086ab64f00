// Officer accounts: Argon2id via libsodium's crypto_pwhash_str (m = 19 MiB, t = 2, as the kiosk's
// staff PINs: OWASP's minimum), lockout bookkeeping in the officer's row, every outcome audited.
#include "collector/officer_store.hpp"
#include "kiosk/common/enum_names.hpp"
#include "kiosk/common/utf8.hpp"
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <sodium.h>
#include <sqlite3.h>
#include <algorithm>
#include <mutex>

namespace collector {

namespace {

constexpr unsigned long long kOps = 2;
constexpr size_t kMem = 19u * 1024u * 1024u;

constexpr kiosk::EnumName<OfficerRole> kRoles[] = {
    {OfficerRole::Viewer, "viewer"}, {OfficerRole::Officer, "officer"}, {OfficerRole::Admin, "admin"}};

const char* const kColumns = "id, name, role, disabled, created_at, failed_attempts, locked_until, lockouts, password_hash";

// "1 phút", "1 giờ": how long a lockout lasts.
std::string durationText(int64_t seconds)
{
    const int64_t minutes = (seconds + 59) / 60;
    if (minutes < 60) return std::to_string(minutes) + " phút";
    return std::to_string((minutes + 59) / 60) + " giờ";
}

bool hashPassword(std::string_view password, std::string& out, std::string& error)
{
    if (sodium_init() < 0) {
        error = "không khởi động được libsodium";
        return false;
    }
    char hash[crypto_pwhash_STRBYTES];
    std::string p = kiosk::composeVietnamese(password);
    const bool ok = crypto_pwhash_str_alg(hash, p.data(), p.size(), kOps, kMem, crypto_pwhash_ALG_ARGON2ID13) == 0;
    sodium_memzero(p.data(), p.size());
    if (!ok) {
        error = "không đủ bộ nhớ để băm mật khẩu";
        return false;
    }
    out = hash;
    return true;
}

bool checkPassword(const std::string& hash, std::string_view password)
{
    std::string p = kiosk::composeVietnamese(password);
    const bool ok = crypto_pwhash_str_verify(hash.c_str(), p.data(), p.size()) == 0;
    sodium_memzero(p.data(), p.size());
    return ok;
}

// A hash of nothing anyone knows, made once: an unknown name costs the same Argon2 as a known one.
const std::string& decoyHash()
{
    static std::once_flag once;
    static std::string hash;
    std::call_once(once, [] {
        unsigned char raw[32];
        randombytes_buf(raw, sizeof raw);
        std::string e;
        hashPassword(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw), hash, e);
        sodium_memzero(raw, sizeof raw);
    });
    return hash;
}

const char* const kWrongCredentials = "Tên đăng nhập hoặc mật khẩu chưa đúng.";

} // namespace

const char* officerRoleName(OfficerRole r) { return kiosk::enumName(kRoles, r); }
bool parseOfficerRole(std::string_view s, OfficerRole& out) { return kiosk::parseEnum(kRoles, s, out); }

struct OfficerStore::Row {
    Officer officer;
    int lockouts = 0;
    std::string hash;
};

int64_t OfficerStore::lockSeconds(int lockouts)
{
    int64_t s = kFirstLockSeconds;
    for (int i = 0; i < lockouts && s < kLongestLockSeconds; ++i) s *= 2;
    return std::min(s, kLongestLockSeconds);
}

bool OfficerStore::validPassword(std::string_view password, std::string& error)
{
    if (password.size() > kMaxPasswordBytes) {
        error = "Mật khẩu quá dài (tối đa " + std::to_string(kMaxPasswordBytes) + " byte).";
        return false;
    }
    if (!kiosk::utf8::isValid(password)) {
        error = "Mật khẩu có ký tự không hợp lệ (không phải UTF-8).";
        return false;
    }
    for (unsigned char c : password)
        if (c < 0x20 || c == 0x7f) {
            error = "Mật khẩu không được chứa ký tự điều khiển.";
            return false;
        }
    if (kiosk::utf8::length(password) < kMinPasswordChars) {
        error = "Mật khẩu phải có ít nhất " + std::to_string(kMinPasswordChars) + " ký tự.";
        return false;
    }
    return true;
}

bool OfficerStore::validName(std::string_view name, std::string& error)
{
    bool ok = !name.empty() && name.size() <= 100 && kiosk::utf8::isValid(name) && name.front() != ' ' && name.back() != ' ';
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) ok = false;
    if (!ok) error = "Tên cán bộ phải có từ 1 đến 100 byte chữ (UTF-8), không có ký tự điều khiển hay khoảng trắng ở đầu, cuối, ví dụ \"Nguyễn Thị Lan\".";
    return ok;
}

bool OfficerStore::add(const std::string& typedName, OfficerRole role, std::string_view password, const std::string& actor, std::string& error)
{
    const std::string name = kiosk::composeVietnamese(typedName);
    if (!validName(name, error) || !validPassword(password, error)) return false;
    if (find(name)) {
        error = "Đã có cán bộ tên \"" + name + "\". Xin chọn tên khác.";
        return false;
    }
    std::string hash;
    if (!hashPassword(password, hash, error)) return false;
    kiosk::Statement st(m_db.handle(), "INSERT INTO officers(name, role, password_hash, created_at) VALUES (?,?,?,?)");
    st.bind(1, name).bind(2, officerRoleName(role)).bind(3, hash).bind(4, m_clock.unixSeconds());
    if (!st.run()) {
        const int code = sqlite3_extended_errcode(m_db.handle());
        error = code == SQLITE_CONSTRAINT_UNIQUE ? "Đã có cán bộ tên \"" + name + "\". Xin chọn tên khác."
                                                  : "Không lưu được tài khoản cán bộ (" + m_db.lastError() + ").";
        return false;
    }
    m_audit.record(actor, "officer_added", name, officerRoleName(role));
    return true;
}

namespace {
template <class Statement>
void readRow(const Statement& st, Officer& o)
{
    o.id = st.int64(0);
    o.name = st.text(1);
    parseOfficerRole(st.text(2), o.role);
    o.disabled = st.int64(3) != 0;
    o.createdAt = st.int64(4);
    o.failedAttempts = static_cast<int>(st.int64(5));
    o.lockedUntil = st.int64(6);
}
} // namespace

std::vector<Officer> OfficerStore::list()
{
    std::vector<Officer> out;
    kiosk::Statement st(m_db.handle(), std::string("SELECT ") + kColumns + " FROM officers ORDER BY name");
    while (st.step()) {
        Officer o;
        readRow(st, o);
        out.push_back(std::move(o));
    }
    return out;
}

std::optional<OfficerStore::Row> OfficerStore::load(const std::string& name)
{
    kiosk::Statement st(m_db.handle(), std::string("SELECT ") + kColumns + " FROM officers WHERE name=?");
    st.bind(1, kiosk::composeVietnamese(name));
    if (!st.step()) return std::nullopt;
    Row r;
    readRow(st, r.officer);
    r.lockouts = static_cast<int>(st.int64(7));
    r.hash = st.text(8);
    return r;
}

std::optional<Officer> OfficerStore::find(const std::string& name)
{
    auto r = load(name);
    if (!r) return std::nullopt;
    return r->officer;
}

std::string OfficerStore::passwordHash(const std::string& name)
{
    auto r = load(name);
    return r ? r->hash : std::string();
}

bool OfficerStore::disable(const std::string& name, const std::string& actor, std::string& error)
{
    auto r = load(name);
    if (!r) {
        error = "Không có cán bộ tên \"" + name + "\".";
        return false;
    }
    if (r->officer.disabled) return true;
    kiosk::Statement st(m_db.handle(), "UPDATE officers SET disabled=1 WHERE id=?");
    st.bind(1, r->officer.id);
    if (!st.run()) {
        error = "Không khoá được tài khoản (" + m_db.lastError() + ").";
        return false;
    }
    m_audit.record(actor, "officer_disabled", r->officer.name);
    return true;
}

int64_t OfficerStore::lockedUntil(const Row& r, int64_t now)
{
    // A lockout never lasts longer than it was set for, even if the clock was moved back after it.
    const int64_t longest = lockSeconds(std::max(r.lockouts - 1, 0));
    if (r.officer.lockedUntil > now + longest) {
        kiosk::Statement fix(m_db.handle(), "UPDATE officers SET locked_until=? WHERE id=?");
        fix.bind(1, now + longest).bind(2, r.officer.id).run();
        return now + longest;
    }
    return r.officer.lockedUntil;
}

OfficerVerdict OfficerStore::verify(const std::string& name, std::string_view password)
{
    OfficerVerdict v;
    auto r = load(name);
    if (!r) {
        checkPassword(decoyHash(), password);
        v.kind = OfficerVerdict::Kind::Unknown;
        v.message = kWrongCredentials;
        // The name is not recorded: it matched no account, so it may be anything (a password typed
        // into the wrong field, too).
        m_audit.record("system", "officer_sign_in_refused", {}, "unknown account");
        return v;
    }
    const int64_t now = m_clock.unixSeconds();
    const bool refuse = r->officer.disabled || r->officer.lockedUntil > now;   // settle() says which, and fixes a clock moved back
    const bool matched = !refuse && checkPassword(r->hash, password);
    // The account is read again and its counters written in one write transaction (BEGIN
    // IMMEDIATE): another attempt may have locked it, or an admin disabled it, while Argon2 ran,
    // and two attempts at once must both count.
    kiosk::Transaction tx(m_db);
    auto again = tx.open() ? load(name) : std::nullopt;
    if (!again) {
        v.kind = tx.open() ? OfficerVerdict::Kind::Unknown : OfficerVerdict::Kind::Error;
        v.message = tx.open() ? kWrongCredentials : "Không ghi được lần đăng nhập. Xin thử lại.";
        return v;
    }
    v = settle(*again, matched);
    std::string error;
    if (!tx.commit(error, [](kiosk::Database& db) { return db.lastError(); })) {
        v = OfficerVerdict{};
        v.kind = OfficerVerdict::Kind::Error;
        v.message = "Không ghi được lần đăng nhập. Xin thử lại.";
    }
    return v;
}

OfficerVerdict OfficerStore::settle(const Row& r, bool matched)
{
    OfficerVerdict v;
    const Officer& o = r.officer;
    const int64_t now = m_clock.unixSeconds();
    if (o.disabled) {
        v.kind = OfficerVerdict::Kind::Disabled;
        v.message = "Tài khoản này đã bị vô hiệu hoá. Xin liên hệ quản trị viên.";
        m_audit.record(o.name, "officer_sign_in_refused", o.name, "disabled");
        return v;
    }
    const int64_t until = lockedUntil(r, now);
    if (until > now) {
        // Every attempt is audited, those made while locked too: a guesser shows in the trail.
        v.kind = OfficerVerdict::Kind::Locked;
        v.lockedSeconds = until - now;
        v.message = "Đăng nhập sai quá nhiều lần. Xin thử lại sau " + durationText(v.lockedSeconds) + ".";
        m_audit.record(o.name, "officer_sign_in_refused", o.name, "locked");
        return v;
    }
    if (matched) {
        kiosk::Statement ok(m_db.handle(), "UPDATE officers SET failed_attempts=0, locked_until=0, lockouts=0 WHERE id=?");
        ok.bind(1, o.id);
        if (!ok.run()) {
            v.kind = OfficerVerdict::Kind::Error;
            v.message = "Không ghi được lần đăng nhập. Xin thử lại.";
            return v;
        }
        m_audit.record(o.name, "officer_sign_in", {}, officerRoleName(o.role));
        v.kind = OfficerVerdict::Kind::Ok;
        v.officer = o;
        v.officer->failedAttempts = 0;
        v.officer->lockedUntil = 0;
        return v;
    }
    // After a lockout has run out, counting starts again; the next lockout is twice as long.
    int failed = (o.lockedUntil != 0 ? 0 : o.failedAttempts) + 1;
    int lockouts = r.lockouts;
    int64_t lock = 0;
    v.kind = OfficerVerdict::Kind::WrongPassword;
    if (failed >= kMaxAttempts) {
        const int64_t seconds = lockSeconds(lockouts);
        lock = now + seconds;
        ++lockouts;
        v.kind = OfficerVerdict::Kind::Locked;
        v.lockedSeconds = seconds;
        v.message = "Nhập sai mật khẩu " + std::to_string(kMaxAttempts) + " lần. Tài khoản bị tạm khoá " + durationText(seconds) + ".";
        m_audit.record(o.name, "officer_locked_out", o.name,
                       std::to_string(failed) + " wrong passwords, lockout " + std::to_string(lockouts) + ", " + std::to_string(seconds) + " s");
    } else {
        v.attemptsLeft = kMaxAttempts - failed;
        v.message = kWrongCredentials;
        m_audit.record(o.name, "officer_wrong_password");
    }
    kiosk::Statement up(m_db.handle(), "UPDATE officers SET failed_attempts=?, locked_until=?, lockouts=? WHERE id=?");
    up.bind(1, int64_t(failed)).bind(2, lock).bind(3, int64_t(lockouts)).bind(4, o.id).run();
    return v;
}

} // namespace collector

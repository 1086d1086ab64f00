// Argon2id via libsodium's crypto_pwhash_str (m = 19 MiB, t = 2: OWASP's minimum, ~50 ms on a
// small box), lockout bookkeeping in the staff row, every outcome audited.
#include "kiosk/staff.hpp"
#include <sodium.h>
#include <sqlite3.h>
#include <algorithm>

namespace kiosk {

namespace {
constexpr unsigned long long kOps = 2;
constexpr size_t kMem = 19u * 1024u * 1024u;

StaffMember readMember(const Statement& st)
{
    StaffMember m;
    m.id = st.int64(0);
    m.name = st.text(1);
    parseRole(st.text(2), m.role);
    m.disabled = st.int64(3) != 0;
    m.imported = st.int64(4) != 0;
    m.createdAt = st.int64(5);
    return m;
}
const char* kColumns = "id, name, role, disabled, imported, created_at";

bool hashPin(std::string_view pin, std::string& out, std::string& error)
{
    if (sodium_init() < 0) { error = "không khởi động được libsodium"; return false; }
    char hash[crypto_pwhash_STRBYTES];
    std::string p(pin);
    bool ok = crypto_pwhash_str_alg(hash, p.c_str(), p.size(), kOps, kMem, crypto_pwhash_ALG_ARGON2ID13) == 0;
    sodium_memzero(p.data(), p.size());
    if (!ok) { error = "không đủ bộ nhớ để băm mã PIN"; return false; }
    out = hash;
    return true;
}
} // namespace

const char* roleName(StaffRole r)
{
    switch (r) {
    case StaffRole::Officer: return "officer";
    case StaffRole::Admin: return "admin";
    default: return "volunteer";
    }
}

bool parseRole(std::string_view s, StaffRole& out)
{
    if (s == "volunteer") out = StaffRole::Volunteer;
    else if (s == "officer") out = StaffRole::Officer;
    else if (s == "admin") out = StaffRole::Admin;
    else return false;
    return true;
}

bool StaffStore::validPin(std::string_view pin, std::string& error)
{
    if (pin.size() < 4 || pin.size() > 8 || !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        error = "mã PIN phải gồm từ 4 đến 8 chữ số";
        return false;
    }
    return true;
}

bool StaffStore::add(std::string_view name, StaffRole role, std::string_view pin, std::string_view actor, std::string& error)
{
    std::string n(name);
    n.erase(0, n.find_first_not_of(' '));
    n.erase(n.find_last_not_of(' ') + 1);
    if (n.empty() || n.size() > 100) {
        error = "tên cán bộ không được để trống (tối đa 100 ký tự)";
        return false;
    }
    std::string hash;
    if (!validPin(pin, error) || !hashPin(pin, hash, error)) return false;
    if (auto existing = find(n); existing && existing->imported) {
        // A name first met in an import becomes a real account.
        Statement up(m_db.handle(), "UPDATE staff SET role=?, pin_hash=?, imported=0 WHERE id=?");
        up.bind(1, roleName(role)).bind(2, hash).bind(3, existing->id);
        if (!up.run()) { error = m_db.lastError(); return false; }
    } else {
        Statement st(m_db.handle(), "INSERT INTO staff(name, role, pin_hash, created_at) VALUES (?,?,?,?)");
        st.bind(1, n).bind(2, roleName(role)).bind(3, hash).bind(4, m_clock.unixSeconds());
        if (!st.run()) {
            error = existing ? "đã có cán bộ tên \"" + n + "\"" : "không lưu được: " + m_db.lastError();
            return false;
        }
    }
    m_audit.record(actor, "staff_add", n, roleName(role));
    return true;
}

std::optional<int64_t> StaffStore::ensureImported(std::string_view name)
{
    if (auto m = find(name)) return m->id;
    Statement st(m_db.handle(), "INSERT INTO staff(name, role, pin_hash, imported, created_at) VALUES (?, 'volunteer', '', 1, ?)");
    st.bind(1, name).bind(2, m_clock.unixSeconds());
    if (!st.run()) return std::nullopt;
    return sqlite3_last_insert_rowid(m_db.handle());
}

bool StaffStore::setPin(std::string_view name, std::string_view pin, std::string_view actor, std::string& error)
{
    auto m = find(name);
    if (!m) { error = "không có cán bộ tên \"" + std::string(name) + "\""; return false; }
    std::string hash;
    if (!validPin(pin, error) || !hashPin(pin, hash, error)) return false;
    Statement up(m_db.handle(), "UPDATE staff SET pin_hash=?, imported=0, failed_pins=0, locked_until=0 WHERE id=?");
    up.bind(1, hash).bind(2, m->id);
    if (!up.run()) { error = m_db.lastError(); return false; }
    m_audit.record(actor, "staff_set_pin", m->name);
    return true;
}

bool StaffStore::disable(std::string_view name, std::string_view actor, std::string& error)
{
    Statement st(m_db.handle(), "UPDATE staff SET disabled=1 WHERE name=?");
    st.bind(1, name);
    if (!st.run() || sqlite3_changes(m_db.handle()) == 0) {
        error = "không có cán bộ tên \"" + std::string(name) + "\"";
        return false;
    }
    m_audit.record(actor, "staff_disable", name);
    return true;
}

std::vector<StaffMember> StaffStore::list()
{
    std::vector<StaffMember> out;
    Statement st(m_db.handle(), std::string("SELECT ") + kColumns + " FROM staff ORDER BY name");
    while (st.step()) out.push_back(readMember(st));
    return out;
}

std::optional<StaffMember> StaffStore::find(std::string_view name)
{
    Statement st(m_db.handle(), std::string("SELECT ") + kColumns + " FROM staff WHERE name=?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return readMember(st);
}

SignInResult StaffStore::signIn(std::string_view name, std::string_view pin)
{
    SignInResult r;
    Statement st(m_db.handle(), std::string("SELECT ") + kColumns + ", pin_hash, failed_pins, locked_until FROM staff WHERE name=?");
    st.bind(1, name);
    if (!st.step()) {
        r.kind = SignInResult::Kind::Unknown;
        r.message = "Không có tài khoản cán bộ này.";
        return r;
    }
    StaffMember m = readMember(st);
    std::string hash = st.text(6);
    int failed = static_cast<int>(st.int64(7));
    int64_t lockedUntil = st.int64(8), now = m_clock.unixSeconds();
    if (m.disabled) {
        r.kind = SignInResult::Kind::Disabled;
        r.message = "Tài khoản này đã bị khoá. Xin liên hệ quản trị viên.";
        return r;
    }
    if (hash.empty()) {
        r.kind = SignInResult::Kind::NoPin;
        r.message = "Tài khoản này chưa có mã PIN. Quản trị viên cần đặt mã PIN trước.";
        return r;
    }
    if (lockedUntil > now) {
        r.kind = SignInResult::Kind::Locked;
        r.lockedSeconds = lockedUntil - now;
        r.message = "Nhập sai quá nhiều lần. Xin thử lại sau " + std::to_string((r.lockedSeconds + 59) / 60) + " phút.";
        return r;
    }
    std::string p(pin);
    if (crypto_pwhash_str_verify(hash.c_str(), p.c_str(), p.size()) == 0) {
        Statement ok(m_db.handle(), "UPDATE staff SET failed_pins=0, locked_until=0 WHERE id=?");
        ok.bind(1, m.id).run();
        m_audit.record(m.name, "sign_in");
        r.kind = SignInResult::Kind::Ok;
        r.member = m;
        return r;
    }
    // After a lockout has run out, counting starts again.
    if (lockedUntil != 0) failed = 0;
    ++failed;
    r.kind = SignInResult::Kind::WrongPin;
    int64_t lock = 0;
    if (failed >= kMaxAttempts) {
        lock = now + kLockSeconds;
        r.kind = SignInResult::Kind::Locked;
        r.lockedSeconds = kLockSeconds;
        r.message = "Nhập sai mã PIN " + std::to_string(kMaxAttempts) + " lần. Tài khoản bị tạm khoá 5 phút.";
        m_audit.record(m.name, "locked_out", m.name, std::to_string(failed) + " wrong PINs");
    } else {
        r.attemptsLeft = kMaxAttempts - failed;
        r.message = "Mã PIN chưa đúng. Bạn còn " + std::to_string(r.attemptsLeft) + " lần thử.";
        m_audit.record(m.name, "wrong_pin");
    }
    Statement up(m_db.handle(), "UPDATE staff SET failed_pins=?, locked_until=? WHERE id=?");
    up.bind(1, int64_t(failed)).bind(2, lock).bind(3, m.id).run();
    return r;
}

} // namespace kiosk

// Argon2id via libsodium's crypto_pwhash_str (m = 19 MiB, t = 2: OWASP's minimum, ~50 ms on a
// small box), lockout bookkeeping in the staff row, every outcome audited.
#include "kiosk/identity/staff.hpp"
#include "kiosk/common/enum_names.hpp"
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
    m.weakPin = st.int64(6) != 0;
    m.village = st.text(7);
    return m;
}
const char* kColumns = "id, name, role, disabled, imported, created_at, weak_pin, village";

// "5 phút", "1 giờ": how long a lockout lasts, for the PIN pad.
std::string durationText(int64_t seconds)
{
    const int64_t minutes = (seconds + 59) / 60;
    if (minutes < 90) return std::to_string(minutes) + " phút";
    return std::to_string((minutes + 59) / 60) + " giờ";
}

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

namespace {
constexpr EnumName<StaffRole> kRoles[] = {
    {StaffRole::Volunteer, "volunteer"}, {StaffRole::Officer, "officer"}, {StaffRole::Admin, "admin"}};
} // namespace

const char* roleName(StaffRole r) { return enumName(kRoles, r); }
bool parseRole(std::string_view s, StaffRole& out) { return parseEnum(kRoles, s, out); }

int64_t StaffStore::lockSeconds(int lockouts)
{
    static constexpr int64_t kSteps[] = {5 * 60, 15 * 60, 3600, 4 * 3600, 24 * 3600};
    constexpr int kLast = int(sizeof kSteps / sizeof kSteps[0]) - 1;
    return kSteps[std::clamp(lockouts, 0, kLast)];
}

bool StaffStore::trivialPin(std::string_view pin)
{
    const size_t n = pin.size();
    if (n == 0) return true;
    // A shorter block repeated: 0000, 1212, 123123 (one digit repeated is the block of one).
    for (size_t period = 1; period <= n / 2; ++period) {
        if (n % period != 0) continue;
        bool repeats = true;
        for (size_t i = period; i < n && repeats; ++i) repeats = pin[i] == pin[i - period];
        if (repeats) return true;
    }
    // A run up or down the digits, wrapping past 9/0: 1234, 4321, 890123.
    for (int step : {1, 9}) {
        bool run = true;
        for (size_t i = 1; i < n && run; ++i) run = (pin[i] - '0') == ((pin[i - 1] - '0') + step) % 10;
        if (run) return true;
    }
    // Well known: the keypad's middle column, and a few the lists of leaked PINs put on top.
    static constexpr std::string_view kCommon[] = {"2580", "0852", "1004", "2000", "1122", "6969", "7777", "147258", "159753",
                                                   "147258369", "11223344", "112233", "1379", "5683", "2001"};
    for (std::string_view c : kCommon)
        if (pin == c) return true;
    return false;
}

bool StaffStore::validPin(std::string_view pin, StaffRole role, std::string& error)
{
    if (pin.size() < 4 || pin.size() > 8 || !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        error = "mã PIN phải gồm từ 4 đến 8 chữ số";
        return false;
    }
    if (role == StaffRole::Admin && pin.size() < 6) {
        error = "mã PIN của quản trị viên phải có ít nhất 6 chữ số";
        return false;
    }
    if (trivialPin(pin)) {
        error = "mã PIN quá dễ đoán (lặp lại một chữ số, dãy liên tiếp như 1234 hay 4321, hoặc mã phổ biến như 2580): xin chọn mã khác";
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
    if (!validPin(pin, role, error) || !hashPin(pin, hash, error)) return false;
    if (auto existing = find(n); existing && existing->imported) {
        // A name first met in an import becomes a real account.
        Statement up(m_db.handle(), "UPDATE staff SET role=?, pin_hash=?, imported=0, weak_pin=0 WHERE id=?");
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
    if (!validPin(pin, m->role, error) || !hashPin(pin, hash, error)) return false;
    Statement up(m_db.handle(), "UPDATE staff SET pin_hash=?, imported=0, weak_pin=0, failed_pins=0, locked_until=0, lockouts=0 WHERE id=?");
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

bool StaffStore::setVillage(std::string_view name, std::string_view village, std::string_view actor, std::string& error)
{
    Transaction tx(m_db);
    Statement up(m_db.handle(), "UPDATE staff SET village=? WHERE name=?");
    up.bind(1, village).bind(2, name);
    if (!tx.open() || !up.run()) {
        error = m_db.lastError();
        return false;
    }
    if (sqlite3_changes(m_db.handle()) == 0) {
        error = "không có tài khoản này";
        return false;
    }
    if (!m_audit.record(actor, "staff_village_set", name, village)) {
        error = m_db.lastError();
        return false;
    }
    return tx.commit(error, [](Database& db) { return db.lastError(); });
}

std::optional<StaffMember> StaffStore::find(std::string_view name)
{
    Statement st(m_db.handle(), std::string("SELECT ") + kColumns + " FROM staff WHERE name=?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return readMember(st);
}

struct StaffStore::Account {
    StaffMember member;
    std::string pinHash;
    int failed = 0;
    int64_t lockedUntil = 0;
    int lockouts = 0;
};

std::optional<StaffStore::Account> StaffStore::load(const char* column, const std::string& key)
{
    Statement st(m_db.handle(), std::string("SELECT ") + kColumns + ", pin_hash, failed_pins, locked_until, lockouts FROM staff WHERE " + column + "=?");
    st.bind(1, key);   // SQLite compares an id given as text with the integer column by affinity
    if (!st.step()) return std::nullopt;
    Account a;
    a.member = readMember(st);
    a.pinHash = st.text(8);
    a.failed = static_cast<int>(st.int64(9));
    a.lockedUntil = st.int64(10);
    a.lockouts = static_cast<int>(st.int64(11));
    return a;
}

SignInResult StaffStore::signIn(std::string_view name, std::string_view pin)
{
    SignInResult refused;
    std::optional<PinChallenge> challenge = beginSignIn(name, refused);
    if (!challenge) return refused;
    bool matched = false, weak = false;
    verifyPin(challenge->pinHash, pin, challenge->role, matched, weak);
    return finishSignIn(name, matched, weak);
}

std::optional<StaffStore::PinChallenge> StaffStore::beginSignIn(std::string_view name, SignInResult& refused)
{
    auto a = load("name", std::string(name));
    if (!a) {
        refused = SignInResult{};
        refused.kind = SignInResult::Kind::Unknown;
        refused.message = "Không có tài khoản cán bộ này.";
        // The name is not echoed: it was not found among the accounts, so it may be anything.
        m_audit.record("system", "sign_in_refused", {}, "unknown account");
        return std::nullopt;
    }
    // A locked, disabled or PIN-less account is refused without spending Argon2 on the guess.
    if (a->pinHash.empty() || a->member.disabled || lockedUntil(*a, m_clock.unixSeconds()) > m_clock.unixSeconds()) {
        refused = attempt(*a, false, false);
        return std::nullopt;
    }
    return PinChallenge{a->pinHash, a->member.role};
}

void StaffStore::verifyPin(const std::string& pinHash, std::string_view pin, StaffRole role, bool& matched, bool& weak)
{
    std::string p(pin);
    matched = crypto_pwhash_str_verify(pinHash.c_str(), p.c_str(), p.size()) == 0;
    std::string ignored;
    weak = matched && !validPin(p, role, ignored);
    sodium_memzero(p.data(), p.size());
}

SignInResult StaffStore::finishSignIn(std::string_view name, bool matched, bool weak)
{
    // Read again: the account may have changed (disabled, locked by another attempt) meanwhile.
    auto a = load("name", std::string(name));
    if (!a) {
        SignInResult r;
        r.kind = SignInResult::Kind::Unknown;
        r.message = "Không có tài khoản cán bộ này.";
        return r;
    }
    return attempt(*a, matched, false, weak);
}

SignInResult StaffStore::signInByBadge(int64_t staffId, bool revoked)
{
    auto a = load("id", std::to_string(staffId));
    if (!a) {
        SignInResult r;
        r.kind = SignInResult::Kind::Unknown;
        r.byBadge = true;
        r.message = "Thẻ này không thuộc tài khoản cán bộ nào trên ki-ốt. Xin chọn tên và nhập mã PIN.";
        return r;
    }
    return attempt(*a, !revoked, true);
}

int64_t StaffStore::lockedUntil(const Account& a, int64_t now)
{
    // A lockout never lasts longer than it was set for, even if the clock was moved back after it.
    const int64_t longest = lockSeconds(std::max(a.lockouts - 1, 0));
    if (a.lockedUntil > now + longest) {
        Statement fix(m_db.handle(), "UPDATE staff SET locked_until=? WHERE id=?");
        fix.bind(1, now + longest).bind(2, a.member.id).run();
        return now + longest;
    }
    return a.lockedUntil;
}

SignInResult StaffStore::attempt(const Account& a, bool matched, bool byBadge, bool weak)
{
    SignInResult r;
    r.byBadge = byBadge;
    const StaffMember& m = a.member;
    const int64_t now = m_clock.unixSeconds();
    const char* how = byBadge ? "badge" : "";
    if (m.disabled) {
        r.kind = SignInResult::Kind::Disabled;
        r.message = byBadge ? "Thẻ của tài khoản đã bị khoá, không dùng được nữa. Xin liên hệ quản trị viên."
                            : "Tài khoản này đã bị khoá. Xin liên hệ quản trị viên.";
        m_audit.record(m.name, "sign_in_refused", m.name, byBadge ? "disabled, badge" : "disabled");
        return r;
    }
    if (!byBadge && a.pinHash.empty()) {
        r.kind = SignInResult::Kind::NoPin;
        r.message = "Tài khoản này chưa có mã PIN. Quản trị viên cần đặt mã PIN trước.";
        m_audit.record(m.name, "sign_in_refused", m.name, "no pin");
        return r;
    }
    const int64_t until = lockedUntil(a, now);
    if (until > now) {
        // Every attempt is audited, those made while locked too: a guesser shows in the trail.
        r.kind = SignInResult::Kind::Locked;
        r.lockedSeconds = until - now;
        r.message = "Đăng nhập sai quá nhiều lần. Xin thử lại sau " + durationText(r.lockedSeconds) + ".";
        m_audit.record(m.name, "sign_in_refused", m.name, byBadge ? "locked, badge" : "locked");
        return r;
    }
    if (matched) {
        Statement ok(m_db.handle(), "UPDATE staff SET failed_pins=0, locked_until=0, lockouts=0, weak_pin=? WHERE id=?");
        ok.bind(1, int64_t(weak ? 1 : 0)).bind(2, m.id).run();
        m_audit.record(m.name, "sign_in", {}, weak ? "weak pin" : how);
        r.kind = SignInResult::Kind::Ok;
        r.member = m;
        r.member->weakPin = weak;
        r.weakPin = weak;
        return r;
    }
    // After a lockout has run out, counting starts again; the next lockout is longer.
    int failed = a.lockedUntil != 0 ? 0 : a.failed;
    ++failed;
    r.kind = byBadge ? SignInResult::Kind::Revoked : SignInResult::Kind::WrongPin;
    int64_t lock = 0;
    int lockouts = a.lockouts;
    if (failed >= kMaxAttempts) {
        const int64_t seconds = lockSeconds(lockouts);
        lock = now + seconds;
        ++lockouts;
        r.kind = SignInResult::Kind::Locked;
        r.lockedSeconds = seconds;
        r.message = byBadge ? "Thẻ cũ đã bị thu hồi và đăng nhập sai " + std::to_string(kMaxAttempts) + " lần. Tài khoản bị tạm khoá " +
                                  durationText(seconds) + "."
                            : "Nhập sai mã PIN " + std::to_string(kMaxAttempts) + " lần. Tài khoản bị tạm khoá " + durationText(seconds) + ".";
        m_audit.record(m.name, "locked_out", m.name,
                       std::to_string(failed) + (byBadge ? " failed sign-ins" : " wrong PINs") + ", lockout " + std::to_string(lockouts) + ", " +
                           std::to_string(seconds) + " s");
    } else {
        r.attemptsLeft = kMaxAttempts - failed;
        r.message = byBadge ? "Thẻ này đã bị thu hồi vì đã cấp thẻ mới. Xin dùng thẻ mới hoặc nhập mã PIN. Còn " +
                                  std::to_string(r.attemptsLeft) + " lần thử."
                            : "Mã PIN chưa đúng. Bạn còn " + std::to_string(r.attemptsLeft) + " lần thử.";
        m_audit.record(m.name, byBadge ? "revoked_badge" : "wrong_pin");
    }
    Statement up(m_db.handle(), "UPDATE staff SET failed_pins=?, locked_until=?, lockouts=? WHERE id=?");
    up.bind(1, int64_t(failed)).bind(2, lock).bind(3, int64_t(lockouts)).bind(4, m.id).run();
    return r;
}

} // namespace kiosk

// Each record kind checked field by field (a bad one is rejected by id, never crashes the server)
// and stored with the collector's own vault key and keyed hash, so one citizen helped at two kiosks
// is one citizen commune-wide; a kiosk changes only what it sent itself.
// Sections: [fields] [citizen] [session] [other kinds]
#include "collector/record_apply.hpp"
#include "kiosk/households/household_register.hpp"
#include "kiosk/common/random_id.hpp"
#include "kiosk/content/services.hpp"
#include <sodium.h>
#include <sqlite3.h>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>

namespace collector {

namespace {

using nlohmann::json;

// [fields] Reasons name the field (never its value: it may be personal).
bool text(const json& j, const char* key, size_t maxLen, std::string& out, std::string& reason, bool required = true)
{
    if (!j.contains(key)) {
        if (!required) return true;
        reason = std::string("thiếu trường \"") + key + "\"";
        return false;
    }
    const json& v = j[key];
    if (!v.is_string() || v.get_ref<const std::string&>().size() > maxLen) {
        reason = std::string("trường \"") + key + "\" phải là chuỗi tối đa " + std::to_string(maxLen) + " byte";
        return false;
    }
    out = v.get<std::string>();
    return true;
}

bool integer(const json& j, const char* key, int64_t lo, int64_t hi, int64_t& out, std::string& reason, bool required = true)
{
    if (!j.contains(key)) {
        if (!required) return true;
        reason = std::string("thiếu trường \"") + key + "\"";
        return false;
    }
    const json& v = j[key];
    if (!v.is_number_integer() || v.get<int64_t>() < lo || v.get<int64_t>() > hi) {
        reason = std::string("trường \"") + key + "\" phải là số nguyên từ " + std::to_string(lo) + " đến " + std::to_string(hi);
        return false;
    }
    out = v.get<int64_t>();
    return true;
}

constexpr int64_t kMaxTime = 253402300799;   // 9999-12-31

// "YYYY-MM-DD", a real date; its year in `year`.
bool isoDate(const std::string& s, int& year)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(m)), std::chrono::day(unsigned(d))};
    year = y;
    return ymd.ok() && y >= 1880;
}

} // namespace

bool validRecordId(const std::string& id)
{
    if (id.empty() || id.size() > 128) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-'))
            return false;
    return true;
}

Row fetch(kiosk::Statement& st, sqlite3* db)
{
    if (st.step()) return Row::Found;
    // A statement that did not prepare, or a step that ended in an error rather than SQLITE_DONE.
    return st.ok() && sqlite3_errcode(db) == SQLITE_DONE ? Row::None : Row::Error;
}

std::string CitizenReading::serialise() const
{
    return json::array({oldId, name, birth, address, issue, gender, birthYear}).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<CitizenReading> CitizenReading::parse(const std::string& text)
{
    const json j = json::parse(text, nullptr, false);
    if (!j.is_array() || j.size() != 7 || !j[6].is_number_integer()) return std::nullopt;
    for (size_t i = 0; i < 6; ++i)
        if (!j[i].is_string()) return std::nullopt;
    CitizenReading r{j[0], j[1], j[2], j[3], j[4], j[5], j[6].get<int>()};
    if (r.gender != "male" && r.gender != "female") return std::nullopt;
    return r;
}

RecordApplier::Owner RecordApplier::owner(const char* sql, const std::string& uid)
{
    kiosk::Statement& st = statement(sql);
    st.bind(1, uid);
    switch (fetch(st)) {
    case Row::Error: return Owner::Unknown;
    case Row::None: return Owner::New;
    case Row::Found: break;
    }
    return !st.isNull(0) && st.int64(0) == m_kiosk ? Owner::ThisKiosk : Owner::OtherKiosk;
}

std::optional<Applied> RecordApplier::known(const char* sql, const std::string& uid, std::string& reason)
{
    switch (owner(sql, uid)) {
    case Owner::New: return std::nullopt;
    case Owner::ThisKiosk: return Applied::Ack;
    case Owner::Unknown: return Applied::Failure;
    case Owner::OtherKiosk: break;
    }
    reason = "mã bản ghi này đã thuộc một ki-ốt khác";
    return Applied::Reject;
}

std::string RecordApplier::kioskName()
{
    if (m_kioskName.empty()) {
        kiosk::Statement st(m_store.db().handle(), "SELECT name FROM kiosks WHERE id=?");
        st.bind(1, m_kiosk);
        m_kioskName = st.step() ? st.text(0) : "#" + std::to_string(m_kiosk);
    }
    return m_kioskName;
}

kiosk::Statement& RecordApplier::statement(const char* sql)
{
    std::unique_ptr<kiosk::Statement>& st = m_statements[sql];
    // One that failed to prepare is prepared again (its failure is seen when it is stepped).
    if (!st || !st->ok()) st = std::make_unique<kiosk::Statement>(m_store.db().handle(), sql);
    else st->reset();
    return *st;
}

void RecordApplier::finish()
{
    for (auto& [sql, st] : m_statements)
        if (st->ok()) st->reset();
}

Applied RecordApplier::apply(const json& record, json& ack, std::string& reason)
{
    const std::string id = record["id"].get<std::string>();
    ack = {{"id", id}};
    std::string kind;
    if (!text(record, "kind", 32, kind, reason)) return Applied::Reject;
    if (kind == "session") return session(record, ack, reason);
    if (kind == "correction") return correction(record, reason);
    if (kind == "erasure") return erasure(record, reason);
    if (kind == "usage") return usage(record, reason);
    if (kind == "heartbeat") return heartbeat(record, reason);
    reason = "loại bản ghi \"" + kind.substr(0, 32) + "\" không được hỗ trợ";
    return Applied::Reject;
}

// [citizen]
// Each kiosk keeps its own latest reading of a citizen (in its alias row); the citizen's shared
// fields are the reading with the latest consent time, a time no kiosk can set past the
// collector's clock plus kClockMargin, ties going to the reading stored last.
Applied RecordApplier::upsertCitizen(const json& c, int64_t& citizenId, std::string& reason)
{
    std::string uid, idNumber, oldId, name, birth, address, issue, gender;
    int64_t consentAt = 0;
    if (!c.is_object()) {
        reason = "trường \"citizen\" phải là đối tượng hoặc null";
        return Applied::Reject;
    }
    if (!text(c, "uid", 128, uid, reason) || !text(c, "id_number", 12, idNumber, reason) || !text(c, "old_id", 32, oldId, reason, false) ||
        !text(c, "full_name", 200, name, reason) || !text(c, "birth_date", 10, birth, reason) ||
        !text(c, "address", 500, address, reason, false) || !text(c, "issue_date", 10, issue, reason, false) ||
        !text(c, "gender", 8, gender, reason) || !integer(c, "consent_at", 0, kMaxTime, consentAt, reason))
        return Applied::Reject;
    int birthYear = 0, issueYear = 0;
    if (!validRecordId(uid)) reason = "citizen.uid không hợp lệ";
    else if (idNumber.size() != 12 || idNumber.find_first_not_of("0123456789") != std::string::npos) reason = "citizen.id_number phải có 12 chữ số";
    else if (name.empty()) reason = "citizen.full_name trống";
    else if (!isoDate(birth, birthYear)) reason = "citizen.birth_date phải là ngày YYYY-MM-DD";
    else if (!issue.empty() && !isoDate(issue, issueYear)) reason = "citizen.issue_date phải là ngày YYYY-MM-DD hoặc trống";
    else if (gender != "male" && gender != "female") reason = "citizen.gender phải là \"male\" hoặc \"female\"";
    if (!reason.empty()) return Applied::Reject;

    sqlite3* db = m_store.db().handle();
    const kiosk::Vault& v = m_store.vault();
    const int64_t now = m_store.clock().unixSeconds();
    consentAt = std::min(consentAt, now + kClockMargin);
    const CitizenReading reading{oldId, name, birth, address, issue, gender, birthYear};
    const std::string sealedText = reading.serialise();

    kiosk::Statement& find = statement("SELECT id, consent_at FROM citizens WHERE id_hash=?");
    find.bind(1, v.keyedHash(idNumber));
    const Row citizenRow = fetch(find);
    if (citizenRow == Row::Error) return Applied::Failure;
    if (citizenRow == Row::None) {
        kiosk::Statement& ins = statement("INSERT INTO citizens(uid, id_hash, id_enc, old_id_enc, name_enc, birth_enc, address_enc, "
                                          "issue_enc, gender, birth_year, consent_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        ins.bind(1, "collector-" + kiosk::randomHex(8)).bind(2, v.keyedHash(idNumber)).bindBlob(3, v.seal(idNumber)).bindBlob(4, v.seal(oldId))
            .bindBlob(5, v.seal(name)).bindBlob(6, v.seal(birth)).bindBlob(7, v.seal(address)).bindBlob(8, v.seal(issue)).bind(9, gender)
            .bind(10, int64_t(birthYear)).bind(11, consentAt).bind(12, now).bind(13, now);
        if (!ins.run()) return Applied::Failure;
        citizenId = sqlite3_last_insert_rowid(db);
        return storeAlias(uid, citizenId, consentAt, v.seal(sealedText));
    }
    citizenId = find.int64(0);
    const int64_t sharedConsent = find.int64(1);

    // Every session of a citizen carries the same reading again: rewriting rows for it (new
    // nonces, a dirty page per session) was most of a large upload's writes, so a reading equal to
    // this kiosk's stored one is compared and left alone; an older one changes nothing.
    kiosk::Statement& alias = statement("SELECT citizen_id, consent_at, reading_enc FROM citizen_aliases WHERE kiosk_id=? AND uid=?");
    alias.bind(1, m_kiosk).bind(2, uid);
    const Row aliasRow = fetch(alias);
    if (aliasRow == Row::Error) return Applied::Failure;
    if (aliasRow == Row::Found && alias.int64(0) == citizenId) {
        if (consentAt < alias.int64(1)) return Applied::Ack;
        if (consentAt == alias.int64(1) && !alias.isNull(2) && v.open(alias.blob(2)) == sealedText) return Applied::Ack;
    }
    if (Applied a = storeAlias(uid, citizenId, consentAt, v.seal(sealedText)); a != Applied::Ack) return a;
    if (consentAt < sharedConsent) return Applied::Ack;   // another kiosk's later reading stays the shared one
    return writeShared(citizenId, reading, consentAt);
}

Applied RecordApplier::storeAlias(const std::string& uid, int64_t citizenId, int64_t consentAt, const std::string& sealedReading)
{
    kiosk::Statement& up = statement("INSERT INTO citizen_aliases(kiosk_id, uid, citizen_id, consent_at, reading_enc) VALUES (?,?,?,?,?) "
                                     "ON CONFLICT(kiosk_id, uid) DO UPDATE SET citizen_id=excluded.citizen_id, "
                                     "consent_at=excluded.consent_at, reading_enc=excluded.reading_enc");
    up.bind(1, m_kiosk).bind(2, uid).bind(3, citizenId).bind(4, consentAt).bindBlob(5, sealedReading);
    return up.run() ? Applied::Ack : Applied::Failure;
}

Applied RecordApplier::writeShared(int64_t citizenId, const CitizenReading& r, int64_t consentAt)
{
    const kiosk::Vault& v = m_store.vault();
    kiosk::Statement& up = statement("UPDATE citizens SET old_id_enc=?, name_enc=?, birth_enc=?, address_enc=?, issue_enc=?, "
                                     "gender=?, birth_year=?, consent_at=?, updated_at=? WHERE id=?");
    up.bindBlob(1, v.seal(r.oldId)).bindBlob(2, v.seal(r.name)).bindBlob(3, v.seal(r.birth)).bindBlob(4, v.seal(r.address))
        .bindBlob(5, v.seal(r.issue)).bind(6, r.gender).bind(7, int64_t(r.birthYear)).bind(8, consentAt)
        .bind(9, m_store.clock().unixSeconds()).bind(10, citizenId);
    return up.run() ? Applied::Ack : Applied::Failure;
}

Applied RecordApplier::staffId(const json& staff, int64_t& id, std::string& reason)
{
    std::string name, role, village;
    if (!staff.is_object()) {
        reason = "trường \"staff\" phải là đối tượng {name, role}";
        return Applied::Reject;
    }
    if (!text(staff, "name", 200, name, reason) || !text(staff, "role", 16, role, reason) ||
        !text(staff, "village", 200, village, reason, false))
        return Applied::Reject;
    if (name.empty()) {
        reason = "staff.name trống";
        return Applied::Reject;
    }
    if (role != "volunteer" && role != "officer" && role != "admin") role = "volunteer";
    // Staff are one list commune-wide, by name: the same person at two kiosks is one active member.
    // The member's village, when the kiosk knows it, is kept as the latest kiosk said.
    auto keepVillage = [&]() {
        if (village.empty()) return Applied::Ack;
        kiosk::Statement& up = statement("UPDATE staff SET village=? WHERE id=? AND village<>?");
        up.bind(1, village).bind(2, id).bind(3, village);
        return up.run() ? Applied::Ack : Applied::Failure;
    };
    if (auto known = m_staff.find(name); known != m_staff.end()) {
        id = known->second;
        return keepVillage();
    }
    kiosk::Statement& get = statement("SELECT id FROM staff WHERE name=?");
    get.bind(1, name);
    const Row found = fetch(get);
    if (found == Row::Error) return Applied::Failure;
    if (found == Row::Found) {
        // Only a row found is remembered: one inserted now is undone if this record is rejected.
        id = get.int64(0);
        m_staff.emplace(name, id);
        return keepVillage();
    }
    kiosk::Statement& ins = statement("INSERT INTO staff(name, role, pin_hash, imported, created_at, village) VALUES (?,?,'',1,?,?)");
    ins.bind(1, name).bind(2, role).bind(3, m_store.clock().unixSeconds()).bind(4, village);
    if (!ins.run()) return Applied::Failure;
    id = sqlite3_last_insert_rowid(m_store.db().handle());
    return Applied::Ack;
}

// [session]
Applied RecordApplier::session(const json& r, json& ack, std::string& reason)
{
    const std::string uid = r["id"].get<std::string>();
    int64_t revision = 0, started = 0, ended = 0;
    std::string village, notes, source, household;
    if (!integer(r, "revision", 1, 1'000'000, revision, reason) || !integer(r, "started_at", 0, kMaxTime, started, reason) ||
        !integer(r, "ended_at", 0, kMaxTime, ended, reason) || !text(r, "village", 200, village, reason, false) ||
        !text(r, "notes", 10000, notes, reason, false) || !text(r, "source", 16, source, reason) ||
        (r.contains("household_code") && !text(r, "household_code", 32, household, reason)))
        return Applied::Reject;
    ack["revision"] = revision;
    if (ended < started) reason = "ended_at trước started_at";
    else if (r.contains("household_code") && !kiosk::validHouseholdCode(household)) reason = "household_code không hợp lệ";
    else if (source != "kiosk" && source != "import") reason = "source phải là \"kiosk\" hoặc \"import\"";
    else if (!r.contains("services") || !r["services"].is_array() || r["services"].size() > 100) reason = "services phải là một mảng (tối đa 100)";
    else if (!r.contains("staff")) reason = "thiếu trường \"staff\"";
    else if (!r.contains("citizen")) reason = "thiếu trường \"citizen\" (null khi ẩn danh)";
    if (!reason.empty()) return Applied::Reject;
    std::vector<std::pair<std::string, std::string>> services;
    std::set<std::string> seen;
    for (const json& s : r["services"]) {
        std::string code, outcome;
        if (!s.is_object() || !text(s, "code", 64, code, reason) || !text(s, "outcome", 16, outcome, reason)) {
            if (reason.empty()) reason = "mỗi dịch vụ phải là {code, outcome}";
            return Applied::Reject;
        }
        kiosk::Outcome o;
        if (!kiosk::validServiceCode(code) || !kiosk::parseOutcome(outcome, o) || !seen.insert(code).second) {
            reason = "dịch vụ \"" + code.substr(0, 64) + "\" có mã hoặc kết quả không hợp lệ, hoặc bị lặp";
            return Applied::Reject;
        }
        services.emplace_back(code, outcome);
    }

    sqlite3* db = m_store.db().handle();
    kiosk::Statement& find = statement("SELECT id, revision, kiosk_id FROM sessions WHERE uid=?");
    find.bind(1, uid);
    int64_t existing = 0;
    const Row stored = fetch(find);
    if (stored == Row::Error) return Applied::Failure;
    if (stored == Row::Found) {
        if (find.isNull(2) || find.int64(2) != m_kiosk) {
            reason = "mã lượt hỗ trợ này đã thuộc một ki-ốt khác";
            return Applied::Reject;
        }
        // Stored at this revision or a later one: nothing to change, acknowledge again.
        if (find.int64(1) >= revision) return Applied::Ack;
        existing = find.int64(0);
    }
    int64_t staff = 0, citizen = 0;
    if (Applied a = staffId(r["staff"], staff, reason); a != Applied::Ack) return a;
    if (!r["citizen"].is_null())
        if (Applied a = upsertCitizen(r["citizen"], citizen, reason); a != Applied::Ack) return a;

    const kiosk::Vault& v = m_store.vault();
    if (existing) {
        kiosk::Statement& up = statement("UPDATE sessions SET started_at=?, ended_at=?, staff_id=?, citizen_id=?, village=?, notes_enc=?, "
                                         "source=?, revision=?, household=? WHERE id=?");
        up.bind(1, started).bind(2, ended).bind(3, staff);
        if (citizen) up.bind(4, citizen); else up.bindNull(4);
        up.bind(5, village);
        if (notes.empty()) up.bindNull(6); else up.bindBlob(6, v.seal(notes));
        up.bind(7, source).bind(8, revision).bind(9, household).bind(10, existing);
        kiosk::Statement& del = statement("DELETE FROM session_services WHERE session_id=?");
        del.bind(1, existing);
        if (!up.run() || !del.run()) return Applied::Failure;
    } else {
        kiosk::Statement& ins = statement("INSERT INTO sessions(uid, started_at, ended_at, staff_id, citizen_id, village, notes_enc, source, "
                                          "revision, created_at, kiosk_id, household) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        ins.bind(1, uid).bind(2, started).bind(3, ended).bind(4, staff);
        if (citizen) ins.bind(5, citizen); else ins.bindNull(5);
        ins.bind(6, village);
        if (notes.empty()) ins.bindNull(7); else ins.bindBlob(7, v.seal(notes));
        ins.bind(8, source).bind(9, revision).bind(10, m_store.clock().unixSeconds()).bind(11, m_kiosk).bind(12, household);
        if (!ins.run()) return Applied::Failure;
        existing = sqlite3_last_insert_rowid(db);
    }
    kiosk::Statement& svc = statement("INSERT INTO session_services(session_id, code, outcome) VALUES (?,?,?)");
    for (const auto& [code, outcome] : services) {
        svc.reset();
        svc.bind(1, existing).bind(2, code).bind(3, outcome);
        if (!svc.run()) return Applied::Failure;
    }
    return Applied::Ack;
}

// [other kinds]
Applied RecordApplier::correction(const json& r, std::string& reason)
{
    const std::string uid = r["id"].get<std::string>();
    std::string sessionUid, staff, fields;
    int64_t revision = 0, at = 0;
    if (!text(r, "session", 128, sessionUid, reason) || !integer(r, "revision", 1, 1'000'000, revision, reason) ||
        !integer(r, "at", 0, kMaxTime, at, reason) || !text(r, "staff", 200, staff, reason) || !text(r, "fields", 200, fields, reason))
        return Applied::Reject;
    sqlite3* db = m_store.db().handle();
    at = std::min(at, m_store.clock().unixSeconds() + kClockMargin);
    if (std::optional<Applied> a = known("SELECT kiosk_id FROM corrections WHERE uid=?", uid, reason)) return *a;
    kiosk::Statement s(db, "SELECT id, kiosk_id FROM sessions WHERE uid=?");
    s.bind(1, sessionUid);
    const Row session = fetch(s);
    if (session == Row::Error) return Applied::Failure;
    if (session == Row::None || s.isNull(1) || s.int64(1) != m_kiosk) {
        reason = "chưa có lượt hỗ trợ mà lần sửa này nhắc tới (gửi lượt hỗ trợ trước lần sửa)";
        return Applied::Reject;
    }
    kiosk::Statement ins(db, "INSERT INTO corrections(uid, session_id, revision, at, staff, fields, kiosk_id) VALUES (?,?,?,?,?,?,?)");
    ins.bind(1, uid).bind(2, s.int64(0)).bind(3, revision).bind(4, at).bind(5, staff).bind(6, fields).bind(7, m_kiosk);
    return ins.run() ? Applied::Ack : Applied::Failure;
}

// What one kiosk sent about a citizen goes; what other kiosks sent stays (their sessions keep
// the citizen, and the shared fields fall back to their latest reading). Audited with the kiosk.
Applied RecordApplier::erasure(const json& r, std::string& reason)
{
    const std::string uid = r["id"].get<std::string>();
    std::string citizenUid, actor;
    int64_t at = 0;
    if (!text(r, "citizen", 128, citizenUid, reason) || !integer(r, "at", 0, kMaxTime, at, reason) ||
        !text(r, "actor", 200, actor, reason, false))
        return Applied::Reject;
    at = std::min(at, m_store.clock().unixSeconds() + kClockMargin);
    if (std::optional<Applied> a = known("SELECT kiosk_id FROM erasures WHERE uid=?", uid, reason)) return *a;
    sqlite3* db = m_store.db().handle();
    kiosk::Statement find(db, "SELECT a.citizen_id, c.uid FROM citizen_aliases a JOIN citizens c ON c.id = a.citizen_id "
                              "WHERE a.kiosk_id=? AND a.uid=?");
    find.bind(1, m_kiosk).bind(2, citizenUid);
    const Row found = fetch(find);
    if (found == Row::Error) return Applied::Failure;
    if (found == Row::Found) {
        const int64_t citizen = find.int64(0);
        const std::string commune = find.text(1);
        kiosk::Statement anon(db, "UPDATE sessions SET citizen_id=NULL, notes_enc=NULL WHERE citizen_id=? AND kiosk_id=?");
        anon.bind(1, citizen).bind(2, m_kiosk);
        kiosk::Statement unalias(db, "DELETE FROM citizen_aliases WHERE citizen_id=? AND kiosk_id=?");
        unalias.bind(1, citizen).bind(2, m_kiosk);
        if (!anon.run() || !unalias.run()) return Applied::Failure;
        kiosk::Statement rest(db, "SELECT consent_at, reading_enc FROM citizen_aliases WHERE citizen_id=? AND reading_enc IS NOT NULL "
                                  "ORDER BY consent_at DESC, kiosk_id LIMIT 1");
        rest.bind(1, citizen);
        kiosk::Statement others(db, "SELECT (SELECT count(*) FROM citizen_aliases WHERE citizen_id=?) + "
                                    "(SELECT count(*) FROM sessions WHERE citizen_id=?)");
        others.bind(1, citizen).bind(2, citizen);
        if (fetch(others) != Row::Found) return Applied::Failure;
        const int64_t kept = others.int64(0);
        std::string detail = "kept_by_other_kiosks=" + std::to_string(kept > 0 ? 1 : 0);
        if (kept == 0) {
            // Nobody else knows them: the personal fields and the keyed hash go.
            kiosk::Statement del(db, "DELETE FROM citizens WHERE id=?");
            del.bind(1, citizen);
            if (!del.run()) return Applied::Failure;
        } else {
            const Row best = fetch(rest);
            if (best == Row::Error) return Applied::Failure;
            std::optional<CitizenReading> reading;
            if (best == Row::Found)
                if (std::optional<std::string> opened = m_store.vault().open(rest.blob(1))) reading = CitizenReading::parse(*opened);
            // Every alias holds a reading (those from before were filled in when the store opened),
            // so `reading` is missing only for a sealed blob that does not open: the shared fields stay.
            if (reading && writeShared(citizen, *reading, rest.int64(0)) != Applied::Ack) return Applied::Failure;
        }
        if (!m_store.audit().record("kiosk:" + kioskName(), "citizen_erased", commune, detail)) return Applied::Failure;
        m_erased = true;
    }
    kiosk::Statement ins(db, "INSERT INTO erasures(uid, citizen_uid, at, actor, kiosk_id) VALUES (?,?,?,?,?)");
    ins.bind(1, uid).bind(2, citizenUid).bind(3, at).bind(4, actor).bind(5, m_kiosk);
    return ins.run() ? Applied::Ack : Applied::Failure;
}

Applied RecordApplier::usage(const json& r, std::string& reason)
{
    if (!r.contains("events") || !r["events"].is_array() || r["events"].size() > 5000) {
        reason = "events phải là một mảng (tối đa 5000)";
        return Applied::Reject;
    }
    struct Event {
        int64_t n = 0, visit = 0, step = 0;
        std::string at, kind, lesson, detail;
    };
    std::vector<Event> events;
    for (const json& e : r["events"]) {
        Event x;
        if (!e.is_object() || !integer(e, "n", 1, INT64_MAX, x.n, reason) || !text(e, "at", 40, x.at, reason) ||
            !integer(e, "visit", 0, INT64_MAX, x.visit, reason) || !text(e, "kind", 64, x.kind, reason) ||
            !text(e, "lesson", 128, x.lesson, reason, false) || !integer(e, "step", -1, 10000, x.step, reason, false) ||
            !text(e, "detail", 500, x.detail, reason, false)) {
            if (reason.empty()) reason = "mỗi sự kiện phải là một đối tượng";
            return Applied::Reject;
        }
        events.push_back(std::move(x));
    }
    kiosk::Statement& ins = statement("INSERT OR IGNORE INTO usage_events(at, visit, kind, lesson, step, detail, kiosk_id, source_id) "
                                      "VALUES (?,?,?,?,?,?,?,?)");
    for (const Event& e : events) {
        ins.reset();
        ins.bind(1, e.at).bind(2, e.visit).bind(3, e.kind).bind(4, e.lesson).bind(5, e.step).bind(6, e.detail).bind(7, m_kiosk).bind(8, e.n);
        if (!ins.run()) return Applied::Failure;
    }
    return Applied::Ack;
}

Applied RecordApplier::heartbeat(const json& r, std::string& reason)
{
    int64_t at = 0, freeDisk = -1, lastSuccess = 0, waiting = 0;
    std::string version, lastError;
    if (!integer(r, "at", 0, kMaxTime, at, reason) || !text(r, "version", 64, version, reason, false) ||
        !integer(r, "free_disk_bytes", -1, INT64_MAX, freeDisk, reason, false) || !text(r, "last_error", 2000, lastError, reason, false) ||
        !integer(r, "last_success", 0, kMaxTime, lastSuccess, reason, false))
        return Applied::Reject;
    if (r.contains("waiting") && r["waiting"].is_object() && !integer(r["waiting"], "sessions", 0, INT64_MAX, waiting, reason, false))
        return Applied::Reject;
    // An older heartbeat arriving late does not hide a newer one; a clock far ahead cannot hide
    // the ones after it for long.
    const int64_t latest = m_store.clock().unixSeconds() + kClockMargin;
    at = std::min(at, latest);
    lastSuccess = std::min(lastSuccess, latest);
    kiosk::Statement up(m_store.db().handle(),
                        "UPDATE kiosks SET heartbeat_at=?, version=?, free_disk_bytes=?, last_error=?, last_success=?, waiting_sessions=? "
                        "WHERE id=? AND heartbeat_at <= ?");
    up.bind(1, at).bind(2, version).bind(3, freeDisk).bind(4, lastError).bind(5, lastSuccess).bind(6, waiting).bind(7, m_kiosk).bind(8, at);
    return up.run() ? Applied::Ack : Applied::Failure;
}

} // namespace collector

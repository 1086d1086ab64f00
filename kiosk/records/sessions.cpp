// Session records in SQLite: one transaction per save, sealed personal fields, keyed-hash lookup,
// audited corrections and erasures (each also kept as a record the upload carries).
#include "kiosk/records/sessions.hpp"
#include "kiosk/common/random_id.hpp"
#include "kiosk/store/integrity.hpp"
#include <sodium.h>
#include <sqlite3.h>
#include <algorithm>
#include <set>

namespace kiosk {

namespace {

// Why a write failed, for staff: a full disk is the one they can do something about.
std::string writeError(Database& db)
{
    const WriteFailure failure = writeFailure(db);
    if (failure == WriteFailure::DiskFull) return "Bộ nhớ của ki-ốt đã đầy, chưa lưu được. Xin báo cán bộ kỹ thuật giải phóng dung lượng rồi bấm Lưu lại.";
    if (failure == WriteFailure::Busy) return "Cơ sở dữ liệu đang bận, chưa lưu được. Xin bấm Lưu lại.";
    return "Chưa lưu được vào cơ sở dữ liệu (" + db.lastError() + "). Xin bấm Lưu lại.";
}

bool validServices(const std::vector<ServiceOutcome>& services, std::string& error)
{
    std::set<std::string> seen;
    for (const ServiceOutcome& s : services) {
        if (!validServiceCode(s.code)) {
            error = "mã dịch vụ \"" + s.code + "\" không hợp lệ";
            return false;
        }
        if (!seen.insert(s.code).second) {
            error = "dịch vụ \"" + s.code + "\" được đánh dấu hai lần";
            return false;
        }
    }
    return true;
}

bool insertServices(Database& db, int64_t sessionId, const std::vector<ServiceOutcome>& services)
{
    Statement st(db.handle(), "INSERT INTO session_services(session_id, code, outcome) VALUES (?,?,?)");
    for (const ServiceOutcome& s : services) {
        st.reset();
        st.bind(1, sessionId).bind(2, s.code).bind(3, outcomeName(s.outcome));
        if (!st.run()) return false;
    }
    return true;
}

const char* kSessionColumns =
    "s.id, s.uid, s.started_at, s.ended_at, st.name, c.uid, s.village, s.notes_enc, s.revision, s.source, s.household "
    "FROM sessions s JOIN staff st ON st.id = s.staff_id LEFT JOIN citizens c ON c.id = s.citizen_id ";

} // namespace

SessionStore::SessionStore(Database& db, const Vault& vault, const Clock& clock, AuditLog& audit)
    : m_db(db), m_vault(vault), m_clock(clock), m_audit(audit)
{
    // Record ids are "<kiosk>-<random>": unique across the commune's kiosks without coordination.
    Statement get(db.handle(), "SELECT value FROM meta WHERE key='kiosk_id'");
    if (get.step()) {
        m_kioskId = get.text(0);
    } else {
        m_kioskId = randomHex(4);
        Statement put(db.handle(), "INSERT OR IGNORE INTO meta(key, value) VALUES ('kiosk_id', ?)");
        put.bind(1, m_kioskId).run();
        Statement again(db.handle(), "SELECT value FROM meta WHERE key='kiosk_id'");
        if (again.step()) m_kioskId = again.text(0);
    }
}

std::string SessionStore::newUid() { return m_kioskId + "-" + randomHex(8); }

std::optional<int64_t> SessionStore::upsertCitizen(const CitizenId& c, bool keepStored, std::string& error)
{
    const std::string hash = m_vault.keyedHash(c.id);
    const int64_t now = m_clock.unixSeconds();
    Statement find(m_db.handle(), "SELECT id, uid FROM citizens WHERE id_hash=?");
    find.bind(1, hash);
    if (find.step()) {
        // A paper record typed in later never replaces what is stored (often read from the card).
        if (keepStored) return find.int64(0);
        // The card read today is the truth: a new address after a move replaces the old one.
        int64_t id = find.int64(0);
        const std::string uid = find.text(1);
        auto seal = [&](std::string_view v, const char* column) { return m_vault.seal(v, rowAd(std::string("citizens.") + column, uid)); };
        Statement up(m_db.handle(),
                     "UPDATE citizens SET old_id_enc=?, name_enc=?, birth_enc=?, address_enc=?, issue_enc=?, gender=?, "
                     "birth_year=?, consent_at=?, updated_at=? WHERE id=?");
        up.bindBlob(1, seal(c.oldId, "old_id_enc")).bindBlob(2, seal(c.fullName, "name_enc")).bindBlob(3, seal(c.birthDateIso(), "birth_enc"))
            .bindBlob(4, seal(c.address, "address_enc")).bindBlob(5, seal(c.issueDateIso(), "issue_enc")).bind(6, c.gender)
            .bind(7, int64_t(c.birthYear)).bind(8, now).bind(9, now).bind(10, id);
        if (!up.run()) {
            error = writeError(m_db);
            return std::nullopt;
        }
        return id;
    }
    Statement ins(m_db.handle(),
                  "INSERT INTO citizens(uid, id_hash, id_enc, old_id_enc, name_enc, birth_enc, address_enc, issue_enc, gender, "
                  "birth_year, consent_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const std::string uid = newUid();
    auto seal = [&](std::string_view v, const char* column) { return m_vault.seal(v, rowAd(std::string("citizens.") + column, uid)); };
    ins.bind(1, uid).bind(2, hash).bindBlob(3, seal(c.id, "id_enc")).bindBlob(4, seal(c.oldId, "old_id_enc"))
        .bindBlob(5, seal(c.fullName, "name_enc")).bindBlob(6, seal(c.birthDateIso(), "birth_enc")).bindBlob(7, seal(c.address, "address_enc"))
        .bindBlob(8, seal(c.issueDateIso(), "issue_enc")).bind(9, c.gender).bind(10, int64_t(c.birthYear)).bind(11, now)
        .bind(12, now).bind(13, now);
    if (!ins.run()) {
        error = writeError(m_db);
        return std::nullopt;
    }
    return sqlite3_last_insert_rowid(m_db.handle());
}

std::optional<SaveResult> SessionStore::save(const NewSession& s, std::string& error)
{
    if (s.citizen && !s.consent) {
        error = "Người dân chưa đồng ý cho lưu thông tin cá nhân: chưa lưu gì. Xin hỏi ý kiến người dân, hoặc chọn \"Không lưu thông tin cá nhân\".";
        return std::nullopt;
    }
    if (s.citizen && (s.citizen->id.size() != 12 || s.citizen->fullName.empty())) {
        error = "thông tin căn cước không đầy đủ";
        return std::nullopt;
    }
    if (s.endedAt < s.startedAt) {
        error = "giờ kết thúc trước giờ bắt đầu";
        return std::nullopt;
    }
    if (!validServices(s.services, error)) return std::nullopt;
    if (s.source != "kiosk" && s.source != "import") {
        error = "nguồn \"" + s.source + "\" không hợp lệ";
        return std::nullopt;
    }

    Transaction tx(m_db);
    if (!tx.open()) {
        error = writeError(m_db);
        return std::nullopt;
    }
    if (!s.importKey.empty()) {
        Statement dup(m_db.handle(), "SELECT id, uid FROM sessions WHERE import_key=?");
        dup.bind(1, s.importKey);
        if (dup.step()) return SaveResult{dup.int64(0), dup.text(1), true};
    }
    Statement staff(m_db.handle(), "SELECT 1 FROM staff WHERE id=?");
    staff.bind(1, s.staffId);
    if (!staff.step()) {
        error = "không có cán bộ này trong danh sách";
        return std::nullopt;
    }
    std::optional<int64_t> citizenId;
    if (s.citizen) {
        citizenId = upsertCitizen(*s.citizen, s.source == "import", error);
        if (!citizenId) return std::nullopt;
    }
    SaveResult result;
    result.uid = newUid();
    Statement ins(m_db.handle(),
                  "INSERT INTO sessions(uid, started_at, ended_at, staff_id, citizen_id, village, notes_enc, source, import_key, created_at, "
                  "household) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, result.uid).bind(2, s.startedAt).bind(3, s.endedAt).bind(4, s.staffId);
    if (citizenId) ins.bind(5, *citizenId); else ins.bindNull(5);
    ins.bind(6, s.village);
    if (s.notes.empty()) ins.bindNull(7); else ins.bindBlob(7, m_vault.seal(s.notes, rowAd("sessions.notes_enc", result.uid)));
    ins.bind(8, s.source);
    if (s.importKey.empty()) ins.bindNull(9); else ins.bind(9, s.importKey);
    ins.bind(10, m_clock.unixSeconds()).bind(11, s.household);
    if (!ins.run()) {
        error = writeError(m_db);
        return std::nullopt;
    }
    result.id = sqlite3_last_insert_rowid(m_db.handle());
    if (!insertServices(m_db, result.id, s.services) || !updateSessionMac(m_db, m_vault, result.id)) {
        error = writeError(m_db);
        return std::nullopt;
    }
    if (!tx.commit(error, writeError)) return std::nullopt;
    return result;
}

std::vector<ServiceOutcome> SessionStore::servicesOf(int64_t sessionId)
{
    std::vector<ServiceOutcome> out;
    Statement st(m_db.handle(), "SELECT code, outcome FROM session_services WHERE session_id=? ORDER BY code");
    st.bind(1, sessionId);
    while (st.step()) {
        ServiceOutcome o;
        o.code = st.text(0);
        parseOutcome(st.text(1), o.outcome);
        out.push_back(std::move(o));
    }
    return out;
}

std::optional<SessionView> SessionStore::readSession(Statement& st)
{
    SessionView v;
    v.id = st.int64(0);
    v.uid = st.text(1);
    v.startedAt = st.int64(2);
    v.endedAt = st.int64(3);
    v.staffName = st.text(4);
    v.citizenUid = st.isNull(5) ? std::string() : st.text(5);
    v.village = st.text(6);
    if (!st.isNull(7)) v.notes = m_vault.open(st.blob(7), rowAd("sessions.notes_enc", v.uid)).value_or("");
    v.revision = static_cast<int>(st.int64(8));
    v.source = st.text(9);
    v.household = st.text(10);
    v.services = servicesOf(v.id);
    return v;
}

std::optional<SessionView> SessionStore::get(int64_t sessionId)
{
    Statement st(m_db.handle(), std::string("SELECT ") + kSessionColumns + "WHERE s.id=?");
    st.bind(1, sessionId);
    if (!st.step()) return std::nullopt;
    return readSession(st);
}

bool SessionStore::correct(int64_t sessionId, const SessionEdit& edit, std::string_view staffName, std::string& error)
{
    std::optional<SessionView> before = get(sessionId);
    if (!before) {
        error = "không có lượt hỗ trợ này";
        return false;
    }
    if (edit.endedAt < before->startedAt) {
        error = "giờ kết thúc trước giờ bắt đầu";
        return false;
    }
    if (!validServices(edit.services, error)) return false;
    std::vector<ServiceOutcome> wanted = edit.services;
    std::sort(wanted.begin(), wanted.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    std::string fields;
    auto changed = [&](bool differs, const char* name) {
        if (differs) fields += (fields.empty() ? "" : ",") + std::string(name);
    };
    changed(edit.endedAt != before->endedAt, "ended_at");
    changed(edit.village != before->village, "village");
    changed(edit.household != before->household, "household");
    changed(edit.notes != before->notes, "notes");
    changed(wanted != before->services, "services");
    if (fields.empty()) return true;   // nothing to correct

    Transaction tx(m_db);
    const int revision = before->revision + 1;
    Statement up(m_db.handle(), "UPDATE sessions SET ended_at=?, village=?, notes_enc=?, revision=?, household=? WHERE id=?");
    up.bind(1, edit.endedAt).bind(2, edit.village);
    if (edit.notes.empty()) up.bindNull(3); else up.bindBlob(3, m_vault.seal(edit.notes, rowAd("sessions.notes_enc", before->uid)));
    up.bind(4, int64_t(revision)).bind(5, edit.household).bind(6, sessionId);
    Statement del(m_db.handle(), "DELETE FROM session_services WHERE session_id=?");
    del.bind(1, sessionId);
    Statement rec(m_db.handle(), "INSERT INTO corrections(uid, session_id, revision, at, staff, fields) VALUES (?,?,?,?,?,?)");
    rec.bind(1, newUid()).bind(2, sessionId).bind(3, int64_t(revision)).bind(4, m_clock.unixSeconds()).bind(5, staffName).bind(6, fields);
    if (!tx.open() || !up.run() || !del.run() || !insertServices(m_db, sessionId, edit.services) ||
        !updateSessionMac(m_db, m_vault, sessionId) || !rec.run() ||
        !m_audit.record(staffName, "session_corrected", before->uid, fields)) {
        error = writeError(m_db);
        return false;
    }
    return tx.commit(error, writeError);
}

std::optional<CitizenRecord> SessionStore::findCitizen(std::string_view idNumber)
{
    Statement st(m_db.handle(),
                 "SELECT id, uid, id_enc, old_id_enc, name_enc, birth_enc, address_enc, issue_enc, gender, consent_at "
                 "FROM citizens WHERE id_hash=?");
    st.bind(1, m_vault.keyedHash(idNumber));
    if (!st.step()) return std::nullopt;
    CitizenRecord r;
    const int64_t rowId = st.int64(0);
    r.uid = st.text(1);
    auto open = [&](int col, const char* column) {
        return m_vault.open(st.blob(col), rowAd(std::string("citizens.") + column, r.uid)).value_or("");
    };
    r.card.id = open(2, "id_enc");
    r.card.oldId = open(3, "old_id_enc");
    r.card.fullName = open(4, "name_enc");
    std::string birth = open(5, "birth_enc"), issue = open(7, "issue_enc");
    std::sscanf(birth.c_str(), "%d-%d-%d", &r.card.birthYear, &r.card.birthMonth, &r.card.birthDay);
    std::sscanf(issue.c_str(), "%d-%d-%d", &r.card.issueYear, &r.card.issueMonth, &r.card.issueDay);
    r.card.address = open(6, "address_enc");
    r.card.gender = st.text(8);
    r.consentAt = st.int64(9);
    Statement ss(m_db.handle(), std::string("SELECT ") + kSessionColumns + "WHERE s.citizen_id=? ORDER BY s.started_at");
    ss.bind(1, rowId);
    while (ss.step())
        if (auto v = readSession(ss)) r.sessions.push_back(std::move(*v));
    return r;
}

bool SessionStore::eraseCitizen(std::string_view idNumber, std::string_view actor, std::string& error)
{
    Statement find(m_db.handle(), "SELECT id, uid FROM citizens WHERE id_hash=?");
    find.bind(1, m_vault.keyedHash(idNumber));
    if (!find.step()) {
        error = "Không có hồ sơ nào của số căn cước này trên ki-ốt.";
        return false;
    }
    const int64_t rowId = find.int64(0);
    const std::string uid = find.text(1);
    Transaction tx(m_db);
    std::vector<int64_t> affected;   // their MACs change with the citizen link
    {
        Statement ids(m_db.handle(), "SELECT id FROM sessions WHERE citizen_id=?");
        ids.bind(1, rowId);
        while (ids.step()) affected.push_back(ids.int64(0));
    }
    auto remac = [&] {
        for (int64_t id : affected)
            if (!updateSessionMac(m_db, m_vault, id)) return false;
        return true;
    };
    // The notes were written about this person: they go with the rest.
    Statement anon(m_db.handle(), "UPDATE sessions SET citizen_id=NULL, notes_enc=NULL WHERE citizen_id=?");
    anon.bind(1, rowId);
    Statement del(m_db.handle(), "DELETE FROM citizens WHERE id=?");
    del.bind(1, rowId);
    Statement rec(m_db.handle(), "INSERT INTO erasures(uid, citizen_uid, at, actor) VALUES (?,?,?,?)");
    rec.bind(1, newUid()).bind(2, uid).bind(3, m_clock.unixSeconds()).bind(4, actor);
    if (!tx.open() || !anon.run() || !remac() || !del.run() || !rec.run() || !m_audit.record(actor, "citizen_erased", uid)) {
        error = writeError(m_db);
        return false;
    }
    if (!tx.commit(error, writeError)) return false;
    // secure_delete zeroes the freed pages; the checkpoint moves them out of the WAL file too.
    m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return true;
}

int64_t SessionStore::sessionCount()
{
    Statement st(m_db.handle(), "SELECT count(*) FROM sessions");
    return st.step() ? st.int64(0) : 0;
}

int64_t SessionStore::citizenCount()
{
    Statement st(m_db.handle(), "SELECT count(*) FROM citizens");
    return st.step() ? st.int64(0) : 0;
}

} // namespace kiosk

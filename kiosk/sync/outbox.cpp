// Reading the outbox: pending sessions (personal fields opened from the vault, only to be sent over
// the encrypted connection), corrections, erasures and statistics batches, as protocol JSON.
#include "kiosk/sync/outbox.hpp"
#include "kiosk/common/random_id.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sqlite3.h>
#include <algorithm>

namespace kiosk {

namespace {

using nlohmann::json;

// Text from the database may, after a disk fault, hold bytes that are not UTF-8: never let that
// abort a whole batch (nlohmann would throw on dump).
std::string dumpJson(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

int64_t single(Database& db, const char* sql)
{
    Statement st(db.handle(), sql);
    return st.step() ? st.int64(0) : 0;
}

OutboxCounts countWaiting(Database& db)
{
    OutboxCounts c;
    c.sessions = single(db, "SELECT count(*) FROM sessions s LEFT JOIN upload_acks a ON a.kind='session' AND a.uid=s.uid "
                            "WHERE a.uid IS NULL OR a.revision < s.revision");
    c.corrections = single(db, "SELECT count(*) FROM corrections c LEFT JOIN upload_acks a ON a.kind='correction' AND a.uid=c.uid "
                               "WHERE a.uid IS NULL");
    c.erasures = single(db, "SELECT count(*) FROM erasures e LEFT JOIN upload_acks a ON a.kind='erasure' AND a.uid=e.uid "
                            "WHERE a.uid IS NULL");
    c.usageEvents = single(db, "SELECT count(*) FROM usage_events WHERE id > (SELECT usage_acked FROM upload_status WHERE id=1)");
    return c;
}

UploadStatus readStatus(Database& db)
{
    UploadStatus s;
    Statement st(db.handle(), "SELECT last_attempt, last_success, last_error FROM upload_status WHERE id=1");
    if (st.step()) {
        s.lastAttempt = st.int64(0);
        s.lastSuccess = st.int64(1);
        s.lastError = st.text(2);
    }
    s.waiting = countWaiting(db);
    return s;
}

} // namespace

const char* recordKindName(RecordKind k)
{
    switch (k) {
    case RecordKind::Session: return "session";
    case RecordKind::Correction: return "correction";
    case RecordKind::Erasure: return "erasure";
    case RecordKind::Usage: return "usage";
    case RecordKind::Heartbeat: return "heartbeat";
    }
    return "?";
}

Outbox::Outbox(Database& db, const Vault& vault) : m_db(db), m_vault(vault)
{
    // The same id SessionStore puts in front of every record id (created there on first run).
    Statement get(db.handle(), "SELECT value FROM meta WHERE key='kiosk_id'");
    if (get.step()) {
        m_kioskId = get.text(0);
        return;
    }
    Statement put(db.handle(), "INSERT OR IGNORE INTO meta(key, value) VALUES ('kiosk_id', ?)");
    put.bind(1, randomHex(4)).run();
    Statement again(db.handle(), "SELECT value FROM meta WHERE key='kiosk_id'");
    if (again.step()) m_kioskId = again.text(0);
}

void Outbox::readSessions(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out, std::vector<std::string>& unreadable)
{
    Statement st(m_db.handle(),
                 "SELECT s.id, s.uid, s.revision, s.started_at, s.ended_at, st.name, st.role, s.village, s.notes_enc, s.source, "
                 "c.uid, c.id_enc, c.old_id_enc, c.name_enc, c.birth_enc, c.address_enc, c.issue_enc, c.gender, c.consent_at, s.household, "
                 "st.village "
                 "FROM sessions s JOIN staff st ON st.id = s.staff_id LEFT JOIN citizens c ON c.id = s.citizen_id "
                 "LEFT JOIN upload_acks a ON a.kind='session' AND a.uid = s.uid "
                 "WHERE s.id > ? AND (a.uid IS NULL OR a.revision < s.revision) ORDER BY s.id LIMIT ?");
    st.bind(1, cursor.session).bind(2, int64_t(b.max - out.size()));
    Statement services(m_db.handle(), "SELECT code, outcome FROM session_services WHERE session_id=? ORDER BY code");
    if (!services.ok()) return readFailed("các dịch vụ của lượt hỗ trợ");
    while (!b.full(out) && st.step()) {
        OutboxRecord r;
        r.kind = RecordKind::Session;
        r.rowId = st.int64(0);
        r.id = st.text(1);
        r.revision = st.int64(2);
        cursor.session = r.rowId;
        json j = {{"kind", "session"}, {"id", r.id}, {"revision", r.revision}, {"started_at", st.int64(3)}, {"ended_at", st.int64(4)},
                  {"staff", {{"name", st.text(5)}, {"role", st.text(6)}}}, {"village", st.text(7)}, {"source", st.text(9)}};
        if (std::string household = st.text(19); !household.empty()) j["household_code"] = std::move(household);
        if (std::string village = st.text(20); !village.empty()) j["staff"]["village"] = std::move(village);
        bool readable = true;
        std::string notes;
        if (!st.isNull(8)) {
            auto n = m_vault.open(st.blob(8), rowAd("sessions.notes_enc", r.id));
            readable = readable && n.has_value();
            notes = n.value_or("");
        }
        j["notes"] = notes;
        services.reset();
        services.bind(1, r.rowId);
        json list = json::array();
        while (services.step()) list.push_back({{"code", services.text(0)}, {"outcome", services.text(1)}});
        j["services"] = std::move(list);
        if (st.isNull(10)) {
            j["citizen"] = nullptr;
        } else {
            const std::string citizenUid = st.text(10);
            auto open = [&](int col) {
                static const char* const kColumns[] = {"id_enc", "old_id_enc", "name_enc", "birth_enc", "address_enc", "issue_enc"};
                auto v = m_vault.open(st.blob(col), rowAd(std::string("citizens.") + kColumns[col - 11], citizenUid));
                readable = readable && v.has_value();
                return v.value_or("");
            };
            j["citizen"] = {{"uid", st.text(10)},         {"id_number", open(11)}, {"old_id", open(12)},
                            {"full_name", open(13)},      {"birth_date", open(14)}, {"address", open(15)},
                            {"issue_date", open(16)},     {"gender", st.text(17)},  {"consent_at", st.int64(18)}};
        }
        if (!readable) {
            unreadable.push_back(r.id);
            continue;
        }
        if (services.failed()) return readFailed("các dịch vụ của lượt hỗ trợ");
        r.json = dumpJson(j);
        b.bytes += r.json.size() + 1;
        out.push_back(std::move(r));
    }
    if (st.failed()) readFailed("các lượt hỗ trợ");
}

void Outbox::readCorrections(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out)
{
    Statement st(m_db.handle(),
                 "SELECT c.id, c.uid, s.uid, c.revision, c.at, c.staff, c.fields FROM corrections c JOIN sessions s ON s.id = c.session_id "
                 "LEFT JOIN upload_acks a ON a.kind='correction' AND a.uid = c.uid WHERE c.id > ? AND a.uid IS NULL ORDER BY c.id LIMIT ?");
    st.bind(1, cursor.correction).bind(2, int64_t(b.max - out.size()));
    while (!b.full(out) && st.step()) {
        OutboxRecord r;
        r.kind = RecordKind::Correction;
        r.rowId = st.int64(0);
        r.id = st.text(1);
        cursor.correction = r.rowId;
        r.json = dumpJson({{"kind", "correction"}, {"id", r.id}, {"session", st.text(2)}, {"revision", st.int64(3)},
                           {"at", st.int64(4)}, {"staff", st.text(5)}, {"fields", st.text(6)}});
        b.bytes += r.json.size() + 1;
        out.push_back(std::move(r));
    }
    if (st.failed()) readFailed("các lần sửa");
}

void Outbox::readErasures(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out)
{
    Statement st(m_db.handle(),
                 "SELECT e.id, e.uid, e.citizen_uid, e.at, e.actor FROM erasures e "
                 "LEFT JOIN upload_acks a ON a.kind='erasure' AND a.uid = e.uid WHERE e.id > ? AND a.uid IS NULL ORDER BY e.id LIMIT ?");
    st.bind(1, cursor.erasure).bind(2, int64_t(b.max - out.size()));
    while (!b.full(out) && st.step()) {
        OutboxRecord r;
        r.kind = RecordKind::Erasure;
        r.rowId = st.int64(0);
        r.id = st.text(1);
        cursor.erasure = r.rowId;
        r.json = dumpJson({{"kind", "erasure"}, {"id", r.id}, {"citizen", st.text(2)}, {"at", st.int64(3)}, {"actor", st.text(4)}});
        b.bytes += r.json.size() + 1;
        out.push_back(std::move(r));
    }
    if (st.failed()) readFailed("các lần xoá dữ liệu");
}

void Outbox::readUsage(Cursor& cursor, Budget& b, std::vector<OutboxRecord>& out)
{
    Statement acked(m_db.handle(), "SELECT usage_acked FROM upload_status WHERE id=1");
    if (acked.step()) cursor.usage = std::max(cursor.usage, acked.int64(0));
    if (acked.failed()) return readFailed("thống kê sử dụng");
    Statement st(m_db.handle(), "SELECT id, at, visit, kind, lesson, step, detail FROM usage_events WHERE id > ? ORDER BY id LIMIT ?");
    while (!b.full(out)) {
        st.reset();
        st.bind(1, cursor.usage).bind(2, int64_t(kUsageEventsPerRecord));
        json events = json::array();
        int64_t first = 0, last = 0;
        while (st.step()) {
            last = st.int64(0);
            if (!first) first = last;
            events.push_back({{"n", last}, {"at", st.text(1)}, {"visit", st.int64(2)}, {"kind", st.text(3)}, {"lesson", st.text(4)},
                              {"step", st.int64(5)}, {"detail", st.text(6)}});
        }
        if (st.failed()) return readFailed("thống kê sử dụng");
        if (events.empty()) return;
        OutboxRecord r;
        r.kind = RecordKind::Usage;
        // Named by the events it holds: the same batch sent again has the same id.
        r.id = m_kioskId + "-usage-" + std::to_string(first) + "-" + std::to_string(last);
        r.rowId = last;
        r.eventCount = static_cast<int64_t>(events.size());
        cursor.usage = last;
        r.json = dumpJson({{"kind", "usage"}, {"id", r.id}, {"events", std::move(events)}});
        b.bytes += r.json.size() + 1;
        out.push_back(std::move(r));
    }
}

std::vector<OutboxRecord> Outbox::next(Cursor& cursor, int max, std::vector<std::string>& unreadable, size_t maxBytes)
{
    std::vector<OutboxRecord> out;
    m_readError.clear();
    Budget b;
    b.max = static_cast<size_t>(std::max(max, 1));
    b.maxBytes = maxBytes;
    // A session goes before its corrections, and everything before the erasures, so that the
    // collector has what an erasure or a correction refers to. A failed read stops here: what
    // follows would otherwise overtake what could not be read.
    readSessions(cursor, b, out, unreadable);
    if (m_readError.empty() && !b.full(out)) readCorrections(cursor, b, out);
    if (m_readError.empty() && !b.full(out)) readErasures(cursor, b, out);
    if (m_readError.empty() && !b.full(out)) readUsage(cursor, b, out);
    if (!m_readError.empty()) out.clear();
    return out;
}

void Outbox::readFailed(const char* what)
{
    if (!m_readError.empty()) return;
    // SQLite's own words go to the technician; nothing personal is in them (no values are bound
    // into the statements' text).
    m_readError = std::string("Không đọc được ") + what + " đang chờ gửi trong cơ sở dữ liệu của ki-ốt (" + m_db.lastError() +
                  "); chưa gửi gì thêm, mọi bản ghi vẫn được giữ để gửi ở lần sau. Nếu lỗi lặp lại, xin báo cán bộ kỹ thuật "
                  "chạy \"kiosk db check\".";
}

namespace {
std::string ackWriteError(Database& db)
{
    return writeFailure(db) == WriteFailure::DiskFull
               ? "Bộ nhớ của ki-ốt đã đầy nên chưa ghi được những gì máy chủ xã đã xác nhận; lần gửi sau sẽ gửi lại các bản ghi "
                 "này (máy chủ không nhận trùng). Xin báo cán bộ kỹ thuật giải phóng dung lượng."
               : "Chưa ghi được xác nhận của máy chủ xã vào cơ sở dữ liệu (" + db.lastError() + "); lần gửi sau sẽ gửi lại.";
}
} // namespace

bool Outbox::markAcknowledged(const std::vector<const OutboxRecord*>& acked, int64_t now, std::string& error)
{
    if (acked.empty()) return true;
    Transaction tx(m_db);
    auto fail = [&] {
        error = ackWriteError(m_db);   // before the rollback replaces SQLite's error
        return false;                  // tx rolls back
    };
    if (!tx.open()) return fail();
    Statement ack(m_db.handle(),
                  "INSERT INTO upload_acks(kind, uid, revision, acked_at) VALUES (?,?,?,?) "
                  "ON CONFLICT(kind, uid) DO UPDATE SET revision = max(revision, excluded.revision), acked_at = excluded.acked_at");
    Statement usage(m_db.handle(), "UPDATE upload_status SET usage_acked = max(usage_acked, ?) WHERE id=1");
    for (const OutboxRecord* r : acked) {
        if (r->kind == RecordKind::Heartbeat) continue;
        if (r->kind == RecordKind::Usage) {
            usage.reset();
            usage.bind(1, r->rowId);
            if (!usage.run()) return fail();
            continue;
        }
        ack.reset();
        ack.bind(1, recordKindName(r->kind)).bind(2, r->id).bind(3, r->revision).bind(4, now);
        if (!ack.run()) return fail();
    }
    return tx.commit(error, ackWriteError);
}

OutboxCounts Outbox::waiting() { return countWaiting(m_db); }
UploadStatus Outbox::status() { return readStatus(m_db); }

void Outbox::recordAttempt(int64_t now)
{
    Statement st(m_db.handle(), "UPDATE upload_status SET last_attempt=? WHERE id=1");
    st.bind(1, now).run();
}

void Outbox::recordOutcome(int64_t now, bool success, const std::string& error)
{
    Statement st(m_db.handle(), success ? "UPDATE upload_status SET last_success=?, last_error='' WHERE id=1"
                                        : "UPDATE upload_status SET last_error=? WHERE id=1");
    if (success) st.bind(1, now);
    else st.bind(1, error);
    st.run();
}

UploadStatus uploadStatus(Database& db) { return readStatus(db); }

} // namespace kiosk

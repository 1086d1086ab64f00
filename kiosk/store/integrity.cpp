// Session MACs, the audit chain and the keyed migration. The MAC input is a canonical,
// length-prefixed encoding of the columns that matter (who, when, for whom, what was done), so no
// two different rows encode alike.
#include "kiosk/store/integrity.hpp"
#include <sodium.h>
#include <sqlite3.h>
#include <cstdlib>

namespace kiosk {

const std::vector<const char*> kCitizenSealedColumns = {"id_enc", "old_id_enc", "name_enc", "birth_enc", "address_enc", "issue_enc"};

namespace {

void put(std::string& out, std::string_view v)
{
    const uint64_t n = v.size();
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out.append(v);
}
void put(std::string& out, int64_t v) { put(out, std::to_string(v)); }
void putNullable(std::string& out, const Statement& st, int col)
{
    if (st.isNull(col)) {
        out.push_back('\0');   // NULL differs from every string, the empty one included
    } else {
        out.push_back('\1');
        put(out, st.blob(col));
    }
}

bool setMeta(Database& db, const char* key, const std::string& value)
{
    Statement st(db.handle(), "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    return st.bind(1, key).bind(2, value).run();
}

std::string getMeta(Database& db, const char* key)
{
    Statement st(db.handle(), "SELECT value FROM meta WHERE key=?");
    st.bind(1, key);
    return st.step() ? st.text(0) : std::string();
}

// Fields sealed by an older kiosk (no row binding) sealed again, bound to their row.
bool resealTable(Database& db, const Vault& vault, const char* table, const std::vector<const char*>& columns)
{
    std::string cols;
    for (const char* c : columns) cols += std::string(", ") + c;
    Statement st(db.handle(), std::string("SELECT id, uid") + cols + " FROM " + table);
    while (st.step()) {
        const int64_t id = st.int64(0);
        const std::string uid = st.text(1);
        for (size_t i = 0; i < columns.size(); ++i) {
            if (st.isNull(int(2 + i))) continue;
            const std::string sealed = st.blob(int(2 + i));
            const std::string ad = rowAd(std::string(table) + "." + columns[i], uid);
            if (vault.open(sealed, ad)) continue;        // already bound
            std::optional<std::string> plain = vault.open(sealed);
            if (!plain) continue;                        // unreadable: db check will name it
            Statement up(db.handle(), std::string("UPDATE ") + table + " SET " + columns[i] + "=? WHERE id=?");
            up.bindBlob(1, vault.seal(*plain, ad)).bind(2, id);
            const bool ok = up.run();
            sodium_memzero(plain->data(), plain->size());
            if (!ok) return false;
        }
    }
    return true;
}

} // namespace

std::optional<std::string> computeSessionMac(Database& db, const Vault& vault, int64_t sessionId)
{
    Statement st(db.handle(),
                 "SELECT s.uid, s.started_at, s.ended_at, s.staff_id, c.uid, s.village, s.notes_enc, s.source, s.import_key, s.revision, "
                 "s.created_at, s.household FROM sessions s LEFT JOIN citizens c ON c.id = s.citizen_id WHERE s.id=?");
    st.bind(1, sessionId);
    if (!st.step()) return std::nullopt;
    std::string in;
    put(in, st.text(0));
    put(in, st.int64(1));
    put(in, st.int64(2));
    put(in, st.int64(3));
    putNullable(in, st, 4);
    put(in, st.text(5));
    putNullable(in, st, 6);
    put(in, st.text(7));
    putNullable(in, st, 8);
    put(in, st.int64(9));
    put(in, st.int64(10));
    Statement services(db.handle(), "SELECT code, outcome FROM session_services WHERE session_id=? ORDER BY code");
    services.bind(1, sessionId);
    while (services.step()) {
        put(in, services.text(0));
        put(in, services.text(1));
    }
    // The household (schema 9) is covered when there is one, behind a tag no service code uses,
    // so the MACs of sessions without one stay as they were.
    if (const std::string household = st.text(11); !household.empty()) {
        put(in, std::string_view("\x01household"));
        put(in, household);
    }
    return vault.mac("session", in);
}

bool updateSessionMac(Database& db, const Vault& vault, int64_t sessionId)
{
    std::optional<std::string> mac = computeSessionMac(db, vault, sessionId);
    if (!mac) return false;
    Statement up(db.handle(), "UPDATE sessions SET mac=? WHERE id=?");
    return up.bind(1, *mac).bind(2, sessionId).run();
}

std::string auditLink(const Vault& vault, std::string_view previous, int64_t id, int64_t at, std::string_view actor,
                      std::string_view action, std::string_view subject, std::string_view detail)
{
    std::string in;
    put(in, previous);
    put(in, id);
    put(in, at);
    put(in, actor);
    put(in, action);
    put(in, subject);
    put(in, detail);
    return vault.mac("audit", in);
}

std::string auditHead(const Vault& vault, int64_t lastId, std::string_view lastLink)
{
    std::string in;
    put(in, lastId);
    put(in, lastLink);
    return std::to_string(lastId) + ":" + std::string(lastLink) + ":" + vault.mac("audit-head", in);
}

bool readAuditHead(const Vault& vault, std::string_view head, int64_t& lastId, std::string& lastLink)
{
    const size_t a = head.find(':');
    const size_t b = a == std::string_view::npos ? a : head.find(':', a + 1);
    if (b == std::string_view::npos) return false;
    const std::string id(head.substr(0, a));
    char* end = nullptr;
    const long long n = std::strtoll(id.c_str(), &end, 10);
    if (id.empty() || *end != '\0') return false;
    const std::string link(head.substr(a + 1, b - a - 1));
    if (auditHead(vault, n, link) != head) return false;
    lastId = n;
    lastLink = link;
    return true;
}

int latestKeyedSchema() { return 1; }

bool migrateKeyed(Database& db, const Vault& vault, std::string& error)
{
    if (std::atoi(getMeta(db, "keyed_schema").c_str()) >= latestKeyedSchema()) return true;
    static constexpr Transaction::Describe kDescribe = [](Database& d) { return "nâng cấp khoá toàn vẹn thất bại: " + d.lastError(); };
    Transaction tx(db);
    if (!tx.open()) {
        error = kDescribe(db);
        return false;
    }
    auto fail = [&] {
        error = kDescribe(db);
        tx.rollback();
        return false;
    };
    // Another process may have done it while this one waited for the lock.
    if (std::atoi(getMeta(db, "keyed_schema").c_str()) >= latestKeyedSchema()) return tx.commit(error, kDescribe);
    if (!resealTable(db, vault, "citizens", kCitizenSealedColumns) || !resealTable(db, vault, "sessions", {kSessionNotesColumn})) return fail();
    {
        std::vector<int64_t> ids;
        Statement st(db.handle(), "SELECT id FROM sessions");
        while (st.step()) ids.push_back(st.int64(0));
        for (int64_t id : ids)
            if (!updateSessionMac(db, vault, id)) return fail();
    }
    {
        // The trail so far is chained as it stands: what was cut before today cannot be known.
        std::string link;
        int64_t lastId = 0;
        Statement st(db.handle(), "SELECT id, at, actor, action, subject, detail FROM audit ORDER BY id");
        Statement up(db.handle(), "UPDATE audit SET chain=? WHERE id=?");
        while (st.step()) {
            lastId = st.int64(0);
            link = auditLink(vault, link, lastId, st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5));
            up.reset();
            if (!up.bind(1, link).bind(2, lastId).run()) return fail();
        }
        if (lastId > 0 && !setMeta(db, "audit_head", auditHead(vault, lastId, link))) return fail();
    }
    if (!setMeta(db, "keyed_schema", std::to_string(latestKeyedSchema()))) return fail();
    return tx.commit(error, kDescribe);
}

std::vector<Tampered> checkSealedBinding(Database& db, const Vault& vault)
{
    std::vector<Tampered> out;
    auto scan = [&](const char* table, const std::vector<const char*>& columns) {
        std::string cols;
        for (const char* c : columns) cols += std::string(", ") + c;
        Statement st(db.handle(), std::string("SELECT uid") + cols + " FROM " + table + " ORDER BY id");
        while (st.step()) {
            std::string bad;
            for (size_t i = 0; i < columns.size(); ++i) {
                if (st.isNull(int(1 + i))) continue;
                if (!vault.open(st.blob(int(1 + i)), rowAd(std::string(table) + "." + columns[i], st.text(0))))
                    bad += (bad.empty() ? "" : ", ") + std::string(columns[i]);
            }
            if (!bad.empty()) out.push_back({table, st.text(0), "trường mã hoá không mở được với dòng này (" + bad + ")"});
        }
    };
    scan("citizens", kCitizenSealedColumns);
    scan("sessions", {kSessionNotesColumn});
    return out;
}

std::vector<Tampered> checkSessionMacs(Database& db, const Vault& vault)
{
    std::vector<Tampered> out;
    Statement st(db.handle(), "SELECT id, uid, mac FROM sessions ORDER BY id");
    while (st.step()) {
        std::optional<std::string> mac = computeSessionMac(db, vault, st.int64(0));
        if (!mac || *mac != st.text(2))
            out.push_back({"sessions", st.text(1), "cán bộ, giờ, người dân hoặc kết quả đã bị sửa ngoài phần mềm"});
    }
    return out;
}

std::vector<Tampered> checkAuditChain(Database& db, const Vault& vault)
{
    std::vector<Tampered> out;
    std::string link;
    int64_t lastId = 0;
    Statement st(db.handle(), "SELECT id, at, actor, action, subject, detail, chain FROM audit ORDER BY id");
    while (st.step()) {
        lastId = st.int64(0);
        const std::string expected = auditLink(vault, link, lastId, st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5));
        if (expected != st.text(6))
            out.push_back({"audit", std::to_string(lastId), "dòng này bị sửa, hoặc dòng ngay trước nó bị xoá"});
        link = st.text(6);   // go on from what is stored: one edit is named once, not at every later row
    }
    const std::string head = getMeta(db, "audit_head");
    int64_t headId = 0;
    std::string headLink;
    if (head.empty() ? lastId != 0 : !readAuditHead(vault, head, headId, headLink) || headId != lastId || headLink != link)
        out.push_back({"audit", std::to_string(lastId), "các dòng cuối của nhật ký đã bị xoá, hoặc đầu chuỗi bị sửa"});
    return out;
}

} // namespace kiosk

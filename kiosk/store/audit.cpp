// Appends to the audit table (chained when keyed); reads it back newest first.
#include "kiosk/store/audit.hpp"
#include "kiosk/store/integrity.hpp"
#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace kiosk {

bool AuditLog::record(std::string_view actor, std::string_view action, std::string_view subject, std::string_view detail)
{
    const int64_t at = m_clock.unixSeconds();
    if (!m_chainKey) {
        Statement st(m_db.handle(), "INSERT INTO audit(at, actor, action, subject, detail) VALUES (?,?,?,?,?)");
        st.bind(1, at).bind(2, actor).bind(3, action).bind(4, subject).bind(5, detail);
        return st.run();
    }
    // Reading the last link and appending the next must not interleave with another connection's
    // append: inside the caller's write transaction already, or in one of its own.
    Transaction tx(m_db);   // a savepoint inside the caller's transaction
    if (!tx.open()) return false;
    bool ok = false;
    {
        // Chain from the head, not from the table's last row: a row cut from the end then shows
        // as a break before this one instead of being sealed over.
        Statement last(m_db.handle(), "SELECT id, chain FROM audit ORDER BY id DESC LIMIT 1");
        Statement headRow(m_db.handle(), "SELECT value FROM meta WHERE key='audit_head'");
        int64_t lastId = 0, headId = 0;
        std::string previous, headLink;
        if (last.step()) {
            lastId = last.int64(0);
            previous = last.text(1);
        }
        if (headRow.step() && readAuditHead(*m_chainKey, headRow.text(0), headId, headLink) && headId >= lastId) {
            previous = headLink;
            lastId = headId;
        } else if (lastId > 0) {
            // No head, or not ours: db check names it; the trail goes on from the last row.
            spdlog::warn("nhật ký kiểm tra: đầu chuỗi băm không khớp, hãy chạy kiosk db check");
        }
        const int64_t id = lastId + 1;
        const std::string link = auditLink(*m_chainKey, previous, id, at, actor, action, subject, detail);
        Statement st(m_db.handle(), "INSERT INTO audit(id, at, actor, action, subject, detail, chain) VALUES (?,?,?,?,?,?,?)");
        st.bind(1, id).bind(2, at).bind(3, actor).bind(4, action).bind(5, subject).bind(6, detail).bind(7, link);
        Statement head(m_db.handle(), "INSERT INTO meta(key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
        head.bind(1, auditHead(*m_chainKey, id, link));
        ok = st.run() && head.run();
    }
    std::string error;
    return ok && tx.commit(error, [](Database& db) { return db.lastError(); });
}

std::vector<AuditEntry> AuditLog::recent(int limit)
{
    std::vector<AuditEntry> out;
    Statement st(m_db.handle(), "SELECT at, actor, action, subject, detail FROM audit ORDER BY id DESC LIMIT ?");
    st.bind(1, int64_t(limit));
    while (st.step()) out.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    return out;
}

} // namespace kiosk

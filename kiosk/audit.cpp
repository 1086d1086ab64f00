// Appends to the audit table; reads it back newest first.
#include "kiosk/audit.hpp"

namespace kiosk {

bool AuditLog::record(std::string_view actor, std::string_view action, std::string_view subject, std::string_view detail)
{
    Statement st(m_db.handle(), "INSERT INTO audit(at, actor, action, subject, detail) VALUES (?,?,?,?,?)");
    st.bind(1, m_clock.unixSeconds()).bind(2, actor).bind(3, action).bind(4, subject).bind(5, detail);
    return st.run();
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

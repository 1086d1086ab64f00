// The database checks: each names the rows that break it by their row number (sessions.id,
// citizens.id), which a technician can look up without anyone's personal data being printed.
#include "kiosk/store/db_check.hpp"
#include "kiosk/store/integrity.hpp"
#include "kiosk/content/services.hpp"
#include <sqlite3.h>

namespace kiosk {

namespace {

// "3 dòng (số 4, 9, 12)": at most the first five row numbers.
std::string rowsText(const std::vector<int64_t>& ids, int64_t total)
{
    std::string s = std::to_string(total) + " dòng (số ";
    for (size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + std::to_string(ids[i]);
    return s + (total > int64_t(ids.size()) ? ", …)" : ")");
}

// A check written as a query returning the offending row numbers.
CheckResult rowsCheck(Database& db, std::string name, const char* sql, const std::string& what)
{
    CheckResult r{std::move(name)};
    Statement st(db.handle(), sql);
    if (!st.ok()) {
        r.ok = false;
        r.detail = "không chạy được kiểm tra (" + db.lastError() + ")";
        return r;
    }
    std::vector<int64_t> ids;
    int64_t total = 0;
    while (st.step()) {
        if (ids.size() < 5) ids.push_back(st.int64(0));
        ++total;
    }
    if (total > 0) {
        r.ok = false;
        r.detail = what + ": " + rowsText(ids, total);
    }
    return r;
}

CheckResult integrity(Database& db)
{
    CheckResult r{"Tệp cơ sở dữ liệu nguyên vẹn (PRAGMA integrity_check)"};
    Statement st(db.handle(), "PRAGMA integrity_check(10)");
    std::string messages;
    while (st.step()) {
        const std::string m = st.text(0);
        if (m == "ok") continue;
        messages += (messages.empty() ? "" : "; ") + m;
    }
    if (!st.ok() || !messages.empty()) {
        r.ok = false;
        r.detail = (messages.empty() ? db.lastError() : messages) +
                   ". Xin dừng ki-ốt, sao lưu tệp hỏng (kiosk db backup) và khôi phục bản sao lưu gần nhất.";
    }
    return r;
}

CheckResult foreignKeys(Database& db)
{
    CheckResult r{"Liên kết giữa các bảng (PRAGMA foreign_key_check)"};
    Statement st(db.handle(), "PRAGMA foreign_key_check");
    int64_t total = 0;
    std::string first;
    while (st.step()) {
        if (total++ < 5) first += (first.empty() ? "" : ", ") + st.text(0) + " số " + std::to_string(st.int64(1)) + " → " + st.text(2);
    }
    if (total > 0) {
        r.ok = false;
        r.detail = std::to_string(total) + " dòng trỏ tới dòng không có: " + first + (total > 5 ? ", …" : "");
    }
    return r;
}

CheckResult schema(Database& db)
{
    CheckResult r{"Phiên bản lược đồ"};
    const int v = db.schemaVersion();
    if (v != latestSchemaVersion()) {
        r.ok = false;
        r.detail = "lược đồ " + std::to_string(v) + ", phần mềm cần " + std::to_string(latestSchemaVersion());
    }
    return r;
}

// Sealed fields open with this kiosk's key, the hash finds the same ID number again, and the
// clear birth year and gender agree with the sealed card.
CheckResult sealedFields(Database& db, const Vault& vault)
{
    CheckResult r{"Thông tin cá nhân mở được bằng khoá của ki-ốt này"};
    Statement st(db.handle(),
                 "SELECT id, id_hash, id_enc, old_id_enc, name_enc, birth_enc, address_enc, issue_enc, gender, birth_year, uid FROM citizens");
    std::vector<int64_t> bad;
    int64_t total = 0;
    while (st.step()) {
        bool ok = true;
        std::optional<std::string> fields[6];
        for (int c = 0; c < 6; ++c) {
            fields[c] = vault.open(st.blob(2 + c), rowAd(std::string("citizens.") + kCitizenSealedColumns[size_t(c)], st.text(10)));
            ok = ok && fields[c].has_value();
        }
        if (ok) {
            const std::string& id = *fields[0];
            int year = 0;
            ok = id.size() == 12 && vault.keyedHash(id) == st.text(1) && std::sscanf(fields[3]->c_str(), "%d-", &year) == 1 &&
                 year == st.int64(9) && (st.text(8) == "male" || st.text(8) == "female") && !fields[2]->empty();
        }
        if (!ok && total++ < 5) bad.push_back(st.int64(0));
    }
    Statement notes(db.handle(), "SELECT id, notes_enc, uid FROM sessions WHERE notes_enc IS NOT NULL");
    std::vector<int64_t> badNotes;
    int64_t notesTotal = 0;
    while (notes.step())
        if (!vault.open(notes.blob(1), rowAd("sessions.notes_enc", notes.text(2))) && notesTotal++ < 5) badNotes.push_back(notes.int64(0));
    if (total > 0 || notesTotal > 0) {
        r.ok = false;
        if (total > 0) r.detail = "người dân không mở được hoặc không khớp: " + rowsText(bad, total);
        if (notesTotal > 0) r.detail += std::string(total > 0 ? "; " : "") + "ghi chú của lượt hỗ trợ không mở được: " + rowsText(badNotes, notesTotal);
        r.detail += ". Tệp khoá (kiosk.key) có đúng là của cơ sở dữ liệu này không?";
    }
    return r;
}

CheckResult serviceCodes(Database& db)
{
    CheckResult r{"Dịch vụ đã làm: mã và kết quả hợp lệ"};
    Statement st(db.handle(), "SELECT session_id, code, outcome FROM session_services");
    std::vector<int64_t> bad;
    int64_t total = 0;
    Outcome o;
    while (st.step())
        if ((!validServiceCode(st.text(1)) || !parseOutcome(st.text(2), o)) && total++ < 5) bad.push_back(st.int64(0));
    if (total > 0) {
        r.ok = false;
        r.detail = "lượt hỗ trợ có mã dịch vụ hoặc kết quả sai: " + rowsText(bad, total);
    }
    return r;
}

// Tamper evidence (kiosk/store/integrity): each finding names its table and row uid, never a value.
CheckResult tamperCheck(std::string name, const std::vector<Tampered>& found)
{
    CheckResult r{std::move(name)};
    if (found.empty()) return r;
    r.ok = false;
    for (size_t i = 0; i < found.size() && i < 5; ++i) {
        const Tampered& t = found[i];
        r.detail += (i ? "; " : "") + std::string("bảng ") + t.table + (t.table == "audit" ? " dòng số " : " uid ") + t.row + ": " + t.what;
    }
    if (found.size() > 5) r.detail += "; và " + std::to_string(found.size() - 5) + " dòng khác";
    r.detail += ". Tệp cơ sở dữ liệu đã bị sửa ngoài phần mềm ki-ốt: xin báo cán bộ phụ trách và giữ nguyên tệp để xem xét.";
    return r;
}

} // namespace

std::vector<CheckResult> checkDatabase(Database& db, const Vault& vault)
{
    std::vector<CheckResult> out;
    out.push_back(integrity(db));
    out.push_back(foreignKeys(db));
    out.push_back(schema(db));
    out.push_back(rowsCheck(db, "Mỗi lượt hỗ trợ có người hỗ trợ trong danh sách cán bộ",
                            "SELECT s.id FROM sessions s LEFT JOIN staff st ON st.id = s.staff_id WHERE st.id IS NULL ORDER BY s.id",
                            "lượt hỗ trợ của cán bộ không có"));
    out.push_back(rowsCheck(db, "Mỗi lượt hỗ trợ có người dân còn lưu, hoặc ẩn danh",
                            "SELECT s.id FROM sessions s LEFT JOIN citizens c ON c.id = s.citizen_id "
                            "WHERE s.citizen_id IS NOT NULL AND c.id IS NULL ORDER BY s.id",
                            "lượt hỗ trợ trỏ tới người dân không có"));
    out.push_back(rowsCheck(db, "Giờ kết thúc không trước giờ bắt đầu", "SELECT id FROM sessions WHERE ended_at < started_at ORDER BY id",
                            "lượt hỗ trợ kết thúc trước khi bắt đầu"));
    out.push_back(serviceCodes(db));
    out.push_back(rowsCheck(db, "Dịch vụ thuộc một lượt hỗ trợ có thật",
                            "SELECT ss.session_id FROM session_services ss LEFT JOIN sessions s ON s.id = ss.session_id WHERE s.id IS NULL",
                            "dịch vụ của lượt hỗ trợ không có"));
    out.push_back(rowsCheck(db, "Số lần sửa khớp (revision = 1 + số lần sửa)",
                            "SELECT s.id FROM sessions s LEFT JOIN (SELECT session_id, count(*) AS n, max(revision) AS last FROM corrections "
                            "GROUP BY session_id) c ON c.session_id = s.id "
                            "WHERE s.revision != 1 + COALESCE(c.n, 0) OR (c.n > 0 AND c.last != s.revision) ORDER BY s.id",
                            "lượt hỗ trợ có số lần sửa không khớp"));
    out.push_back(rowsCheck(db, "Lượt nhập từ tệp có khoá nhập, lượt trên ki-ốt thì không",
                            "SELECT id FROM sessions WHERE (source = 'import') != (import_key IS NOT NULL) ORDER BY id",
                            "lượt hỗ trợ có nguồn và khoá nhập không khớp"));
    out.push_back(sealedFields(db, vault));
    out.push_back(tamperCheck("Thông tin mã hoá gắn đúng dòng của nó (không bị đổi chỗ)", checkSealedBinding(db, vault)));
    out.push_back(tamperCheck("Lượt hỗ trợ không bị sửa ngoài phần mềm (mã xác thực từng lượt)", checkSessionMacs(db, vault)));
    out.push_back(tamperCheck("Nhật ký kiểm tra liền mạch, không dòng nào bị sửa hay xoá (chuỗi băm)", checkAuditChain(db, vault)));
    out.push_back(rowsCheck(db, "Mỗi người dân có ít nhất một lượt hỗ trợ",
                            "SELECT c.id FROM citizens c WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.citizen_id = c.id) ORDER BY c.id",
                            "người dân không có lượt hỗ trợ nào (thông tin cá nhân lưu mà không dùng)"));
    out.push_back(rowsCheck(db, "Người dân đã xoá không còn thông tin",
                            "SELECT c.id FROM citizens c JOIN erasures e ON e.citizen_uid = c.uid ORDER BY c.id",
                            "người dân đã xoá mà vẫn còn"));
    return out;
}

} // namespace kiosk

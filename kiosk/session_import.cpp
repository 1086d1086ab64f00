// The CSV import: RFC 4180 reading, every row checked before anything is written (all problems
// reported, by line), then one transaction of SessionStore::save calls (nested as savepoints).
//
// [SECTION] CSV
// [SECTION] cells: text, times, dates, the ID number, services
// [SECTION] rows
// [SECTION] the import
#include "kiosk/session_import.hpp"
#include "kiosk/report_period.hpp"
#include "kiosk/vietnamese_names.hpp"
#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace kiosk {

// ---------------------------------------------------------------------------------------------
// [SECTION] CSV
// ---------------------------------------------------------------------------------------------

bool parseCsv(std::string_view text, std::vector<CsvRecord>& out, int& badLine, std::string& reason)
{
    size_t i = 0;
    const size_t n = text.size();
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    int line = 1;
    while (i < n) {
        CsvRecord rec;
        rec.line = line;
        for (bool done = false; !done;) {
            std::string field;
            if (i < n && text[i] == '"') {
                const int opened = line;
                ++i;
                for (;;) {
                    if (i >= n) {
                        badLine = opened;
                        reason = "dấu ngoặc kép \" mở ở dòng này nhưng không đóng cho tới hết tệp";
                        return false;
                    }
                    const char c = text[i++];
                    if (c == '"') {
                        if (i < n && text[i] == '"') {
                            field += '"';
                            ++i;
                            continue;
                        }
                        break;
                    }
                    // A lone CR ends a line too (old Mac "CSV (Macintosh)" files), as it ends a record below.
                    if (c == '\n' || (c == '\r' && (i >= n || text[i] != '\n'))) ++line;
                    field += c;
                }
                if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    badLine = line;
                    reason = "sau dấu ngoặc kép đóng một ô phải là dấu phẩy hoặc xuống dòng (dấu ngoặc kép bên trong ô phải viết hai lần: \"\")";
                    return false;
                }
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
            }
            rec.fields.push_back(std::move(field));
            if (i >= n) {
                done = true;
            } else if (text[i] == ',') {
                ++i;
                if (i >= n) {
                    rec.fields.emplace_back();   // "a,b," at the very end: a last, empty field
                    done = true;
                }
            } else {
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                done = true;
            }
        }
        out.push_back(std::move(rec));
    }
    return true;
}

std::string ImportProblem::str() const { return "dòng " + std::to_string(line) + ": " + message; }

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] cells: text, times, dates, the ID number, services
// ---------------------------------------------------------------------------------------------

// Offset of the first byte that is not valid UTF-8, or npos.
size_t invalidUtf8(std::string_view s)
{
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        if (len == 0 || i + len > s.size()) return i;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

// NFC, no surrounding blanks, inner runs of blanks as one space (names, villages, staff).
std::string cleanText(std::string_view s)
{
    std::string composed = composeVietnamese(s), out;
    bool space = false;
    for (size_t i = 0; i < composed.size(); ++i) {
        const char c = composed[i];
        const bool nbsp = c == '\xC2' && i + 1 < composed.size() && composed[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || nbsp) {
            if (nbsp) ++i;
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Notes keep their line breaks (as \n) but lose surrounding blanks.
std::string cleanNotes(std::string_view s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out += s[i] == '\r' ? '\n' : s[i];
    }
    out = composeVietnamese(out);
    const size_t a = out.find_first_not_of(" \t\n"), b = out.find_last_not_of(" \t\n");
    return a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
}

size_t codePoints(std::string_view s)
{
    return size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string lower(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// "Nam" / "Nữ" in any case; nullopt otherwise.
std::optional<std::string> parseGender(const std::string& s)
{
    const std::string l = lower(s);
    if (l == "nam") return "male";
    if (l == "nữ" || l == "nỮ") return "female";
    return std::nullopt;
}

// Digits 4–6 of the 12-digit number encode gender, century and the birth year's last two digits.
bool idMatches(const std::string& id, int birthYear, bool female)
{
    const int century = birthYear / 100 - 19;
    if (century < 0 || century > 4) return true;   // outside the scheme: nothing to check against
    return id[3] - '0' == century * 2 + (female ? 1 : 0) && (id[4] - '0') * 10 + (id[5] - '0') == birthYear % 100;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] rows
// ---------------------------------------------------------------------------------------------

enum Column { StartedAt, EndedAt, Staff, CitizenIdCol, FullName, BirthDate, Gender, Village, Services, Notes, ColumnCount };

struct Row {
    int line = 0;
    std::string staff;
    NewSession session;
    std::string identity;   // the normalised row: the same content always gives the same text
};

class RowReader {
public:
    RowReader(const std::vector<std::string>& codes, int64_t now) : m_codes(codes), m_now(now) {}

    // Problems go to `problems`; the row is usable when none were added.
    Row read(const CsvRecord& rec, const std::vector<int>& columnOf, std::vector<ImportProblem>& problems) const
    {
        Row row;
        row.line = rec.line;
        auto cell = [&](Column c) -> std::string { return rec.fields[size_t(columnOf[c])]; };
        auto bad = [&](std::string message) { problems.push_back({rec.line, std::move(message)}); };
        const size_t before = problems.size();

        const std::string startText = cleanText(cell(StartedAt)), endText = cleanText(cell(EndedAt));
        const auto started = parseLocalDateTime(startText), ended = parseLocalDateTime(endText);
        if (!started) bad("started_at phải là ngày giờ dạng 2026-02-03T09:15:00 (giờ Việt Nam)");
        if (!ended) bad("ended_at phải là ngày giờ dạng 2026-02-03T09:45:00 (giờ Việt Nam)");
        if (started && ended && *ended < *started) bad("ended_at đứng trước started_at");
        if (started && *started > m_now + 86400) bad("started_at là một ngày trong tương lai: kiểm tra lại năm, tháng");

        row.staff = cleanText(cell(Staff));
        if (row.staff.empty()) bad("thiếu tên người hỗ trợ (cột staff)");
        else if (codePoints(row.staff) > 100) bad("tên người hỗ trợ dài quá 100 ký tự");

        std::string id = cleanText(cell(CitizenIdCol));
        id.erase(std::remove(id.begin(), id.end(), ' '), id.end());   // "038 190 001 234" as written on forms
        const std::string name = cleanText(cell(FullName)), birth = cleanText(cell(BirthDate)),
                          genderText = cleanText(cell(Gender));
        std::optional<CitizenId> citizen;
        if (!id.empty() || !name.empty() || !birth.empty() || !genderText.empty()) {
            citizen = CitizenId{};
            if (id.empty() || name.empty() || birth.empty() || genderText.empty())
                bad("thông tin người dân chưa đủ: cần cả citizen_id, full_name, birth_date và gender, hoặc để trống cả bốn ô nếu "
                    "người dân không đồng ý lưu thông tin cá nhân");
            if (!id.empty() && (id.size() != 12 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })))
                bad("citizen_id phải gồm đúng 12 chữ số (Excel hay bỏ số 0 ở đầu: hãy định dạng cột này là Văn bản / Text)");
            if (!name.empty() && codePoints(name) > 100) bad("full_name dài quá 100 ký tự");
            const auto birthDate = birth.empty() ? std::nullopt : parseDmyDate(birth);
            if (!birth.empty() && !birthDate) bad("birth_date phải là một ngày có thật dạng dd/mm/yyyy, ví dụ 05/03/1956");
            if (birthDate && started && localMidnight(*birthDate) > *started) bad("birth_date đứng sau ngày hỗ trợ");
            const auto gender = genderText.empty() ? std::nullopt : parseGender(genderText);
            if (!genderText.empty() && !gender) bad("gender phải là Nam hoặc Nữ");
            if (birthDate && gender && problems.size() == before && !idMatches(id, int(birthDate->year()), *gender == "female"))
                bad("citizen_id không khớp với năm sinh hoặc giới tính (chữ số thứ 4 đến 6 của số căn cước): kiểm tra lại cả ba ô");
            citizen->id = id;
            citizen->fullName = name;
            if (birthDate) {
                citizen->birthYear = int(birthDate->year());
                citizen->birthMonth = int(unsigned(birthDate->month()));
                citizen->birthDay = int(unsigned(birthDate->day()));
            }
            citizen->gender = gender.value_or("");
        }

        const std::string village = cleanText(cell(Village));
        if (codePoints(village) > 100) bad("village dài quá 100 ký tự");
        std::vector<ServiceOutcome> services = readServices(cell(Services), bad);
        const std::string notes = cleanNotes(cell(Notes));
        if (problems.size() != before) return row;

        NewSession& s = row.session;
        s.startedAt = *started;
        s.endedAt = *ended;
        s.citizen = citizen;
        s.consent = citizen.has_value();   // the paper form carries the citizen's signature
        s.village = village;
        s.notes = notes;
        s.services = services;
        s.source = "import";
        std::sort(services.begin(), services.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
        std::string servicesText;
        for (const ServiceOutcome& o : services) servicesText += o.code + ":" + outcomeName(o.outcome) + ";";
        const std::string sep = "\x1f";
        row.identity = "import-v1" + sep + std::to_string(s.startedAt) + sep + std::to_string(s.endedAt) + sep + row.staff + sep +
                       (citizen ? citizen->id + sep + citizen->fullName + sep + citizen->birthDateIso() + sep + citizen->gender : sep + sep + sep) +
                       sep + village + sep + servicesText + sep + notes;
        return row;
    }

private:
    template <class Bad> std::vector<ServiceOutcome> readServices(const std::string& text, Bad& bad) const
    {
        std::vector<ServiceOutcome> out;
        std::set<std::string> seen;
        size_t from = 0;
        while (from <= text.size()) {
            size_t to = text.find(';', from);
            if (to == std::string::npos) to = text.size();
            const std::string item = cleanText(text.substr(from, to - from));
            from = to + 1;
            if (item.empty()) continue;
            const size_t colon = item.find(':');
            ServiceOutcome o;
            o.code = lower(cleanText(item.substr(0, colon)));
            const std::string outcome = colon == std::string::npos ? "done" : lower(cleanText(item.substr(colon + 1)));
            if (std::find(m_codes.begin(), m_codes.end(), o.code) == m_codes.end()) {
                bad("dịch vụ \"" + o.code + "\" không có trong danh mục của ki-ốt (assets/services.toml)");
                continue;
            }
            if (!parseOutcome(outcome, o.outcome)) {
                bad("kết quả \"" + outcome + "\" của dịch vụ " + o.code + " phải là done, partial hoặc referred");
                continue;
            }
            if (!seen.insert(o.code).second) {
                bad("dịch vụ " + o.code + " được ghi hai lần");
                continue;
            }
            out.push_back(std::move(o));
        }
        return out;
    }

    const std::vector<std::string>& m_codes;
    int64_t m_now;
};

// Column name → field index, from the header record; problems name line 1.
std::vector<int> readHeader(const CsvRecord& header, std::vector<ImportProblem>& problems)
{
    std::vector<int> columnOf(ColumnCount, -1);
    for (size_t f = 0; f < header.fields.size(); ++f) {
        const std::string name = lower(cleanText(header.fields[f]));
        if (name.empty()) continue;
        const auto* known = std::find_if(std::begin(kImportColumns), std::end(kImportColumns), [&](const char* c) { return name == c; });
        if (known == std::end(kImportColumns)) {
            problems.push_back({header.line, "cột \"" + name + "\" không có trong mẫu (các cột: started_at, ended_at, staff, citizen_id, "
                                                               "full_name, birth_date, gender, village, services, notes)"});
            continue;
        }
        int& slot = columnOf[size_t(known - std::begin(kImportColumns))];
        if (slot >= 0) problems.push_back({header.line, "cột " + name + " có hai lần"});
        slot = int(f);
    }
    for (int c = 0; c < ColumnCount; ++c)
        if (columnOf[size_t(c)] < 0) problems.push_back({header.line, std::string("thiếu cột ") + kImportColumns[c]});
    return columnOf;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] the import
// ---------------------------------------------------------------------------------------------

SessionImporter::SessionImporter(Database& db, const Vault& vault, const Clock& clock, SessionStore& sessions, StaffStore& staff,
                                 AuditLog& audit, std::vector<std::string> serviceCodes)
    : m_db(db), m_vault(vault), m_clock(clock), m_sessions(sessions), m_staff(staff), m_audit(audit), m_codes(std::move(serviceCodes))
{
}

ImportResult SessionImporter::importFile(const std::filesystem::path& file, std::string_view actor)
{
    ImportResult r;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) {
        r.error = "Không đọc được tệp " + file.string() + ": " + ec.message();
        return r;
    }
    if (size > 200u * 1024u * 1024u) {
        r.error = "Tệp " + file.string() + " lớn quá 200 MB: xin chia thành nhiều tệp nhỏ hơn.";
        return r;
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(size, '\0');
    if (!in.read(text.data(), std::streamsize(size))) {
        r.error = "Không đọc được tệp " + file.string() + ".";
        return r;
    }
    return importText(text, actor);
}

ImportResult SessionImporter::importText(std::string_view text, std::string_view actor)
{
    ImportResult r;
    if (const size_t bad = invalidUtf8(text); bad != std::string_view::npos) {
        const int line = 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(bad), '\n'));
        r.problems.push_back({line, "tệp không phải chữ UTF-8 (có thể đang là bảng mã Windows-1258 hoặc TCVN3): trong Excel chọn "
                                    "\"Lưu thành\" → \"CSV UTF-8 (Comma delimited)\" rồi nhập lại"});
        return r;
    }
    std::vector<CsvRecord> records;
    int badLine = 0;
    std::string reason;
    if (!parseCsv(text, records, badLine, reason)) {
        r.problems.push_back({badLine, reason});
        return r;
    }
    if (records.empty()) {
        r.problems.push_back({1, "tệp trống: cần dòng tiêu đề (started_at,ended_at,staff,...) và các dòng dữ liệu"});
        return r;
    }
    const std::vector<int> columnOf = readHeader(records.front(), r.problems);
    if (!r.problems.empty()) return r;
    const size_t width = size_t(*std::max_element(columnOf.begin(), columnOf.end())) + 1;

    RowReader reader(m_codes, m_clock.unixSeconds());
    std::vector<Row> rows;
    for (size_t i = 1; i < records.size(); ++i) {
        CsvRecord& rec = records[i];
        if (std::all_of(rec.fields.begin(), rec.fields.end(), [](const std::string& f) { return cleanText(f).empty(); })) continue;
        ++r.rows;
        // A spreadsheet writes every row as wide as its header (empty header cells included), so
        // a row wider than the header has a comma that was not quoted.
        const size_t headerCells = records.front().fields.size();
        if (rec.fields.size() < width) {
            r.problems.push_back({rec.line, "có " + std::to_string(rec.fields.size()) + " ô, cần " + std::to_string(width) +
                                                " ô như dòng tiêu đề (một ô có xuống dòng mà không đặt trong ngoặc kép?)"});
            continue;
        }
        if (rec.fields.size() > headerCells) {
            r.problems.push_back({rec.line, "có " + std::to_string(rec.fields.size()) + " ô, nhiều hơn " + std::to_string(headerCells) +
                                                " cột của tiêu đề (một ô có dấu phẩy mà không đặt trong ngoặc kép?)"});
            continue;
        }
        Row row = reader.read(rec, columnOf, r.problems);
        if (!row.identity.empty()) rows.push_back(std::move(row));
    }
    if (r.rows == 0) r.problems.push_back({1, "tệp chỉ có dòng tiêu đề, không có lượt hỗ trợ nào"});
    if (!r.problems.empty()) return r;

    // All or nothing: one transaction; each save nests as a savepoint inside it.
    if (!m_db.exec("BEGIN IMMEDIATE")) {
        r.error = "Cơ sở dữ liệu đang bận, chưa nhập gì: xin thử lại sau ít phút.";
        return r;
    }
    auto fail = [&](const std::string& why) {
        m_db.exec("ROLLBACK");
        r.error = why;
        r.added = r.alreadyThere = r.newStaff = 0;
        return r;
    };
    std::map<std::string, int64_t> staffIds;
    for (Row& row : rows) {
        auto known = staffIds.find(row.staff);
        if (known == staffIds.end()) {
            const bool existed = m_staff.find(row.staff).has_value();
            const std::optional<int64_t> id = m_staff.ensureImported(row.staff);
            if (!id) return fail("Không tạo được tài khoản cho người hỗ trợ ở dòng " + std::to_string(row.line) + " (" + m_db.lastError() + "): chưa nhập gì.");
            if (!existed) ++r.newStaff;
            known = staffIds.emplace(row.staff, *id).first;
        }
        row.session.staffId = known->second;
        row.session.importKey = m_vault.keyedHash(row.identity);
        std::string error;
        const std::optional<SaveResult> saved = m_sessions.save(row.session, error);
        if (!saved) return fail("Dòng " + std::to_string(row.line) + " không lưu được (" + error + "): chưa nhập gì.");
        if (saved->duplicate) ++r.alreadyThere;
        else ++r.added;
    }
    m_audit.record(actor, "sessions_imported", "", "added=" + std::to_string(r.added) + " already=" + std::to_string(r.alreadyThere) +
                                                    " new_staff=" + std::to_string(r.newStaff));
    if (!m_db.exec("COMMIT")) return fail("Không ghi được vào cơ sở dữ liệu (" + m_db.lastError() + "): chưa nhập gì.");
    r.ok = true;
    return r;
}

} // namespace kiosk

// The CSV import (kiosk/common/csv reads it): every row checked before anything is written (all problems
// reported, by line), then one transaction of SessionStore::save calls (nested as savepoints).
//
// [SECTION] cells: text, times, dates, the ID number, services
// [SECTION] rows
// [SECTION] the import
#include "kiosk/import/session_import.hpp"
#include "kiosk/households/household_register.hpp"
#include "kiosk/common/utf8.hpp"
#include "kiosk/report/report_period.hpp"
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace kiosk {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] cells: text, times, dates, the ID number, services
// ---------------------------------------------------------------------------------------------

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

enum Column { StartedAt, EndedAt, Staff, CitizenIdCol, FullName, BirthDate, Gender, Village, Services, Notes, HouseholdCode, ColumnCount };

struct Row {
    int line = 0;
    std::string staff;
    NewSession session;
    std::string identity;   // the normalised row: the same content always gives the same text
};

class RowReader {
public:
    RowReader(const std::vector<std::string>& codes, std::set<std::string> households, int64_t now)
        : m_codes(codes), m_households(std::move(households)), m_now(now) {}

    // Problems go to `problems`; the row is usable when none were added.
    Row read(const CsvRecord& rec, const std::vector<int>& columnOf, std::vector<ImportProblem>& problems) const
    {
        Row row;
        row.line = rec.line;
        auto cell = [&](Column c) -> std::string { return columnOf[c] < 0 ? std::string() : rec.fields[size_t(columnOf[c])]; };
        auto bad = [&](std::string message) { problems.push_back({rec.line, std::move(message)}); };
        const size_t before = problems.size();

        const std::string startText = tidyText(cell(StartedAt)), endText = tidyText(cell(EndedAt));
        const auto started = parseLocalDateTime(startText), ended = parseLocalDateTime(endText);
        if (!started) bad("started_at phải là ngày giờ dạng 2026-02-03T09:15:00 (giờ Việt Nam)");
        if (!ended) bad("ended_at phải là ngày giờ dạng 2026-02-03T09:45:00 (giờ Việt Nam)");
        if (started && ended && *ended < *started) bad("ended_at đứng trước started_at");
        if (started && *started > m_now + 86400) bad("started_at là một ngày trong tương lai: kiểm tra lại năm, tháng");

        row.staff = tidyText(cell(Staff));
        if (row.staff.empty()) bad("thiếu tên người hỗ trợ (cột staff)");
        else if (utf8::length(row.staff) > 100) bad("tên người hỗ trợ dài quá 100 ký tự");

        std::string id = tidyText(cell(CitizenIdCol));
        id.erase(std::remove(id.begin(), id.end(), ' '), id.end());   // "038 190 001 234" as written on forms
        const std::string name = tidyText(cell(FullName)), birth = tidyText(cell(BirthDate)),
                          genderText = tidyText(cell(Gender));
        std::optional<CitizenId> citizen;
        if (!id.empty() || !name.empty() || !birth.empty() || !genderText.empty()) {
            citizen = CitizenId{};
            if (id.empty() || name.empty() || birth.empty() || genderText.empty())
                bad("thông tin người dân chưa đủ: cần cả citizen_id, full_name, birth_date và gender, hoặc để trống cả bốn ô nếu "
                    "người dân không đồng ý lưu thông tin cá nhân");
            if (!id.empty() && (id.size() != 12 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })))
                bad("citizen_id phải gồm đúng 12 chữ số (Excel hay bỏ số 0 ở đầu: hãy định dạng cột này là Văn bản / Text)");
            if (!name.empty() && utf8::length(name) > 100) bad("full_name dài quá 100 ký tự");
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

        const std::string village = tidyText(cell(Village));
        if (utf8::length(village) > 100) bad("village dài quá 100 ký tự");
        std::vector<ServiceOutcome> services = readServices(cell(Services), bad);
        const std::string notes = cleanNotes(cell(Notes));
        const std::string household = tidyText(cell(HouseholdCode));
        if (!household.empty() && !validHouseholdCode(household))
            bad("household_code chỉ gồm chữ không dấu, chữ số và - _ . /, tối đa 32 ký tự");
        else if (!household.empty() && !m_households.count(household))
            bad("household_code không có trong sổ hộ của xã: nhập sổ hộ trước (kiosk household import) hoặc kiểm tra lại mã hộ");
        if (problems.size() != before) return row;

        NewSession& s = row.session;
        s.startedAt = *started;
        s.endedAt = *ended;
        s.citizen = citizen;
        s.consent = citizen.has_value();   // the paper form carries the citizen's signature
        s.village = village;
        s.notes = notes;
        s.household = household;
        s.services = services;
        s.source = "import";
        std::sort(services.begin(), services.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
        std::string servicesText;
        for (const ServiceOutcome& o : services) servicesText += o.code + ":" + outcomeName(o.outcome) + ";";
        const std::string sep = "\x1f";
        row.identity = "import-v1" + sep + std::to_string(s.startedAt) + sep + std::to_string(s.endedAt) + sep + row.staff + sep +
                       (citizen ? citizen->id + sep + citizen->fullName + sep + citizen->birthDateIso() + sep + citizen->gender : sep + sep + sep) +
                       sep + village + sep + servicesText + sep + notes + (household.empty() ? std::string() : sep + household);
        return row;
    }

private:
    template <class Bad> std::vector<ServiceOutcome> readServices(const std::string& text, Bad& bad) const
    {
        std::vector<ServiceOutcome> out;
        std::set<std::string> seen;
        size_t from = 0;
        int itemNo = 0;
        while (from <= text.size()) {
            size_t to = text.find(';', from);
            if (to == std::string::npos) to = text.size();
            const std::string item = tidyText(text.substr(from, to - from));
            from = to + 1;
            if (item.empty()) continue;
            ++itemNo;
            const size_t colon = item.find(':');
            ServiceOutcome o;
            o.code = lower(tidyText(item.substr(0, colon)));
            const std::string outcome = colon == std::string::npos ? "done" : lower(tidyText(item.substr(colon + 1)));
            // The cell's own words are never quoted back: a column filled in wrongly may hold a
            // name or an ID number.
            if (std::find(m_codes.begin(), m_codes.end(), o.code) == m_codes.end()) {
                bad("cột services, mục thứ " + std::to_string(itemNo) +
                    ": không phải mã dịch vụ trong danh mục của ki-ốt (assets/services.toml)");
                continue;
            }
            if (!parseOutcome(outcome, o.outcome)) {
                bad("cột services: kết quả của dịch vụ " + o.code + " phải là done, partial hoặc referred");
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
    std::set<std::string> m_households;   // the register's household codes
    int64_t m_now;
};

// Column name → field index, from the header record; problems name line 1.
std::vector<int> readHeader(const CsvRecord& header, std::vector<ImportProblem>& problems)
{
    std::vector<int> columnOf(ColumnCount, -1);
    for (size_t f = 0; f < header.fields.size(); ++f) {
        const std::string name = lower(tidyText(header.fields[f]));
        if (name.empty()) continue;
        const auto* known = std::find_if(std::begin(kImportColumns), std::end(kImportColumns), [&](const char* c) { return name == c; });
        if (known == std::end(kImportColumns)) {
            // Not quoted: a file without its header row has a citizen's data here.
            problems.push_back({header.line, "cột thứ " + std::to_string(f + 1) + " của dòng tiêu đề không phải tên cột của mẫu (các cột: "
                                             "started_at, ended_at, staff, citizen_id, full_name, birth_date, gender, village, services, notes; household_code nếu có)"});
            continue;
        }
        int& slot = columnOf[size_t(known - std::begin(kImportColumns))];
        if (slot >= 0) problems.push_back({header.line, "cột " + name + " có hai lần"});
        slot = int(f);
    }
    for (int c = 0; c < ColumnCount; ++c)
        if (columnOf[size_t(c)] < 0 && c != HouseholdCode) problems.push_back({header.line, std::string("thiếu cột ") + kImportColumns[c]});
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
    auto in = std::make_shared<std::ifstream>();
    bool opened = true;
    r = importFrom(
        [&]() -> CsvReader::Source {
            in->close();
            in->clear();
            in->open(file, std::ios::binary);
            if (!*in) opened = false;
            return [in](char* buf, size_t n) {
                in->read(buf, std::streamsize(n));
                return size_t(in->gcount());
            };
        },
        actor);
    if (!opened && r.error.empty() && !r.ok) {
        r = ImportResult{};
        r.error = "Không đọc được tệp " + file.string() + ".";
    }
    return r;
}

ImportResult SessionImporter::importText(std::string_view text, std::string_view actor)
{
    return importFrom([text] { return textSource(text); }, actor);
}

namespace {

constexpr size_t kMaxProblems = 1000;

// Reads every record after the header and hands each usable row to `onRow` (false stops the
// scan). Problems (bad rows, a malformed file) go to `r.problems`; `r.rows` counts the data rows.
template <class OnRow>
void scanRows(CsvReader& csv, const RowReader& reader, ImportResult& r, OnRow&& onRow)
{
    CsvRecord rec;
    int badLine = 0;
    std::string reason;
    auto notUtf8 = [&](const CsvRecord& x) {
        for (const std::string& f : x.fields)
            if (!utf8::isValid(f)) return true;
        return false;
    };
    const std::string utf8Problem = "tệp không phải chữ UTF-8 (có thể đang là bảng mã Windows-1258 hoặc TCVN3): trong Excel chọn "
                                    "\"Lưu thành\" → \"CSV UTF-8 (Comma delimited)\" rồi nhập lại";
    CsvReader::Next n = csv.next(rec, badLine, reason);
    if (n == CsvReader::Next::Bad) {
        r.problems.push_back({badLine, reason});
        return;
    }
    if (n == CsvReader::Next::End) {
        r.problems.push_back({1, "tệp trống: cần dòng tiêu đề (started_at,ended_at,staff,...) và các dòng dữ liệu"});
        return;
    }
    if (notUtf8(rec)) {
        r.problems.push_back({rec.line, utf8Problem});
        return;
    }
    const std::vector<int> columnOf = readHeader(rec, r.problems);
    if (!r.problems.empty()) return;
    const size_t width = size_t(*std::max_element(columnOf.begin(), columnOf.end())) + 1;
    const size_t headerCells = rec.fields.size();

    while ((n = csv.next(rec, badLine, reason)) == CsvReader::Next::Record) {
        if (notUtf8(rec)) {
            r.problems.clear();
            r.problems.push_back({rec.line, utf8Problem});
            return;
        }
        if (std::all_of(rec.fields.begin(), rec.fields.end(), [](const std::string& f) { return tidyText(f).empty(); })) continue;
        ++r.rows;
        // A spreadsheet writes every row as wide as its header (empty header cells included), so
        // a row wider than the header has a comma that was not quoted.
        if (rec.fields.size() < width) {
            r.problems.push_back({rec.line, "có " + std::to_string(rec.fields.size()) + " ô, cần " + std::to_string(width) +
                                                " ô như dòng tiêu đề (một ô có xuống dòng mà không đặt trong ngoặc kép?)"});
        } else if (rec.fields.size() > headerCells) {
            r.problems.push_back({rec.line, "có " + std::to_string(rec.fields.size()) + " ô, nhiều hơn " + std::to_string(headerCells) +
                                                " cột của tiêu đề (một ô có dấu phẩy mà không đặt trong ngoặc kép?)"});
        } else {
            Row row = reader.read(rec, columnOf, r.problems);
            if (!row.identity.empty() && !onRow(row)) return;
        }
        if (r.problems.size() >= kMaxProblems) {
            r.problems.push_back({rec.line, "dừng kiểm tra ở đây sau " + std::to_string(kMaxProblems) +
                                                " lỗi: xin sửa các dòng trên rồi nhập lại"});
            return;
        }
    }
    if (n == CsvReader::Next::Bad) {
        r.problems.push_back({badLine, reason});
        return;
    }
    if (r.rows == 0) r.problems.push_back({1, "tệp chỉ có dòng tiêu đề, không có lượt hỗ trợ nào"});
}

} // namespace

ImportResult SessionImporter::importFrom(const std::function<CsvReader::Source()>& open, std::string_view actor)
{
    ImportResult r;
    std::set<std::string> households;
    {
        Statement st(m_db.handle(), "SELECT code FROM households");
        while (st.step()) households.insert(st.text(0));
    }
    RowReader reader(m_codes, std::move(households), m_clock.unixSeconds());
    // First pass: every row checked, nothing kept but the problems.
    {
        CsvReader csv(open());
        scanRows(csv, reader, r, [](Row&) { return true; });
    }
    if (!r.problems.empty()) return r;

    // Second pass, all or nothing: one transaction; each save nests as a savepoint inside it.
    Transaction tx(m_db);
    if (!tx.open()) {
        r.error = "Cơ sở dữ liệu đang bận, chưa nhập gì: xin thử lại sau ít phút.";
        return r;
    }
    auto fail = [&](const std::string& why) {
        tx.rollback();
        r.error = why;
        r.added = r.alreadyThere = r.newStaff = 0;
        return r;
    };
    std::map<std::string, int64_t> staffIds;
    std::string failure;
    ImportResult second;
    CsvReader csv(open());
    scanRows(csv, reader, second, [&](Row& row) {
        auto known = staffIds.find(row.staff);
        if (known == staffIds.end()) {
            const bool existed = m_staff.find(row.staff).has_value();
            const std::optional<int64_t> id = m_staff.ensureImported(row.staff);
            if (!id) {
                failure = "Không tạo được tài khoản cho người hỗ trợ ở dòng " + std::to_string(row.line) + " (" + m_db.lastError() + "): chưa nhập gì.";
                return false;
            }
            if (!existed) ++r.newStaff;
            known = staffIds.emplace(row.staff, *id).first;
        }
        row.session.staffId = known->second;
        row.session.importKey = m_vault.keyedHash(row.identity);
        std::string error;
        const std::optional<SaveResult> saved = m_sessions.save(row.session, error);
        if (!saved) {
            failure = "Dòng " + std::to_string(row.line) + " không lưu được (" + error + "): chưa nhập gì.";
            return false;
        }
        if (saved->duplicate) ++r.alreadyThere;
        else ++r.added;
        return true;
    });
    if (!failure.empty()) return fail(failure);
    if (!second.problems.empty() || second.rows != r.rows) return fail("Tệp đã thay đổi trong lúc nhập: chưa nhập gì. Xin nhập lại.");
    m_audit.record(actor, "sessions_imported", "", "added=" + std::to_string(r.added) + " already=" + std::to_string(r.alreadyThere) +
                                                    " new_staff=" + std::to_string(r.newStaff));
    std::string commitError;
    if (!tx.commit(commitError, [](Database& db) { return "Không ghi được vào cơ sở dữ liệu (" + db.lastError() + "): chưa nhập gì."; }))
        return fail(commitError);
    r.ok = true;
    return r;
}

} // namespace kiosk

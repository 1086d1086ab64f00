// The household register's CSV import: checked whole, then saved in one transaction.
#include "kiosk/households/household_import.hpp"
#include "kiosk/common/utf8.hpp"
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <algorithm>
#include <fstream>
#include <ostream>
#include <map>
#include <memory>

namespace kiosk {

namespace {

enum Column { Village, Code, HeadName, Address, Members, ColumnCount };
constexpr size_t kMaxFileBytes = 20u * 1024u * 1024u;   // 10,000 households are about 1 MB

std::string lowerAscii(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// A text cell that must be readable: valid UTF-8, no control characters, at most `maxChars`.
const char* textProblem(const std::string& text, size_t maxChars)
{
    if (!utf8::isValid(text)) return "không phải chữ UTF-8 (xin lưu tệp dạng CSV UTF-8)";
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        return "có ký tự điều khiển";
    if (utf8::length(text) > maxChars) return "dài quá";
    return nullptr;
}

std::vector<int> readHeader(const CsvRecord& header, std::vector<HouseholdProblem>& problems)
{
    std::vector<int> columnOf(ColumnCount, -1);
    for (size_t f = 0; f < header.fields.size(); ++f) {
        const std::string name = lowerAscii(tidyText(header.fields[f]));
        if (name.empty()) continue;
        const auto* known = std::find_if(std::begin(kHouseholdColumns), std::end(kHouseholdColumns), [&](const char* c) { return name == c; });
        if (known == std::end(kHouseholdColumns)) {
            // Not quoted: a file without its header row has a household's data here.
            problems.push_back({header.line, "cột thứ " + std::to_string(f + 1) +
                                                 " của dòng tiêu đề không phải tên cột của sổ hộ (các cột: village, household_code, "
                                                 "head_name, address, members)"});
            continue;
        }
        int& slot = columnOf[size_t(known - std::begin(kHouseholdColumns))];
        if (slot >= 0) problems.push_back({header.line, "cột " + name + " có hai lần"});
        slot = int(f);
    }
    for (int c = 0; c < Members; ++c)   // members is optional
        if (columnOf[size_t(c)] < 0) problems.push_back({header.line, std::string("thiếu cột ") + kHouseholdColumns[c]});
    return columnOf;
}

} // namespace

std::vector<Household> readHouseholds(CsvReader& csv, std::vector<HouseholdProblem>& problems, int& rows)
{
    std::vector<Household> out;
    CsvRecord rec;
    int badLine = 0;
    std::string reason;
    CsvReader::Next n = csv.next(rec, badLine, reason);
    if (n == CsvReader::Next::Bad) {
        problems.push_back({badLine, reason});
        return {};
    }
    if (n == CsvReader::Next::End) {
        problems.push_back({1, "tệp trống: cần dòng tiêu đề (village, household_code, head_name, address) và ít nhất một hộ"});
        return {};
    }
    const std::vector<int> columnOf = readHeader(rec, problems);
    if (!problems.empty()) return {};
    std::map<std::string, int> lineOfCode;
    while ((n = csv.next(rec, badLine, reason)) == CsvReader::Next::Record) {
        if (std::all_of(rec.fields.begin(), rec.fields.end(), [](const std::string& f) { return tidyText(f).empty(); })) continue;
        if (++rows > int(kMaxHouseholdRows)) {
            problems.push_back({rec.line, "tệp có hơn " + std::to_string(kMaxHouseholdRows) + " hộ: xin chia thành nhiều tệp"});
            return {};
        }
        auto cell = [&](Column c) { return columnOf[c] >= 0 && size_t(columnOf[c]) < rec.fields.size() ? tidyText(rec.fields[size_t(columnOf[c])]) : std::string(); };
        const size_t before = problems.size();
        auto bad = [&](const std::string& m) { problems.push_back({rec.line, m}); };
        Household h;
        h.village = cell(Village);
        h.code = cell(Code);
        h.headName = cell(HeadName);
        h.address = cell(Address);
        if (h.village.empty()) bad("thiếu tên thôn (cột village)");
        else if (const char* p = textProblem(h.village, 100)) bad(std::string("tên thôn (cột village) ") + p);
        if (h.code.empty()) bad("thiếu mã hộ (cột household_code)");
        else if (!validHouseholdCode(h.code)) bad("mã hộ (cột household_code) chỉ gồm chữ không dấu, chữ số và - _ . /, tối đa 32 ký tự");
        else if (auto [it, fresh] = lineOfCode.emplace(h.code, rec.line); !fresh)
            bad("mã hộ (cột household_code) trùng với dòng " + std::to_string(it->second));
        if (h.headName.empty()) bad("thiếu tên chủ hộ (cột head_name)");
        else if (const char* p = textProblem(h.headName, 100)) bad(std::string("tên chủ hộ (cột head_name) ") + p);
        if (const char* p = textProblem(h.address, 200)) bad(std::string("địa chỉ (cột address) ") + p);
        if (const std::string m = cell(Members); !m.empty()) {
            const bool digits = m.size() <= 2 && std::all_of(m.begin(), m.end(), [](char c) { return c >= '0' && c <= '9'; });
            h.members = digits ? std::stoi(m) : 0;
            if (h.members < 1) bad("số nhân khẩu (cột members) phải là số từ 1 đến 99, hoặc để trống");
        }
        if (problems.size() == before) out.push_back(std::move(h));
    }
    if (n == CsvReader::Next::Bad) problems.push_back({badLine, reason});
    if (rows == 0 && problems.empty()) problems.push_back({1, "tệp chỉ có dòng tiêu đề, chưa có hộ nào"});
    if (!problems.empty()) return {};
    return out;
}

int printHouseholdImport(const HouseholdImportResult& r, HouseholdRegister& reg, const std::string& file, std::ostream& out, std::ostream& err)
{
    if (!r.error.empty()) {
        err << r.error << "\n";
        return 1;
    }
    if (!r.problems.empty()) {
        err << "Chưa nhập gì: tệp " << file << " có " << r.problems.size()
            << " lỗi. Sửa các dòng dưới đây rồi nhập lại cả tệp (nhập lại không tạo hộ trùng):\n";
        for (const HouseholdProblem& p : r.problems) err << "  " << p.str() << "\n";
        return 1;
    }
    out << "Đã nhập sổ hộ từ " << file << ": " << r.rows << " hộ (" << r.added << " hộ mới, " << r.updated << " hộ cập nhật, " << r.unchanged
        << " hộ không đổi). Sổ hộ có " << reg.count() << " hộ ở " << reg.villages().size() << " thôn.\n";
    return 0;
}

HouseholdImportResult HouseholdImporter::importFrom(CsvReader& csv, std::string_view actor)
{
    HouseholdImportResult r;
    const std::vector<Household> households = readHouseholds(csv, r.problems, r.rows);
    if (!r.problems.empty()) return r;
    Transaction tx(m_db);
    for (const Household& h : households) {
        switch (m_register.save(h)) {
        case HouseholdRegister::Saved::Added: ++r.added; break;
        case HouseholdRegister::Saved::Updated: ++r.updated; break;
        case HouseholdRegister::Saved::Unchanged: ++r.unchanged; break;
        case HouseholdRegister::Saved::Failed:
            r = HouseholdImportResult{};
            r.error = "Không ghi được sổ hộ vào cơ sở dữ liệu (" + m_db.lastError() + "): chưa nhập gì. Xin chạy `kiosk db check`.";
            return r;
        }
    }
    m_audit.record(actor, "households_imported", {},
                   std::to_string(r.added) + " mới, " + std::to_string(r.updated) + " cập nhật, " + std::to_string(r.unchanged) + " không đổi");
    std::string error;
    if (!tx.commit(error, [](Database& db) { return db.lastError(); })) {
        r = HouseholdImportResult{};
        r.error = "Không ghi được sổ hộ vào cơ sở dữ liệu (" + error + "): chưa nhập gì.";
        return r;
    }
    r.ok = true;
    return r;
}

HouseholdImportResult HouseholdImporter::importText(std::string_view text, std::string_view actor)
{
    CsvReader csv(textSource(text));
    return importFrom(csv, actor);
}

HouseholdImportResult HouseholdImporter::importFile(const std::filesystem::path& file, std::string_view actor)
{
    HouseholdImportResult r;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    if (ec || !in) {
        r.error = "Không đọc được tệp " + file.string() + ".";
        return r;
    }
    if (size > kMaxFileBytes) {
        r.error = "Tệp " + file.string() + " lớn quá 20 MB: sổ hộ của một xã chỉ khoảng 1 MB. Xin kiểm tra lại tệp.";
        return r;
    }
    CsvReader csv([&](char* buf, size_t n) {
        in.read(buf, std::streamsize(n));
        return size_t(in.gcount());
    });
    return importFrom(csv, actor);
}

} // namespace kiosk

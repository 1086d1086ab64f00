// Reading assets/services.toml: codes checked, both languages required, duplicates refused.
#include "kiosk/content/services.hpp"
#include "kiosk/common/enum_names.hpp"
#include "kiosk/common/utf8.hpp"
#include <algorithm>

namespace kiosk {

namespace {
constexpr EnumName<Outcome> kOutcomes[] = {{Outcome::Done, "done"}, {Outcome::Partial, "partial"}, {Outcome::Referred, "referred"}};
} // namespace

const char* outcomeName(Outcome o) { return enumName(kOutcomes, o); }
bool parseOutcome(std::string_view s, Outcome& out) { return parseEnum(kOutcomes, s, out); }

const std::vector<std::string>& standardServiceCodes()
{
    static const std::vector<std::string> codes{
        "vneid_install", "vneid_level2", "vneid_documents", "ehealth_book", "bank_account", "digital_signature",
        "online_public_service", "cashless_payment", "ecommerce_shop", "binhdanhocvuso_enrol", "online_safety"};
    return codes;
}

bool validServiceCode(std::string_view code)
{
    return !code.empty() && code.size() <= 40 &&
           std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::vector<ServiceDef> loadServices(const std::filesystem::path& file, const std::string& province, std::vector<Problem>& problems)
{
    std::vector<ServiceDef> out;
    TomlReader r(file.filename().string(), problems);
    auto root = r.parseFile(file);
    if (!root) return out;
    const toml::array* list = r.array(*root, "services");
    if (!list) {
        r.problem(&*root, "thiếu danh sách [[services]]");
        return out;
    }
    for (const toml::node& n : *list) {
        const toml::table* t = n.as_table();
        if (!t) {
            r.problem(&n, "mỗi mục [[services]] phải là một bảng");
            continue;
        }
        ServiceDef s;
        s.code = r.str(*t, "code");
        s.title.vi = r.str(*t, "title");
        s.title.en = r.str(*t, "title_en");
        s.province = r.str(*t, "province", false);
        s.sheet = r.str(*t, "sheet", false);
        if (!s.sheet.empty()) {
            if (utf8::length(s.sheet) > kMaxSheetName || s.sheet.find_first_of("[]:*?/\\'") != std::string::npos) {
                r.problem(t->get("sheet"), "tên trang \"sheet\" phải ngắn (tối đa " + std::to_string(kMaxSheetName) +
                                               " ký tự) và không có ký tự [ ] : * ? / \\ '");
                s.sheet.clear();
            }
        }
        if (s.code.empty() || s.title.vi.empty() || s.title.en.empty()) continue;
        if (!validServiceCode(s.code)) {
            r.problem(t->get("code"), "mã \"" + s.code + "\" chỉ được gồm chữ thường không dấu, chữ số và dấu _");
            continue;
        }
        if (std::any_of(out.begin(), out.end(), [&](const ServiceDef& d) { return d.code == s.code; })) {
            r.problem(t->get("code"), "mã \"" + s.code + "\" bị lặp");
            continue;
        }
        if (hasCombiningMarks(s.title.vi)) r.problem(t->get("title"), "chữ chưa ở dạng NFC (dấu tách rời)");
        if (!s.province.empty() && !province.empty() && s.province != province) continue;
        out.push_back(std::move(s));
    }
    for (const std::string& code : standardServiceCodes())
        if (std::none_of(out.begin(), out.end(), [&](const ServiceDef& d) { return d.code == code; }))
            r.problemAt(0, "thiếu chỉ tiêu bắt buộc \"" + code + "\"");
    return out;
}

} // namespace kiosk

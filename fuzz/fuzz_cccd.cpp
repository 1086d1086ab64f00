// libFuzzer target for the ID card's QR payload parser: any bytes, never a crash, and whatever is
// accepted is a well-formed card whose JSON parses back to the same fields.
#include "kiosk/identity/cccd.hpp"
#include <nlohmann/json.hpp>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool ok, const char* what)
{
    if (ok) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

bool digits(const std::string& s)
{
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

bool realDate(int y, int m, int d)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= (m == 2 && leap ? 29 : kDays[m - 1]);
}

long dayNumber(int y, int m, int d) { return (long(y) * 12 + m) * 31 + d; }   // ordering only

// A fixed "today": a run must be reproducible from its crash file.
constexpr kiosk::CivilDate kToday{2025, 6, 15};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    const kiosk::CccdParse r = kiosk::parseCccd(payload, kToday);
    require(!r.message.empty() || r.ok(), "a refusal without a message");
    if (!r.ok()) {
        // The message never echoes the payload: no 8+ byte run of it beyond the fixed texts.
        const std::string_view first = payload.substr(0, payload.find('|'));
        if (first.size() >= 9 && first.find_first_not_of("0123456789") == std::string_view::npos)
            require(r.message.find(first) == std::string::npos, "the refusal repeats the number");
        return 0;
    }
    const kiosk::CitizenId& c = *r.citizen;
    require(c.id.size() == 12 && digits(c.id), "accepted id is not 12 digits");
    require(c.oldId.empty() || ((c.oldId.size() == 9 || c.oldId.size() == 12) && digits(c.oldId)), "old id");
    require(!c.fullName.empty() && !c.address.empty(), "empty name or address");
    require(c.gender == "male" || c.gender == "female", "gender");
    require(realDate(c.birthYear, c.birthMonth, c.birthDay), "birth date not real");
    require(realDate(c.issueYear, c.issueMonth, c.issueDay), "issue date not real");
    const long birth = dayNumber(c.birthYear, c.birthMonth, c.birthDay);
    const long issue = dayNumber(c.issueYear, c.issueMonth, c.issueDay);
    require(birth <= issue, "issued before birth");
    require(issue <= dayNumber(kToday.year, kToday.month, kToday.day), "issued in the future");
    const int digit4 = c.id[3] - '0';
    require(c.birthYear / 100 == 19 + digit4 / 2, "century digit");
    require((digit4 % 2 == 0) == (c.gender == "male"), "gender digit");
    require((c.id[4] - '0') * 10 + (c.id[5] - '0') == c.birthYear % 100, "year digits");

    const std::string json = kiosk::toJson(c);
    require(json.find('\n') == std::string::npos, "JSON spans lines");
    const auto j = nlohmann::json::parse(json, nullptr, false);
    require(!j.is_discarded() && j.is_object() && j.size() == 7, "JSON does not parse back");
    require(j["id"] == c.id && j["old_id"] == c.oldId && j["full_name"] == c.fullName && j["address"] == c.address &&
                j["gender"] == c.gender && j["birth_date"] == c.birthDateIso() && j["issue_date"] == c.issueDateIso(),
            "JSON round trip");
    return 0;
}

// The QR code on the Vietnamese chip ID card (CCCD): parsed, cross-checked and turned into JSON.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CitizenId {
    std::string id;          // 12 digits
    std::string oldId;       // the old CMND number, often empty
    std::string fullName;
    int birthYear = 0, birthMonth = 0, birthDay = 0;
    std::string gender;      // "male" | "female"
    std::string address;     // permanent address, as printed (contains commas)
    int issueYear = 0, issueMonth = 0, issueDay = 0;

    std::string birthDateIso() const;   // "YYYY-MM-DD"
    std::string issueDateIso() const;   // "" when unknown (details typed by hand)
};

enum class CccdError {
    NotIdCard,      // some other QR code (a URL, a payment code, ...): ask for the ID card
    Torn,           // an ID card read only in part (the payload stops early): ask to scan again
    Inconsistent,   // the card's layout, but a field is impossible (12 digits, a real date, a name)
                    // or contradicts another (digits 4–6 vs birth date and gender): refuse, staff look
};

struct CccdParse {
    std::optional<CitizenId> citizen;   // set when the payload is accepted
    CccdError error = CccdError::NotIdCard;   // meaningful only when `citizen` is empty
    std::string message;                // Vietnamese, for the screen and stderr; no personal data
    std::vector<std::string> warnings;  // accepted, but worth a look (unknown province code, wrong clock); Vietnamese
    bool ok() const { return citizen.has_value(); }
};

struct CivilDate {
    int year = 0, month = 0, day = 0;
};

// Today's date in Vietnam (UTC+7, no daylight saving), from wall-clock seconds: the kiosk's own
// time zone setting is not trusted, a Debian image often runs in UTC.
CivilDate vietnamDate(int64_t unixSeconds);

// Parses the payload as read by a camera or a keyboard-wedge scanner; never throws on bad input.
// `today` decides what "a birth date in the future" means; the one-argument form uses the wall clock.
// A `today` before 2021 (no card existed then: the clock is wrong) skips the future-date checks with
// a warning rather than refusing every card.
CccdParse parseCccd(std::string_view payload, const CivilDate& today);
CccdParse parseCccd(std::string_view payload);

// Details staff typed on the on-screen keyboard (number, full name, birth date ddmmyyyy as in the
// card's QR code) checked by the card's own rules, each as its own field; the address and
// issue date are left empty, the gender follows the number's fourth digit.
CccdParse checkTypedCitizen(std::string_view number, std::string_view fullName, std::string_view birth, const CivilDate& today);

// The province or city of birth registration from the first three digits, empty when unknown.
std::string_view provinceName(std::string_view id);

// One line: {"id","old_id","full_name","birth_date","gender","address","issue_date"}.
std::string toJson(const CitizenId& citizen);

} // namespace kiosk

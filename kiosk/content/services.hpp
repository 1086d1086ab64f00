// The checklist of services staff tick after an assisted session (assets/services.toml): the
// indicator codes reports count, with their labels. A province profile may add its own.
#pragma once
#include "kiosk/common/toml_util.hpp"
#include "kiosk/common/types.hpp"
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct ServiceDef {
    std::string code;       // indicator code: lowercase letters, digits, '_'
    LocalText title;
    std::string sheet;      // short name for the report workbook's list sheet; "" = none given
    std::string province;   // empty = every deployment
};

enum class Outcome { Done, Partial, Referred };
const char* outcomeName(Outcome o);                    // "done" / "partial" / "referred"
bool parseOutcome(std::string_view s, Outcome& out);

// The indicator codes every deployment has, in report order (issue 4's list).
const std::vector<std::string>& standardServiceCodes();

// Loads the checklist for a province profile ("" = every service). Problems are named with file
// and line; a broken entry is left out, the others stay.
std::vector<ServiceDef> loadServices(const std::filesystem::path& file, const std::string& province, std::vector<Problem>& problems);

bool validServiceCode(std::string_view code);

// A workbook sheet is at most 31 characters; the report puts "N. " before the service's `sheet`.
inline constexpr size_t kMaxSheetName = 27;

} // namespace kiosk

// `kiosk household import FILE.csv` (and the collector's): the commune's household register from
// a UTF-8 CSV with a header row, columns matched by name — village, household_code, head_name,
// address, and optionally members. All or nothing: every row is checked first and every bad line
// named (never quoting its personal content); then one transaction adds new codes and updates the
// households whose code is already there.
#pragma once
#include "kiosk/common/csv.hpp"
#include "kiosk/households/household_register.hpp"
#include "kiosk/store/audit.hpp"
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr const char* kHouseholdColumns[] = {"village", "household_code", "head_name", "address", "members"};
inline constexpr size_t kMaxHouseholdRows = 100000;   // a commune holds 2,000–10,000 households

using HouseholdProblem = LineProblem;

struct HouseholdImportResult {
    bool ok = false;
    int rows = 0;
    int added = 0, updated = 0, unchanged = 0;
    std::vector<HouseholdProblem> problems;   // every bad line: nothing was imported
    std::string error;                        // a file or database failure (Vietnamese)
};

// The rows of `csv`, each checked; `problems` filled and nothing returned when any is bad.
std::vector<Household> readHouseholds(CsvReader& csv, std::vector<HouseholdProblem>& problems, int& rows);

// What `kiosk household import` and `kiosk-collector household import` print: the counts on `out`,
// or the problems (or the error) on `err`. Returns the exit status (0, or 1 when nothing was imported).
int printHouseholdImport(const HouseholdImportResult& result, HouseholdRegister& reg, const std::string& file, std::ostream& out,
                         std::ostream& err);

class HouseholdImporter {
public:
    HouseholdImporter(Database& db, HouseholdRegister& reg, AuditLog& audit) : m_db(db), m_register(reg), m_audit(audit) {}
    HouseholdImportResult importText(std::string_view csv, std::string_view actor);
    HouseholdImportResult importFile(const std::filesystem::path& file, std::string_view actor);

private:
    HouseholdImportResult importFrom(CsvReader& csv, std::string_view actor);
    Database& m_db;
    HouseholdRegister& m_register;
    AuditLog& m_audit;
};

} // namespace kiosk

// Sessions a team logged on paper or in a spreadsheet, imported from CSV (issue 5 item 3): all or
// nothing in one transaction, every bad line named by its number, a re-import adding nothing.
// A row with a citizen stands for a paper form the citizen signed: it is saved as consented.
#pragma once
#include "kiosk/store/audit.hpp"
#include "kiosk/ports/clock.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/records/sessions.hpp"
#include "kiosk/identity/staff.hpp"
#include "kiosk/store/vault.hpp"
#include "kiosk/common/csv.hpp"
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The columns, in the order the template has them (a file may order them differently).
// household_code is optional: a file without it imports sessions without a household.
inline constexpr const char* kImportColumns[] = {"started_at", "ended_at", "staff",    "citizen_id", "full_name",      "birth_date",
                                                  "gender",     "village",  "services", "notes",      "household_code"};

using ImportProblem = LineProblem;

struct ImportResult {
    bool ok = false;
    int rows = 0;                         // data rows in the file (blank lines left out)
    int added = 0;                        // sessions saved now
    int alreadyThere = 0;                 // rows whose identical content is already stored
    int newStaff = 0;                     // imported volunteer accounts created (no PIN yet)
    std::vector<ImportProblem> problems;  // every bad line: nothing was imported
    std::string error;                    // a file or database failure (Vietnamese)
};

class SessionImporter {
public:
    // `serviceCodes`: the deployment's checklist; any other code in the file is a bad line.
    SessionImporter(Database& db, const Vault& vault, const Clock& clock, SessionStore& sessions, StaffStore& staff, AuditLog& audit,
                    std::vector<std::string> serviceCodes);

    ImportResult importText(std::string_view csv, std::string_view actor);
    // Streamed: read twice (every row checked, then saved in one transaction), never held whole.
    ImportResult importFile(const std::filesystem::path& file, std::string_view actor);

private:
    ImportResult importFrom(const std::function<CsvReader::Source()>& open, std::string_view actor);

    Database& m_db;
    const Vault& m_vault;
    const Clock& m_clock;
    SessionStore& m_sessions;
    StaffStore& m_staff;
    AuditLog& m_audit;
    std::vector<std::string> m_codes;
};

} // namespace kiosk

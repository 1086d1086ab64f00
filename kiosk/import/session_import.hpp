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
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The columns, in the order the template has them (a file may order them differently).
inline constexpr const char* kImportColumns[] = {"started_at", "ended_at", "staff",   "citizen_id", "full_name",
                                                  "birth_date", "gender",   "village", "services",   "notes"};

struct CsvRecord {
    int line = 0;                         // the physical line (from 1) the record starts on
    std::vector<std::string> fields;
};

// A record longer than this or with more fields is refused (naming its line): a file's size never
// becomes memory, and a real row of the template is a few hundred bytes in ten fields.
inline constexpr size_t kMaxCsvRecordBytes = 64 * 1024;
inline constexpr size_t kMaxCsvFields = 64;

// RFC 4180 (quoted fields may hold commas, line breaks and doubled quotes; CRLF or LF), one record
// at a time from a byte source, holding one record in memory. A UTF-8 byte-order mark is skipped.
class CsvReader {
public:
    using Source = std::function<size_t(char* buffer, size_t size)>;   // bytes read; 0 at the end
    explicit CsvReader(Source source);
    enum class Next { Record, End, Bad };
    // Bad: `badLine` and a Vietnamese `reason` (malformed quoting, a record over the bounds).
    Next next(CsvRecord& rec, int& badLine, std::string& reason);

private:
    int peek();
    int get();
    Source m_source;
    std::vector<char> m_buf;
    size_t m_pos = 0, m_len = 0;
    bool m_eof = false, m_started = false;
    int m_line = 1;
};

// The whole text at once (tests, the fuzz target). False with the line and the reason.
bool parseCsv(std::string_view text, std::vector<CsvRecord>& out, int& badLine, std::string& reason);

struct ImportProblem {
    int line = 0;
    std::string message;                  // Vietnamese; never a cell's personal content
    std::string str() const;              // "dòng 7: ..."
};

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

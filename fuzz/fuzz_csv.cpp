// libFuzzer target for the CSV import (`kiosk session import`): any bytes through parseCsv and the
// whole import into a real SQLite database (in memory, so a million inputs cost no disk syncs).
// Never a crash, and: what parseCsv reads survives being written back and read again; an import is
// all or nothing (a refused file leaves no session behind and names a line); an accepted one adds
// exactly its rows, and `kiosk db check`'s invariants hold on what it wrote.
#include "fuzz/fuzz_support.hpp"
#include "kiosk/store/audit.hpp"
#include "kiosk/store/db_check.hpp"
#include "kiosk/content/services.hpp"
#include "kiosk/import/session_import.hpp"
#include <algorithm>
#include <memory>

namespace {

struct Setup {
    fuzz::ScratchCleanup cleanup;
    kiosk::ManualClock clock;
    std::unique_ptr<kiosk::Database> db;
    std::unique_ptr<kiosk::Vault> vault;
    std::unique_ptr<kiosk::AuditLog> audit;
    std::unique_ptr<kiosk::StaffStore> staff;
    std::unique_ptr<kiosk::SessionStore> sessions;
    std::unique_ptr<kiosk::SessionImporter> importer;
    std::vector<std::string> tables;   // every table the schema has, emptied after an accepted import
};

Setup* g = nullptr;

int64_t count(const char* sql)
{
    kiosk::Statement st(g->db->handle(), sql);
    fuzz::require(st.step(), "a count query failed");
    return st.int64(0);
}

// RFC 4180 written back: every field quoted, quotes doubled, records on their own line.
std::string writeCsv(const std::vector<kiosk::CsvRecord>& records)
{
    std::string out;
    for (const kiosk::CsvRecord& r : records) {
        for (size_t f = 0; f < r.fields.size(); ++f) {
            if (f) out += ',';
            out += '"';
            for (char c : r.fields[f]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += "\r\n";
    }
    return out;
}

void checkParse(std::string_view text)
{
    std::vector<kiosk::CsvRecord> records;
    int badLine = 0;
    std::string reason;
    if (!kiosk::parseCsv(text, records, badLine, reason)) {
        fuzz::require(badLine >= 1 && !reason.empty(), "a refusal without a line or a reason");
        return;
    }
    int previous = 0;
    for (const kiosk::CsvRecord& r : records) {
        fuzz::require(!r.fields.empty(), "a record without fields");
        fuzz::require(r.line > previous, "records' lines do not go forward");
        previous = r.line;
    }
    std::vector<kiosk::CsvRecord> again;
    fuzz::require(kiosk::parseCsv(writeCsv(records), again, badLine, reason), "written back, the records no longer parse");
    fuzz::require(again.size() == records.size(), "written back, the number of records changed");
    for (size_t i = 0; i < records.size(); ++i) fuzz::require(again[i].fields == records[i].fields, "written back, a field changed");
}

// Lines as an editor shows them: LF, CRLF and a lone CR (old Mac "CSV (Macintosh)") each end one.
int physicalLines(std::string_view text)
{
    int lines = 1;
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
    return lines;
}

void reset()
{
    // Back to an empty, migrated database (meta holds the schema's own facts). Foreign keys off
    // while emptying: every table goes, so no order of deletes is needed.
    fuzz::require(g->db->exec("PRAGMA foreign_keys=OFF"), "foreign_keys=OFF");
    for (const std::string& t : g->tables) {
        std::string error;
        if (!g->db->exec("DELETE FROM " + t, &error)) std::fprintf(stderr, "DELETE FROM %s: %s\n", t.c_str(), error.c_str());
        fuzz::require(error.empty(), "could not empty a table");
    }
    fuzz::require(g->db->exec("PRAGMA foreign_keys=ON"), "foreign_keys=ON");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g = new Setup;
    g->cleanup.dir = fuzz::scratchDir("csv");
    std::string error;
    g->clock.setUnixSeconds(1775000000);   // 2026-04-01, a fixed "now": a crash file replays the same way
    g->db = kiosk::Database::open(":memory:", error);
    fuzz::require(g->db != nullptr, "in-memory database");
    g->vault = kiosk::Vault::open(g->cleanup.dir / "kiosk.key", error);
    fuzz::require(g->vault != nullptr, "vault");
    g->audit = std::make_unique<kiosk::AuditLog>(*g->db, g->clock);
    g->staff = std::make_unique<kiosk::StaffStore>(*g->db, g->clock, *g->audit);
    g->sessions = std::make_unique<kiosk::SessionStore>(*g->db, *g->vault, g->clock, *g->audit);
    std::vector<kiosk::Problem> problems;
    std::vector<std::string> codes;
    for (const kiosk::ServiceDef& s : kiosk::loadServices(std::filesystem::path(KIOSK_SOURCE_ASSETS) / "services.toml", "thanh-hoa", problems))
        codes.push_back(s.code);
    fuzz::require(problems.empty() && !codes.empty(), "the bundled services.toml");
    g->importer = std::make_unique<kiosk::SessionImporter>(*g->db, *g->vault, g->clock, *g->sessions, *g->staff, *g->audit, codes);
    kiosk::Statement st(g->db->handle(), "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name<>'meta'");
    while (st.step()) g->tables.push_back(st.text(0));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkParse(text);

    const kiosk::ImportResult r = g->importer->importText(text, "fuzz");
    const int lines = physicalLines(text);
    for (const kiosk::ImportProblem& p : r.problems) {
        if (p.line < 1 || p.line > lines || p.message.empty()) std::fprintf(stderr, "%s (the file has %d lines)\n", p.str().c_str(), lines);
        fuzz::require(p.line >= 1 && p.line <= lines && !p.message.empty(), "a problem without a real line or a message");
    }
    const int64_t stored = count("SELECT count(*) FROM sessions");
    if (!r.ok) {
        fuzz::require(!r.problems.empty() || !r.error.empty(), "refused without a reason");
        fuzz::require(stored == 0 && count("SELECT count(*) FROM staff") == 0, "a refused import left something behind");
        return 0;
    }
    fuzz::require(r.problems.empty() && r.error.empty(), "accepted with problems");
    fuzz::require(r.rows >= 1 && r.added + r.alreadyThere == r.rows && stored == r.added, "the rows and the sessions stored disagree");
    for (const kiosk::CheckResult& c : kiosk::checkDatabase(*g->db, *g->vault)) {
        if (!c.ok) std::fprintf(stderr, "db check: %s: %s\n", c.name.c_str(), c.detail.c_str());
        fuzz::require(c.ok, "kiosk db check fails after an accepted import");
    }
    reset();
    return 0;
}

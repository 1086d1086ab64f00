// kiosk-bench's shared pieces: a row of the table (what, target, measured, met), the options, and
// small helpers for times and temporary folders. Each group of rows lives in its own file.
#pragma once
#include <nlohmann/json.hpp>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace bench {

struct Options {
    bool quick = false;                       // fewer sessions, shorter idle windows: marked in each row
    bool json = false;
    std::set<std::string> only;               // group names; empty = all
    std::filesystem::path binDir;             // where kiosk and kiosk-collector are (beside kiosk-bench)
    std::filesystem::path workDir;            // scratch (databases, pages); removed at the end unless --keep
    bool keep = false;
    int idleSeconds = 30;
    bool wants(const std::string& group) const { return only.empty() || only.count(group) > 0; }
};

struct Row {
    std::string id;                           // stable key in --json, e.g. "first_frame"
    std::string what;                         // for people
    std::string target;                       // "≤ 150 ms", or "" when the row has none (Chromium's)
    std::string measured;                     // "212 ms"
    std::optional<bool> met;                  // nullopt: no target, or skipped
    std::string note;                         // how, breakdown, the gap and what holds it
    std::string skipped;                      // why the row could not run here; empty = it ran
    bool quick = false;                       // measured with --quick's shortened workload
    nlohmann::json values = nlohmann::json::object();   // the raw numbers, for --json
};

// Rows as they are measured: printed at once on stderr (progress), kept for the final table.
class Results {
public:
    void add(Row row);
    const std::vector<Row>& rows() const { return m_rows; }
    void printTable(std::ostream& out) const;
    nlohmann::json toJson(const Options& o, const nlohmann::json& machine) const;

private:
    std::vector<Row> m_rows;
};

Row skippedRow(std::string id, std::string what, std::string target, std::string why);

// Monotonic milliseconds (CLOCK_MONOTONIC, shared by every process on the machine).
double nowMs();
void sleepMs(double ms);
std::string fmtMs(double ms);                 // "12.3 ms", "1.24 s"
std::string fmtMiB(double kib);               // "38.2 MiB"
std::string fmtPercent(double p);             // "0.047 %"
double percentile(std::vector<double> v, double p);   // p in 0..100, nearest rank

// The machine the run happened on: CPU model, cores, memory, kernel, Debian version.
nlohmann::json machineInfo();

// Each group of rows (one file each).
void kioskRows(const Options& o, Results& r);       // first_frame, memory, idle, scroll, tap
void chromiumRows(const Options& o, Results& r);    // chromium (side by side)
void saveRows(const Options& o, Results& r);        // save
void reportRows(const Options& o, Results& r);      // report, xlsx
void uploadRows(const Options& o, Results& r);      // upload
void qrRows(const Options& o, Results& r);          // qr
void visitRows(const Options& o, Results& r);       // visits
int visitsChild(int visits);                        // the hidden --child-visits N: runs in its own process

// What the Chromium rows compare against: the kiosk's own figures from this run, when measured.
struct KioskFigures {
    std::optional<double> firstFrameMs, pssKiB, idlePercent;
};
KioskFigures& kioskFigures();

} // namespace bench

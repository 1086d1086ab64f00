// The table and JSON output, the formatting of figures, and what machine the run happened on.
#include "bench/bench.hpp"
#include <sys/utsname.h>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace bench {

namespace {

// Column widths count characters, not bytes: "≤" and "µ" are two or three bytes of UTF-8.
size_t displayWidth(const std::string& s)
{
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string pad(const std::string& s, size_t w)
{
    size_t n = displayWidth(s);
    return n >= w ? s : s + std::string(w - n, ' ');
}

std::string metText(const Row& row)
{
    if (!row.skipped.empty()) return "skipped";
    if (!row.met) return "–";
    return *row.met ? "yes" : "NO";
}

std::string firstLine(const std::string& path, const std::string& key)
{
    std::ifstream f(path);
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(key, 0) == 0) {
            auto p = line.find_first_of(":=");
            std::string v = p == std::string::npos ? line : line.substr(p + 1);
            v.erase(0, v.find_first_not_of(" \t\""));
            while (!v.empty() && v.back() == '"') v.pop_back();
            return v;
        }
    return {};
}

// The 1, 5 and 15 minute load averages.
std::string loadAverage()
{
    std::istringstream f(firstLine("/proc/loadavg", ""));
    std::string a, b, c;
    f >> a >> b >> c;
    return a + " " + b + " " + c;
}

} // namespace

void Results::add(Row row)
{
    // Progress on stderr, so a long run shows where it is; the table comes at the end.
    std::cerr << "  " << pad(row.id, 18) << (row.skipped.empty() ? row.measured : "skipped: " + row.skipped)
              << (row.quick ? " (quick)" : "") << "\n";
    m_rows.push_back(std::move(row));
}

void Results::printTable(std::ostream& out) const
{
    size_t wWhat = 4, wTarget = 6, wMeasured = 8;
    for (const Row& r : m_rows) {
        wWhat = std::max(wWhat, displayWidth(r.what));
        wTarget = std::max(wTarget, displayWidth(r.target));
        wMeasured = std::max(wMeasured, displayWidth(r.measured + (r.quick ? " (quick)" : "")));
    }
    out << pad("what", wWhat) << "  " << pad("target", wTarget) << "  " << pad("measured", wMeasured) << "  met      note\n";
    out << std::string(wWhat + wTarget + wMeasured + 19, '-') << "\n";
    for (const Row& r : m_rows) {
        std::string measured = r.skipped.empty() ? r.measured + (r.quick ? " (quick)" : "") : "";
        std::string note = r.skipped.empty() ? r.note : r.skipped;
        out << pad(r.what, wWhat) << "  " << pad(r.target, wTarget) << "  " << pad(measured, wMeasured) << "  "
            << pad(metText(r), 7) << "  " << note << "\n";
    }
}

nlohmann::json Results::toJson(const Options& o, const nlohmann::json& machine) const
{
    nlohmann::json rows = nlohmann::json::array();
    for (const Row& r : m_rows) {
        nlohmann::json j = {{"id", r.id}, {"what", r.what}, {"target", r.target}, {"measured", r.measured},
                            {"met", r.met ? nlohmann::json(*r.met) : nlohmann::json(nullptr)}, {"note", r.note},
                            {"quick", r.quick}, {"values", r.values}};
        j["skipped"] = r.skipped.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.skipped);
        rows.push_back(std::move(j));
    }
    return {{"bench", "kiosk-bench"}, {"quick", o.quick}, {"machine", machine}, {"rows", rows}};
}

Row skippedRow(std::string id, std::string what, std::string target, std::string why)
{
    Row r;
    r.id = std::move(id);
    r.what = std::move(what);
    r.target = std::move(target);
    r.skipped = std::move(why);
    return r;
}

double nowMs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

void sleepMs(double ms) { std::this_thread::sleep_for(std::chrono::microseconds(int64_t(ms * 1000.0))); }

std::string fmtMs(double ms)
{
    std::ostringstream s;
    if (ms >= 1000) s << std::fixed << std::setprecision(2) << ms / 1000.0 << " s";
    else if (ms >= 100) s << std::fixed << std::setprecision(0) << ms << " ms";
    else if (ms >= 1) s << std::fixed << std::setprecision(1) << ms << " ms";
    else s << std::fixed << std::setprecision(0) << ms * 1000.0 << " µs";
    return s.str();
}

std::string fmtMiB(double kib)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << kib / 1024.0 << " MiB";
    return s.str();
}

std::string fmtPercent(double p)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(p < 1 ? 3 : 1) << p << " %";
    return s.str();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

nlohmann::json machineInfo()
{
    utsname u{};
    uname(&u);
    std::string memKb = firstLine("/proc/meminfo", "MemTotal");
    return {{"cpu", firstLine("/proc/cpuinfo", "model name")},
            {"cores", std::thread::hardware_concurrency()},
            {"memory", memKb},
            {"kernel", std::string(u.release)},
            {"os", firstLine("/etc/os-release", "PRETTY_NAME")},
            {"load_average_at_start", loadAverage()}};
}

KioskFigures& kioskFigures()
{
    static KioskFigures figures;   // one run of the bench: filled by kioskRows, read by chromiumRows
    return figures;
}

} // namespace bench

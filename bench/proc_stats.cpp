// /proc readers for kiosk-bench.
#include "bench/proc_stats.hpp"
#include <dirent.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace bench {

namespace {

std::optional<double> fieldKiB(const std::string& file, const std::string& key)
{
    std::ifstream f(file);
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(key, 0) == 0) return std::strtod(line.c_str() + key.size(), nullptr);
    return std::nullopt;
}

// The fields after the command name, which may itself hold spaces and parentheses.
std::vector<std::string> statFields(pid_t pid)
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(f, line);
    std::vector<std::string> out;
    auto close = line.rfind(')');
    if (close == std::string::npos) return out;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    while (rest >> field) out.push_back(field);
    return out;   // out[0] is field 3 (state)
}

} // namespace

std::optional<double> pssKiB(pid_t pid) { return fieldKiB("/proc/" + std::to_string(pid) + "/smaps_rollup", "Pss:"); }
std::optional<double> rssKiB(pid_t pid) { return fieldKiB("/proc/" + std::to_string(pid) + "/status", "VmRSS:"); }
std::optional<double> peakRssKiB(pid_t pid) { return fieldKiB("/proc/" + std::to_string(pid) + "/status", "VmHWM:"); }

std::optional<long long> cpuTicks(pid_t pid)
{
    std::vector<std::string> f = statFields(pid);
    if (f.size() < 13) return std::nullopt;
    return std::stoll(f[11]) + std::stoll(f[12]);   // fields 14 and 15
}

std::optional<double> cpuNs(pid_t pid)
{
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR* d = opendir(dir.c_str());
    if (!d) return std::nullopt;
    double total = 0;
    while (dirent* e = readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::ifstream f(dir + "/" + e->d_name + "/schedstat");
        double ns = 0;
        if (f >> ns) total += ns;
    }
    closedir(d);
    return total;
}

long ticksPerSecond() { return sysconf(_SC_CLK_TCK); }

std::vector<pid_t> processTree(pid_t root)
{
    std::multimap<pid_t, pid_t> children;
    DIR* d = opendir("/proc");
    if (!d) return {root};
    while (dirent* e = readdir(d)) {
        char* end = nullptr;
        long pid = std::strtol(e->d_name, &end, 10);
        if (*end != '\0' || pid <= 0) continue;
        std::vector<std::string> f = statFields(pid_t(pid));
        if (f.size() > 1) children.emplace(pid_t(std::stol(f[1])), pid_t(pid));
    }
    closedir(d);
    std::vector<pid_t> out{root};
    for (size_t i = 0; i < out.size(); ++i) {
        auto [a, b] = children.equal_range(out[i]);
        for (auto it = a; it != b; ++it) out.push_back(it->second);
    }
    return out;
}

} // namespace bench

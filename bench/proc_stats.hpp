// What /proc says about a process: proportional memory (PSS), peak RSS, CPU time, its children.
#pragma once
#include <sys/types.h>
#include <optional>
#include <vector>

namespace bench {

std::optional<double> pssKiB(pid_t pid);            // Pss in /proc/PID/smaps_rollup
std::optional<double> rssKiB(pid_t pid);            // VmRSS in /proc/PID/status
std::optional<double> peakRssKiB(pid_t pid);        // VmHWM in /proc/PID/status
// utime + stime in clock ticks (/proc/PID/stat fields 14, 15), threads that ended included.
std::optional<long long> cpuTicks(pid_t pid);
// CPU time in nanoseconds summed over the live threads (/proc/PID/task/*/schedstat): finer than
// ticks, which matters when a whole idle half-minute costs a few milliseconds.
std::optional<double> cpuNs(pid_t pid);
long ticksPerSecond();
// The process and every process below it (Chromium's renderer, GPU and utility processes).
std::vector<pid_t> processTree(pid_t root);

} // namespace bench

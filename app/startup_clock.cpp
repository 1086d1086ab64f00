// Process start time (jiffies since boot, field 22 of /proc/self/stat) against CLOCK_BOOTTIME.
#include "app/startup_clock.hpp"
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace app {

double msSinceExec()
{
    std::ifstream f("/proc/self/stat");
    std::string line;
    std::getline(f, line);
    auto close = line.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    unsigned long long start = 0;
    for (int i = 3; i <= 22 && rest >> field; ++i)
        if (i == 22) start = std::stoull(field);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - double(start) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

} // namespace app

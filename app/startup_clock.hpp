// Milliseconds since this process was exec'd (from /proc/self/stat), for the start-up log line
// and the benchmark: the honest start-up time includes loading the libraries.
#pragma once
#include <cstdint>

namespace app {
double msSinceExec();
} // namespace app

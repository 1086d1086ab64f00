// Printing states for `kiosk screenshot`: the QR screen after a lesson and the staff summary with
// "In phiếu", while printing, printed, failed — a made-up status, no printer needed.
#pragma once
#include "kiosk/output/print_worker.hpp"
#include <string>
#include <vector>

namespace app {

struct SlipDemo {
    std::string base;          // "lesson-qr" (the QR screen after the first lesson) or "staff-summary"
    kiosk::SlipStatus status;
};

const std::vector<std::string>& slipDemoNames();   // lesson-qr-print, …, staff-summary-print-failed
// False when `screen` is not one of those names.
bool slipDemo(const std::string& screen, SlipDemo& out);

} // namespace app

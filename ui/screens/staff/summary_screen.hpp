// After the commit: what was saved, the citizen's slip (with a printer), and the ways on (next
// citizen, correct it, done).
#pragma once
#include "kiosk/output/print_worker.hpp"
#include "ui/screens/staff/staff_screen.hpp"

namespace ui {

class StaffSummaryScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, const kiosk::SlipStatus* slip, StaffIntents& intents);
};

} // namespace ui

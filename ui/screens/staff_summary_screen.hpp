// After the commit: what was saved, and the ways on (next citizen, correct it, done).
#pragma once
#include "ui/screens/staff_screen.hpp"

namespace ui {

class StaffSummaryScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
};

} // namespace ui

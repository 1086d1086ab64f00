// Staff home: a greeting and the one big action, "start a new assisted session".
#pragma once
#include "ui/screens/staff/staff_screen.hpp"

namespace ui {

class StaffHomeScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
};

} // namespace ui

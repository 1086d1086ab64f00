// Staff sign-in: pick your name, type your PIN on a large pad. The PIN never leaves the flow.
#pragma once
#include "ui/screens/staff/staff_screen.hpp"

namespace ui {

class StaffSignInScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
};

} // namespace ui

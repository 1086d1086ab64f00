// Identify the citizen: hold the ID card's QR code to the camera or scanner, type the details,
// or go on without personal data.
#pragma once
#include "ui/screens/staff/staff_screen.hpp"

namespace ui {

class StaffIdentifyScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
};

} // namespace ui

// Consent: the purpose in plain Vietnamese, read to the citizen; nothing is ticked in advance.
#pragma once
#include "ui/screens/staff/staff_screen.hpp"

namespace ui {

class StaffConsentScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
};

} // namespace ui

// What was done: one card per service (tap to cycle done → partly → referred → clear), the
// village, notes on the on-screen keyboard, Save.
#pragma once
#include "ui/screens/staff/staff_screen.hpp"
#include "ui/widgets/onscreen_keyboard.hpp"

namespace ui {

class StaffChecklistScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);

private:
    OnscreenKeyboard m_keyboard;
    bool m_editingNotes = false;
};

} // namespace ui

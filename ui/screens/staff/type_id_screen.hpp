// Typing the card's details when there is no camera or the code will not read: the number and
// the birth date on the numeric pad, the name in Vietnamese on the letter keyboard.
#pragma once
#include "ui/screens/staff/staff_screen.hpp"
#include "ui/widgets/onscreen_keyboard.hpp"
#include <array>

namespace ui {

class StaffTypeIdScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
    void reset();   // a new session starts with empty fields

private:
    void focus(const Context& ctx, int field);

    OnscreenKeyboard m_keyboard;
    std::array<std::string, 3> m_fields;   // number, name, birth date
    int m_focus = -1;
    uint64_t m_sessionStartedAt = 0;
};

} // namespace ui

// What was done: one card per service (tap to cycle done → partly → referred → clear), the
// village, the household (a picker searched on the on-screen keyboard), notes, Save. The middle
// scrolls when it is taller than the page (portrait, large text, many villages).
#pragma once
#include "ui/screens/staff/staff_screen.hpp"
#include "ui/widgets/drag_scroll.hpp"
#include "ui/widgets/onscreen_keyboard.hpp"

namespace ui {

class StaffChecklistScreen {
public:
    void draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);

private:
    void drawNotesPage(Context& ctx, const PageArea& a, StaffIntents& intents);
    void drawHouseholdPage(Context& ctx, const kiosk::StaffState& state, const PageArea& a, StaffIntents& intents);
    OnscreenKeyboard m_keyboard;
    bool m_editingNotes = false;
    std::string m_searched;   // the words the picker's list was asked for
    bool m_picking = false;   // the picker was open last frame
    DragScroll m_body;
};

} // namespace ui

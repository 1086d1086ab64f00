// The lesson player: one step per page — title, text, the phone picture, progress, and large
// "Quay lại" / "Tiếp theo" buttons.
#pragma once
#include "ui/screens/screen.hpp"
#include "ui/widgets/drag_scroll.hpp"

namespace ui {

class LessonScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, const kiosk::Lesson& lesson, Intents& intents);

private:
    DragScroll m_text;
    std::string m_shownKey;   // lesson:step last drawn, to start each step's text at its top
};

} // namespace ui

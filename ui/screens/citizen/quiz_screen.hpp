// The quiz after a lesson: one question per page, three big answers, the explanation after a tap.
#pragma once
#include "ui/screens/screen.hpp"
#include "ui/widgets/drag_scroll.hpp"

namespace ui {

class QuizScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, const kiosk::Lesson& lesson, Intents& intents);

private:
    bool choiceButton(Context& ctx, int index, const std::string& text, float width, const kiosk::AppState& state, int answer, bool compact);
    static float choiceHeight(Context& ctx, const std::string& text, float width, bool compact);
    DragScroll m_scroll;
    int m_shownQuestion = -1;
};

} // namespace ui

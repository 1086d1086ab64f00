// The lesson player: one step per page — title, text, the phone picture, progress, and large
// "Quay lại" / "Tiếp theo" buttons.
#pragma once
#include "ui/screens/screen.hpp"
#include "ui/widgets/drag_scroll.hpp"

namespace ui {

// Where things go on the lesson screen; shared by drawing and by the content checker.
struct LessonLayout {
    float titleWidth;       // the lesson title in the header
    ImVec2 stepOfPos;       // "Bước 5 / 10"
    ImVec2 progressPos;     // the segmented bar under it
    float progressW;
    float headerBottom;
    ImVec2 cardMin, cardMax;  // the white text card
    ImVec2 textPos;         // the scrolling text area inside it
    ImVec2 textSize;
    float wrapWidth;        // step title and text wrap here
    ImVec2 phonePos, phoneSize;
    float footY, footH;
    float backX, backW, listenX, listenW, nextX, nextW;
};

class LessonScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, const kiosk::Lesson& lesson, Intents& intents);
    static LessonLayout layout(const Context& ctx, const kiosk::Lesson& lesson, int step);
    static constexpr float kTitleGap = 28;   // between the step title and its text (at 1080p)

private:
    DragScroll m_text;
    std::string m_shownKey;   // lesson:step last drawn, to start each step's text at its top
    double m_shownAt = 0;     // when that step appeared: the finger pulses for a few seconds
};

} // namespace ui

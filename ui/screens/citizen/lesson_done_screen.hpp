// The end of a lesson: the quiz score, praise, a one-tap rating (three faces), then the QR code.
#pragma once
#include "ui/screens/screen.hpp"

namespace ui {

class LessonDoneScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, const kiosk::Lesson& lesson, Intents& intents);
};

} // namespace ui

// Thank-you: a warm goodbye; returns to the start screen on its own.
#pragma once
#include "ui/screens/screen.hpp"

namespace ui {

class ThanksScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, Intents& intents);
};

} // namespace ui

// The start screen: a calm invitation that changes slowly (one redraw a second at most).
#pragma once
#include "ui/screens/screen.hpp"

namespace ui {

class AttractScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, Intents& intents);
};

} // namespace ui

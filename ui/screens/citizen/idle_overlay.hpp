// "Bạn còn ở đó không?": the countdown shown over any citizen screen before the idle reset.
#pragma once
#include "ui/screens/screen.hpp"

namespace ui {

class IdleOverlay {
public:
    void draw(Context& ctx, const kiosk::AppState& state, Intents& intents);
};

} // namespace ui

// The "Chữ to, đọc to" panel over any citizen screen: text size, high contrast, reading aloud,
// slower movement. Settings last for the visit and are reset on idle.
#pragma once
#include "ui/screens/screen.hpp"

namespace ui {

class AccessibilityPanel {
public:
    void draw(Context& ctx, const kiosk::AppState& state, Intents& intents);
};

} // namespace ui

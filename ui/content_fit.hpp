// Does every lesson's text fit its box on screen? Measured with the real fonts and the screens'
// own layout, at a given text size and language (`kiosk content check` asks at the largest).
#pragma once
#include "kiosk/content/runtime.hpp"
#include <vector>

namespace ui {

// Needs no window: makes its own Dear ImGui context for the measurement and removes it after.
std::vector<kiosk::Problem> checkContentFits(const kiosk::Runtime& rt, kiosk::TextSize size, kiosk::Lang lang,
                                             float width = 1920, float height = 1080);

} // namespace ui

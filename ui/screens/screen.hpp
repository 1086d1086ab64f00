// What a screen is: it draws the state it is given and appends the citizen's intents.
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "ui/ui_context.hpp"
#include <vector>

namespace ui {

using Intents = std::vector<kiosk::Intent>;

// The page area under the top bar, with the standard margins.
struct PageArea {
    ImVec2 min;
    ImVec2 max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};
PageArea pageArea(const Context& ctx);

// What a screen draws on once its bar is drawn: the page, the current window's draw list, and
// where the content starts (the page's top, or under the title when there is one).
struct Page {
    PageArea area;
    ImDrawList* dl;
    float y;
};
// The citizen's top bar, then the page under it.
Page beginPage(Context& ctx, const kiosk::AppState& state, Intents& intents);

} // namespace ui

// The bar at the top of every citizen screen after the start: the movement's name, the commune,
// the language switch and the way home.
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "ui/ui_context.hpp"

namespace ui {

float topBarHeight(const Context& ctx);
void drawTopBar(Context& ctx, const kiosk::AppState& state, std::vector<kiosk::Intent>& intents);

} // namespace ui

// The picture beside a lesson step: a phone drawn from data, showing the app's screen in
// simplified form with the place to tap highlighted and a finger pointing at it.
#pragma once
#include "kiosk/content/content.hpp"
#include "ui/ui_context.hpp"

namespace ui {

// Returns how many of the screen's items fitted on the phone (the content checker wants all).
// `pulse` (0..1) grows the ring around the touch point; 0 draws it at rest.
int drawPhone(Context& ctx, ImDrawList* dl, const kiosk::PhoneScreen& screen, ImU32 appColor, ImVec2 pos, ImVec2 size, float pulse = 0.0f);

} // namespace ui

// The picture beside a lesson step: a phone drawn from data, showing the app's screen in
// simplified form with the place to tap highlighted and a finger pointing at it.
#pragma once
#include "kiosk/content/content.hpp"
#include "ui/ui_context.hpp"
#include <string>
#include <vector>

namespace ui {

// What fitted: how many of the screen's items (the content checker wants all), and the labels
// that could not be drawn whole at the phone's fixed text size (a word or address cut in two).
struct PhoneFit {
    int shown = 0;
    std::vector<std::string> cut;
};
// `pulse` (0..1) grows the ring around the touch point; 0 draws it at rest.
PhoneFit drawPhone(Context& ctx, ImDrawList* dl, const kiosk::PhoneScreen& screen, ImU32 appColor, ImVec2 pos, ImVec2 size, float pulse = 0.0f);

} // namespace ui

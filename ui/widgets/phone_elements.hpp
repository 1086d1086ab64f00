// The richer drawn app screen (issue 16): rows, fields with sample values, buttons, text, the
// passcode keypad, the camera frame, a dialog over the screen, the bottom tab bar with its raised
// middle button — each measured in the phone's fixed fonts, the one to touch ringed.
#pragma once
#include "kiosk/content/content.hpp"
#include "ui/ui_context.hpp"
#include <string>
#include <vector>

namespace ui {

struct PhoneElementsFit {
    int shown = 0;                   // elements that fitted (the content checker wants all)
    std::vector<std::string> cut;    // labels that could not be drawn whole
    ImVec2 tapCenter{-1, -1};        // where the finger points, when one element is to be touched
};

// Draws `screen.elements` inside [min, max] (the phone's screen under its title bar).
PhoneElementsFit drawPhoneElements(Context& ctx, ImDrawList* dl, const kiosk::PhoneScreen& screen, ImU32 appColor, ImVec2 min, ImVec2 max,
                                   float pulse);

} // namespace ui

// Choosing the language: Tiếng Việt (the default, first) or English.
#pragma once
#include "ui/screens/screen.hpp"

namespace ui {

class LanguageScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, Intents& intents);
};

} // namespace ui

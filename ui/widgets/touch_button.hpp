// Finger-sized buttons with visible press feedback. A press that turns into a drag (scrolling)
// is not a tap. Each registers its rectangle under its ID in the context's hit list.
#pragma once
#include "ui/ui_context.hpp"

namespace ui {

// OnDark: outlined on a dark bar; OnDarkSolid: white on a dark bar (the one action that stands out).
enum class ButtonStyle { Primary, Secondary, OnDark, OnDarkSolid, Quiet };

// An invisible touch target at the cursor; `pressed` tells whether a finger holds it now.
bool touchArea(Context& ctx, const char* id, ImVec2 size, bool* pressed = nullptr);

// A rounded button with a centred label. Size below 64 px at 1080p is raised to 64.
bool touchButton(Context& ctx, const char* id, const std::string& label, ImVec2 size,
                 ButtonStyle style = ButtonStyle::Primary, ImFont* font = nullptr);

// The drag distance (px) beyond which a press is a scroll, not a tap.
float dragThreshold(const Context& ctx);

} // namespace ui

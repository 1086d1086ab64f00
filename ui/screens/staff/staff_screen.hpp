// What a staff screen is: it draws the staff state and appends staff intents; the bar on top says
// plainly that this is staff mode and offers the way out.
#pragma once
#include "kiosk/flow/staff_flow.hpp"
#include "ui/screens/screen.hpp"
#include <vector>

namespace ui {

using StaffIntents = std::vector<kiosk::StaffIntent>;

// The dark bar of staff mode with who is signed in and "Đăng xuất"/"Đóng"; returns its height.
float drawStaffBar(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
// The message line a staff screen shows (red for an error, green for a confirmation); returns its height.
float drawStaffMessage(Context& ctx, const kiosk::StaffState& state, ImVec2 pos, float width);
// The page under the staff bar.
PageArea staffPage(const Context& ctx);
// The staff bar, then the page under it.
Page beginStaffPage(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents);
// The same with the page's title at its top left; y is `gapBelow` (layout pixels) under the title.
Page beginStaffPage(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents, const std::string& title, float gapBelow);
// The string key that names a task's outcome ("staff_outcome_done", …).
const char* outcomeKey(kiosk::Outcome o);

} // namespace ui

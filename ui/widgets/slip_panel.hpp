// The "In phiếu" button and what follows it in the same place: "Đang in…", then "Đã in xong…"
// or a plain error, so nothing around it moves and the rest of the screen stays usable.
#pragma once
#include "kiosk/output/print_worker.hpp"
#include "ui/ui_context.hpp"
#include <string>

namespace ui {

struct SlipPanel {
    const char* id;                 // the button's ID; the retry button is "<id>.retry"
    std::string failedText;         // what the reader is told when printing failed
    bool retry = false;             // offer "In lại" under the message after a failure (staff can fix the printer)
    float failedHeight = 0;         // the failure message's box; 0 = the panel's height
};

// Draws in the box at `pos`; returns true when the print (or retry) button was tapped. Draws
// nothing when no printer is configured.
bool drawSlipPanel(Context& ctx, const SlipPanel& panel, const kiosk::SlipStatus& status, ImVec2 pos, ImVec2 size);

} // namespace ui

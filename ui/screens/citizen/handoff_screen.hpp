// The QR hand-off: one to three codes the citizen scans with their own phone, each captioned.
// After a finished lesson, with a printer, a large "In phiếu" between the two ways on.
#pragma once
#include "kiosk/output/print_worker.hpp"
#include "kiosk/common/qr.hpp"
#include "ui/screens/screen.hpp"
#include <map>

namespace ui {

class HandoffScreen {
public:
    // `slip`: the printing status when this screen offers the lesson's slip, else null.
    void draw(Context& ctx, const kiosk::AppState& state, const kiosk::Handoff& handoff, const kiosk::SlipStatus* slip, Intents& intents);

private:
    const kiosk::QrMatrix* qrFor(const std::string& url);
    std::map<std::string, kiosk::QrMatrix> m_codes;   // encoded once per URL
};

} // namespace ui

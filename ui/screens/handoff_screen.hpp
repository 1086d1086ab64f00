// The QR hand-off: one to three codes the citizen scans with their own phone, each captioned.
#pragma once
#include "kiosk/qr.hpp"
#include "ui/screens/screen.hpp"
#include <map>

namespace ui {

class HandoffScreen {
public:
    void draw(Context& ctx, const kiosk::AppState& state, const kiosk::Handoff& handoff, Intents& intents);

private:
    const kiosk::QrMatrix* qrFor(const std::string& url);
    std::map<std::string, kiosk::QrMatrix> m_codes;   // encoded once per URL
};

} // namespace ui

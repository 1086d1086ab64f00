// One full-screen window per frame for staff mode.
#include "ui/staff_view.hpp"
#include "ui/imgui_scope.hpp"

namespace ui {

StaffIntents StaffView::draw(Context& ctx, const kiosk::StaffState& state, const kiosk::SlipStatus* slips)
{
    using S = kiosk::StaffScreen;
    StaffIntents intents;
    const FullScreenWindow page("##staff", ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    switch (state.screen) {
    case S::SignIn: m_signIn.draw(ctx, state, intents); break;
    case S::Home: m_home.draw(ctx, state, intents); break;
    case S::Identify: m_identify.draw(ctx, state, intents); break;
    case S::TypeId: m_typeId.draw(ctx, state, intents); break;
    case S::Consent: m_consent.draw(ctx, state, intents); break;
    case S::Checklist: m_checklist.draw(ctx, state, intents); break;
    case S::Summary: m_summary.draw(ctx, state, slips, intents); break;
    case S::Closed: break;
    }
    return intents;
}

} // namespace ui

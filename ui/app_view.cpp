// One full-screen ImGui window per frame; the screen for the state draws into it.
#include "ui/app_view.hpp"
#include "ui/imgui_scope.hpp"
#include "ui/layout_record.hpp"

namespace ui {

void applyKioskStyle(ImGuiStyle& style, const Theme& theme)
{
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.ItemSpacing = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.background);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.text);
}

Intents AppView::draw(Context& ctx, const kiosk::App& app)
{
    Intents intents;
    ctx.hits.clear();
    ctx.nextFrameAt = 1e300;
    ctx.slowMotion = app.state().slowMotion;
    ctx.portrait = isPortrait(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
    ctx.lang = app.state().lang;
    ctx.highContrast = app.state().highContrast;
    ctx.theme = ctx.highContrast ? highContrastTheme() : standardTheme();
    ImGui::GetStyle().Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(ctx.theme.background);
    if (m_staff && m_staff->active()) {
        ctx.lang = kiosk::Lang::Vi;
        m_staffIntents = m_staffView.draw(ctx, m_staff->state(), m_slips);
        return intents;
    }
    const kiosk::AppState& s = app.state();
    {
        const FullScreenWindow page("##kiosk", ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
        if (s.screen == kiosk::Screen::Attract) m_catalogue.resetScroll();   // every visit ends here
        switch (s.screen) {
        case kiosk::Screen::Attract: m_attract.draw(ctx, s, intents); break;
        case kiosk::Screen::Language: m_language.draw(ctx, s, intents); break;
        case kiosk::Screen::Catalogue: m_catalogue.draw(ctx, s, intents); break;
        case kiosk::Screen::Lesson:
            if (const kiosk::Lesson* l = app.lesson()) m_lesson.draw(ctx, s, *l, intents);
            else m_catalogue.draw(ctx, s, intents);
            break;
        case kiosk::Screen::Quiz:
            if (const kiosk::Lesson* l = app.lesson(); l && !l->quiz.empty()) m_quiz.draw(ctx, s, *l, intents);
            else m_catalogue.draw(ctx, s, intents);
            break;
        case kiosk::Screen::LessonDone:
            if (const kiosk::Lesson* l = app.lesson()) m_done.draw(ctx, s, *l, intents);
            else m_catalogue.draw(ctx, s, intents);
            break;
        case kiosk::Screen::Handoff:
            if (const kiosk::Handoff* h = app.handoff()) m_handoff.draw(ctx, s, *h, app.slipOffered() ? m_slips : nullptr, intents);
            else m_catalogue.draw(ctx, s, intents);
            break;
        case kiosk::Screen::Thanks: m_thanks.draw(ctx, s, intents); break;
        }
    }   // the page's window ends here: the overlays below are windows of their own
    // A modal panel or question takes every touch: what lies underneath is neither tappable
    // nor listed as a touch target.
    if (s.accessibilityOpen && !s.idlePrompt) {
        intents.clear();
        ctx.hits.clear();
        const LayoutLayer dialog(1);
        m_access.draw(ctx, s, intents);
    }
    if (s.idlePrompt) {
        intents.clear();
        ctx.hits.clear();
        const LayoutLayer dialog(2);
        m_idle.draw(ctx, s, intents);
    }
    staffGesture(ctx, intents);
    return intents;
}

void AppView::staffGesture(Context& ctx, Intents& intents)
{
    // A finger held still on the top-left corner (the emblem: no button there) for three seconds.
    // Nothing shows while it is held, so a citizen leaning on the frame learns nothing.
    const ImGuiIO& io = ImGui::GetIO();
    const float corner = ctx.px(160);
    auto inCorner = [&](ImVec2 p) { return p.x >= 0 && p.y >= 0 && p.x < corner && p.y < corner; };
    if (!io.MouseDown[0] || !inCorner(io.MouseClickedPos[0]) || !inCorner(io.MousePos)) {
        m_gestureFired = false;
        return;
    }
    const double held = io.MouseDownDuration[0];
    if (held < kStaffHoldSeconds) {
        ctx.frameAgainIn(kStaffHoldSeconds - held + 0.05);   // wake the idle loop when the time is up
        return;
    }
    if (m_gestureFired) return;
    m_gestureFired = true;
    intents.clear();
    intents.push_back(kiosk::intent::OpenStaff{});
}

} // namespace ui

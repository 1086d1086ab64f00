// The checklist grid, the village chips and the notes line; the notes open a keyboard panel.
#include "ui/screens/staff/checklist_screen.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"

namespace ui {

namespace {

ImU32 outcomeColor(const Context& ctx, kiosk::Outcome o)
{
    if (ctx.highContrast) return ctx.theme.primary;
    switch (o) {
    case kiosk::Outcome::Partial: return rgb(0xB54708);
    case kiosk::Outcome::Referred: return rgb(0x6941C6);
    default: return rgb(0x067647);
    }
}

// One service as a card: a box that fills with the outcome's colour, the title, the outcome.
bool serviceCard(Context& ctx, const std::string& id, const kiosk::ServiceTick& t, ImVec2 pos, ImVec2 size)
{
    const Theme& th = ctx.theme;
    ImGui::SetCursorScreenPos(pos);
    bool pressed = false;
    const bool clicked = touchArea(ctx, id.c_str(), size, &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImU32 edge = t.outcome ? outcomeColor(ctx, *t.outcome) : th.border;
    fillRoundRect(dl, pos, max, pressed ? th.surfacePressed : th.surface, ctx.px(16));
    dl->AddRect(pos, max, edge, ctx.px(16), 0, ctx.px(t.outcome ? 4 : 2));
    const float box = ctx.px(44), bx = pos.x + ctx.px(20), by = pos.y + (size.y - box) * 0.5f;
    if (t.outcome) {
        fillRoundRect(dl, ImVec2(bx, by), ImVec2(bx + box, by + box), edge, ctx.px(8));
        dl->AddLine(ImVec2(bx + box * 0.22f, by + box * 0.52f), ImVec2(bx + box * 0.43f, by + box * 0.74f), IM_COL32_WHITE, ctx.px(5));
        dl->AddLine(ImVec2(bx + box * 0.41f, by + box * 0.74f), ImVec2(bx + box * 0.8f, by + box * 0.28f), IM_COL32_WHITE, ctx.px(5));
    } else {
        dl->AddRect(ImVec2(bx, by), ImVec2(bx + box, by + box), th.textMuted, ctx.px(8), 0, ctx.px(3));
    }
    const float tx = bx + box + ctx.px(20), tw = max.x - tx - ctx.px(16);
    ImFont* f = fitFont({ctx.fonts.body, ctx.fonts.small}, t.title.in(ctx.lang), ImVec2(tw, size.y - ctx.px(40)));
    const ImVec2 ts = measureText(f, t.title.in(ctx.lang), tw);
    const float lineH = t.outcome ? ctx.fonts.small->FontSize + ctx.px(4) : 0;
    float ty = pos.y + (size.y - ts.y - lineH) * 0.5f;
    drawText(ImGui::GetWindowDrawList(), f, ImVec2(tx, ty), th.text, t.title.in(ctx.lang), tw);
    if (t.outcome) drawText(dl, ctx.fonts.small, ImVec2(tx, ty + ts.y + ctx.px(4)), edge, ctx.tr(outcomeKey(*t.outcome)));
    return clicked;
}

} // namespace

void StaffChecklistScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, top] = beginStaffPage(ctx, state, intents);

    if (m_editingNotes) {
        // The notes take the page: a field and the keyboard under it.
        float y = a.min.y;
        y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, ctx.tr("staff_notes")).y + ctx.px(24);
        textField(ctx, "notes.field", m_keyboard.text(), ctx.tr("staff_notes_add"), ImVec2(a.width(), ctx.px(100)));
        ImGui::SetCursorScreenPos(ImVec2(a.min.x, a.max.y - OnscreenKeyboard::height(ctx, OnscreenKeyboard::Layout::Letters)));
        m_keyboard.draw(ctx, a.width());
        if (m_keyboard.takeDone()) {
            intents.push_back(kiosk::staff_intent::SetNotes{m_keyboard.text()});
            m_editingNotes = false;
        }
        return;
    }

    float y = a.min.y;
    const std::string who = state.haveCitizen ? state.citizenName + "  ·  " + state.citizenIdMasked : ctx.tr("staff_citizen_anonymous");
    drawText(dl, ctx.fonts.heading, ImVec2(a.max.x - measureText(ctx.fonts.heading, who).x, y + ctx.px(8)), th.primary, who);
    y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, ctx.tr("staff_checklist_title")).y + ctx.px(8);
    y += drawText(dl, ctx.fonts.small, ImVec2(a.min.x, y), th.textMuted, ctx.tr("staff_checklist_hint"), a.width()).y + ctx.px(24);

    // The services, three to a row.
    const int cols = 3;
    const float gap = ctx.px(20), cw = (a.width() - gap * (cols - 1)) / cols, ch = ctx.px(104);
    for (size_t i = 0; i < state.services.size(); ++i) {
        const kiosk::ServiceTick& t = state.services[i];
        const ImVec2 pos(a.min.x + float(i % cols) * (cw + gap), y + float(i / cols) * (ch + gap));
        if (serviceCard(ctx, "service." + t.code, t, pos, ImVec2(cw, ch))) intents.push_back(kiosk::staff_intent::ToggleService{t.code});
    }
    y += float((state.services.size() + cols - 1) / cols) * (ch + gap) + ctx.px(16);

    // The village: chips in one row.
    y += drawText(dl, ctx.fonts.bodyBold, ImVec2(a.min.x, y), th.text, ctx.tr("staff_village")).y + ctx.px(12);
    float x = a.min.x;
    for (size_t i = 0; i < state.villages.size(); ++i) {
        const std::string& v = state.villages[i];
        const float w = measureText(ctx.fonts.button, v).x + ctx.px(64);
        if (x + w > a.max.x) break;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (touchButton(ctx, ("village." + std::to_string(i)).c_str(), v, ImVec2(w, ctx.px(80)), v == state.village ? ButtonStyle::Primary : ButtonStyle::Secondary))
            intents.push_back(kiosk::staff_intent::SetVillage{v});
        x += w + ctx.px(16);
    }
    y += ctx.px(80) + ctx.px(24);

    // Notes, the message, Save.
    const float bh = ctx.px(104), by = a.max.y - bh;
    const float notesW = a.width() - ctx.px(360) - ctx.px(300) - 2 * gap;
    ImGui::SetCursorScreenPos(ImVec2(a.min.x + ctx.px(300) + gap, by));
    if (textField(ctx, "notes.open", state.notes, ctx.tr("staff_notes_add") + "…", ImVec2(notesW, bh), false)) {
        m_keyboard.configure(ctx.config);
        m_keyboard.setLayout(OnscreenKeyboard::Layout::Letters);
        m_keyboard.setText(state.notes);
        m_editingNotes = true;
    }
    drawStaffMessage(ctx, state, ImVec2(a.min.x, y), a.width());
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - ctx.px(360), by));
    if (touchButton(ctx, "staff.save", ctx.tr("staff_save"), ImVec2(ctx.px(360), bh), ButtonStyle::Primary, ctx.fonts.heading)) intents.push_back(kiosk::staff_intent::Save{});
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, by));
    if (touchButton(ctx, "staff.back", "←  " + ctx.tr("staff_back"), ImVec2(ctx.px(300), bh), ButtonStyle::Quiet)) intents.push_back(kiosk::staff_intent::Back{});
}

} // namespace ui

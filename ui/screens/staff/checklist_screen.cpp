// Where (the village chips, the household) and what (the services grid), the notes line; the
// notes and the household picker open a page with the on-screen keyboard.
#include "ui/screens/staff/checklist_screen.hpp"
#include "ui/imgui_scope.hpp"
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

// The card's title in the body font, wrapped; the card is as tall as its words.
float serviceCardHeight(Context& ctx, const kiosk::ServiceTick& t, float width)
{
    const float tw = width - ctx.px(20 + 44 + 20 + 16);
    return std::max(ctx.px(104), measureText(ctx.fonts.body, t.title.in(ctx.lang), tw).y + ctx.fonts.small->FontSize + ctx.px(4 + 40));
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
    const ImVec2 ts = measureText(ctx.fonts.body, t.title.in(ctx.lang), tw);
    const float lineH = t.outcome ? ctx.fonts.small->FontSize + ctx.px(4) : 0;
    float ty = pos.y + (size.y - ts.y - lineH) * 0.5f;
    drawText(dl, ctx.fonts.body, ImVec2(tx, ty), th.text, t.title.in(ctx.lang), tw);
    if (t.outcome) drawText(dl, ctx.fonts.small, ImVec2(tx, ty + ts.y + ctx.px(4)), edge, ctx.tr(outcomeKey(*t.outcome)), tw);
    return clicked;
}

} // namespace

void StaffChecklistScreen::drawNotesPage(Context& ctx, const PageArea& a, StaffIntents& intents)
{
    // The notes take the page: a field and the keyboard under it.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = a.min.y;
    y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), ctx.theme.text, ctx.tr("staff_notes"), a.width()).y + ctx.px(24);
    textField(ctx, "notes.field", m_keyboard.text(), ctx.tr("staff_notes_add"), ImVec2(a.width(), ctx.px(100)));
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, a.max.y - OnscreenKeyboard::height(ctx, OnscreenKeyboard::Layout::Letters)));
    m_keyboard.draw(ctx, a.width());
    if (m_keyboard.takeDone()) {
        intents.push_back(kiosk::staff_intent::SetNotes{m_keyboard.text()});
        m_editingNotes = false;
    }
}

void StaffChecklistScreen::drawHouseholdPage(Context& ctx, const kiosk::StaffState& state, const PageArea& a, StaffIntents& intents)
{
    // The picker takes the page: what to type, the field, the households found, the keyboard.
    const Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = a.min.y;
    const std::string title = state.village.empty() ? ctx.tr("staff_household_pick") : ctx.fmt("staff_household_pick_in", {state.village});
    y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, title, a.width()).y + ctx.px(8);
    y += drawText(dl, ctx.fonts.small, ImVec2(a.min.x, y), th.textMuted, ctx.tr("staff_household_hint"), a.width()).y + ctx.px(16);
    const float backW = ctx.px(260), fieldH = ctx.px(96);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, y));
    textField(ctx, "household.field", m_keyboard.text(), ctx.tr("staff_household_search"), ImVec2(a.width() - backW - ctx.px(20), fieldH));
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - backW, y));
    if (touchButton(ctx, "household.back", "←  " + ctx.tr("staff_back"), ImVec2(backW, fieldH), ButtonStyle::Quiet))
        intents.push_back(kiosk::staff_intent::CloseHouseholdPicker{});
    y += fieldH + ctx.px(20);
    // A new word typed asks the flow again (it filters in memory).
    if (m_keyboard.text() != m_searched) {
        m_searched = m_keyboard.text();
        intents.push_back(kiosk::staff_intent::FindHousehold{m_searched});
    }
    const float kbTop = a.max.y - OnscreenKeyboard::height(ctx, OnscreenKeyboard::Layout::Letters);
    // Each household a row: code and head in bold, the address under it; a star for the card's.
    const float rowGap = ctx.px(12), rowH = std::max(ctx.px(88), ctx.fonts.bodyBold->FontSize + ctx.fonts.small->FontSize + ctx.px(28));
    const int columns = ctx.portrait ? 1 : 3;
    const float colW = (a.width() - ctx.px(20) * float(columns - 1)) / float(columns);
    const int fit = std::max(0, static_cast<int>((kbTop - ctx.px(20) - y + rowGap) / (rowH + rowGap))) * columns;
    if (state.householdResults.empty())
        drawText(dl, ctx.fonts.body, ImVec2(a.min.x, y), th.textMuted, ctx.tr("staff_household_none"), a.width());
    for (int i = 0; i < static_cast<int>(state.householdResults.size()) && i < fit; ++i) {
        const kiosk::HouseholdChoice& h = state.householdResults[size_t(i)];
        const ImVec2 pos(a.min.x + float(i % columns) * (colW + ctx.px(20)), y + float(i / columns) * (rowH + rowGap));
        ImGui::SetCursorScreenPos(pos);
        bool pressed = false;
        const std::string id = "household." + h.code;
        if (touchArea(ctx, id.c_str(), ImVec2(colW, rowH), &pressed)) intents.push_back(kiosk::staff_intent::SetHousehold{h.code});
        const ImVec2 max(pos.x + colW, pos.y + rowH);
        fillRoundRect(dl, pos, max, pressed ? th.surfacePressed : th.surface, ctx.px(14));
        dl->AddRect(pos, max, h.suggested ? th.accent : th.border, ctx.px(14), 0, ctx.px(h.suggested ? 4 : 2));
        const float tx = pos.x + ctx.px(20), tw = colW - ctx.px(40);
        const std::string head = (h.suggested ? "★ " : "") + h.code + "  ·  " + h.headName;
        const float th1 = std::min(measureText(ctx.fonts.bodyBold, head, tw).y, ctx.fonts.bodyBold->FontSize);
        const float top = pos.y + (rowH - th1 - ctx.fonts.small->FontSize - ctx.px(4)) * 0.5f;
        {
            const ScopedClipRect clip(dl, pos, max);   // a very long name stays inside its row
            drawText(dl, ctx.fonts.bodyBold, ImVec2(tx, top), th.text, head);
            drawText(dl, ctx.fonts.small, ImVec2(tx, top + th1 + ctx.px(4)), th.textMuted, h.address);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, kbTop));
    m_keyboard.draw(ctx, a.width());
    if (m_keyboard.takeDone()) intents.push_back(kiosk::staff_intent::CloseHouseholdPicker{});
}

void StaffChecklistScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, top] = beginStaffPage(ctx, state, intents);
    if (m_editingNotes) return drawNotesPage(ctx, a, intents);
    if (state.householdPicking) {
        if (!m_picking) {   // opened (by this screen or by the flow): an empty field
            m_keyboard.configure(ctx.config);
            m_keyboard.setLayout(OnscreenKeyboard::Layout::Letters);
            m_keyboard.clear();
            m_searched.clear();
            m_picking = true;
        }
        return drawHouseholdPage(ctx, state, a, intents);
    }
    m_picking = false;

    float y = a.min.y;
    const std::string who = state.haveCitizen ? state.citizenName + "  ·  " + state.citizenIdMasked : ctx.tr("staff_citizen_anonymous");
    const float whoW = measureText(ctx.fonts.heading, who).x;
    const std::string& title = ctx.tr("staff_checklist_title");
    if (!ctx.portrait && measureText(ctx.fonts.title, title).x + whoW + ctx.px(48) <= a.width()) {
        drawText(dl, ctx.fonts.heading, ImVec2(a.max.x - whoW, y + ctx.px(8)), th.primary, who);
        y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, title).y + ctx.px(8);
    } else {   // who on a line of its own
        y += drawText(dl, ctx.fonts.heading, ImVec2(a.min.x, y), th.primary, who, a.width()).y + ctx.px(8);
        y += drawText(dl, ctx.fonts.title, ImVec2(a.min.x, y), th.text, title, a.width()).y + ctx.px(8);
    }
    y += drawText(dl, ctx.fonts.small, ImVec2(a.min.x, y), th.textMuted, ctx.tr("staff_checklist_hint"), a.width()).y + ctx.px(16);

    // The bottom bar: back, notes, save (notes on a row of their own in portrait).
    const float bh = std::max(ctx.px(104), ctx.fonts.heading->FontSize + ctx.px(40)), gap = ctx.px(20);
    const float saveW = ctx.px(360), backW = ctx.px(300);
    const float by = a.max.y - bh;
    const float notesY = ctx.portrait ? by - bh - gap : by;
    const float bodyBottom = notesY - gap;
    const float msgH = state.message.empty() ? 0.0f : measureText(ctx.fonts.body, state.message, a.width() - ctx.px(48)).y + ctx.px(48) + gap;

    ImGui::SetCursorScreenPos(ImVec2(a.min.x, y));
    m_body.begin(ctx, "checklist.body", ImVec2(a.width(), bodyBottom - msgH - y));
    {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        const float w = a.width() - ctx.px(24);
        float cy = o.y;
        // The village: chips that wrap onto further rows.
        cy += drawText(ImGui::GetWindowDrawList(), ctx.fonts.bodyBold, ImVec2(o.x, cy), th.text, ctx.tr("staff_village"), w).y + ctx.px(12);
        const float chipH = std::max(ctx.px(80), ctx.fonts.button->FontSize + ctx.px(32));
        float x = o.x;
        for (size_t i = 0; i < state.villages.size(); ++i) {
            const std::string& v = state.villages[i];
            const float cwid = std::min(w, measureText(ctx.fonts.button, v).x + ctx.px(64));
            if (x > o.x && x + cwid > o.x + w) {
                x = o.x;
                cy += chipH + ctx.px(14);
            }
            ImGui::SetCursorScreenPos(ImVec2(x, cy));
            if (touchButton(ctx, ("village." + std::to_string(i)).c_str(), v, ImVec2(cwid, chipH), v == state.village ? ButtonStyle::Primary : ButtonStyle::Secondary))
                intents.push_back(kiosk::staff_intent::SetVillage{v});
            x += cwid + ctx.px(16);
        }
        cy += chipH + ctx.px(24);
        // The household, when the commune has a register: the one chosen, or "Chọn hộ…".
        if (state.householdRegister) {
            cy += drawText(ImGui::GetWindowDrawList(), ctx.fonts.bodyBold, ImVec2(o.x, cy), th.text, ctx.tr("staff_household"), w).y + ctx.px(12);
            const bool chosen = !state.household.empty();
            const std::string label = chosen ? state.householdLabel : ctx.tr("staff_household_choose");
            const float clearW = chosen ? std::min(ctx.px(260), w * 0.3f) : 0.0f;
            const float hw = std::min(w - clearW - (chosen ? gap : 0.0f), std::max(ctx.px(480), measureText(ctx.fonts.button, label).x + ctx.px(64)));
            const float hh = std::max(chipH, measureText(ctx.fonts.button, label, hw - ctx.px(32)).y + ctx.px(32));
            ImGui::SetCursorScreenPos(ImVec2(o.x, cy));
            if (touchButton(ctx, "household.open", label, ImVec2(hw, hh), chosen ? ButtonStyle::Primary : ButtonStyle::Secondary))
                intents.push_back(kiosk::staff_intent::FindHousehold{""});   // the card's household first, then the village's
            if (chosen) {
                ImGui::SetCursorScreenPos(ImVec2(o.x + hw + gap, cy));
                if (touchButton(ctx, "household.clear", ctx.tr("staff_household_clear"), ImVec2(clearW, hh), ButtonStyle::Quiet))
                    intents.push_back(kiosk::staff_intent::SetHousehold{""});
            }
            cy += hh + ctx.px(16);
        }
        // The services, three to a row (two in portrait).
        const int cols = ctx.portrait ? 2 : 3;
        const float cw = (w - gap * float(cols - 1)) / float(cols);
        for (size_t i = 0; i < state.services.size(); i += size_t(cols)) {
            float ch = 0;
            for (size_t k = i; k < std::min(i + size_t(cols), state.services.size()); ++k) ch = std::max(ch, serviceCardHeight(ctx, state.services[k], cw));
            for (size_t k = i; k < std::min(i + size_t(cols), state.services.size()); ++k) {
                const kiosk::ServiceTick& t = state.services[k];
                if (serviceCard(ctx, "service." + t.code, t, ImVec2(o.x + float(k - i) * (cw + gap), cy), ImVec2(cw, ch)))
                    intents.push_back(kiosk::staff_intent::ToggleService{t.code});
            }
            cy += ch + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(o.x, cy));
        ImGui::Dummy(ImVec2(1, ctx.px(8)));
    }
    m_body.end(ctx);
    drawStaffMessage(ctx, state, ImVec2(a.min.x, bodyBottom - msgH + gap), a.width());

    // Notes, Save, back.
    const float notesX = ctx.portrait ? a.min.x : a.min.x + backW + gap;
    const float notesW = ctx.portrait ? a.width() : a.width() - saveW - backW - 2 * gap;
    ImGui::SetCursorScreenPos(ImVec2(notesX, notesY));
    if (textField(ctx, "notes.open", state.notes, ctx.tr("staff_notes_add") + "…", ImVec2(notesW, bh), false)) {
        m_keyboard.configure(ctx.config);
        m_keyboard.setLayout(OnscreenKeyboard::Layout::Letters);
        m_keyboard.setText(state.notes);
        m_editingNotes = true;
    }
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - saveW, by));
    if (touchButton(ctx, "staff.save", ctx.tr("staff_save"), ImVec2(saveW, bh), ButtonStyle::Primary, ctx.fonts.heading)) intents.push_back(kiosk::staff_intent::Save{});
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, by));
    if (touchButton(ctx, "staff.back", "←  " + ctx.tr("staff_back"), ImVec2(backW, bh), ButtonStyle::Quiet)) intents.push_back(kiosk::staff_intent::Back{});
}

} // namespace ui

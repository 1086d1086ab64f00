// Three fields on the left, the keyboard for the focused one below; "Kiểm tra" sends them to the
// flow, which checks them like a scanned card.
#include "ui/screens/staff/type_id_screen.hpp"
#include "ui/widgets/text.hpp"
#include <algorithm>
#include "ui/widgets/touch_button.hpp"

namespace ui {

void StaffTypeIdScreen::reset()
{
    m_fields = {};
    m_focus = -1;
}

void StaffTypeIdScreen::focus(const Context& ctx, int field)
{
    if (m_focus == field) return;
    m_focus = field;
    m_keyboard.configure(ctx.config);
    m_keyboard.setLayout(field == 1 ? OnscreenKeyboard::Layout::Letters : OnscreenKeyboard::Layout::Numeric);
    m_keyboard.setCapitalizeWords(field == 1);
    m_keyboard.setMaxLength(field == 0 ? 12 : field == 2 ? 8 : 0);
    m_keyboard.setText(m_fields[size_t(field)]);
}

void StaffTypeIdScreen::draw(Context& ctx, const kiosk::StaffState& state, StaffIntents& intents)
{
    const Theme& th = ctx.theme;
    if (uint64_t(state.startedAt) != m_sessionStartedAt) {
        m_sessionStartedAt = uint64_t(state.startedAt);
        reset();
    }
    if (m_focus < 0) focus(ctx, 0);
    auto [a, dl, y] = beginStaffPage(ctx, state, intents, ctx.tr("staff_type_title"), 24);

    static const char* kLabels[3] = {"staff_type_number", "staff_type_name", "staff_type_birth"};
    static const char* kIds[3] = {"type.number", "type.name", "type.birth"};
    // Three fields side by side (landscape) or one under another (portrait), each under its label.
    const int cols = ctx.portrait ? 1 : 3;
    const float gap = ctx.px(24), fw = (a.width() - gap * float(cols - 1)) / float(cols), fh = ctx.px(96);
    float labelH = 0;
    for (const char* k : kLabels) labelH = std::max(labelH, measureText(ctx.fonts.small, ctx.tr(k), fw).y);
    labelH += ctx.px(10);
    for (int i = 0; i < 3; ++i) {
        const float x = a.min.x + float(i % cols) * (fw + gap);
        const float fy = y + float(i / cols) * (labelH + fh + ctx.px(16));
        drawText(dl, ctx.fonts.small, ImVec2(x, fy), th.textMuted, ctx.tr(kLabels[i]), fw);
        ImGui::SetCursorScreenPos(ImVec2(x, fy + labelH));
        if (textField(ctx, kIds[i], m_fields[size_t(i)], "", ImVec2(fw, fh), m_focus == i)) focus(ctx, i);
    }
    y += float((3 + cols - 1) / cols) * (labelH + fh + ctx.px(16)) + ctx.px(4);
    y += drawStaffMessage(ctx, state, ImVec2(a.min.x, y), a.width());

    const float kbH = OnscreenKeyboard::height(ctx, m_keyboard.layout());
    const float kbY = a.max.y - kbH - ctx.px(100);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, kbY));
    m_keyboard.draw(ctx, a.width());
    m_fields[size_t(m_focus)] = m_keyboard.text();
    if (m_keyboard.takeDone()) focus(ctx, (m_focus + 1) % 3);

    const float bh = ctx.px(88), by = a.max.y - bh;
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, by));
    if (touchButton(ctx, "staff.back", "←  " + ctx.tr("staff_back"), ImVec2(ctx.px(280), bh), ButtonStyle::Quiet)) intents.push_back(kiosk::staff_intent::Back{});
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - ctx.px(400), by));
    if (touchButton(ctx, "type.check", ctx.tr("staff_type_check"), ImVec2(ctx.px(400), bh), ButtonStyle::Primary))
        intents.push_back(kiosk::staff_intent::TypedId{m_fields[0], m_fields[1], m_fields[2]});
}

} // namespace ui

// Calm states: no spinner (a still screen costs no CPU), a printer drawn from rectangles, a
// green tick when done, the error in the message colours the staff screens use.
#include "ui/widgets/slip_panel.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>

namespace ui {

namespace {

// A small printer: body, paper tray on top, a slip coming out below.
void drawPrinter(ImDrawList* dl, ImVec2 c, float s, ImU32 ink, ImU32 paper)
{
    fillRoundRect(dl, ImVec2(c.x - s * 0.30f, c.y - s * 0.50f), ImVec2(c.x + s * 0.30f, c.y - s * 0.15f), paper, s * 0.04f);
    dl->AddRect(ImVec2(c.x - s * 0.30f, c.y - s * 0.50f), ImVec2(c.x + s * 0.30f, c.y - s * 0.15f), ink, s * 0.04f, 0, s * 0.05f);
    fillRoundRect(dl, ImVec2(c.x - s * 0.50f, c.y - s * 0.20f), ImVec2(c.x + s * 0.50f, c.y + s * 0.22f), ink, s * 0.08f);
    fillRoundRect(dl, ImVec2(c.x - s * 0.26f, c.y + s * 0.10f), ImVec2(c.x + s * 0.26f, c.y + s * 0.50f), paper, s * 0.02f);
    dl->AddRect(ImVec2(c.x - s * 0.26f, c.y + s * 0.10f), ImVec2(c.x + s * 0.26f, c.y + s * 0.50f), ink, s * 0.02f, 0, s * 0.05f);
    for (int i = 0; i < 2; ++i) {
        const float y = c.y + s * (0.26f + 0.12f * float(i));
        dl->AddLine(ImVec2(c.x - s * 0.16f, y), ImVec2(c.x + s * 0.16f, y), ink, s * 0.04f);
    }
}

void drawTick(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, float line)
{
    fillDisc(dl, c, r, fill);
    dl->AddLine(ImVec2(c.x - r * 0.45f, c.y + r * 0.02f), ImVec2(c.x - r * 0.1f, c.y + r * 0.38f), IM_COL32_WHITE, line);
    dl->AddLine(ImVec2(c.x - r * 0.12f, c.y + r * 0.38f), ImVec2(c.x + r * 0.48f, c.y - r * 0.34f), IM_COL32_WHITE, line);
}

// A rounded box with wrapped text, the largest font that fits. Returns whether the text left room
// for the icon on the left: with the largest text sizes the words matter more than the picture.
bool drawNote(Context& ctx, ImVec2 pos, ImVec2 size, ImU32 fg, ImU32 bg, const std::string& text, float iconSpace)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    fillRoundRect(dl, pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, ctx.px(18));
    dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), fg, ctx.px(18), 0, ctx.px(2));
    const float pad = ctx.px(24);
    const ImVec2 box(size.x - iconSpace - pad, size.y - ctx.px(28));
    const bool icon = measureText(ctx.fonts.small, text, box.x).y <= box.y;
    const float x = pos.x + (icon ? iconSpace : pad), w = size.x - (icon ? iconSpace : pad) - pad;
    ImFont* f = fitFont({ctx.fonts.bodyBold, ctx.fonts.body, ctx.fonts.small}, text, ImVec2(w, box.y));
    const ImVec2 ts = measureText(f, text, w);
    drawText(dl, f, ImVec2(x, pos.y + (size.y - ts.y) * 0.5f), fg, text, w);
    return icon;
}

} // namespace

bool drawSlipPanel(Context& ctx, const SlipPanel& panel, const kiosk::SlipStatus& status, ImVec2 pos, ImVec2 size)
{
    using P = kiosk::SlipStatus::Phase;
    if (!status.available) return false;
    const Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float icon = std::min(size.y * 0.62f, ctx.px(72)), iconSpace = ctx.px(28) + icon + ctx.px(20);
    const ImVec2 iconAt(pos.x + ctx.px(28) + icon * 0.5f, pos.y + size.y * 0.5f);
    switch (status.phase) {
    case P::Idle: {
        ImGui::SetCursorScreenPos(pos);
        const bool tapped = touchButton(ctx, panel.id, "      " + ctx.tr("slip_print"), size, ButtonStyle::Secondary);
        // The printer sits left of the centred label (the spaces above make room for it).
        const ImVec2 ts = measureText(ctx.fonts.button, ctx.tr("slip_print"));
        drawPrinter(dl, ImVec2(pos.x + (size.x - ts.x) * 0.5f - icon * 0.45f, pos.y + size.y * 0.5f), icon * 0.8f, th.primary, th.surface);
        return tapped;
    }
    case P::Printing:
        if (drawNote(ctx, pos, size, th.text, th.surface, ctx.tr("slip_printing"), iconSpace)) drawPrinter(dl, iconAt, icon, th.text, th.surface);
        return false;
    case P::Printed: {
        const ImU32 green = ctx.highContrast ? th.text : rgb(0x05603A);
        if (drawNote(ctx, pos, size, green, ctx.highContrast ? IM_COL32(0, 0, 0, 255) : rgb(0xECFDF3), ctx.tr("slip_printed"), iconSpace))
            drawTick(dl, iconAt, icon * 0.5f, ctx.highContrast ? th.primary : rgb(0x067647), ctx.px(6));
        return false;
    }
    case P::Failed: {
        const ImU32 red = ctx.highContrast ? th.text : rgb(0x912018);
        const ImU32 bg = ctx.highContrast ? IM_COL32(0, 0, 0, 255) : rgb(0xFEF3F2);
        const ImVec2 box(size.x, panel.failedHeight > 0 ? panel.failedHeight : size.y);
        if (drawNote(ctx, pos, box, red, bg, panel.failedText, iconSpace)) drawPrinter(dl, ImVec2(iconAt.x, pos.y + box.y * 0.5f), icon, red, bg);
        if (!panel.retry) return false;
        // Staff: "In lại" under the printer's own message, once they have seen to the printer.
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + box.y + ctx.px(16)));
        const std::string retryId = std::string(panel.id) + ".retry";
        return touchButton(ctx, retryId.c_str(), ctx.tr("slip_retry"), ImVec2(std::min(size.x, ctx.px(320)), ctx.px(96)), ButtonStyle::Secondary);
    }
    }
    return false;
}

} // namespace ui

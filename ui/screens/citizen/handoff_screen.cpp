// Codes side by side, at least 8 px per module at 1080p so a phone reads them from 40 cm.
#include "ui/screens/citizen/handoff_screen.hpp"
#include "ui/widgets/qr_view.hpp"
#include "ui/widgets/slip_panel.hpp"
#include "ui/widgets/text.hpp"
#include "ui/widgets/touch_button.hpp"
#include "ui/widgets/shapes.hpp"
#include <algorithm>
#include <cmath>

namespace ui {

const kiosk::QrMatrix* HandoffScreen::qrFor(const std::string& url)
{
    auto it = m_codes.find(url);
    if (it == m_codes.end()) {
        auto qr = kiosk::encodeQr(url);
        if (!qr) return nullptr;
        it = m_codes.emplace(url, std::move(*qr)).first;
    }
    return &it->second;
}

void HandoffScreen::draw(Context& ctx, const kiosk::AppState& state, const kiosk::Handoff& handoff, const kiosk::SlipStatus* slip, Intents& intents)
{
    const Theme& th = ctx.theme;
    auto [a, dl, y] = beginPage(ctx, state, intents);

    y += drawTextCentered(dl, ctx.fonts.title, a.min.x, y, a.width(), th.text, handoff.title.in(ctx.lang)).y + ctx.px(10);
    y += drawTextCentered(dl, ctx.fonts.body, a.min.x + ctx.px(160), y, a.width() - ctx.px(320), th.textMuted, ctx.tr("handoff_hint")).y + ctx.px(36);

    const float footH = ctx.px(112), footY = a.max.y - footH;
    const size_t n = handoff.links.size();
    const float gap = ctx.px(40);
    const float cardW = std::min(ctx.px(560), (a.width() - gap * float(n - 1)) / float(n));
    const float cardH = footY - ctx.px(36) - y;
    float x = a.min.x + (a.width() - (cardW * float(n) + gap * float(n - 1))) * 0.5f;
    // The words under each code, as wrapped at this text size: the codes get the height left over.
    const float textW = cardW - ctx.px(40);
    auto shownUrl = [](const kiosk::Link& l) { return l.url.substr(l.url.find("//") + 2); };
    float words = 0;
    for (const std::string& key : handoff.links)
        if (const kiosk::Link* link = ctx.config.link(key))
            words = std::max(words, measureText(ctx.fonts.heading, link->label.in(ctx.lang), textW).y + ctx.px(6) +
                                        measureText(ctx.fonts.small, shownUrl(*link), textW).y);
    const float qrRoom = cardH - ctx.px(28) - ctx.px(20) - words - ctx.px(24);
    // One module size for all codes on the screen so they look like a set.
    int module = 1000;
    std::vector<std::pair<const kiosk::Link*, const kiosk::QrMatrix*>> codes;
    for (const std::string& key : handoff.links) {
        const kiosk::Link* link = ctx.config.link(key);
        const kiosk::QrMatrix* qr = link ? qrFor(link->url) : nullptr;
        codes.emplace_back(link, qr);
        if (qr) module = std::min(module, qrModulePixels(*qr, std::min(cardW - ctx.px(60), qrRoom), static_cast<int>(std::lround(ctx.px(6)))));
    }
    for (auto [link, qr] : codes) {
        ImVec2 c0(x, y), c1(x + cardW, y + cardH);
        fillRoundRect(dl, ImVec2(c0.x, c0.y + ctx.px(6)), ImVec2(c1.x, c1.y + ctx.px(6)), th.shadow, ctx.px(24));
        fillRoundRect(dl, c0, c1, th.surface, ctx.px(24));
        dl->AddRect(c0, c1, th.border, ctx.px(24), 0, ctx.px(1.5f));
        float cy = c0.y + ctx.px(28);
        if (link && qr) {
            float side = float((qr->size + 8) * module);
            drawQr(dl, *qr, ImVec2(c0.x + (cardW - side) * 0.5f, cy), module);
            cy += side + ctx.px(20);
            cy += drawTextCentered(dl, ctx.fonts.heading, c0.x + ctx.px(20), cy, textW, th.text, link->label.in(ctx.lang)).y + ctx.px(6);
            drawTextCentered(dl, ctx.fonts.small, c0.x + ctx.px(20), cy, textW, th.primary, shownUrl(*link));
        }
        x += cardW + gap;
    }

    const float bw = ctx.px(440);
    ImGui::SetCursorScreenPos(ImVec2(a.min.x, footY));
    if (touchButton(ctx, "handoff.back", ctx.tr("handoff_back"), ImVec2(bw, footH), ButtonStyle::Secondary)) intents.push_back(kiosk::intent::OpenCatalogue{});
    ImGui::SetCursorScreenPos(ImVec2(a.max.x - bw, footY));
    if (touchButton(ctx, "handoff.done", ctx.tr("handoff_done"), ImVec2(bw, footH), ButtonStyle::Primary)) intents.push_back(kiosk::intent::Finish{});
    // The slip between the two: the footer keeps its place whatever the printer says.
    if (slip) {
        const float gap = ctx.px(40), sw = a.width() - 2 * (bw + gap);
        const SlipPanel panel{"handoff.print", ctx.tr("slip_failed")};
        if (drawSlipPanel(ctx, panel, *slip, ImVec2(a.min.x + bw + gap, footY), ImVec2(sw, footH))) intents.push_back(kiosk::intent::PrintSlip{});
    }
}

} // namespace ui

// Headless screens for the bench (see ui_layout.hpp); the same steps as tests/ui/ui_harness.cpp.
#include "bench/ui_layout.hpp"
#include <imgui.h>

namespace bench {

HeadlessUi::HeadlessUi(const kiosk::Runtime& rt, float width, float height)
    : m_rt(rt), m_ctx{rt.strings, rt.config, rt.catalogue}, m_width(width), m_height(height)
{
    m_app = std::make_unique<kiosk::App>(rt.catalogue, rt.config, m_clock);
    m_imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    ui::applyKioskStyle(ImGui::GetStyle(), m_ctx.theme);
    m_ctx.scale = height / 1080.0f;
    buildFonts(kiosk::TextSize::Normal);
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(m_imgui); }

void HeadlessUi::buildFonts(kiosk::TextSize size)
{
    ImGuiIO& io = ImGui::GetIO();
    if (!m_fonts.build(io, m_ctx.scale, kiosk::textScale(size), ui::allScreenText(m_rt.strings, m_rt.config, m_rt.catalogue),
                       ui::displayText(m_rt.strings), m_error))
        return;
    m_ctx.fonts = m_fonts.fonts();
    m_builtSize = size;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);   // what a renderer would upload
}

void HeadlessUi::frame()
{
    ImGui::SetCurrentContext(m_imgui);
    if (m_app->state().textSize != m_builtSize) buildFonts(m_app->state().textSize);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(m_width, m_height);
    io.DeltaTime = 1.0f / 60.0f;
    m_clock.advanceMs(16);
    m_touch.apply(io);
    m_ctx.time = double(m_clock.nowMs()) / 1000.0;
    ImGui::NewFrame();
    ui::Intents intents = m_view.draw(m_ctx, *m_app);
    ImGui::Render();
    for (const kiosk::Intent& in : intents) m_app->apply(in);
    m_app->tick();
}

bool HeadlessUi::tap(std::string_view id)
{
    const ui::HitBox* h = m_ctx.findHit(id);
    if (!h) return false;
    const ImVec2 c = h->center();
    m_touch.push({kiosk::PointerEvent::Kind::Down, c.x, c.y});
    m_touch.push({kiosk::PointerEvent::Kind::Up, c.x, c.y});
    m_app->activity();
    for (int i = 0; i < 20 && m_touch.pending(); ++i) frame();
    frames(2);
    return true;
}

void HeadlessUi::drag(ImVec2 from, ImVec2 to, int moves)
{
    m_touch.push({kiosk::PointerEvent::Kind::Down, from.x, from.y});
    m_app->activity();
    frames(2);
    for (int i = 1; i <= moves; ++i) {
        const float t = float(i) / float(moves);
        m_touch.push({kiosk::PointerEvent::Kind::Move, from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t});
        frame();
    }
    m_touch.push({kiosk::PointerEvent::Kind::Up, to.x, to.y});
    for (int i = 0; i < 20 && m_touch.pending(); ++i) frame();
    frames(2);
}

std::optional<ui::HitBox> HeadlessUi::hit(std::string_view id) const
{
    if (const ui::HitBox* h = m_ctx.findHit(id)) return *h;
    return std::nullopt;
}

} // namespace bench

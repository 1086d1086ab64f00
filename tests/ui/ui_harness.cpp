// The headless ImGui harness.
#include "tests/ui/ui_harness.hpp"
#include <doctest/doctest.h>

namespace test {

UiHarness::UiHarness(const kiosk::Runtime& rt, float width, float height)
    : m_rt(rt), m_ctx{rt.strings, rt.config, rt.catalogue}, m_size(width, height)
{
    m_app = std::make_unique<kiosk::App>(rt.catalogue, rt.config, m_clock);
    rebuildShell();
    m_imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = m_size;
    ui::applyKioskStyle(ImGui::GetStyle(), m_ctx.theme);
    m_ctx.scale = ui::layoutScale(width, height);
    buildFonts(kiosk::TextSize::Normal);
}

void UiHarness::buildFonts(kiosk::TextSize size)
{
    ImGuiIO& io = ImGui::GetIO();
    std::string error;
    REQUIRE_MESSAGE(m_fonts.build(io, m_ctx.scale, kiosk::textScale(size), ui::allScreenText(m_rt.strings, m_rt.config, m_rt.catalogue),
                                  ui::displayText(m_rt.strings), error), error);
    m_ctx.fonts = m_fonts.fonts();
    m_builtSize = size;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
}

UiHarness::~UiHarness() { ImGui::DestroyContext(m_imgui); }

void UiHarness::frame()
{
    ImGui::SetCurrentContext(m_imgui);
    if (m_app->state().textSize != m_builtSize) buildFonts(m_app->state().textSize);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = m_size;
    io.DeltaTime = 1.0f / 60.0f;
    m_clock.advanceMs(16);
    m_touch.apply(io);
    ImGui::NewFrame();
    ui::Intents intents = m_view.draw(m_ctx, *m_app);
    ImGui::Render();
    m_vertices = static_cast<size_t>(ImGui::GetDrawData()->TotalVtxCount);
    m_shell->apply(intents, m_view.takeStaffIntents());
    m_shell->tick();
}

void UiHarness::rebuildShell()
{
    kiosk::ShellParts parts{*m_app};
    parts.staff = m_staff;
    parts.slips = m_desk;
    parts.printer = m_printer;
    parts.observe = [this](const kiosk::Effect& e) { m_effects.push_back(e); };
    m_shell = std::make_unique<kiosk::KioskShell>(std::move(parts));
}

void UiHarness::attachStaff(kiosk::StaffFlow& flow)
{
    m_staff = &flow;
    m_view.attachStaff(&flow);
    rebuildShell();
}

void UiHarness::attachSlipDesk(kiosk::SlipDesk* desk, kiosk::PrintWorker* printer)
{
    m_desk = desk;
    m_printer = printer;
    rebuildShell();
}

void UiHarness::hold(ImVec2 p, double seconds)
{
    m_touch.push({kiosk::PointerEvent::Kind::Down, p.x, p.y});
    for (double t = 0; t < seconds; t += 1.0 / 60.0) frame();
    m_touch.push({kiosk::PointerEvent::Kind::Up, p.x, p.y});
    settle();
}

void UiHarness::settle()
{
    for (int i = 0; i < 20 && m_touch.pending(); ++i) frame();
    frames(2);
}

void UiHarness::tapAt(ImVec2 p)
{
    m_touch.push({kiosk::PointerEvent::Kind::Down, p.x, p.y});
    m_touch.push({kiosk::PointerEvent::Kind::Up, p.x, p.y});
    m_app->activity();
    if (m_staff) m_staff->activity();
    settle();
}

bool UiHarness::tap(std::string_view id)
{
    const ui::HitBox* h = hit(id);
    if (!h) return false;
    tapAt(h->center());
    return true;
}

void UiHarness::drag(ImVec2 from, ImVec2 to, int moves)
{
    m_touch.push({kiosk::PointerEvent::Kind::Down, from.x, from.y});
    frame();
    frame();
    for (int i = 1; i <= moves; ++i) {
        float t = float(i) / float(moves);
        m_touch.push({kiosk::PointerEvent::Kind::Move, from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t});
        frame();
    }
    m_touch.push({kiosk::PointerEvent::Kind::Up, to.x, to.y});
    settle();
}

} // namespace test

// Dear ImGui headless (no window, no backend): the real screens, fed synthetic taps and drags,
// with the app's state machine on a manual clock. Widgets are found by their stable IDs.
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "kiosk/content/runtime.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include "kiosk/flow/kiosk_shell.hpp"
#include "ui/app_view.hpp"
#include "ui/touch_input.hpp"
#include <memory>

namespace test {

class UiHarness {
public:
    explicit UiHarness(const kiosk::Runtime& rt, float width = 1920, float height = 1080);
    ~UiHarness();

    void frame();                                  // one frame; intents are applied to the app
    void frames(int n) { for (int i = 0; i < n; ++i) frame(); }
    bool tap(std::string_view id);                 // taps the centre of the widget drawn last frame
    void tapAt(ImVec2 p);
    void drag(ImVec2 from, ImVec2 to, int moves = 8);
    void hold(ImVec2 p, double seconds);           // a finger kept still, frame after frame
    // Staff mode: the gesture opens this flow, its screens' intents go to it.
    void attachStaff(kiosk::StaffFlow& flow);
    // The slip printer's status, as `kiosk run` attaches it (kiosk::PrintWorker::status()).
    void attachSlips(const kiosk::SlipStatus* status) { m_view.attachSlips(status); }
    // The slip desk the shell prints on (as `kiosk run` wires it); null to detach.
    void attachSlipDesk(kiosk::SlipDesk* desk, kiosk::PrintWorker* printer);
    // Every effect the shell carried out since the harness started, in order.
    const kiosk::Effects& effects() const { return m_effects; }
    const ui::HitBox* hit(std::string_view id) const { return m_ctx.findHit(id); }
    bool visible(std::string_view id) const { return hit(id) != nullptr; }

    kiosk::App& app() { return *m_app; }
    kiosk::ManualClock& clock() { return m_clock; }
    ui::Context& context() { return m_ctx; }
    size_t vertexCount() const { return m_vertices; }

private:
    void settle();                                 // frames until the touch queue is drained
    void buildFonts(kiosk::TextSize size);

    const kiosk::Runtime& m_rt;
    kiosk::ManualClock m_clock;
    std::unique_ptr<kiosk::App> m_app;
    ImGuiContext* m_imgui = nullptr;
    ui::Context m_ctx;
    ui::FontSet m_fonts;
    ui::AppView m_view;
    ui::TouchInput m_touch;
    kiosk::TextSize m_builtSize = kiosk::TextSize::Normal;
    ImVec2 m_size;
    size_t m_vertices = 0;
    kiosk::StaffFlow* m_staff = nullptr;
    kiosk::SlipDesk* m_desk = nullptr;
    kiosk::PrintWorker* m_printer = nullptr;
    std::unique_ptr<kiosk::KioskShell> m_shell;   // the same wiring as `kiosk run`
    kiosk::Effects m_effects;
    void rebuildShell();
};

} // namespace test

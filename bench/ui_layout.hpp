// The kiosk's real screens run headless (Dear ImGui without a renderer, the app's state machine on
// a manual clock), as the UI tests do: the bench uses it to find where a widget is drawn at
// 1920x1080 before tapping it in the real binary, and to walk 10,000 citizen visits.
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "kiosk/content/runtime.hpp"
#include "ui/app_view.hpp"
#include "ui/touch_input.hpp"
#include <memory>
#include <optional>
#include <string>

struct ImGuiContext;

namespace bench {

class HeadlessUi {
public:
    explicit HeadlessUi(const kiosk::Runtime& rt, float width = 1920, float height = 1080);
    ~HeadlessUi();
    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }

    void frame();                               // one frame of 16 ms; intents go to the app
    void frames(int n) { for (int i = 0; i < n; ++i) frame(); }
    bool tap(std::string_view id);              // down and up on the widget's centre, then frames to settle
    void drag(ImVec2 from, ImVec2 to, int moves = 8);   // a finger pressed, moved, lifted
    std::optional<ui::HitBox> hit(std::string_view id) const;
    kiosk::App& app() { return *m_app; }
    kiosk::ManualClock& clock() { return m_clock; }

private:
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
    float m_width, m_height;
    std::string m_error;
};

} // namespace bench

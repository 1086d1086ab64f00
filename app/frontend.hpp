// The graphical front end: an SDL window with the software renderer, Dear ImGui on top, and the
// kiosk's view. Used by `kiosk run` (a real display) and `kiosk screenshot` (offscreen).
#pragma once
#include "drivers/display/sdl_platform.hpp"
#include "kiosk/flow/app_state.hpp"
#include "kiosk/content/runtime.hpp"
#include "ui/app_view.hpp"
#include "app/texture_cache.hpp"
#include "ui/touch_input.hpp"
#include <memory>
#include <optional>

namespace app {

class Frontend {
public:
    Frontend(const kiosk::Runtime& runtime) : m_runtime(runtime), m_ctx{runtime.strings, runtime.config, runtime.catalogue} {}
    ~Frontend();

    // `expectedHeight`: the full screen's height in pixels as last seen (0: unknown, 1080 is
    // assumed); the font atlas is built for it while the display opens, and again if it differs.
    bool init(const drivers::PlatformOptions& options, kiosk::TextSize textSize, std::string& error, int expectedHeight = 0);
    // The output's layout height: 1080 for 1920x1080 and for 1080x1920 (ui::layoutScale × 1080),
    // which is what the font atlas is built for; remembered in the data folder between starts.
    int screenHeight() const;
    static int layoutHeight(int width, int height);
    std::string screenShape() const;   // "dọc 9:16 (1080x1920)"…

    // Draws one frame of `app` at time `seconds`; returns the intents. When `capture` is given,
    // the frame's pixels are read back before it is presented.
    ui::Intents frame(const kiosk::App& app, double seconds, drivers::Image* capture = nullptr);

    drivers::SdlPlatform& platform() { return *m_platform; }
    ui::TouchInput& touch() { return m_touch; }
    ui::AppView& view() { return m_view; }
    ui::Context& context() { return m_ctx; }
    double nextFrameAt() const { return m_ctx.nextFrameAt; }   // seconds; what the last frame asked for

private:
    bool buildFonts(kiosk::TextSize size, std::string& error);
    bool useAtlas(kiosk::TextSize size, std::string& error);   // the built atlas into ImGui and a texture

    const kiosk::Runtime& m_runtime;
    std::unique_ptr<ImFontAtlas> m_atlas;       // lent to the ImGui context; destroyed after it
    std::unique_ptr<drivers::SdlPlatform> m_platform;
    std::unique_ptr<TextureCache> m_images;     // after the platform: destroyed before its renderer
    ui::Context m_ctx;
    ui::FontSet m_fonts;
    ui::AppView m_view;
    ui::TouchInput m_touch;
    std::string m_atlasText;
    std::string m_displayText;
    std::optional<kiosk::TextSize> m_builtSize;
    bool m_imguiReady = false;
    double m_lastSeconds = 0;
};

} // namespace app

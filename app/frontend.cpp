// SDL + ImGui set-up, the font atlas per text size, and drawing a frame.
#include "app/frontend.hpp"
#include <SDL.h>
#include <imgui_impl_sdlrenderer.h>
#include <cmath>
#include <future>

namespace app {

Frontend::~Frontend()
{
    m_images.reset();
    if (m_imguiReady) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
    }
}

bool Frontend::init(const drivers::PlatformOptions& options, kiosk::TextSize textSize, std::string& error, int expectedHeight)
{
    m_atlasText = ui::allScreenText(m_runtime.strings, m_runtime.config, m_runtime.catalogue);
    m_displayText = ui::displayText(m_runtime.strings);
    // The atlas (glyph rasterising, ~60 ms, and its RGBA copy, ~25 ms) is built on a worker thread
    // from the start, at the screen height the caller expects, while SDL connects to the display,
    // opens the window and shows its first (empty) frame. A wrong guess is rebuilt below.
    const bool sizeGiven = options.headless || options.windowed;
    const float predicted = sizeGiven ? ui::layoutScale(float(options.width), float(options.height))
                                      : float(expectedHeight > 0 ? expectedHeight : 1080) / 1080.0f;
    m_atlas = std::make_unique<ImFontAtlas>();
    std::string atlasError;
    std::future<bool> atlasJob = std::async(std::launch::async, [this, predicted, textSize, &atlasError] {
        if (!m_fonts.build(*m_atlas, predicted, kiosk::textScale(textSize), m_atlasText, m_displayText, atlasError)) return false;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        m_atlas->GetTexDataAsRGBA32(&pixels, &w, &h);   // the texture's pixels, converted here too
        return true;
    });
    m_platform = drivers::SdlPlatform::create(options, error);
    if (m_platform && m_platform->visibleDisplay()) {
        // The window's first frame, in the background colour, while the glyphs are still being
        // drawn: the first clear and present of a fresh window set up its frame buffer (~25 ms
        // and ~50 ms under X11), which is then done when the real first frame comes.
        const ImU32 bg = m_ctx.theme.background;
        m_platform->clear((bg >> IM_COL32_R_SHIFT) & 0xff, (bg >> IM_COL32_G_SHIFT) & 0xff, (bg >> IM_COL32_B_SHIFT) & 0xff);
        m_platform->present();
    }
    const bool atlasReady = atlasJob.get();
    if (!m_platform) return false;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(m_atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.MouseDrawCursor = false;
    ui::applyKioskStyle(ImGui::GetStyle(), m_ctx.theme);
    if (!ImGui_ImplSDLRenderer_Init(m_platform->renderer())) {
        error = "Không khởi động được bộ vẽ giao diện (ImGui SDL_Renderer)";
        return false;
    }
    m_imguiReady = true;
    m_images = std::make_unique<TextureCache>(m_platform->renderer(), m_runtime.assetsDir);
    m_ctx.images = m_images.get();
    m_view.catalogue().setBrokenCount(static_cast<int>(m_runtime.skippedLessons.size()));

    int w = 0, h = 0;
    m_platform->outputSize(w, h);
    if (!atlasReady || layoutHeight(w, h) != static_cast<int>(std::lround(predicted * 1080.0f)))
        return buildFonts(textSize, error);   // the screen was not as expected
    m_ctx.scale = predicted;
    return useAtlas(textSize, error);
}

int Frontend::layoutHeight(int w, int h) { return static_cast<int>(std::lround(ui::layoutScale(float(w), float(h)) * 1080.0f)); }

int Frontend::screenHeight() const
{
    int w = 0, h = 0;
    if (m_platform) m_platform->outputSize(w, h);
    return layoutHeight(w, h);
}

std::string Frontend::screenShape() const
{
    int w = 0, h = 0;
    if (m_platform) m_platform->outputSize(w, h);
    return ui::describeShape(w, h);
}

bool Frontend::buildFonts(kiosk::TextSize size, std::string& error)
{
    int w = 0, h = 0;
    m_platform->outputSize(w, h);
    m_ctx.scale = ui::layoutScale(float(w), float(h));
    if (m_builtSize) ImGui_ImplSDLRenderer_DestroyFontsTexture();
    if (!m_fonts.build(*m_atlas, m_ctx.scale, kiosk::textScale(size), m_atlasText, m_displayText, error)) return false;
    return useAtlas(size, error);
}

bool Frontend::useAtlas(kiosk::TextSize size, std::string& error)
{
    m_ctx.fonts = m_fonts.fonts();
    ImGui::GetIO().FontDefault = m_ctx.fonts.body;
    m_builtSize = size;
    if (!ImGui_ImplSDLRenderer_CreateFontsTexture()) {
        error = "Không tạo được ảnh phông chữ";
        return false;
    }
    // The texture holds the glyphs now: ImGui's two copies of the pixels (alpha and RGBA, ~10 MB)
    // and the font files (~2 MB) can go. A text-size change reads the files again.
    m_atlas->ClearTexData();
    m_atlas->ClearInputData();
    m_fonts.releaseFiles();
    return true;
}

ui::Intents Frontend::frame(const kiosk::App& app, double seconds, drivers::Image* capture)
{
    if (m_builtSize != app.state().textSize) {
        std::string error;
        buildFonts(app.state().textSize, error);   // on failure the previous atlas stays in use
    }
    ImGuiIO& io = ImGui::GetIO();
    int w = 0, h = 0;
    m_platform->outputSize(w, h);
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = seconds > m_lastSeconds ? float(seconds - m_lastSeconds) : 1.0f / 60.0f;
    m_lastSeconds = seconds;
    m_touch.apply(io);
    m_ctx.time = seconds;

    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ui::Intents intents = m_view.draw(m_ctx, app);
    ImGui::Render();
    ImU32 bg = m_ctx.theme.background;
    m_platform->clear((bg >> IM_COL32_R_SHIFT) & 0xff, (bg >> IM_COL32_G_SHIFT) & 0xff, (bg >> IM_COL32_B_SHIFT) & 0xff);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (capture) m_platform->readPixels(*capture);
    m_platform->present();
    return intents;
}

} // namespace app

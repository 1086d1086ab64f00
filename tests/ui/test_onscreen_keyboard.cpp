// The on-screen keyboard, headless: typing Vietnamese and an ID number by tapping keys by their IDs,
// key sizes, and a real render (SDL offscreen, software renderer) in both themes checked by pixel.
#include "drivers/display/png_image.hpp"
#include "drivers/display/sdl_platform.hpp"
#include "tests/support/test_support.hpp"
#include "ui/app_view.hpp"
#include "ui/touch_input.hpp"
#include "ui/widgets/onscreen_keyboard.hpp"
#include "ui/widgets/text.hpp"
#include <doctest/doctest.h>
#include <imgui_impl_sdlrenderer.h>
#include <cstdlib>

namespace {

// A page like a screen would draw it: a question, the field, the keyboard at the bottom. With a
// renderer, frames go through Dear ImGui's SDL_Renderer backend and can be read back.
class KeyboardBench {
public:
    KeyboardBench(const kiosk::Runtime& rt, const kiosk::Config& config, bool highContrast = false, SDL_Renderer* renderer = nullptr)
        : m_rt(rt), m_ctx{rt.strings, config, rt.catalogue}, m_renderer(renderer)
    {
        m_imgui = ImGui::CreateContext();
        ImGui::SetCurrentContext(m_imgui);   // CreateContext keeps another bench's context current
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        m_ctx.highContrast = highContrast;
        m_ctx.theme = highContrast ? ui::highContrastTheme() : ui::standardTheme();
        ui::applyKioskStyle(ImGui::GetStyle(), m_ctx.theme);
        std::string error;
        REQUIRE_MESSAGE(m_fonts.build(io, 1.0f, 1.0f, ui::allScreenText(rt.strings, config, rt.catalogue), ui::displayText(rt.strings), error), error);
        m_ctx.fonts = m_fonts.fonts();
        if (m_renderer) {
            REQUIRE(ImGui_ImplSDLRenderer_Init(m_renderer));
            REQUIRE(ImGui_ImplSDLRenderer_CreateFontsTexture());
        } else {
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        }
        m_keyboard.configure(config);
    }
    ~KeyboardBench()
    {
        ImGui::SetCurrentContext(m_imgui);
        if (m_renderer) ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext(m_imgui);
    }

    void frame()
    {
        ImGui::SetCurrentContext(m_imgui);
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        m_touch.apply(io);
        if (m_renderer) ImGui_ImplSDLRenderer_NewFrame();
        ImGui::NewFrame();
        m_ctx.hits.clear();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##bench", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        const ui::Theme& th = m_ctx.theme;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float margin = 60, width = 1920 - 2 * margin;
        ui::drawText(dl, m_ctx.fonts.title, ImVec2(margin, 56), th.text, m_title);
        ui::drawText(dl, m_ctx.fonts.body, ImVec2(margin, 134), th.textMuted, m_hint);
        ImGui::SetCursorScreenPos(ImVec2(margin, 200));
        ui::textField(m_ctx, "field", m_keyboard.text(), "Chạm vào các phím bên dưới để gõ", ImVec2(width, 128));
        const float kbH = ui::OnscreenKeyboard::height(m_ctx, m_keyboard.layout());
        ImGui::SetCursorScreenPos(ImVec2(margin, 1080 - 36 - kbH));
        m_keyboard.draw(m_ctx, width);
        ImGui::End();
        ImGui::Render();
    }

    void frames(int n)
    {
        for (int i = 0; i < n; ++i) frame();
    }

    bool tap(std::string_view id)
    {
        const ui::HitBox* h = m_ctx.findHit(id);
        if (!h) return false;
        const ImVec2 c = h->center();
        m_touch.push({kiosk::PointerEvent::Kind::Down, c.x, c.y});
        m_touch.push({kiosk::PointerEvent::Kind::Up, c.x, c.y});
        for (int i = 0; i < 20 && m_touch.pending(); ++i) frame();
        frames(2);
        return true;
    }

    // Taps "kb.<c>" for each character (letters lower case; Shift is a key of its own).
    void tapKeys(std::string_view keys)
    {
        for (char c : keys) {
            INFO("key " << c);
            REQUIRE(tap(c == ' ' ? std::string("kb.space") : "kb." + std::string(1, c)));
        }
    }

    // Renders a frame through SDL and reads its pixels (RGBA).
    drivers::Image render(drivers::SdlPlatform& platform)
    {
        frame();
        const ImU32 bg = m_ctx.theme.background;
        platform.clear((bg >> IM_COL32_R_SHIFT) & 0xff, (bg >> IM_COL32_G_SHIFT) & 0xff, (bg >> IM_COL32_B_SHIFT) & 0xff);
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        drivers::Image img;
        REQUIRE(platform.readPixels(img));
        platform.present();
        return img;
    }

    ui::OnscreenKeyboard& keyboard() { return m_keyboard; }
    ui::Context& context() { return m_ctx; }
    void setTitle(std::string title, std::string hint)
    {
        m_title = std::move(title);
        m_hint = std::move(hint);
    }

private:
    const kiosk::Runtime& m_rt;
    ImGuiContext* m_imgui = nullptr;
    ui::Context m_ctx;
    ui::FontSet m_fonts;
    ui::TouchInput m_touch;
    ui::OnscreenKeyboard m_keyboard;
    SDL_Renderer* m_renderer = nullptr;
    std::string m_title = "Họ và tên của bạn";
    std::string m_hint = "Gõ kiểu Telex: aa → â, ow → ơ, dd → đ; dấu: s sắc, f huyền, r hỏi, x ngã, j nặng";
};

ImU32 pixel(const drivers::Image& img, ImVec2 p)
{
    const size_t i = (size_t(p.y) * size_t(img.width) + size_t(p.x)) * 4;
    return IM_COL32(img.pixels[i], img.pixels[i + 1], img.pixels[i + 2], 255);
}

// Where the PNGs go: $KIOSK_KEYBOARD_PNG_DIR to keep them and look, else a folder removed after.
std::filesystem::path pngPath(const test::TempDir& dir, const std::string& name)
{
    const char* keep = std::getenv("KIOSK_KEYBOARD_PNG_DIR");
    return keep && *keep ? std::filesystem::path(keep) / name : dir / name;
}

} // namespace

TEST_CASE("typing Nguyeenx on the on-screen keyboard reads Nguyễn, with Shift for the capital")
{
    kiosk::Runtime rt = test::loadRuntime();
    KeyboardBench b(rt, rt.config);
    b.frames(2);
    REQUIRE(b.tap("kb.shift"));
    CHECK(b.keyboard().shift());
    b.tapKeys("n");
    CHECK(b.keyboard().text() == "N");
    CHECK_FALSE(b.keyboard().shift());   // Shift is for one letter
    b.tapKeys("guyeenx");
    CHECK(b.keyboard().text() == "Nguyễn");
    CHECK_FALSE(b.keyboard().done());
    REQUIRE(b.tap("kb.backspace"));
    CHECK(b.keyboard().text() == "Nguyễ");
    b.tapKeys("n");
    CHECK(b.keyboard().text() == "Nguyễn");
    b.tapKeys(" an");
    REQUIRE(b.tap("kb.comma"));
    CHECK(b.keyboard().text() == "Nguyễn an,");
    REQUIRE(b.tap("kb.done"));
    CHECK(b.keyboard().done());
    CHECK(b.keyboard().takeDone());
    CHECK_FALSE(b.keyboard().done());
    b.keyboard().clear();
    b.frames(1);
    CHECK(b.keyboard().text().empty());
}

TEST_CASE("names: each word starts with a capital, the tones still compose")
{
    kiosk::Runtime rt = test::loadRuntime();
    KeyboardBench b(rt, rt.config);
    b.keyboard().setCapitalizeWords(true);
    b.frames(2);
    CHECK(b.keyboard().shift());
    b.tapKeys("nguyeenx vawn an");
    CHECK(b.keyboard().text() == "Nguyễn Văn An");
}

TEST_CASE("with [input] method = vni the digit row puts the marks on, new style when configured")
{
    kiosk::Runtime rt = test::loadRuntime();
    kiosk::Config config = rt.config;
    config.inputMethod = kiosk::InputMethod::Vni;
    config.inputToneStyle = kiosk::ToneStyle::New;
    KeyboardBench b(rt, config);
    b.frames(2);
    b.tapKeys("vie65t hoa2");
    CHECK(b.keyboard().text() == "việt hoà");
}

TEST_CASE("the numeric pad types a 12-digit ID number and no more")
{
    kiosk::Runtime rt = test::loadRuntime();
    KeyboardBench b(rt, rt.config);
    b.keyboard().setLayout(ui::OnscreenKeyboard::Layout::Numeric);
    b.keyboard().setMaxLength(12);
    b.frames(2);
    CHECK_FALSE(b.context().findHit("kb.a"));   // digits only
    b.tapKeys("038123456789");
    CHECK(b.keyboard().text() == "038123456789");
    b.tapKeys("5");
    CHECK(b.keyboard().text() == "038123456789");   // the 13th digit is refused
    REQUIRE(b.tap("kb.backspace"));
    CHECK(b.keyboard().text() == "03812345678");
    b.tapKeys("0");
    CHECK(b.keyboard().text() == "038123456780");
    REQUIRE(b.tap("kb.done"));
    CHECK(b.keyboard().done());

    // Digits stay digits on the pad even when the letter layout types VNI.
    kiosk::Config vni = rt.config;
    vni.inputMethod = kiosk::InputMethod::Vni;
    KeyboardBench p(rt, vni);
    p.keyboard().setLayout(ui::OnscreenKeyboard::Layout::Numeric);
    p.frames(2);
    p.tapKeys("1234");
    CHECK(p.keyboard().text() == "1234");
}

TEST_CASE("every key has its ID and is a large touch target at 1920x1080")
{
    kiosk::Runtime rt = test::loadRuntime();
    KeyboardBench b(rt, rt.config);
    b.frames(2);
    std::vector<std::string> ids = {"kb.shift", "kb.backspace", "kb.space", "kb.done", "kb.comma", "kb.period", "kb.hyphen", "kb.slash"};
    for (char c = 'a'; c <= 'z'; ++c) ids.push_back("kb." + std::string(1, c));
    for (char c = '0'; c <= '9'; ++c) ids.push_back("kb." + std::string(1, c));
    for (const std::string& id : ids) {
        INFO(id);
        const ui::HitBox* h = b.context().findHit(id);
        REQUIRE(h);
        CHECK(h->max.y - h->min.y >= 72.0f);
        CHECK(h->max.x - h->min.x >= 64.0f);
    }
    b.keyboard().setLayout(ui::OnscreenKeyboard::Layout::Numeric);
    b.frames(1);
    for (const char* id : {"kb.0", "kb.5", "kb.9", "kb.backspace", "kb.done"}) {
        INFO(id);
        const ui::HitBox* h = b.context().findHit(id);
        REQUIRE(h);
        CHECK(h->max.y - h->min.y >= 96.0f);
        CHECK(h->max.x - h->min.x >= 160.0f);
    }
}

TEST_CASE("the keyboard renders in the calm palette and in high contrast")
{
    kiosk::Runtime rt = test::loadRuntime();
    std::string error;
    drivers::PlatformOptions po;
    po.headless = true;
    po.windowed = true;
    auto platform = drivers::SdlPlatform::create(po, error);
    REQUIRE_MESSAGE(platform, error);
    test::TempDir dir;
    for (bool hc : {false, true}) {
        INFO("high contrast " << hc);
        KeyboardBench b(rt, rt.config, hc, platform->renderer());
        b.frames(2);
        b.tapKeys("nguyeenx");
        drivers::Image img = b.render(*platform);
        REQUIRE(img.width == 1920);
        REQUIRE(img.height == 1080);
        const ui::Theme& th = b.context().theme;
        // The Done key is filled with the theme's main colour, a letter key with its surface.
        const ui::HitBox* done = b.context().findHit("kb.done");
        const ui::HitBox* q = b.context().findHit("kb.q");
        REQUIRE(done);
        REQUIRE(q);
        CHECK(pixel(img, ImVec2(done->min.x + 12, done->min.y + 12)) == (th.primary | IM_COL32_A_MASK));
        CHECK(pixel(img, ImVec2(q->min.x + 12, q->max.y - 14)) == (th.surface | IM_COL32_A_MASK));
        CHECK(pixel(img, ImVec2(5, 5)) == (th.background | IM_COL32_A_MASK));
        REQUIRE(drivers::writePng(pngPath(dir, hc ? "keyboard-letters-high-contrast.png" : "keyboard-letters.png"), img, error));

        b.keyboard().clear();
        b.keyboard().setLayout(ui::OnscreenKeyboard::Layout::Numeric);
        b.setTitle("Số định danh cá nhân (12 số)", "Số in trên thẻ Căn cước công dân của bạn");
        b.frames(2);
        b.tapKeys("0381234");
        drivers::Image pad = b.render(*platform);
        const ui::HitBox* five = b.context().findHit("kb.5");
        REQUIRE(five);
        CHECK(pixel(pad, ImVec2(five->min.x + 12, five->max.y - 14)) == (th.surface | IM_COL32_A_MASK));
        REQUIRE(drivers::writePng(pngPath(dir, hc ? "keyboard-numeric-high-contrast.png" : "keyboard-numeric.png"), pad, error));
    }
}

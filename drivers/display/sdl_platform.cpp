// SDL2 window/renderer set-up and event translation.
#include "drivers/display/sdl_platform.hpp"
#include "drivers/display/x11_window_manager.hpp"
#include <SDL.h>
#include <spdlog/spdlog.h>
#include <cstdlib>
#include <cstring>

namespace drivers {

bool displayConfigured()
{
    for (const char* v : {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"})
        if (const char* s = std::getenv(v); s && *s) return true;
    return false;
}

namespace {

bool envSet(const char* name)
{
    const char* s = std::getenv(name);
    return s && *s;
}

} // namespace

std::unique_ptr<SdlPlatform> SdlPlatform::create(const PlatformOptions& opt, std::string& error)
{
    if (opt.headless) {
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    } else if (!displayConfigured()) {
        // Without this check SDL falls back to its offscreen driver and the kiosk runs invisibly.
        error = "Không tìm thấy màn hình: chưa đặt DISPLAY hay WAYLAND_DISPLAY. Hãy chạy ki-ốt trong phiên đồ hoạ "
                "(cage, X11 hoặc xvfb-run), hoặc đặt SDL_VIDEODRIVER=offscreen để chạy không màn hình.\n"
                "No display found: DISPLAY and WAYLAND_DISPLAY are unset.";
        return nullptr;
    }
    SDL_SetHint(SDL_HINT_MOUSE_AUTO_CAPTURE, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    // SDL 2.26 tries X11 first; under cage that starts Xwayland (cage sets DISPLAY). Native Wayland
    // is one process fewer and delivers touch as touch. SDL_VIDEODRIVER, when set, still decides.
    const bool chooseDriver = !opt.headless && !envSet("SDL_VIDEODRIVER");
    if (chooseDriver && envSet("WAYLAND_DISPLAY")) SDL_SetHint(SDL_HINT_VIDEODRIVER, "wayland,x11");
    std::unique_ptr<SdlPlatform> p = open(opt, error);
    if (!p && chooseDriver && envSet("WAYLAND_DISPLAY") && envSet("DISPLAY")) {
        spdlog::warn("Wayland không dùng được ({}), thử lại qua X11 (Xwayland). Wayland failed, retrying on X11.", error);
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11");
        p = open(opt, error);
    }
    return p;
}

std::unique_ptr<SdlPlatform> SdlPlatform::open(const PlatformOptions& opt, std::string& error)
{
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("Không khởi động được màn hình (SDL): ") + SDL_GetError();
        return nullptr;
    }
    std::unique_ptr<SdlPlatform> p(new SdlPlatform());   // from here its destructor quits SDL video
    p->m_driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    p->m_visible = p->m_driver != "offscreen" && p->m_driver != "dummy";
    // The software renderer draws every frame (the pixels the screenshots and tests check). On X11
    // and offscreen SDL shows them through shared memory: no Mesa load, ~200 ms faster start.
    // SDL 2.26's Wayland driver has no shared-memory window surface: there the pixels reach the
    // window as an OpenGL ES texture (EGL; Mesa's llvmpipe when the PC has no GPU).
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, p->m_driver == "wayland" ? "opengles2" : "0");
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = opt.width, h = opt.height;
    SDL_DisplayMode mode{};
    if (!opt.windowed && p->m_visible && SDL_GetDesktopDisplayMode(0, &mode) == 0 && mode.w > 0 && mode.h > 0) {
        w = mode.w;
        h = mode.h;
        if (p->m_driver == "x11") {
            // Borderless over the whole screen now, the window manager's full screen after the first frame.
            flags |= SDL_WINDOW_BORDERLESS;
            x = y = 0;
            p->m_fullscreenPending = true;
        } else {
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        }
    } else if (!opt.windowed && p->m_visible) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    p->m_window = SDL_CreateWindow("Bình dân học vụ số", x, y, w, h, flags);
    if (!p->m_window) {
        error = std::string("Không mở được cửa sổ: ") + SDL_GetError();
        return nullptr;
    }
    p->m_renderer = SDL_CreateRenderer(p->m_window, -1, SDL_RENDERER_SOFTWARE);
    if (!p->m_renderer) {
        error = std::string("Không tạo được bộ vẽ: ") + SDL_GetError();
        return nullptr;
    }
    SDL_ShowCursor(SDL_DISABLE);   // a kiosk shows no mouse pointer
    return p;
}

SdlPlatform::~SdlPlatform()
{
    if (m_renderer) SDL_DestroyRenderer(m_renderer);
    if (m_window) SDL_DestroyWindow(m_window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

void SdlPlatform::outputSize(int& w, int& h) const { SDL_GetRendererOutputSize(m_renderer, &w, &h); }

bool SdlPlatform::waitEvents(int timeoutMs, std::vector<PlatformEvent>& out)
{
    SDL_Event e;
    bool any = timeoutMs > 0 ? SDL_WaitEventTimeout(&e, timeoutMs) : SDL_PollEvent(&e);
    if (!any) return false;
    do translate(&e, out);
    while (SDL_PollEvent(&e));
    return true;
}

void SdlPlatform::pushDeveloperExitKeyForTest()
{
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = SDLK_q;
    e.key.keysym.scancode = SDL_SCANCODE_Q;
    e.key.keysym.mod = KMOD_LCTRL | KMOD_LSHIFT;
    SDL_PushEvent(&e);
}

void SdlPlatform::translate(const void* raw, std::vector<PlatformEvent>& out)
{
    const SDL_Event& e = *static_cast<const SDL_Event*>(raw);
    auto pointer = [&](kiosk::PointerEvent::Kind k, float x, float y) {
        PlatformEvent pe;
        pe.kind = PlatformEvent::Kind::Pointer;
        pe.pointer = {k, x, y};
        out.push_back(pe);
    };
    int w = 0, h = 0;
    switch (e.type) {
    case SDL_QUIT:
        out.push_back({PlatformEvent::Kind::Quit, {}});
        break;
    case SDL_WINDOWEVENT:
        out.push_back({PlatformEvent::Kind::Redraw, {}});
        break;
    case SDL_KEYDOWN:
        // The developer's way out of full screen: Ctrl+Shift+Q. Any USB keyboard can send it, so
        // the run loop honours it only under `kiosk run --dev-exit`, and audits it either way.
        if (e.key.keysym.sym == SDLK_q && !e.key.repeat && (e.key.keysym.mod & KMOD_CTRL) && (e.key.keysym.mod & KMOD_SHIFT))
            out.push_back({PlatformEvent::Kind::DeveloperExit, {}});
        break;
    // Mouse events synthesised from touch are skipped: the finger events below carry them.
    case SDL_MOUSEBUTTONDOWN:
        if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
            pointer(kiosk::PointerEvent::Kind::Down, float(e.button.x), float(e.button.y));
        break;
    case SDL_MOUSEBUTTONUP:
        if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
            pointer(kiosk::PointerEvent::Kind::Up, float(e.button.x), float(e.button.y));
        break;
    case SDL_MOUSEMOTION:
        if (e.motion.which != SDL_TOUCH_MOUSEID) pointer(kiosk::PointerEvent::Kind::Move, float(e.motion.x), float(e.motion.y));
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: {
        outputSize(w, h);
        long long id = static_cast<long long>(e.tfinger.fingerId);
        if (e.type == SDL_FINGERDOWN && m_finger < 0) m_finger = id;
        if (id != m_finger) break;
        float x = e.tfinger.x * float(w), y = e.tfinger.y * float(h);
        if (e.type == SDL_FINGERDOWN) pointer(kiosk::PointerEvent::Kind::Down, x, y);
        else if (e.type == SDL_FINGERUP) { pointer(kiosk::PointerEvent::Kind::Up, x, y); m_finger = -1; }
        else pointer(kiosk::PointerEvent::Kind::Move, x, y);
        break;
    }
    default:
        break;
    }
}

void SdlPlatform::clear(uint8_t r, uint8_t g, uint8_t b)
{
    SDL_SetRenderDrawColor(m_renderer, r, g, b, 255);
    SDL_RenderClear(m_renderer);
}

bool SdlPlatform::readPixels(Image& img) const
{
    int w = 0, h = 0;
    outputSize(w, h);
    img.width = w;
    img.height = h;
    img.channels = 4;
    img.pixels.resize(size_t(w) * h * 4);
    return SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, img.pixels.data(), w * 4) == 0;
}

void SdlPlatform::present() { SDL_RenderPresent(m_renderer); }

bool SdlPlatform::finishFullscreen()
{
    if (!m_fullscreenPending) return true;
    m_fullscreenPending = false;
    if (!x11WindowManagerRunning(m_window)) return false;
    SDL_SetWindowFullscreen(m_window, SDL_WINDOW_FULLSCREEN_DESKTOP);
    return true;
}

} // namespace drivers

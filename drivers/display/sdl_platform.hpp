// The SDL2 platform: one window and a software renderer (native Wayland preferred over X11), events
// translated for the core.
// Touch and mouse both arrive as kiosk::PointerEvent; SDL's auto-capture is off (it swallows taps).
#pragma once
#include "kiosk/common/types.hpp"
#include "drivers/display/png_image.hpp"
#include <memory>
#include <string>
#include <vector>

struct SDL_Window;
struct SDL_Renderer;

namespace drivers {

struct PlatformEvent {
    enum class Kind { Pointer, Quit, Redraw, DeveloperExit };
    Kind kind = Kind::Redraw;
    kiosk::PointerEvent pointer;
};

struct PlatformOptions {
    int width = 1920;
    int height = 1080;
    bool windowed = false;      // a normal window instead of full screen (developers)
    bool headless = false;      // force SDL's offscreen driver (screenshots, tests)
};

class SdlPlatform {
public:
    // Starts SDL video. Fails with a Vietnamese message (and the English cause) when no display
    // is reachable; `visibleDisplay()` tells whether a person can see the window.
    static std::unique_ptr<SdlPlatform> create(const PlatformOptions& options, std::string& error);
    ~SdlPlatform();
    SdlPlatform(const SdlPlatform&) = delete;              // one owner destroys the window, once
    SdlPlatform& operator=(const SdlPlatform&) = delete;

    SDL_Window* window() const { return m_window; }
    SDL_Renderer* renderer() const { return m_renderer; }
    const std::string& videoDriver() const { return m_driver; }
    bool visibleDisplay() const { return m_visible; }
    void outputSize(int& w, int& h) const;

    // Waits up to `timeoutMs` (0 = just poll) and appends what happened. Returns false on timeout.
    bool waitEvents(int timeoutMs, std::vector<PlatformEvent>& out);
    // Tests: queues a Ctrl+Shift+Q key press in SDL's own event queue, as a keyboard would.
    void pushDeveloperExitKeyForTest();

    void clear(uint8_t r, uint8_t g, uint8_t b);
    bool readPixels(Image& rgba) const;   // call before present()
    void present();
    // Call after the first frame is presented: on X11 the window opens borderless over the whole
    // screen (fast) and only now asks the window manager for real full screen. With no window
    // manager (a bare X server, Xvfb) it is not asked: SDL 2.26 would wait 100 ms for an answer
    // there, and 100 ms more when the window closes; the borderless window already covers the
    // screen. Returns false when no window manager was found (the caller logs it).
    bool finishFullscreen();

private:
    SdlPlatform() = default;
    // One attempt with the video driver the hints name.
    static std::unique_ptr<SdlPlatform> open(const PlatformOptions& options, std::string& error);
    void translate(const void* sdlEvent, std::vector<PlatformEvent>& out);

    SDL_Window* m_window = nullptr;
    SDL_Renderer* m_renderer = nullptr;
    std::string m_driver;
    bool m_visible = false;
    bool m_fullscreenPending = false;
    long long m_finger = -1;     // the one finger we follow; others are ignored
};

// Tells whether a display is configured for SDL (DISPLAY, WAYLAND_DISPLAY or SDL_VIDEODRIVER set).
bool displayConfigured();

} // namespace drivers

// Whether an X11 window manager (EWMH) is running on the display of an SDL window.
#pragma once

struct SDL_Window;

namespace drivers {

// True when the window is on X11 and a window manager announces itself (the root window's
// _NET_SUPPORTING_WM_CHECK names a live window that names itself back, as EWMH asks). Without
// one, asking for full screen is pointless and slow: SDL 2.26 waits up to 100 ms for an answer
// that never comes, once when asked and once more when the window is destroyed.
bool x11WindowManagerRunning(SDL_Window* window);

} // namespace drivers

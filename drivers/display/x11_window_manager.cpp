// EWMH's check for a running window manager, on the X11 display SDL opened.
#include "drivers/display/x11_window_manager.hpp"
#include <SDL.h>
#include <SDL_syswm.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>

namespace drivers {
namespace {

// The window named by `window`'s _NET_SUPPORTING_WM_CHECK property, or None.
Window supportingWindow(Display* display, Window window, Atom check)
{
    Atom type = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    Window found = None;
    // A property on a window that has just gone away makes Xlib call its error handler: SDL's
    // handler logs and carries on, which is what we want.
    if (XGetWindowProperty(display, window, check, 0, 1, False, XA_WINDOW, &type, &format, &count, &after, &data) == Success &&
        type == XA_WINDOW && format == 32 && count == 1 && data)
        found = static_cast<Window>(*reinterpret_cast<unsigned long*>(data));
    if (data) XFree(data);
    return found;
}

} // namespace

bool x11WindowManagerRunning(SDL_Window* window)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return false;
    Display* display = info.info.x11.display;
    const Atom check = XInternAtom(display, "_NET_SUPPORTING_WM_CHECK", True);
    if (check == None) return false;   // no client ever named the atom: no EWMH window manager
    const Window child = supportingWindow(display, DefaultRootWindow(display), check);
    // A window manager that died leaves the root's property behind: its window must name itself.
    return child != None && supportingWindow(display, child, check) == child;
}

} // namespace drivers

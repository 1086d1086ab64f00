// XDamage, XTest and XGetImage on the bench's X display (see x_probe.hpp).
#include "bench/x_probe.hpp"
#include "bench/bench.hpp"
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <X11/extensions/Xdamage.h>
#include <poll.h>
#include <cstdlib>

namespace bench {

XProbe::~XProbe()
{
    if (!m_display) return;
    if (m_damage) XDamageDestroy(m_display, m_damage);
    XCloseDisplay(m_display);
}

bool XProbe::open(std::string& error)
{
    const char* name = std::getenv("DISPLAY");
    if (!name || !*name) {
        error = "no X display (DISPLAY unset): run it through packaging/kiosk-bench.sh, which starts Xvfb";
        return false;
    }
    m_display = XOpenDisplay(name);
    if (!m_display) {
        error = std::string("cannot open X display ") + name;
        return false;
    }
    int err = 0, a = 0, b = 0, c = 0, d = 0;
    if (!XDamageQueryExtension(m_display, &m_damageEvent, &err)) {
        error = "the X server has no DAMAGE extension";
        return false;
    }
    if (!XTestQueryExtension(m_display, &a, &b, &c, &d)) {
        error = "the X server has no XTEST extension";
        return false;
    }
    Window root = DefaultRootWindow(m_display);
    m_width = DisplayWidth(m_display, DefaultScreen(m_display));
    m_height = DisplayHeight(m_display, DefaultScreen(m_display));
    // Damage on the root window is reported for drawing into any window on it (Xvfb has no
    // compositor): one report per frame the kiosk's software renderer puts on the screen.
    m_damage = XDamageCreate(m_display, root, XDamageReportRawRectangles);
    XSync(m_display, False);
    return true;
}

int XProbe::drain()
{
    int n = 0;
    XSync(m_display, False);
    while (XPending(m_display)) {
        XEvent e;
        XNextEvent(m_display, &e);
        if (e.type == m_damageEvent + XDamageNotify) ++n;
    }
    return n;
}

std::optional<double> XProbe::waitDamage(double timeoutMs)
{
    const double end = nowMs() + timeoutMs;
    for (;;) {
        while (XPending(m_display)) {
            XEvent e;
            XNextEvent(m_display, &e);
            if (e.type == m_damageEvent + XDamageNotify) return nowMs();
        }
        const double left = end - nowMs();
        if (left <= 0) return std::nullopt;
        pollfd p{ConnectionNumber(m_display), POLLIN, 0};
        poll(&p, 1, int(left) + 1);
    }
}

std::optional<double> XProbe::waitContent(double timeoutMs)
{
    const double end = nowMs() + timeoutMs;
    for (;;) {
        auto t = waitDamage(end - nowMs());
        if (!t) return std::nullopt;
        if (screenHasContent()) return t;
    }
}

int XProbe::settle(double quietMs, double maxMs)
{
    const double end = nowMs() + maxMs;
    int n = 0;
    while (nowMs() < end) {
        if (!waitDamage(quietMs)) break;
        ++n;
    }
    return n;
}

bool XProbe::screenHasContent()
{
    // Three rows across the screen: a cleared window is one colour everywhere.
    Window root = DefaultRootWindow(m_display);
    unsigned long first = 0;
    bool haveFirst = false;
    for (int y : {m_height / 10, m_height / 2, m_height * 9 / 10}) {
        XImage* img = XGetImage(m_display, root, 0, y, unsigned(m_width), 1, AllPlanes, ZPixmap);
        if (!img) continue;
        for (int x = 0; x < m_width; x += 3) {
            unsigned long p = XGetPixel(img, x, 0);
            if (!haveFirst) {
                first = p;
                haveFirst = true;
            } else if (p != first) {
                XDestroyImage(img);
                return true;
            }
        }
        XDestroyImage(img);
    }
    return false;
}

// A motion to where the pointer already is would be one more event (and frames) for the kiosk.
void XProbe::press(int x, int y)
{
    if (x != m_x || y != m_y) move(x, y);
    XTestFakeButtonEvent(m_display, 1, True, CurrentTime);
    XFlush(m_display);
}

void XProbe::move(int x, int y)
{
    m_x = x;
    m_y = y;
    XTestFakeMotionEvent(m_display, -1, x, y, CurrentTime);
    XFlush(m_display);
}

void XProbe::release(int x, int y)
{
    if (x != m_x || y != m_y) move(x, y);
    XTestFakeButtonEvent(m_display, 1, False, CurrentTime);
    XFlush(m_display);
}

} // namespace bench

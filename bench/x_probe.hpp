// The X server seen from outside the program under test (Xvfb in the bench): XDamage tells when a
// frame reached the screen, XTest injects the pointer events a finger would cause, XGetImage tells
// whether what was drawn is content or just a cleared window.
#pragma once
#include <optional>
#include <string>

typedef struct _XDisplay Display;

namespace bench {

class XProbe {
public:
    ~XProbe();
    // Opens $DISPLAY and checks the DAMAGE and XTEST extensions; false with the reason.
    bool open(std::string& error);
    int width() const { return m_width; }
    int height() const { return m_height; }

    // Forgets damage reported so far; returns how many reports there were.
    int drain();
    // Waits for the next damage report; its arrival time (nowMs()), or nullopt after `timeoutMs`.
    std::optional<double> waitDamage(double timeoutMs);
    // Waits until a damage report leaves the screen with content on it (not one flat colour, as a
    // freshly mapped window is); the arrival time of that report.
    std::optional<double> waitContent(double timeoutMs);
    // Waits until `quietMs` pass without damage (or `maxMs` in all); the number of reports seen.
    int settle(double quietMs, double maxMs);
    bool screenHasContent();

    void press(int x, int y);
    void move(int x, int y);
    void release(int x, int y);

private:
    Display* m_display = nullptr;
    unsigned long m_damage = 0;
    int m_damageEvent = 0;
    int m_width = 0, m_height = 0;
    int m_x = -1, m_y = -1;                // where the injected pointer is
};

} // namespace bench

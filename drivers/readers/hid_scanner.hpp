// A USB keyboard-wedge barcode scanner read through evdev (/dev/input/eventN or a by-id path),
// grabbed so its keystrokes never reach the kiosk window; US-layout keys, Enter ends a payload.
//
// Limitation: a wedge scanner in US layout cannot type Vietnamese letters (it "presses keys", and
// no US key types "ễ"). An ID card's QR payload holds them (name, "Nữ", address), so a card read
// this way arrives damaged and is delivered as read: keys we cannot map become U+FFFD, which the
// CCCD parser refuses; letters the scanner itself skips simply go missing, which only the parser
// can catch from the content. Use the camera or a serial (USB-CDC) scanner for ID cards; a wedge
// scanner is fine for ASCII codes (staff badges).
#pragma once
#include "drivers/readers/reader_support.hpp"
#include "kiosk/ports/code_reader.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace drivers {

// The character a key types on a US layout, 0 when it types none (modifiers, F-keys, Enter).
char usKeyChar(uint16_t code, bool shift);

// One EV_KEY event: value 1 pressed, 0 released, 2 auto-repeat.
struct KeyStroke {
    uint16_t code = 0;
    int32_t value = 0;
};

// Key events → text, with Shift (left or right) held or not. Enter and keypad Enter become '\n'.
// A key that types no US character while it matters (Alt+keypad codes, Ctrl chords, keys with no
// character) becomes U+FFFD, so a damaged payload looks damaged instead of silently shorter.
class KeyTranslator {
public:
    std::string feed(const KeyStroke& key);   // the text this event types (often nothing)
    void reset();

private:
    bool m_leftShift = false, m_rightShift = false;
    bool m_alt = false, m_ctrl = false;
    bool m_altCode = false;   // keypad digits typed while Alt was held: one character, unknowable
};

// The whole translation as a pure function: key events → the payloads Enter ended, in order.
std::vector<std::string> keyStrokesToPayloads(const std::vector<KeyStroke>& keys);

class HidScanner final : public kiosk::CodeReader {
public:
    explicit HidScanner(std::string path);
    ~HidScanner() override;
    HidScanner(const HidScanner&) = delete;
    HidScanner& operator=(const HidScanner&) = delete;

    // Any readable path works (a FIFO or file of `struct input_event` records in tests); only a
    // real evdev device is checked and grabbed.
    bool start(std::string& error) override;
    void stop() override;
    std::optional<kiosk::CodeRead> poll() override;
    std::string describe() const override;

    bool grabbed() const { return m_grabbed; }   // EVIOCGRAB held: keystrokes go nowhere else

private:
    void readLoop();

    const std::string m_path;
    int m_fd = -1;
    bool m_grabbed = false;
    bool m_running = false;
    ReadQueue m_queue;
    WakeFd m_wake;
    std::thread m_thread;
};

} // namespace drivers

// Port: something that reads codes for the staff screens — a camera decoding QR frames, a USB
// keyboard-wedge scanner (evdev), a serial scanner, or a fake. drivers/ implements it.
#pragma once
#include <optional>
#include <string>

namespace kiosk {

// One read: either a whole payload (the text the QR code or barcode holds, as UTF-8) or a device
// fault described in Vietnamese for the staff screen (no personal data in it).
struct CodeRead {
    std::string payload;
    std::string error;
    bool ok() const { return error.empty(); }
};

// Readers work on their own thread (a camera decodes frames off the frame loop); the UI polls at
// the start of each frame and never blocks. start()/stop() may be called again and again: the
// camera is opened only while a scan screen is showing.
class CodeReader {
public:
    virtual ~CodeReader() = default;
    virtual bool start(std::string& error) = 0;   // false with a Vietnamese message (no device, busy, ...)
    virtual void stop() = 0;
    virtual std::optional<CodeRead> poll() = 0;  // the next read, if any; never blocks
    virtual std::string describe() const = 0;    // "camera /dev/video0", for `kiosk doctor` and logs
};

} // namespace kiosk

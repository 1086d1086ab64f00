// Port: the receipt printer. A slip the citizen takes home: what was done or learned, what to do
// next, and a QR code to open on their own phone. drivers/ implements it (ESC/POS, a fake).
#pragma once
#include <string>
#include <vector>

namespace kiosk {

struct ReceiptLine {
    enum class Style { Body, Heading, Small };
    std::string text;                 // UTF-8, Vietnamese; wrapped to the paper's width
    Style style = Style::Body;
    ReceiptLine(std::string t = {}, Style s = Style::Body) : text(std::move(t)), style(s) {}
};

struct Receipt {
    std::string title;
    std::vector<ReceiptLine> lines;   // an empty text is a blank gap
    std::string qrUrl;                // printed as a QR code under the lines; empty = none
    std::string qrCaption;            // under the code: where it leads
};

// Printing takes a second or more (a network printer, a slow serial line): call it off the frame
// loop. Every failure is a Vietnamese message for the staff screen, never an exception.
class Printer {
public:
    virtual ~Printer() = default;
    virtual bool print(const Receipt& receipt, std::string& error) = 0;
    // Opens the device (or connects) and closes it again: `kiosk doctor`'s check.
    virtual bool check(std::string& error) = 0;
    virtual std::string describe() const = 0;   // "máy in /dev/usb/lp0", for doctor and logs
};

} // namespace kiosk

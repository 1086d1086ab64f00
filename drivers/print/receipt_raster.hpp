// A receipt drawn as a black-and-white picture the width of the paper: Vietnamese text with
// stb_truetype (Noto Sans, DejaVu Sans for symbols) and the QR code. Printer code pages have no
// Vietnamese, so the printer gets pixels, never text.
#pragma once
#include "drivers/display/png_image.hpp"
#include "kiosk/ports/printer.hpp"
#include <memory>
#include <string>

namespace drivers {

class ReceiptRenderer {
public:
    ReceiptRenderer();
    ~ReceiptRenderer();

    // Reads the fonts (fonts-noto-core, fonts-dejavu-core). False with a Vietnamese message.
    bool load(std::string& error);

    // One channel, `widthDots` wide (a multiple of 8), 0 = black, 255 = white; nothing but those two.
    // An 80 mm printer at 203 dpi has 576 dots, a 58 mm one 384.
    Image render(const kiosk::Receipt& receipt, int widthDots) const;

private:
    struct Fonts;
    std::unique_ptr<Fonts> m_fonts;
};

} // namespace drivers

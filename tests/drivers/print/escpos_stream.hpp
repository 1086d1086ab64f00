// Reads a printer's ESC/POS stream back the way a printer would — ESC @, GS v 0 raster bands,
// GS V 66 n — into the picture it would print (for decoding the slip's QR code with ZXing).
#pragma once
#include "drivers/display/png_image.hpp"
#include <string>

namespace test {

struct EscPosStream {
    bool reset = false;
    bool cut = false;
    int bands = 0;
    drivers::Image image{0, 0, 1, {}};
    std::string error;   // empty when the stream is one well-formed slip
};

// One slip, up to and including its cut.
EscPosStream parseEscPos(const std::string& bytes);

} // namespace test

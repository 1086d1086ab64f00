// The ESC/POS reader for tests.
#include "tests/drivers/print/escpos_stream.hpp"

namespace test {

EscPosStream parseEscPos(const std::string& s)
{
    EscPosStream p;
    size_t i = 0;
    auto u8 = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        if (u8(i) == 0x1b && i + 1 < s.size() && s[i + 1] == '@') {
            p.reset = true;
            i += 2;
        } else if (u8(i) == 0x1d && i + 7 < s.size() && s[i + 1] == 'v' && s[i + 2] == '0') {
            const int bytesPerRow = u8(i + 4) | (u8(i + 5) << 8);
            const int rows = u8(i + 6) | (u8(i + 7) << 8);
            i += 8;
            if (p.image.width == 0) p.image.width = bytesPerRow * 8;
            if (p.image.width != bytesPerRow * 8 || i + size_t(bytesPerRow) * rows > s.size()) {
                p.error = "band width changed or data cut short";
                return p;
            }
            for (int y = 0; y < rows; ++y)
                for (int b = 0; b < bytesPerRow; ++b)
                    for (int bit = 0; bit < 8; ++bit)
                        p.image.pixels.push_back((u8(i + size_t(y) * bytesPerRow + b) & (0x80 >> bit)) ? 0 : 255);
            p.image.height += rows;
            i += size_t(bytesPerRow) * rows;
            ++p.bands;
        } else if (u8(i) == 0x1d && i + 3 < s.size() && s[i + 1] == 'V' && u8(i + 2) == 66) {
            p.cut = true;
            i += 4;
            if (i != s.size()) p.error = "bytes after the cut";
            return p;
        } else {
            p.error = "unexpected byte at " + std::to_string(i);
            return p;
        }
    }
    return p;
}

} // namespace test

// libqrencode wrapper: 8-bit mode keeps UTF-8 (Vietnamese included) byte-exact.
#include "kiosk/common/qr.hpp"
#include <qrencode.h>
#include <string>

namespace kiosk {

std::optional<QrMatrix> encodeQr(std::string_view text)
{
    std::string s(text);
    QRcode* code = QRcode_encodeString8bit(s.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return std::nullopt;
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * m.size);
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

std::vector<uint8_t> rasterizeQr(const QrMatrix& qr, int ppm, int quiet, int& sidePx)
{
    sidePx = (qr.size + 2 * quiet) * ppm;
    std::vector<uint8_t> img(static_cast<size_t>(sidePx) * sidePx, 255);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.at(x, y))
                for (int dy = 0; dy < ppm; ++dy)
                    for (int dx = 0; dx < ppm; ++dx)
                        img[static_cast<size_t>((y + quiet) * ppm + dy) * sidePx + (x + quiet) * ppm + dx] = 0;
    return img;
}

} // namespace kiosk

// QR codes for the hand-off screens and slips: text → module matrix (libqrencode).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk {

struct QrMatrix {
    int size = 0;                       // modules per side, without the quiet zone
    std::vector<uint8_t> dark;          // size*size, row-major, 1 = dark
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// Encodes UTF-8 text as bytes with error correction M. Returns nullopt if it does not fit.
std::optional<QrMatrix> encodeQr(std::string_view text);

// Renders to an 8-bit grey image (0 dark, 255 light) with `quiet` light modules around it.
std::vector<uint8_t> rasterizeQr(const QrMatrix& qr, int pixelsPerModule, int quiet, int& sidePx);

} // namespace kiosk

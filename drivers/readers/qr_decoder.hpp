// QR codes read from pictures (ZXing-cpp 1.4, QR only): the ID-card scanner's decoding step.
#pragma once
#include "drivers/display/png_image.hpp"
#include <filesystem>
#include <string>
#include <vector>

namespace drivers {

// Every QR code found in the image, as UTF-8 text; empty when there is none. A colour image is
// turned grey first.
std::vector<std::string> decodeQrCodes(const Image& grey);

// Loads a PNG or JPEG and decodes it. False (with a Vietnamese `error` saying what to do) only when
// the file cannot be read; a readable picture without a code returns true and leaves `out` empty.
// When the first look finds nothing, a picture of up to 4 megapixels is looked at again at twice
// its size (codes under ~3.4 px per module).
bool decodeQrFile(const std::filesystem::path& file, std::vector<std::string>& out, std::string& error);

} // namespace drivers

// PNG files in and out (stb), for screenshots, test images and lesson pictures.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace drivers {

struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;               // 1 grey, 3 RGB, 4 RGBA
    std::vector<uint8_t> pixels;
};

bool writePng(const std::filesystem::path& file, const Image& image, std::string& error);
// The PNG file's bytes in memory (for kiosk::PrivateFile, which owns the file's creation).
bool encodePng(const Image& image, std::string& bytes, std::string& error);
// Loads PNG or JPEG; `channels` forces the channel count (0 keeps the file's). With `maxSide`, a
// picture wider or taller than that is refused from its header (stbi_info) before any decoding.
bool loadImage(const std::filesystem::path& file, Image& out, int channels, std::string& error, int maxSide = 0);
Image toGrey(const Image& image);

} // namespace drivers

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
// Loads PNG or JPEG; `channels` forces the channel count (0 keeps the file's).
bool loadImage(const std::filesystem::path& file, Image& out, int channels, std::string& error);
Image toGrey(const Image& image);

} // namespace drivers

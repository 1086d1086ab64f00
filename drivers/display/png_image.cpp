// stb_image / stb_image_write come compiled in Debian's libstb.
#include "drivers/display/png_image.hpp"
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

namespace drivers {

bool writePng(const std::filesystem::path& file, const Image& image, std::string& error)
{
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() < size_t(image.width) * image.height * image.channels) {
        error = "ảnh rỗng, không ghi được";
        return false;
    }
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (!stbi_write_png(file.c_str(), image.width, image.height, image.channels, image.pixels.data(), image.width * image.channels)) {
        error = "không ghi được tệp " + file.string() + " (ổ đĩa đầy hoặc không có quyền ghi?)";
        return false;
    }
    return true;
}

bool encodePng(const Image& image, std::string& bytes, std::string& error)
{
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() < size_t(image.width) * image.height * image.channels) {
        error = "ảnh rỗng, không ghi được";
        return false;
    }
    bytes.clear();
    auto append = [](void* user, void* data, int size) { static_cast<std::string*>(user)->append(static_cast<const char*>(data), size_t(size)); };
    if (!stbi_write_png_to_func(append, &bytes, image.width, image.height, image.channels, image.pixels.data(), image.width * image.channels)) {
        error = "không mã hoá được ảnh PNG";
        return false;
    }
    return true;
}

bool loadImage(const std::filesystem::path& file, Image& out, int channels, std::string& error, int maxSide)
{
    int w = 0, h = 0, n = 0;
    if (maxSide > 0) {
        if (!stbi_info(file.c_str(), &w, &h, &n)) {
            error = "không đọc được ảnh " + file.string() + ": " + (stbi_failure_reason() ? stbi_failure_reason() : "?");
            return false;
        }
        if (w <= 0 || h <= 0 || w > maxSide || h > maxSide) {
            error = "ảnh " + file.string() + " rộng " + std::to_string(w) + "×" + std::to_string(h) + " điểm ảnh, quá " +
                    std::to_string(maxSide) + "×" + std::to_string(maxSide);
            return false;
        }
    }
    unsigned char* data = stbi_load(file.c_str(), &w, &h, &n, channels);
    if (!data) {
        error = "không đọc được ảnh " + file.string() + ": " + (stbi_failure_reason() ? stbi_failure_reason() : "?");
        return false;
    }
    out.width = w;
    out.height = h;
    out.channels = channels ? channels : n;
    out.pixels.assign(data, data + size_t(w) * h * out.channels);
    stbi_image_free(data);
    return true;
}

Image toGrey(const Image& in)
{
    if (in.channels == 1) return in;
    Image g{in.width, in.height, 1, std::vector<uint8_t>(size_t(in.width) * in.height)};
    for (size_t i = 0; i < g.pixels.size(); ++i) {
        const uint8_t* p = &in.pixels[i * in.channels];
        g.pixels[i] = in.channels >= 3 ? uint8_t((p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000) : p[0];
    }
    return g;
}

} // namespace drivers

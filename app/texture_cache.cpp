// Decoding with stb (drivers/display/png_image), uploading as an RGBA32 streaming-free static texture.
#include "app/texture_cache.hpp"
#include "drivers/display/png_image.hpp"
#include "kiosk/content/content.hpp"
#include <SDL.h>
#include <spdlog/spdlog.h>

namespace app {

TextureCache::~TextureCache()
{
    for (auto& [path, e] : m_entries)
        if (e.texture) SDL_DestroyTexture(e.texture);
}

ImTextureID TextureCache::texture(const std::string& relPath, ImVec2& size)
{
    auto it = m_entries.find(relPath);
    if (it == m_entries.end()) {
        Entry e;
        drivers::Image img;
        std::string error;
        // The same checks as `kiosk content check`: inside assets/, a PNG of bounded size (its
        // header read, nothing decoded, before stb allocates anything).
        const auto file = kiosk::lessonImageFile(m_assets, relPath);
        if (!file) error = kiosk::kImageRefused;
        if (file && drivers::loadImage(*file, img, 4, error, kiosk::kMaxImageSide)) {
            e.texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, img.width, img.height);
            if (e.texture) {
                SDL_UpdateTexture(e.texture, nullptr, img.pixels.data(), img.width * 4);
                SDL_SetTextureBlendMode(e.texture, SDL_BLENDMODE_BLEND);
                e.size = ImVec2(float(img.width), float(img.height));
            }
        } else {
            spdlog::warn("không dùng được ảnh bài học {}: {}", relPath, error);
        }
        it = m_entries.emplace(relPath, e).first;
    }
    size = it->second.size;
    return it->second.texture;
}

} // namespace app

// Lesson pictures (PNG/JPEG under assets/) loaded once into SDL textures for Dear ImGui.
#pragma once
#include "ui/ui_context.hpp"
#include <filesystem>
#include <map>

struct SDL_Renderer;
struct SDL_Texture;

namespace app {

class TextureCache final : public ui::ImageSource {
public:
    TextureCache(SDL_Renderer* renderer, std::filesystem::path assetsDir) : m_renderer(renderer), m_assets(std::move(assetsDir)) {}
    ~TextureCache() override;
    ImTextureID texture(const std::string& relPath, ImVec2& size) override;

private:
    struct Entry {
        SDL_Texture* texture = nullptr;   // null: the file could not be used (logged once)
        ImVec2 size;
    };
    SDL_Renderer* m_renderer;
    std::filesystem::path m_assets;
    std::map<std::string, Entry> m_entries;
};

} // namespace app

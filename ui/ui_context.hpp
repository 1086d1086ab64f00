// What every screen and widget draws with: fonts, palette, layout scale, texts, and the record of
// where each touch target was drawn this frame (so tests and tools can find a widget by its ID).
#pragma once
#include "kiosk/flow/app_state.hpp"
#include "kiosk/content/config.hpp"
#include "kiosk/content/content.hpp"
#include "kiosk/content/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include <algorithm>
#include <string>
#include <vector>

namespace ui {

struct HitBox {
    std::string id;
    ImVec2 min;
    ImVec2 max;
    bool whole = true;   // false: partly scrolled out of its area (only the visible part is recorded)
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

// Pictures from the assets folder (lesson screenshots a province supplies), as renderer textures.
// The front end implements it; without one, steps show their drawn phone.
class ImageSource {
public:
    virtual ~ImageSource() = default;
    // The texture for `relPath` (relative to the assets folder) and its size; null if unusable.
    virtual ImTextureID texture(const std::string& relPath, ImVec2& size) = 0;
};

struct Context {
    const kiosk::Strings& strings;
    const kiosk::Config& config;
    const kiosk::Catalogue& catalogue;
    Theme theme = standardTheme();
    Fonts fonts;
    float scale = 1.0f;               // layout scale: layoutScale() of the screen
    bool portrait = false;            // taller than wide: screens stack in one column
    kiosk::Lang lang = kiosk::Lang::Vi;
    bool highContrast = false;
    ImageSource* images = nullptr;
    double time = 0.0;                // seconds, for the little animation there is
    std::vector<HitBox> hits;         // touch targets drawn this frame
    double nextFrameAt = 1e300;       // a screen that animates asks for its next frame here (seconds)
    bool slowMotion = false;

    float px(float v) const { return v * scale; }
    const std::string& tr(std::string_view key) const { return strings.get(key, lang); }
    std::string fmt(std::string_view key, std::initializer_list<std::string> args) const { return strings.format(key, lang, args); }
    void addHit(std::string id, ImVec2 min, ImVec2 max, bool whole = true) { hits.push_back({std::move(id), min, max, whole}); }
    void frameAgainIn(double seconds) { nextFrameAt = std::min(nextFrameAt, time + seconds); }
    const HitBox* findHit(std::string_view id) const;
    // A topic's colour, or the theme's accent colour in high contrast (topic colours are too dim on black).
    ImU32 topicColor(const kiosk::Topic* topic) const { return highContrast || !topic ? theme.primary : rgb(topic->color); }
};

// The layout is designed for 1920x1080 and, turned, 1080x1920: a pixel at 1080p is `scale` pixels
// here (the short side over 1080, or the long side over 1920 when that is smaller: 16:10, 4:3).
inline float layoutScale(float width, float height)
{
    const float shortSide = std::min(width, height), longSide = std::max(width, height);
    return std::min(shortSide / 1080.0f, longSide / 1920.0f);
}
inline bool isPortrait(float width, float height) { return height > width; }
// "ngang 16:9 (1920x1080)" — what `kiosk run` and `kiosk doctor` say they found.
std::string describeShape(int width, int height);

// Every text the screens can draw, for building the font atlas with exactly the glyphs needed.
std::string allScreenText(const kiosk::Strings& strings, const kiosk::Config& config, const kiosk::Catalogue& catalogue);
// The strings drawn with the big display font.
std::string displayText(const kiosk::Strings& strings);

} // namespace ui

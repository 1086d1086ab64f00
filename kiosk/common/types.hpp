// Small value types shared by every layer: language, text size, bilingual text, input events.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk {

enum class Lang { Vi, En };
enum class TextSize { Normal, Large, ExtraLarge };

const char* langCode(Lang lang);             // "vi" / "en"
bool parseLang(std::string_view s, Lang& out);
const char* textSizeName(TextSize size);     // "normal" / "large" / "extra-large"
bool parseTextSize(std::string_view s, TextSize& out);
float textScale(TextSize size);              // 1.0 / 1.25 / 1.5

// A text in Vietnamese with its English translation. English falls back to Vietnamese when
// missing, so a citizen never sees an empty label.
struct LocalText {
    std::string vi;
    std::string en;
    const std::string& in(Lang lang) const { return lang == Lang::En && !en.empty() ? en : vi; }
};

// A pointer event in window pixels, as the platform driver hands it over (touch and mouse alike).
struct PointerEvent {
    enum class Kind { Down, Up, Move };
    Kind kind = Kind::Move;
    float x = 0;
    float y = 0;
};

} // namespace kiosk

// Names and parsing of the small shared value types.
#include "kiosk/common/types.hpp"

namespace kiosk {

const char* langCode(Lang lang) { return lang == Lang::En ? "en" : "vi"; }

bool parseLang(std::string_view s, Lang& out)
{
    if (s == "vi") { out = Lang::Vi; return true; }
    if (s == "en") { out = Lang::En; return true; }
    return false;
}

const char* textSizeName(TextSize size)
{
    switch (size) {
    case TextSize::Large: return "large";
    case TextSize::ExtraLarge: return "extra-large";
    default: return "normal";
    }
}

bool parseTextSize(std::string_view s, TextSize& out)
{
    if (s == "normal") { out = TextSize::Normal; return true; }
    if (s == "large") { out = TextSize::Large; return true; }
    if (s == "extra-large" || s == "xlarge") { out = TextSize::ExtraLarge; return true; }
    return false;
}

float textScale(TextSize size)
{
    switch (size) {
    case TextSize::Large: return 1.25f;
    case TextSize::ExtraLarge: return 1.5f;
    default: return 1.0f;
    }
}

} // namespace kiosk

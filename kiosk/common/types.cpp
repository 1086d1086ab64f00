// Names and parsing of the small shared value types.
#include "kiosk/common/types.hpp"
#include "kiosk/common/enum_names.hpp"

namespace kiosk {

namespace {
constexpr EnumName<Lang> kLangs[] = {{Lang::Vi, "vi"}, {Lang::En, "en"}};
constexpr EnumName<TextSize> kTextSizes[] = {
    {TextSize::Normal, "normal"}, {TextSize::Large, "large"}, {TextSize::ExtraLarge, "extra-large"}, {TextSize::ExtraLarge, "xlarge"}};
} // namespace

const char* langCode(Lang lang) { return enumName(kLangs, lang); }
bool parseLang(std::string_view s, Lang& out) { return parseEnum(kLangs, s, out); }
const char* textSizeName(TextSize size) { return enumName(kTextSizes, size); }
bool parseTextSize(std::string_view s, TextSize& out) { return parseEnum(kTextSizes, s, out); }

float textScale(TextSize size)
{
    switch (size) {
    case TextSize::Large: return 1.25f;
    case TextSize::ExtraLarge: return 1.5f;
    default: return 1.0f;
    }
}

} // namespace kiosk

// forTerminal(): one pass over the UTF-8, replacing what a terminal would act on.
#include "collector/terminal_text.hpp"
#include "kiosk/common/utf8.hpp"

namespace collector {

namespace {
// C0 controls, DEL and C1 (0x9B is CSI on some terminals).
bool actsOnTerminal(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }
} // namespace

std::string forTerminal(std::string_view s)
{
    using kiosk::utf8::kReplacementText;
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const size_t start = i;
        const auto cp = kiosk::utf8::decodeOne(s, i);
        if (!cp) {
            out += kReplacementText;
            ++i;
        } else if (actsOnTerminal(*cp)) {
            out += kReplacementText;
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

} // namespace collector

// forTerminal(): one pass over the UTF-8, replacing what a terminal would act on.
#include "collector/terminal_text.hpp"

namespace collector {

std::string forTerminal(std::string_view s)
{
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7f) out += kReplacement;
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        // The length of a well-formed UTF-8 sequence starting with `c` (overlongs and surrogates refused).
        size_t n = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
        bool ok = n > 0 && i + n <= s.size();
        for (size_t k = 1; ok && k < n; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (ok && ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))) ok = false;
        if (!ok) {
            out += kReplacement;
            ++i;
            continue;
        }
        if (cp >= 0x80 && cp <= 0x9F) out += kReplacement;   // C1: 0x9B is CSI on some terminals
        else out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

} // namespace collector

// One UTF-8 decoder: the lead byte fixes the length and the allowed range of the second byte,
// which is where overlong forms, surrogates and values past U+10FFFF are refused (RFC 3629 §4).
#include "kiosk/common/utf8.hpp"

namespace kiosk::utf8 {

namespace {

constexpr unsigned char kContinuationLow = 0x80, kContinuationHigh = 0xBF;
constexpr char32_t kMaxCodePoint = 0x10FFFF;

bool isContinuation(unsigned char b) { return b >= kContinuationLow && b <= kContinuationHigh; }
bool isSurrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

} // namespace

std::optional<char32_t> decodeOne(std::string_view s, size_t& i)
{
    if (i >= s.size()) return std::nullopt;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    size_t len = 0;
    char32_t cp = 0;
    unsigned char lo = kContinuationLow, hi = kContinuationHigh;   // the allowed second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, cp = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;   // below: overlong
        if (c == 0xED) hi = 0x9F;   // above: surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, cp = c & 0x07;
        if (c == 0xF0) lo = 0x90;   // below: overlong
        if (c == 0xF4) hi = 0x8F;   // above: past U+10FFFF
    } else {
        return std::nullopt;   // a continuation byte, C0/C1 (always overlong) or F5–FF
    }
    if (s.size() - i < len) return std::nullopt;
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return std::nullopt;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (!isContinuation(b)) return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    i += len;
    return cp;
}

std::u32string decode(std::string_view s, char32_t replacement)
{
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (const auto cp = decodeOne(s, i)) {
            out += *cp;
        } else {
            out += replacement;
            ++i;
        }
    }
    return out;
}

void append(std::string& out, char32_t c)
{
    if (isSurrogate(c) || c > kMaxCodePoint) c = kReplacement;
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

std::string encode(std::u32string_view cps)
{
    std::string out;
    out.reserve(cps.size());
    for (char32_t c : cps) append(out, c);
    return out;
}

size_t firstInvalid(std::string_view s)
{
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;   // the usual ASCII byte, without the call
            continue;
        }
        const size_t at = i;
        if (!decodeOne(s, i)) return at;
    }
    return std::string_view::npos;
}

bool isValid(std::string_view s) { return firstInvalid(s) == std::string_view::npos; }

size_t length(std::string_view s)
{
    size_t n = 0;
    for (char c : s)
        if (!isContinuation(static_cast<unsigned char>(c))) ++n;
    return n;
}

} // namespace kiosk::utf8

// UTF-8, one definition of valid for the whole kiosk and the collector: RFC 3629, so no overlong
// forms, no surrogates (U+D800–U+DFFF), nothing past U+10FFFF and no cut sequences. That is also
// what nlohmann-json accepts when it writes a string out.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::utf8 {

inline constexpr char32_t kReplacement = U'\uFFFD';
inline constexpr std::string_view kReplacementText = "\xEF\xBF\xBD";   // U+FFFD encoded

// The code point at s[i], moving i past it; nullopt (i unchanged) when s[i] starts no valid sequence.
std::optional<char32_t> decodeOne(std::string_view s, size_t& i);
// Every code point; each byte that starts no valid sequence becomes `replacement`.
std::u32string decode(std::string_view s, char32_t replacement = kReplacement);
// Appends `c`; a surrogate or a value past U+10FFFF is no character and appends U+FFFD.
void append(std::string& out, char32_t c);
std::string encode(std::u32string_view cps);
// Offset of the first byte that starts no valid sequence, or npos.
size_t firstInvalid(std::string_view s);
bool isValid(std::string_view s);
// Code points in valid text (bytes that are not continuation bytes): widths of cells and fields.
size_t length(std::string_view s);

} // namespace kiosk::utf8

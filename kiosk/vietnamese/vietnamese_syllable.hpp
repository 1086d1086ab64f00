// Vietnamese spelling for the typing composer (kiosk/vietnamese/vietnamese_input.hpp): letters with their marks,
// the vowel group that takes the tone, where the tone goes, and what counts as a Vietnamese syllable.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class ToneStyle { Old, New };   // old "hòa, thúy, khỏe"; new "hoà, thuý, khoẻ"

namespace viet {

enum class Mark : unsigned char { None, Circumflex, Breve, Horn, Stroke };
enum class Tone : unsigned char { None, Sac, Huyen, Hoi, Nga, Nang };   // VNI digits 1–5, in order

struct Letter {
    char base = 0;        // lower-case ASCII letter (or a digit typed literally)
    Mark mark = Mark::None;
    bool upper = false;
    bool fromW = false;   // an "ư" typed as a lone Telex w: undone back to "w"
};

constexpr size_t npos = std::string::npos;

bool isVowel(const Letter& l);
bool isAsciiLetter(char32_t c);
char lowerAscii(char c);
char upperAscii(char c);
// The letter (and tone) a precomposed code point is made of; false for anything not Vietnamese.
bool decompose(char32_t c, Letter& l, Tone& tone);

// A run of letters as text: the base letter, then ^ circumflex, ( breve, + horn, - stroke ("d-" is đ).
std::string code(const std::vector<Letter>& ls, size_t from, size_t to);
bool isFinal(std::string_view code);   // "", c, ch, m, n, ng, nh, p, t
// The vowel group that carries the tone, [gs, ge): the last run of vowels, less the u of "qu" and
// the i of "gi" when another vowel follows them. False without a vowel.
bool findNucleus(const std::vector<Letter>& ls, size_t& gs, size_t& ge);
// True when ls[gs, ge) is, or can still become (more marks, more vowels), a Vietnamese vowel group.
bool nucleusFits(const std::vector<Letter>& ls, size_t gs, size_t ge, bool hasFinal);
// The index of the letter that carries the tone; npos without a vowel.
size_t toneIndex(const std::vector<Letter>& ls, ToneStyle style);
// A Vietnamese syllable, or the start of one (initial, vowel group, final, a tone the final allows).
bool isSyllable(const std::vector<Letter>& ls, Tone tone);
// The letters drawn as NFC text with the tone in its place.
std::string spell(const std::vector<Letter>& ls, Tone tone, ToneStyle style);

} // namespace viet
} // namespace kiosk

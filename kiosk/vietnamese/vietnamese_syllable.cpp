// Vietnamese spelling for the typing composer: the precomposed letters, the vowel group that takes
// the tone, where the tone goes, and what counts as a Vietnamese syllable (or the start of one).
//
// [1] Letters: the precomposed vowel tables, UTF-8.
// [2] Syllables: nucleus, initial and final consonants, where the tone goes, what counts as Vietnamese.
#include "kiosk/vietnamese/vietnamese_syllable.hpp"
#include "kiosk/common/utf8.hpp"
#include <algorithm>
#include <array>

namespace kiosk::viet {

// ---------------------------------------------------------------- [1] Letters

namespace {

struct VowelRow {
    char base;
    Mark mark;
    std::u32string_view lower;   // no tone, sắc, huyền, hỏi, ngã, nặng (the viet::Tone order)
    std::u32string_view upper;
};

constexpr VowelRow kVowels[] = {
    {'a', Mark::None, U"aáàảãạ", U"AÁÀẢÃẠ"},
    {'a', Mark::Breve, U"ăắằẳẵặ", U"ĂẮẰẲẴẶ"},
    {'a', Mark::Circumflex, U"âấầẩẫậ", U"ÂẤẦẨẪẬ"},
    {'e', Mark::None, U"eéèẻẽẹ", U"EÉÈẺẼẸ"},
    {'e', Mark::Circumflex, U"êếềểễệ", U"ÊẾỀỂỄỆ"},
    {'i', Mark::None, U"iíìỉĩị", U"IÍÌỈĨỊ"},
    {'o', Mark::None, U"oóòỏõọ", U"OÓÒỎÕỌ"},
    {'o', Mark::Circumflex, U"ôốồổỗộ", U"ÔỐỒỔỖỘ"},
    {'o', Mark::Horn, U"ơớờởỡợ", U"ƠỚỜỞỠỢ"},
    {'u', Mark::None, U"uúùủũụ", U"UÚÙỦŨỤ"},
    {'u', Mark::Horn, U"ưứừửữự", U"ƯỨỪỬỮỰ"},
    {'y', Mark::None, U"yýỳỷỹỵ", U"YÝỲỶỸỴ"},
};

// Every entry must be six precomposed code points: a decomposed one would break NFC output.
constexpr bool tablesArePrecomposed()
{
    for (const VowelRow& r : kVowels)
        if (r.lower.size() != 6 || r.upper.size() != 6) return false;
    return true;
}
static_assert(tablesArePrecomposed());

bool isVowelBase(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

} // namespace

bool isVowel(const Letter& l) { return isVowelBase(l.base); }
bool isAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
char upperAscii(char c) { return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c; }

namespace {

char32_t renderLetter(const Letter& l, Tone tone, bool dropHorn)
{
    if (isVowel(l)) {
        Mark m = dropHorn ? Mark::None : l.mark;
        for (const VowelRow& r : kVowels)
            if (r.base == l.base && r.mark == m) return (l.upper ? r.upper : r.lower)[size_t(tone)];
    }
    if (l.base == 'd' && l.mark == Mark::Stroke) return l.upper ? U'Đ' : U'đ';
    return char32_t(static_cast<unsigned char>(l.upper ? upperAscii(l.base) : l.base));
}

} // namespace

// The letter (and tone) a precomposed code point is made of; false for anything not Vietnamese.
bool decompose(char32_t c, Letter& l, Tone& tone)
{
    tone = Tone::None;
    if (isAsciiLetter(c)) {
        l = Letter{lowerAscii(char(c)), Mark::None, c < 'a'};
        return true;
    }
    if (c == U'đ' || c == U'Đ') {
        l = Letter{'d', Mark::Stroke, c == U'Đ'};
        return true;
    }
    for (const VowelRow& r : kVowels)
        for (size_t t = 0; t < 6; ++t)
            if (r.lower[t] == c || r.upper[t] == c) {
                l = Letter{r.base, r.mark, r.upper[t] == c};
                tone = Tone(t);
                return true;
            }
    return false;
}

// ---------------------------------------------------------------- [2] Syllables

// A run of letters as text: the base letter, then ^ circumflex, ( breve, + horn, - stroke.
std::string code(const std::vector<Letter>& ls, size_t from, size_t to)
{
    std::string s;
    for (size_t i = from; i < to; ++i) {
        s += ls[i].base;
        switch (ls[i].mark) {
        case Mark::Circumflex: s += '^'; break;
        case Mark::Breve: s += '('; break;
        case Mark::Horn: s += '+'; break;
        case Mark::Stroke: s += '-'; break;
        case Mark::None: break;
        }
    }
    return s;
}

namespace {

constexpr std::array<std::string_view, 28> kInitials = {"", "b", "c", "ch", "d", "d-", "g", "gh", "gi", "h", "k", "kh", "l", "m",
                                                        "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"};
constexpr std::array<std::string_view, 9> kFinals = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
// Vowel groups that may be followed by a final consonant (most may also end the syllable).
constexpr std::array<std::string_view, 24> kNucleiClosed = {"a", "a(", "a^", "e", "e^", "i", "o", "o^", "o+", "u", "u+", "y",
                                                            "ie^", "ye^", "oa", "oa(", "oe", "oo", "ua^", "ue^", "uo^", "u+o+",
                                                            "uy", "uye^"};
// Vowel groups that always end the syllable.
constexpr std::array<std::string_view, 30> kNucleiOpen = {"ai", "ao", "au", "a^u", "ay", "a^y", "eo", "e^u", "ia", "iu",
                                                          "oi", "o^i", "o+i", "ua", "ui", "u+a", "u+i", "u+u", "uo+", "ie^u",
                                                          "ye^u", "oai", "oay", "oeo", "ua^y", "uo^i", "u+o+i", "u+o+u", "uya", "uyu"};

template <size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view s)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

} // namespace

bool isFinal(std::string_view code) { return listed(kFinals, code); }

// The vowel group that carries the tone: the last run of vowels, less the u of "qu" and the i of
// "gi" when another vowel follows them (quá, già; but gì, gìn).
bool findNucleus(const std::vector<Letter>& ls, size_t& gs, size_t& ge)
{
    size_t e = ls.size();
    while (e > 0 && !isVowel(ls[e - 1])) --e;
    if (e == 0) return false;
    size_t s = e - 1;
    while (s > 0 && isVowel(ls[s - 1])) --s;
    if (s == 1 && e - s >= 2 && ls[1].mark == Mark::None &&
        ((ls[0].base == 'q' && ls[1].base == 'u') || (ls[0].base == 'g' && ls[1].base == 'i')))
        s = 2;
    gs = s;
    ge = e;
    return true;
}

// True when ls[gs, ge) is, or can still become (more marks, more vowels), a Vietnamese vowel group.
bool nucleusFits(const std::vector<Letter>& ls, size_t gs, size_t ge, bool hasFinal)
{
    auto fits = [&](std::string_view n) {
        size_t k = 0, i = gs;
        for (; i < ge && k < n.size(); ++i) {
            char base = n[k++];
            Mark m = Mark::None;
            if (k < n.size() && (n[k] == '^' || n[k] == '(' || n[k] == '+'))
                m = n[k] == '^' ? Mark::Circumflex : n[k] == '(' ? Mark::Breve : Mark::Horn, ++k;
            if (ls[i].base != base || (ls[i].mark != m && ls[i].mark != Mark::None)) return false;
        }
        if (i < ge) return false;                  // the group is longer than this one
        return !hasFinal || k == n.size();         // with a final consonant the group is complete
    };
    for (std::string_view n : kNucleiClosed)
        if (fits(n)) return true;
    if (!hasFinal)
        for (std::string_view n : kNucleiOpen)
            if (fits(n)) return true;
    return false;
}

// Where the tone goes (index into ls), npos without a vowel.
size_t toneIndex(const std::vector<Letter>& ls, ToneStyle style)
{
    size_t gs = 0, ge = 0;
    if (!findNucleus(ls, gs, ge)) return npos;
    const size_t n = ge - gs;
    if (n == 1) return gs;
    size_t marked = npos;   // a vowel with a mark takes it; of ươ (ươi, ươu) the ơ, the last one
    for (size_t i = gs; i < ge; ++i)
        if (ls[i].mark != Mark::None) marked = i;
    if (marked != npos) return marked;
    if (n >= 3) return gs + 1;                    // oai, oay, uyu, oeo: the middle one
    if (ge < ls.size()) return gs + 1;            // with a final consonant: hoàn, toán
    std::string pair{ls[gs].base, ls[gs + 1].base};
    if (pair == "oa" || pair == "oe" || pair == "uy") return style == ToneStyle::Old ? gs : gs + 1;
    return gs;                                    // ai, ao, ia, ua, ui, …: the first
}

namespace {

// "ươ" with nothing after it is written "uơ" in the few words that end so (thuở, huơ, khuơ); other
// words are still being typed ("ngươ" on the way to "người") and keep their ư.
bool openUo(const std::vector<Letter>& ls, size_t& at)
{
    size_t gs = 0, ge = 0;
    if (!findNucleus(ls, gs, ge) || ge != ls.size() || code(ls, gs, ge) != "u+o+") return false;
    const std::string initial = code(ls, 0, gs);
    if (initial != "h" && initial != "kh" && initial != "th") return false;
    at = gs;
    return true;
}

} // namespace

bool isSyllable(const std::vector<Letter>& ls, Tone tone)
{
    for (const Letter& l : ls)
        if (l.base < 'a' || l.base > 'z' || l.base == 'f' || l.base == 'j' || l.base == 'w' || l.base == 'z') return false;
    size_t gs = 0, ge = 0;
    if (!findNucleus(ls, gs, ge)) {   // consonants so far: the start of an initial
        std::string c = code(ls, 0, ls.size());
        return std::any_of(kInitials.begin(), kInitials.end(), [&](std::string_view i) { return i.substr(0, c.size()) == c; });
    }
    const std::string fin = code(ls, ge, ls.size());
    if (!listed(kInitials, code(ls, 0, gs)) || !listed(kFinals, fin) || !nucleusFits(ls, gs, ge, !fin.empty())) return false;
    if ((fin == "ch" || fin == "nh") && std::string_view("aeiy").find(ls[ge - 1].base) == npos) return false;
    // Syllables ending in c, ch, p, t take only sắc or nặng.
    if ((fin == "c" || fin == "ch" || fin == "p" || fin == "t") && tone != Tone::None && tone != Tone::Sac && tone != Tone::Nang)
        return false;
    return true;
}

std::string spell(const std::vector<Letter>& ls, Tone tone, ToneStyle style)
{
    size_t ti = tone == Tone::None ? npos : toneIndex(ls, style);
    size_t uo = npos;
    openUo(ls, uo);
    std::string out;
    for (size_t i = 0; i < ls.size(); ++i) utf8::append(out, renderLetter(ls[i], i == ti ? tone : Tone::None, i == uo));
    return out;
}

} // namespace kiosk::viet

// Vietnamese letter tables (the twelve vowels with their six tones, and đ) behind NFC composition
// and list order. ICU's collator would give the letter order but not the given-name-first rule,
// and the kiosk needs nothing else from ICU.
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include "kiosk/common/utf8.hpp"
#include "kiosk/vietnamese/vietnamese_syllable.hpp"
#include <algorithm>
#include <array>
#include <vector>

namespace kiosk {

namespace {

// One letter: its place in the alphabet (primary), its tone 0..5 (secondary), its case.
struct Letter {
    unsigned char rank = 0;
    unsigned char tone = 0;
    bool upper = false;
    int vowel = -1;   // index in kVowels, -1 for a consonant
};

// The vowels with their tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
constexpr std::array<std::string_view, 12> kVowels = {
    "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
    "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ"};
constexpr std::array<std::string_view, 12> kVowelsUpper = {
    "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
    "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ"};
// The alphabet, one letter per entry; ranks start above the separators used in keys.
constexpr std::array<std::string_view, 33> kAlphabet = {
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"};
constexpr unsigned char kFirstRank = 0x10;

// Every Vietnamese letter is below U+1F00: a flat table indexed by code point.
constexpr char32_t kTableSize = 0x1F00;

struct Tables {
    std::vector<Letter> letters = std::vector<Letter>(kTableSize);
    std::array<std::array<char32_t, 6>, 12> lower{}, upper{};

    Tables()
    {
        auto rankOf = [](std::string_view letter) {
            for (size_t i = 0; i < kAlphabet.size(); ++i)
                if (kAlphabet[i] == letter) return static_cast<unsigned char>(kFirstRank + i);
            return kFirstRank;
        };
        for (size_t v = 0; v < kVowels.size(); ++v) {
            const std::u32string lo = utf8::decode(kVowels[v]), up = utf8::decode(kVowelsUpper[v]);
            std::string base;
            utf8::append(base, lo[0]);
            for (size_t t = 0; t < 6; ++t) {
                lower[v][t] = lo[t];
                upper[v][t] = up[t];
                letters[lo[t]] = {rankOf(base), static_cast<unsigned char>(t), false, int(v)};
                letters[up[t]] = {rankOf(base), static_cast<unsigned char>(t), true, int(v)};
            }
        }
        for (char c = 'a'; c <= 'z'; ++c) {
            if (letters[size_t(c)].rank) continue;
            const unsigned char r = rankOf(std::string(1, c));
            letters[char32_t(c)] = {r, 0, false, -1};
            letters[char32_t(c - 'a' + 'A')] = {r, 0, true, -1};
        }
        letters[U'đ'] = {rankOf("đ"), 0, false, -1};
        letters[U'Đ'] = {rankOf("đ"), 0, true, -1};
    }
    // Null when `c` is not a letter of the Vietnamese alphabet.
    const Letter* find(char32_t c) const { return c < kTableSize && letters[c].rank ? &letters[c] : nullptr; }
};

const Tables& tables()
{
    static const Tables t;
    return t;
}

// The tone a combining mark adds (1..5), 0 when it is not a tone mark.
int toneOfMark(char32_t m)
{
    switch (m) {
    case 0x0300: case 0x0340: return 1;   // huyền
    case 0x0309: return 2;                // hỏi
    case 0x0303: return 3;                // ngã
    case 0x0301: case 0x0341: return 4;   // sắc
    case 0x0323: return 5;                // nặng
    default: return 0;
    }
}

// The vowel a modifier mark makes of `vowel` (circumflex, breve, horn), -1 when it cannot.
int modified(int vowel, char32_t mark)
{
    // Indices in kVowels: a 0, ă 1, â 2, e 3, ê 4, o 6, ô 7, ơ 8, u 9, ư 10.
    if (mark == 0x0302) return vowel == 0 ? 2 : vowel == 3 ? 4 : vowel == 6 ? 7 : -1;
    if (mark == 0x0306) return vowel == 0 ? 1 : -1;
    if (mark == 0x031B) return vowel == 6 ? 8 : vowel == 9 ? 10 : -1;
    return -1;
}

bool isCombining(char32_t c) { return c >= 0x0300 && c <= 0x036F; }

// Primary letters of one word (digits as numbers), and its tones.
void wordKeys(const std::u32string& word, std::string& primary, std::string& secondary)
{
    const Tables& t = tables();
    for (size_t i = 0; i < word.size();) {
        const char32_t c = word[i];
        if (c >= U'0' && c <= U'9') {
            size_t j = i;
            while (j < word.size() && word[j] == U'0') ++j;   // leading zeros do not make a number bigger
            size_t k = j;
            while (k < word.size() && word[k] >= U'0' && word[k] <= U'9') ++k;
            primary += char(0x03);
            primary += char(0x20 + std::min<size_t>(k - j, 0x5F));
            for (size_t d = j; d < k; ++d) primary += char(word[d]);
            i = k;
            continue;
        }
        if (const Letter* l = t.find(c)) {
            primary += char(l->rank);
            secondary += char(0x10 + l->tone);
        } else if (!isCombining(c) && c >= 0x20) {
            // Other signs (hyphen, apostrophe, letters of other scripts) after the digits, before letters.
            primary += char(0x04);
            std::string bytes;
            utf8::append(bytes, c);
            primary += bytes;
        }
        ++i;
    }
}

std::vector<std::u32string> words(std::string_view text)
{
    std::vector<std::u32string> out;
    std::u32string current;
    for (char32_t c : utf8::decode(composeVietnamese(text))) {
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

// Letters of all the words, then their tones: words compare letter by letter first.
std::string segmentKey(const std::u32string* const* words, size_t count)
{
    std::string primary, secondary;
    for (size_t i = 0; i < count; ++i) {
        if (i) {
            primary += char(0x02);
            secondary += char(0x02);
        }
        wordKeys(*words[i], primary, secondary);
    }
    return primary + char(0x01) + secondary;
}

} // namespace

std::string composeVietnamese(std::string_view text)
{
    const Tables& t = tables();
    const std::u32string in = utf8::decode(text);
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < in.size();) {
        const Letter* l = t.find(in[i]);
        if (!l || l->vowel < 0 || i + 1 >= in.size() || !isCombining(in[i + 1])) {
            utf8::append(out, in[i]);
            ++i;
            continue;
        }
        int vowel = l->vowel, tone = l->tone;
        size_t j = i + 1;
        for (; j < in.size() && isCombining(in[j]); ++j) {
            if (int tm = toneOfMark(in[j]); tm && tone == 0) tone = tm;
            else if (int v = modified(vowel, in[j]); v >= 0) vowel = v;
            else break;   // a mark Vietnamese does not use here: keep it, and what follows, as typed
        }
        utf8::append(out, l->upper ? t.upper[size_t(vowel)][size_t(tone)] : t.lower[size_t(vowel)][size_t(tone)]);
        for (size_t k = j; k < in.size() && isCombining(in[k]); ++k) utf8::append(out, in[k]);
        while (j < in.size() && isCombining(in[j])) ++j;
        i = j;
    }
    return out;
}

std::string vietnameseSortKey(std::string_view text)
{
    const std::vector<std::u32string> w = words(text);
    std::vector<const std::u32string*> order;
    for (const auto& x : w) order.push_back(&x);
    return segmentKey(order.data(), order.size()) + char(0x00) + std::string(text);
}

std::string vietnameseNameSortKey(std::string_view fullName)
{
    const std::vector<std::u32string> w = words(fullName);
    // The given name is compared whole (letters, then tones: every "Anh" before every "Ánh"),
    // and only then the family and middle names.
    std::vector<const std::u32string*> order;
    for (const auto& x : w) order.push_back(&x);
    const size_t rest = order.empty() ? 0 : order.size() - 1;
    const std::string given = order.empty() ? std::string() : segmentKey(&order.back(), 1);
    return given + char(0x00) + segmentKey(order.data(), rest) + char(0x00) + std::string(fullName);
}

std::string tidyText(std::string_view s)
{
    std::string composed = composeVietnamese(s), out;
    bool space = false;
    for (size_t i = 0; i < composed.size(); ++i) {
        const char c = composed[i];
        const bool nbsp = c == '\xC2' && i + 1 < composed.size() && composed[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || nbsp) {
            if (nbsp) ++i;
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string searchKey(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char32_t c : utf8::decode(composeVietnamese(text))) {   // marks typed apart are joined first
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        viet::Letter l;
        viet::Tone tone;
        if (viet::decompose(c, l, tone) && l.base) out += viet::lowerAscii(l.base);
        else if (c < 0x80) out += viet::lowerAscii(static_cast<char>(c));
        else utf8::append(out, c);
    }
    return out;
}

bool searchMatches(const std::string& key, std::string_view query)
{
    const std::string q = searchKey(query);
    size_t i = 0;
    while (i < q.size()) {
        size_t j = q.find(' ', i);
        if (j == std::string::npos) j = q.size();
        if (key.find(q.substr(i, j - i)) == std::string::npos) return false;
        i = j + 1;
    }
    return true;
}

} // namespace kiosk

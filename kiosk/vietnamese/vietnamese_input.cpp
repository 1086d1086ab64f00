// Telex and VNI composition. Each word is kept as letters (base + mark + case) and one tone for the
// word; the tone is placed only when the word is drawn, so it moves as letters arrive ("hoa" + "n").
//
// The spelling rules (letters, where the tone goes) are in kiosk/vietnamese/vietnamese_syllable.cpp.
//
// [1] Keys: what a key does to the word being typed (marks, tones, undo by a doubled key).
// [2] Composer: words and separators, backspace, the text shown.
#include "kiosk/vietnamese/vietnamese_input.hpp"
#include "kiosk/common/enum_names.hpp"
#include "kiosk/common/utf8.hpp"
#include <algorithm>

namespace kiosk {

using namespace viet;

namespace {

// What the user sees for a word: composed when it is Vietnamese (or a doubled key asked for the
// letters as they are), else the keys as typed.
std::string display(const Word& w, ToneStyle style)
{
    return w.literal || isSyllable(w.letters, w.tone) ? spell(w.letters, w.tone, style) : w.raw;
}

// Keys that type this word again (after a backspace the word is no longer what was typed).
std::string canonicalKeys(const Word& w)
{
    std::string s;
    const bool telex = w.method == InputMethod::Telex;
    for (const Letter& l : w.letters) {
        const char b = l.upper ? upperAscii(l.base) : l.base, wk = l.upper ? 'W' : 'w';
        if (l.fromW) { s += wk; continue; }
        s += b;
        switch (l.mark) {
        case Mark::Circumflex: s += telex ? b : '6'; break;
        case Mark::Breve: s += telex ? wk : '8'; break;
        case Mark::Horn: s += telex ? wk : '7'; break;
        case Mark::Stroke: s += telex ? b : '9'; break;
        case Mark::None: break;
        }
    }
    if (w.tone != Tone::None) s += telex ? "sfrxj"[size_t(w.tone) - 1] : char('0' + int(w.tone));
    return s;
}

// ---------------------------------------------------------------- [1] Keys

enum class Result { NotApplicable, Applied, Undone, UndoneShown };
enum class MarkKey { Circumflex, Horn, Breve, HornOrBreve };   // VNI 6, 7, 8; Telex w

// The nucleus a key may change: there must be one, and only final consonants after it.
bool editableNucleus(const Word& w, size_t& gs, size_t& ge)
{
    return findNucleus(w.letters, gs, ge) && isFinal(code(w.letters, ge, w.letters.size()));
}

Result applyTone(Word& w, Tone t)
{
    size_t gs = 0, ge = 0;
    if (!editableNucleus(w, gs, ge)) return Result::NotApplicable;
    if (t == Tone::None) {
        if (w.tone == Tone::None) return Result::NotApplicable;
        w.tone = Tone::None;
        return Result::Applied;
    }
    if (w.tone == t) {   // the same tone key twice: take the tone off, type the key
        w.tone = Tone::None;
        return Result::Undone;
    }
    w.tone = t;
    return Result::Applied;
}

// Telex aa, ee, oo: the circumflex on the nucleus's vowel of the same letter (also after the final
// consonant: "tien" + "e" → "tiên").
Result doubleVowel(Word& w, char k)
{
    size_t gs = 0, ge = 0;
    if (!editableNucleus(w, gs, ge)) return Result::NotApplicable;
    std::vector<Letter>& ls = w.letters;
    for (size_t i = ge; i-- > gs;) {
        if (ls[i].base != k) continue;
        if (ls[i].mark == Mark::Circumflex) {
            ls[i].mark = Mark::None;
            return Result::Undone;
        }
        if (k == 'o' && ls[i].mark == Mark::Horn && i > gs && ls[i - 1].base == 'u') ls[i - 1].mark = Mark::None;   // ươ + o → uô
        ls[i].mark = Mark::Circumflex;
        return Result::Applied;
    }
    return Result::NotApplicable;
}

Mark markFor(MarkKey key, char base)
{
    switch (key) {
    case MarkKey::Circumflex: return base == 'a' || base == 'e' || base == 'o' ? Mark::Circumflex : Mark::None;
    case MarkKey::Horn: return base == 'u' || base == 'o' ? Mark::Horn : Mark::None;
    case MarkKey::Breve: return base == 'a' ? Mark::Breve : Mark::None;
    case MarkKey::HornOrBreve: return base == 'u' || base == 'o' ? Mark::Horn : base == 'a' ? Mark::Breve : Mark::None;
    }
    return Mark::None;
}

bool gives(MarkKey key, Mark m)
{
    switch (key) {
    case MarkKey::Circumflex: return m == Mark::Circumflex;
    case MarkKey::Horn: return m == Mark::Horn;
    case MarkKey::Breve: return m == Mark::Breve;
    case MarkKey::HornOrBreve: return m == Mark::Horn || m == Mark::Breve;
    }
    return false;
}

// The mark goes where it makes a Vietnamese vowel group: "uo" takes two horns (ươ), "oa" + w is
// "oă", "ua" + w is "ưa", "uu" + w is "ưu". Pressed again, it comes off.
Result applyMark(Word& w, MarkKey key)
{
    size_t gs = 0, ge = 0;
    if (!editableNucleus(w, gs, ge)) return Result::NotApplicable;
    std::vector<Letter>& ls = w.letters;
    const bool hasFinal = ge < ls.size();
    std::vector<std::vector<std::pair<size_t, Mark>>> options;
    if (key == MarkKey::Horn || key == MarkKey::HornOrBreve)
        for (size_t i = gs; i + 1 < ge; ++i)
            if (ls[i].base == 'u' && ls[i + 1].base == 'o' && (ls[i].mark != Mark::Horn || ls[i + 1].mark != Mark::Horn))
                options.push_back({{i, Mark::Horn}, {i + 1, Mark::Horn}});
    for (size_t i = ge; i-- > gs;) {
        Mark m = markFor(key, ls[i].base);
        if (m != Mark::None && ls[i].mark != m) options.push_back({{i, m}});
    }
    for (const auto& option : options) {
        std::vector<Letter> trial = ls;
        for (auto [i, m] : option) trial[i].mark = m;
        if (nucleusFits(trial, gs, ge, hasFinal)) {
            ls = std::move(trial);
            return Result::Applied;
        }
    }
    bool shown = false, undone = false;
    for (size_t i = gs; i < ge; ++i) {
        if (!gives(key, ls[i].mark)) continue;
        undone = true;
        if (ls[i].fromW) {   // "ww": the ư a lone w made turns back into the w
            ls[i] = Letter{'w', Mark::None, ls[i].upper};
            shown = true;
        } else {
            ls[i].mark = Mark::None;
        }
    }
    if (undone) return shown ? Result::UndoneShown : Result::Undone;
    if (options.empty()) return Result::NotApplicable;
    for (auto [i, m] : options.front()) ls[i].mark = m;   // not Vietnamese: shown as typed anyway
    return Result::Applied;
}

// dd (Telex), d9 (VNI): the initial d becomes đ.
Result applyStroke(Word& w)
{
    std::vector<Letter>& ls = w.letters;
    if (ls.empty() || ls[0].base != 'd') return Result::NotApplicable;
    if (ls[0].mark == Mark::Stroke) {
        ls[0].mark = Mark::None;
        return Result::Undone;
    }
    for (size_t i = 1; i < ls.size(); ++i)
        if (ls[i].base == 'd') return Result::NotApplicable;
    ls[0].mark = Mark::Stroke;
    return Result::Applied;
}

// "ưo" followed by more letters is always "ươ" (trương, người): typing "truwong" needs no second w.
void hornAfterU(std::vector<Letter>& ls)
{
    for (size_t i = 0; i + 2 < ls.size(); ++i)
        if (ls[i].base == 'u' && ls[i].mark == Mark::Horn && ls[i + 1].base == 'o' && ls[i + 1].mark == Mark::None)
            ls[i + 1].mark = Mark::Horn;
}

Tone telexTone(char k)
{
    switch (k) {
    case 's': return Tone::Sac;
    case 'f': return Tone::Huyen;
    case 'r': return Tone::Hoi;
    case 'x': return Tone::Nga;
    case 'j': return Tone::Nang;
    default: return Tone::None;
    }
}

// One key (an ASCII letter, or a VNI digit) into the word being typed.
void applyKey(Word& w, char c)
{
    const char k = lowerAscii(c);
    const bool upper = c != k;
    w.raw += c;
    Result r = Result::NotApplicable;
    if (!w.literal && w.method == InputMethod::Telex) {
        if (telexTone(k) != Tone::None) r = applyTone(w, telexTone(k));
        else if (k == 'z') r = applyTone(w, Tone::None);
        else if (k == 'a' || k == 'e' || k == 'o') r = doubleVowel(w, k);
        else if (k == 'd') r = applyStroke(w);
        else if (k == 'w') {
            r = applyMark(w, MarkKey::HornOrBreve);
            if (r == Result::NotApplicable) {   // a lone w is ư
                w.letters.push_back(Letter{'u', Mark::Horn, upper, true});
                hornAfterU(w.letters);
                return;
            }
        }
    } else if (!w.literal && w.method == InputMethod::Vni) {
        if (k >= '1' && k <= '5') r = applyTone(w, Tone(k - '0'));
        else if (k == '0') r = applyTone(w, Tone::None);
        else if (k == '6') r = applyMark(w, MarkKey::Circumflex);
        else if (k == '7') r = applyMark(w, MarkKey::Horn);
        else if (k == '8') r = applyMark(w, MarkKey::Breve);
        else if (k == '9') r = applyStroke(w);
    }
    if (r == Result::Applied) return;
    if (r == Result::Undone || r == Result::UndoneShown) {
        w.literal = true;
        if (r == Result::UndoneShown) return;
    }
    w.letters.push_back(Letter{k, Mark::None, upper});
    hornAfterU(w.letters);
}

// Backspace inside a composed word: the last letter goes; the tone stays unless it sat on it.
void removeLastLetter(Word& w, ToneStyle style)
{
    if (w.tone != Tone::None && toneIndex(w.letters, style) == w.letters.size() - 1) w.tone = Tone::None;
    w.letters.pop_back();
    if (toneIndex(w.letters, style) == npos) w.tone = Tone::None;
    // What is left stays as the user saw it: not a syllable any more, it is kept letter for letter.
    w.literal = !isSyllable(w.letters, w.tone);
    w.raw = canonicalKeys(w);
}

bool isWordKey(char32_t c, InputMethod m)
{
    return isAsciiLetter(c) || (m == InputMethod::Vni && c >= '0' && c <= '9');
}

} // namespace

// ---------------------------------------------------------------- [2] Composer

namespace {
constexpr EnumName<InputMethod> kInputMethods[] = {{InputMethod::Telex, "telex"}, {InputMethod::Vni, "vni"}};
constexpr EnumName<ToneStyle> kToneStyles[] = {{ToneStyle::Old, "old"}, {ToneStyle::New, "new"}};
} // namespace

bool parseInputMethod(std::string_view name, InputMethod& out) { return parseEnum(kInputMethods, name, out); }
bool parseToneStyle(std::string_view name, ToneStyle& out) { return parseEnum(kToneStyles, name, out); }

std::string compose(std::string_view keys, InputMethod method, ToneStyle style)
{
    Composer c(method, style);
    c.type(keys);
    return c.text();
}

std::string composeTelex(std::string_view keys, ToneStyle style) { return compose(keys, InputMethod::Telex, style); }
std::string composeVni(std::string_view keys, ToneStyle style) { return compose(keys, InputMethod::Vni, style); }

Composer::Composer(InputMethod method, ToneStyle style) : m_method(method), m_style(style) {}

void Composer::key(char32_t c)
{
    feed(c);
    render();
}

void Composer::type(std::string_view typed)
{
    for (char32_t c : utf8::decode(typed)) feed(c);
    render();
}

void Composer::feed(char32_t c)
{
    if (c == 0) return;
    if (m_method == InputMethod::Plain || !isWordKey(c, m_method)) {
        Segment s;
        s.other = c;
        m_segments.push_back(std::move(s));
    } else {
        if (m_segments.empty() || m_segments.back().other != 0 || m_segments.back().word.method != m_method) {
            Segment s;
            s.word.method = m_method;
            m_segments.push_back(std::move(s));
        }
        applyKey(m_segments.back().word, char(c));
    }
}

void Composer::backspace()
{
    if (m_segments.empty()) return;
    Segment& s = m_segments.back();
    if (s.other == 0) {
        Word& w = s.word;
        if (!w.literal && !isSyllable(w.letters, w.tone)) {   // shown as typed: the last key goes, the rest is typed again
            const std::string keys = w.raw.substr(0, w.raw.size() - 1);
            Word again;
            again.method = w.method;
            for (char k : keys) applyKey(again, k);
            if (display(again, m_style) != keys) {   // "EEg" ← must read "EE", not turn into "Ê"
                again = Word{{}, Tone::None, true, keys, w.method};
                for (char k : keys) again.letters.push_back(Letter{lowerAscii(k), Mark::None, k != lowerAscii(k)});
            }
            w = std::move(again);
        } else {
            removeLastLetter(w, m_style);
        }
    }
    if (s.other != 0 || s.word.letters.empty()) m_segments.pop_back();
    render();
}

void Composer::clear()
{
    m_segments.clear();
    m_text.clear();
}

void Composer::setText(std::string_view typed)
{
    m_segments.clear();
    const std::u32string cps = utf8::decode(typed);
    // Words made of Vietnamese letters become editable words when they draw back the same; anything
    // else is kept as it is, one code point per segment.
    auto flush = [&](size_t from, size_t to) {
        if (from == to) return;
        Segment s;
        s.word.method = m_method == InputMethod::Plain ? InputMethod::Telex : m_method;
        bool ok = m_method != InputMethod::Plain;
        for (size_t i = from; i < to && ok; ++i) {
            Letter l;
            Tone t = Tone::None;
            decompose(cps[i], l, t);
            if (t != Tone::None) {
                ok = s.word.tone == Tone::None;
                s.word.tone = t;
            }
            s.word.letters.push_back(l);
        }
        if (ok) {
            s.word.raw = canonicalKeys(s.word);
            std::u32string original = cps.substr(from, to - from);
            std::string want;
            for (char32_t c : original) utf8::append(want, c);
            ok = isSyllable(s.word.letters, s.word.tone) && spell(s.word.letters, s.word.tone, m_style) == want;
        }
        if (ok) {
            m_segments.push_back(std::move(s));
            return;
        }
        for (size_t i = from; i < to; ++i) {
            Segment one;
            one.other = cps[i];
            m_segments.push_back(std::move(one));
        }
    };
    size_t start = 0;
    for (size_t i = 0; i <= cps.size(); ++i) {
        Letter l;
        Tone t = Tone::None;
        if (i < cps.size() && decompose(cps[i], l, t)) continue;
        flush(start, i);
        if (i < cps.size()) {
            Segment s;
            s.other = cps[i];
            m_segments.push_back(std::move(s));
        }
        start = i + 1;
    }
    render();
}

size_t Composer::length() const
{
    return utf8::length(m_text);
}

void Composer::setToneStyle(ToneStyle style)
{
    m_style = style;
    render();
}

void Composer::render()
{
    m_text.clear();
    for (const Segment& s : m_segments) {
        if (s.other != 0) utf8::append(m_text, s.other);
        else m_text += display(s.word, m_style);
    }
}

} // namespace kiosk

// Vietnamese typing for a kiosk without a physical keyboard: Telex and VNI keystrokes composed into
// NFC text word by word, the tone placed by the standard rules (old style "hòa" or new style "hoà").
#pragma once
#include "kiosk/vietnamese/vietnamese_syllable.hpp"
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class InputMethod { Telex, Vni, Plain };   // Plain: every key as typed (numbers, PINs)

bool parseInputMethod(std::string_view name, InputMethod& out);   // "telex" | "vni"
bool parseToneStyle(std::string_view name, ToneStyle& out);       // "old" | "new"

// The whole text typed with these keys. Words (runs of letters; in VNI also digits) compose
// independently; a word that does not make a Vietnamese syllable is shown as typed ("email").
std::string composeTelex(std::string_view keys, ToneStyle style = ToneStyle::Old);
std::string composeVni(std::string_view keys, ToneStyle style = ToneStyle::Old);
std::string compose(std::string_view keys, InputMethod method, ToneStyle style = ToneStyle::Old);

// What one word is made of while it is typed. Kept per word, so a backspace into an earlier word
// lets it be edited again (a tone key still lands on it).
namespace viet {
struct Word {
    std::vector<Letter> letters;
    Tone tone = Tone::None;
    bool literal = false;   // a transformation was undone ("ass" → "as"): later keys stay as typed
    std::string raw;        // the keys, shown when the word is not Vietnamese
    InputMethod method = InputMethod::Telex;
};
} // namespace viet

// Composes keystrokes as they come, for the on-screen keyboard.
class Composer {
public:
    explicit Composer(InputMethod method = InputMethod::Telex, ToneStyle style = ToneStyle::Old);

    void key(char32_t c);                 // one key: a letter, a digit, a space, punctuation
    void type(std::string_view typed);    // each code point as a key
    // Removes the last letter the user sees: "Nguyễn" → "Nguyễ"; an "English" word shown as typed
    // loses its last key.
    void backspace();
    void clear();
    // Starts from existing text (a field being corrected); its words can be edited again.
    void setText(std::string_view typed);

    const std::string& text() const { return m_text; }   // NFC
    bool empty() const { return m_segments.empty(); }
    size_t length() const;                                // code points in text()

    // Later keys use the new method; the word being typed keeps its own.
    void setMethod(InputMethod method) { m_method = method; }
    void setToneStyle(ToneStyle style);
    InputMethod method() const { return m_method; }
    ToneStyle toneStyle() const { return m_style; }

private:
    struct Segment {
        viet::Word word;
        char32_t other = 0;   // a separator (space, punctuation, a Telex digit) when not 0
    };
    void feed(char32_t c);   // key() without drawing the text again
    void render();

    InputMethod m_method;
    ToneStyle m_style;
    std::vector<Segment> m_segments;
    std::string m_text;
};

} // namespace kiosk

// The on-screen keyboard for the touch screen: large QWERTY keys that type Vietnamese (Telex, or VNI
// with the digit row as tone marks), a 3x4 numeric pad for ID numbers and PINs, and a text field.
#pragma once
#include "kiosk/vietnamese/vietnamese_input.hpp"
#include "ui/ui_context.hpp"
#include <string>

namespace ui {

// A screen keeps one OnscreenKeyboard as a member, draws a textField() with its text and the
// keyboard under it, and reads text() once done() says the person pressed "Xong".
// Every key registers a stable ID: "kb.a" … "kb.z", "kb.0" … "kb.9", "kb.shift", "kb.backspace",
// "kb.space", "kb.comma", "kb.period", "kb.hyphen", "kb.slash", "kb.done".
class OnscreenKeyboard {
public:
    enum class Layout { Letters, Numeric };

    // [input] method and tone_style from the configuration.
    void configure(const kiosk::Config& config);
    void setMethod(kiosk::InputMethod method);          // Telex or VNI for the letter layout
    void setToneStyle(kiosk::ToneStyle style);
    void setLayout(Layout layout);                       // Numeric types digits as they are
    void setMaxLength(size_t letters) { m_maxLength = letters; }   // 0: no limit (an ID number: 12)
    // Names and addresses: each word starts with a capital unless the person turns Shift off.
    void setCapitalizeWords(bool on);
    void setText(const std::string& text);               // a field being corrected
    void clear();                                        // empty, Shift and Done reset

    const std::string& text() const { return m_composer.text(); }
    size_t length() const { return m_composer.length(); }
    bool done() const { return m_done; }                 // "Xong" was pressed (until clear/setText/takeDone)
    bool takeDone();                                     // done(), then forgets it
    bool shift() const { return m_shift; }
    Layout layout() const { return m_layout; }
    const kiosk::Composer& composer() const { return m_composer; }

    // Draws at the cursor, `width` wide (the numeric pad centres itself); returns the height used.
    float draw(Context& ctx, float width);
    static float height(const Context& ctx, Layout layout);

private:
    enum class KeyStyle { Letter, Function, FunctionOn, Action };
    enum class Icon { None, Shift, Backspace };
    bool key(Context& ctx, const std::string& id, ImVec2 pos, ImVec2 size, const std::string& label, ImFont* font, KeyStyle style,
             const char* hint = nullptr, Icon icon = Icon::None);
    void type(char32_t c);
    void backspace();
    void afterEdit();
    void drawLetters(Context& ctx, ImVec2 origin, float width);
    void drawNumeric(Context& ctx, ImVec2 origin, float width);

    kiosk::Composer m_composer;
    kiosk::InputMethod m_method = kiosk::InputMethod::Telex;
    Layout m_layout = Layout::Letters;
    size_t m_maxLength = 0;
    bool m_capitalizeWords = false;
    bool m_shift = false;
    bool m_done = false;
};

// A large one-line text box showing `text` with a caret at its end (the tail stays in view when the
// text is longer than the box); `placeholder` in muted grey while empty. Returns true when tapped.
bool textField(Context& ctx, const char* id, const std::string& text, const std::string& placeholder, ImVec2 size, bool focused = true);

} // namespace ui

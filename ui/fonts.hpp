// The font atlas: Noto Sans from Debian with DejaVu Sans merged in for arrows and symbols.
// Only the sizes used are baked, with every character the content and the strings need.
#pragma once
#include <imgui.h>
#include <map>
#include <string>
#include <vector>

namespace ui {

struct Fonts {
    ImFont* small = nullptr;      // captions, URLs
    ImFont* body = nullptr;       // running text
    ImFont* reading = nullptr;    // a lesson step's text: large for elderly eyes
    ImFont* bodyBold = nullptr;
    ImFont* button = nullptr;
    ImFont* heading = nullptr;    // card titles, step titles
    ImFont* title = nullptr;      // screen titles
    ImFont* display = nullptr;    // the attract screen's big title
    ImFont* chrome = nullptr;     // keys and staff bar: same size whatever the text size
    ImFont* chromeSmall = nullptr;
    // Inside the drawn phone: a picture of an app, so one fixed size whatever the kiosk's text
    // size (the app on the citizen's phone does not grow either); labels measured in these.
    ImFont* phoneText = nullptr;
    ImFont* phoneBold = nullptr;
    ImFont* phoneSmall = nullptr;   // a tab bar's labels, a field's name
};

// Finds the font files; returns false with a message naming the missing Debian package.
bool findFontFiles(std::string& regular, std::string& bold, std::string& symbols, std::string& error);

class FontSet {
public:
    // (Re)builds `io.Fonts`. `layoutScale` = screen height / 1080; `textScale` from the text size.
    // `text` is every string that will be drawn (all of its characters get a glyph);
    // `displayText` the few strings drawn with the display font.
    bool build(ImGuiIO& io, float layoutScale, float textScale, const std::string& text,
               const std::string& displayText, std::string& error);
    // The same into any atlas, with no ImGui context needed: the kiosk builds its atlas on a
    // worker thread while SDL opens the window (the two are the bulk of start-up).
    bool build(ImFontAtlas& atlas, float layoutScale, float textScale, const std::string& text,
               const std::string& displayText, std::string& error);
    const Fonts& fonts() const { return m_fonts; }
    // Frees the font files once the atlas no longer needs them (after ImFontAtlas::ClearInputData).
    void releaseFiles() { m_files.clear(); }

private:
    // Each font file is read once and shared by every size (the atlas keeps only pointers).
    std::vector<unsigned char>* fileData(const std::string& path);
    Fonts m_fonts;
    std::map<std::string, std::vector<unsigned char>> m_files;
    ImVector<ImWchar> m_ranges;          // must outlive the atlas build
    ImVector<ImWchar> m_displayRanges;
    ImVector<ImWchar> m_symbolRanges;
};

} // namespace ui

// Building the atlas: glyphs for Vietnamese plus every punctuation mark and symbol drawn.
#include "ui/fonts.hpp"
#include <filesystem>
#include <fstream>

namespace ui {

namespace {
const char* kRegular[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
const char* kBold[] = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
const char* kSymbols = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
// Drawn by the screens themselves (arrows, ticks, bullets, typographic punctuation).
const char* kExtra = "–—‘’“”…•·←→↑↓✓✗●○▶◀×°";
const char* kSymbolText = "←→↑↓✓✗●○▶◀★";

const char* firstExisting(const char* const* list, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (std::filesystem::exists(list[i])) return list[i];
    return nullptr;
}
} // namespace

bool findFontFiles(std::string& regular, std::string& bold, std::string& symbols, std::string& error)
{
    const char* r = firstExisting(kRegular, 2);
    const char* b = firstExisting(kBold, 2);
    if (!r || !b) {
        error = "Thiếu phông chữ: hãy cài gói fonts-noto-core và fonts-dejavu-core (apt-get install fonts-noto-core fonts-dejavu-core).";
        return false;
    }
    regular = r;
    bold = b;
    symbols = std::filesystem::exists(kSymbols) ? kSymbols : "";
    return true;
}

bool FontSet::build(ImGuiIO& io, float layoutScale, float textScale, const std::string& text,
                    const std::string& displayText, std::string& error)
{
    if (!build(*io.Fonts, layoutScale, textScale, text, displayText, error)) return false;
    io.FontDefault = m_fonts.body;
    return true;
}

bool FontSet::build(ImFontAtlas& atlas, float layoutScale, float textScale, const std::string& text,
                    const std::string& displayText, std::string& error)
{
    std::string regular, bold, symbols;
    if (!findFontFiles(regular, bold, symbols, error)) return false;

    ImFontGlyphRangesBuilder b;
    b.AddRanges(atlas.GetGlyphRangesVietnamese());
    b.AddText(kExtra);
    b.AddText(text.c_str());
    m_ranges.clear();
    b.BuildRanges(&m_ranges);

    ImFontGlyphRangesBuilder d;
    d.AddRanges(atlas.GetGlyphRangesDefault());
    d.AddText(displayText.c_str());
    m_displayRanges.clear();
    d.BuildRanges(&m_displayRanges);

    ImFontGlyphRangesBuilder s;
    s.AddText(kSymbolText);
    m_symbolRanges.clear();
    s.BuildRanges(&m_symbolRanges);

    atlas.Clear();
    atlas.TexDesiredWidth = 2048;
    const float k = layoutScale * textScale;
    auto add = [&](const std::string& file, float px, const ImWchar* ranges) {
        ImFontConfig cfg;
        cfg.OversampleH = 1;     // pixel-aligned text on a software renderer: sharp and a smaller atlas
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        std::vector<unsigned char>* data = fileData(file);
        if (!data) return static_cast<ImFont*>(nullptr);
        cfg.FontDataOwnedByAtlas = false;
        ImFont* f = atlas.AddFontFromMemoryTTF(data->data(), int(data->size()), px, &cfg, ranges);
        std::vector<unsigned char>* sym = symbols.empty() ? nullptr : fileData(symbols);
        if (f && sym) {
            ImFontConfig m;
            m.MergeMode = true;
            m.OversampleH = m.OversampleV = 1;
            m.PixelSnapH = true;
            m.FontDataOwnedByAtlas = false;
            atlas.AddFontFromMemoryTTF(sym->data(), int(sym->size()), px, &m, m_symbolRanges.Data);
        }
        return f;
    };
    m_fonts.body = add(regular, 32 * k, m_ranges.Data);
    m_fonts.small = add(regular, 25 * k, m_ranges.Data);
    m_fonts.reading = add(regular, 40 * k, m_ranges.Data);
    m_fonts.bodyBold = add(bold, 34 * k, m_ranges.Data);
    m_fonts.button = m_fonts.bodyBold;
    m_fonts.heading = add(bold, 42 * k, m_ranges.Data);
    m_fonts.title = add(bold, 54 * k, m_ranges.Data);
    m_fonts.display = add(bold, 104 * layoutScale, m_displayRanges.Data);
    m_fonts.chrome = textScale == 1.0f ? m_fonts.bodyBold : add(bold, 34 * layoutScale, m_ranges.Data);
    m_fonts.chromeSmall = textScale == 1.0f ? m_fonts.small : add(regular, 25 * layoutScale, m_ranges.Data);
    m_fonts.phoneText = add(regular, 28 * layoutScale, m_ranges.Data);
    m_fonts.phoneBold = add(bold, 28 * layoutScale, m_ranges.Data);
    m_fonts.phoneSmall = add(regular, 22 * layoutScale, m_ranges.Data);
    if (!m_fonts.body || !m_fonts.display || !atlas.Build()) {
        error = "Không dựng được bảng phông chữ từ " + regular;
        return false;
    }
    return true;
}

std::vector<unsigned char>* FontSet::fileData(const std::string& path)
{
    auto it = m_files.find(path);
    if (it != m_files.end()) return &it->second;
    // One read of the whole file (a character-by-character copy took ~10 ms for the three fonts).
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return nullptr;
    const std::streamoff size = in.tellg();
    if (size <= 0) return nullptr;
    std::vector<unsigned char> bytes(static_cast<size_t>(size));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) return nullptr;
    return &m_files.emplace(path, std::move(bytes)).first->second;
}

} // namespace ui

// Where every text, QR code and touch target of a frame went, for the layout check: the text
// drawing helpers and the QR view report here while a LayoutRecord is being taken.
#pragma once
#include <imgui.h>
#include <string>
#include <vector>

namespace ui {

struct TextRect {
    std::string text;
    ImVec2 min, max;          // the drawn lines' bounds
    ImVec2 boxMin, boxMax;    // the box the text was laid out for (x: its wrap width)
    ImVec2 clipMin, clipMax;  // the draw list's clip rectangle when drawn
    int layer = 0;            // 0: the page; 1: a dialog over it
    bool brokenWord = false;  // a word or an address did not fit its line
    bool scrolling = false;   // inside an area the citizen can drag
};

struct QrRect {
    ImVec2 min, max;          // the code with its quiet zone
    int modulePx = 0;
    int layer = 0;
};

class LayoutRecord {
public:
    std::vector<TextRect> texts;
    std::vector<QrRect> qrs;
    int layer = 0;
    int scrollDepth = 0;

    // The record being taken this frame, or null (the common case: nothing is recorded).
    static LayoutRecord* active();
    static void setActive(LayoutRecord* r);
};

// Takes a record for the frames drawn while it lives.
class RecordLayout {
public:
    explicit RecordLayout(LayoutRecord& r) : m_prev(LayoutRecord::active()) { LayoutRecord::setActive(&r); }
    ~RecordLayout() { LayoutRecord::setActive(m_prev); }
    RecordLayout(const RecordLayout&) = delete;
    RecordLayout& operator=(const RecordLayout&) = delete;

private:
    LayoutRecord* m_prev;
};

// Marks what is drawn while it lives as a dialog's (layer 1) or as inside a scrolling area.
struct LayoutLayer {
    explicit LayoutLayer(int layer) : m_prev(LayoutRecord::active() ? LayoutRecord::active()->layer : 0)
    {
        if (LayoutRecord* r = LayoutRecord::active()) r->layer = layer;
    }
    ~LayoutLayer()
    {
        if (LayoutRecord* r = LayoutRecord::active()) r->layer = m_prev;
    }
    int m_prev;
};

} // namespace ui

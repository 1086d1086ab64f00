// The one active layout record (the UI draws on one thread).
#include "ui/layout_record.hpp"

namespace ui {

namespace {
LayoutRecord* g_active = nullptr;
}

LayoutRecord* LayoutRecord::active() { return g_active; }
void LayoutRecord::setActive(LayoutRecord* r) { g_active = r; }

} // namespace ui

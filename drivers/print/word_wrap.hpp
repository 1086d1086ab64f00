// Greedy word wrap on measured widths, shared by the slip and the staff badge.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace drivers {

// The width of a run of code points in the font and size being drawn.
using MeasureText = std::function<float(const std::u32string&)>;

// `text` split at spaces into lines no wider than `width`, words kept whole; with `cutLongWords`
// a word wider than a line (a long URL) is cut where it must be, else it overflows its own line.
std::vector<std::u32string> wrapWords(const std::u32string& text, float width, const MeasureText& measure, bool cutLongWords);

} // namespace drivers

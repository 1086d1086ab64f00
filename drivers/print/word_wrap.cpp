// Greedy word wrap: each word goes on the current line if the line still fits, else starts the next.
#include "drivers/print/word_wrap.hpp"

namespace drivers {

std::vector<std::u32string> wrapWords(const std::u32string& text, float width, const MeasureText& measure, bool cutLongWords)
{
    std::vector<std::u32string> lines;
    std::u32string line, word;
    auto flushWord = [&] {
        if (word.empty()) return;
        const std::u32string trial = line.empty() ? word : line + U' ' + word;
        if (!line.empty() && measure(trial) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = trial;
        }
        while (cutLongWords && line.size() > 1 && measure(line) > width) {
            size_t n = line.size();
            while (n > 1 && measure(line.substr(0, n)) > width) --n;
            lines.push_back(line.substr(0, n));
            line = line.substr(n);
        }
        word.clear();
    };
    for (char32_t c : text) {
        if (c == U' ') flushWord();
        else word.push_back(c);
    }
    flushWord();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

} // namespace drivers

// Bounds checked on a TOML file's text before toml++ sees it: toml++ 3.3 parses keys, tables and
// nested values recursively, and 60,000 dotted keys (120 KB) overflow the stack.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr size_t kMaxTomlBytes = 1024 * 1024;   // the largest shipped file is ~20 KB
inline constexpr int kMaxTomlDepth = 32;               // shipped files nest 4 deep at most

// One linear pass over the text: header segments ([a.b.c], [[a.b]]) plus dotted-key segments
// (a.b.c = …) plus inline-table and array nesting must stay within kMaxTomlDepth. Strings and
// comments are skipped. False with `line` (1-based) and a Vietnamese `message` on the first excess.
bool checkTomlShape(std::string_view text, int& line, std::string& message);

// The file's text, refused past kMaxTomlBytes without reading further. False with a Vietnamese
// message (the caller names the file).
bool readTomlText(const std::filesystem::path& file, std::string& text, std::string& message);

} // namespace kiosk

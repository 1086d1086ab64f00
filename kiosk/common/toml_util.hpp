// Helpers to read typed values out of toml++ tables, reporting problems with file and line.
#pragma once
#include "kiosk/common/types.hpp"
#include <toml++/toml.h>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// A problem found in a data file, with where it is, for staff and for `kiosk content check`.
struct Problem {
    std::string file;
    int line = 0;
    std::string message;
    std::string str() const;   // "file:line: message"
};

class TomlReader {
public:
    // `nodeFiles`: name each problem by the file its value came from (for merged tables).
    TomlReader(std::string file, std::vector<Problem>& problems, bool nodeFiles = false)
        : m_file(std::move(file)), m_problems(problems), m_nodeFiles(nodeFiles) {}

    // Parses a file; on a syntax error records it and returns nullopt.
    std::optional<toml::table> parseFile(const std::filesystem::path& path);
    // The same for text already in memory; `sourcePath` names it in the nodes' source.
    std::optional<toml::table> parseText(std::string_view text, const std::string& sourcePath);

    std::string str(const toml::table& t, std::string_view key, bool required = true);
    LocalText text(const toml::table& t, std::string_view key, bool required = true); // key + key_en
    std::optional<int64_t> integer(const toml::table& t, std::string_view key, int64_t lo, int64_t hi);
    std::vector<std::string> strings(const toml::table& t, std::string_view key);
    const toml::array* array(const toml::table& t, std::string_view key);

    void problem(const toml::node* where, std::string message);
    void problemAt(int line, std::string message);
    static int lineOf(const toml::node* node);
    const std::string& file() const { return m_file; }

private:
    std::string m_file;
    std::vector<Problem>& m_problems;
    bool m_nodeFiles = false;
};

// A TOML integer, or a float with a whole value in int64's range (2026.0); nullopt otherwise.
// Instead of toml++ 3.3's node::value<int64_t>(), which casts a float such as 2e27 to int64 before
// checking it fits (undefined behaviour, found by fuzz_config under UBSan).
std::optional<int64_t> tomlInteger(const toml::node& node);

// True when the UTF-8 text holds combining diacritics (U+0300–U+036F): not NFC for Vietnamese.
bool hasCombiningMarks(std::string_view s);

// Deep-merges `overlay` into `base`: tables merge key by key, any other value replaces.
void mergeTables(toml::table& base, toml::table&& overlay);

} // namespace kiosk

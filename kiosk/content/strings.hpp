// The fixed texts of the screens (buttons, titles), loaded from assets/strings.toml.
#pragma once
#include "kiosk/common/types.hpp"
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk {

class Strings {
public:
    // Loads `file`; problems (missing translation, bad entry) are appended to `problems`.
    bool load(const std::filesystem::path& file, std::vector<std::string>& problems);
    // The text for `key`; a missing key shows the key itself so the gap is visible, never blank.
    const std::string& get(std::string_view key, Lang lang) const;
    // Replaces every "{}" in the text, in order, by the arguments.
    std::string format(std::string_view key, Lang lang, std::initializer_list<std::string> args) const;
    bool has(std::string_view key) const;
    const std::map<std::string, LocalText, std::less<>>& all() const { return m_texts; }
    void set(std::string key, LocalText text) { m_texts[std::move(key)] = std::move(text); }

private:
    std::map<std::string, LocalText, std::less<>> m_texts;
    mutable std::map<std::string, std::string, std::less<>> m_missing;
};

} // namespace kiosk

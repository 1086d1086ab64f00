// Loads the screens' fixed texts from strings.toml: `key = { vi = "...", en = "..." }`.
#include "kiosk/content/strings.hpp"
#include "kiosk/common/toml_util.hpp"

namespace kiosk {

bool Strings::load(const std::filesystem::path& file, std::vector<std::string>& problems)
{
    std::vector<Problem> found;
    TomlReader reader(file.filename().string(), found);
    auto table = reader.parseFile(file);
    if (table) {
        for (const auto& [key, node] : *table) {
            const toml::table* entry = node.as_table();
            if (!entry) {
                reader.problem(&node, "\"" + std::string(key.str()) + "\" phải có dạng { vi = \"...\", en = \"...\" }");
                continue;
            }
            LocalText t;
            t.vi = reader.str(*entry, "vi");
            t.en = reader.str(*entry, "en");
            m_texts[std::string(key.str())] = std::move(t);
        }
    }
    for (const Problem& p : found) problems.push_back(p.str());
    return table.has_value();
}

const std::string& Strings::get(std::string_view key, Lang lang) const
{
    auto it = m_texts.find(key);
    if (it != m_texts.end()) return it->second.in(lang);
    auto [m, inserted] = m_missing.try_emplace(std::string(key), "[" + std::string(key) + "]");
    (void)inserted;
    return m->second;
}

bool Strings::has(std::string_view key) const { return m_texts.find(key) != m_texts.end(); }

std::string Strings::format(std::string_view key, Lang lang, std::initializer_list<std::string> args) const
{
    std::string out = get(key, lang);
    for (const std::string& a : args) {
        auto pos = out.find("{}");
        if (pos == std::string::npos) break;
        out.replace(pos, 2, a);
    }
    return out;
}

} // namespace kiosk

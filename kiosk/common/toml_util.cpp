// Typed reads from toml++ tables with problems reported as "file:line: message".
#include "kiosk/common/toml_util.hpp"
#include "kiosk/common/toml_limits.hpp"
#include <cmath>

namespace kiosk {

std::string Problem::str() const
{
    return line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

std::optional<toml::table> TomlReader::parseFile(const std::filesystem::path& path)
{
    // Bounded: read up to kMaxTomlBytes ourselves instead of toml::parse_file.
    std::string text, why;
    if (!readTomlText(path, text, why)) {
        problemAt(0, why + ": " + path.string());
        return std::nullopt;
    }
    return parseText(text, path.string());
}

std::optional<toml::table> TomlReader::parseText(std::string_view text, const std::string& sourcePath)
{
    // Every TOML the kiosk reads comes through here: size and nesting are checked before toml++,
    // whose recursive parser a hostile file could otherwise crash.
    if (text.size() > kMaxTomlBytes) {
        problemAt(0, "tệp quá lớn (tối đa " + std::to_string(kMaxTomlBytes / 1024) + " KB): tệp bị từ chối");
        return std::nullopt;
    }
    int line = 0;
    std::string why;
    if (!checkTomlShape(text, line, why)) {
        problemAt(line, why);
        return std::nullopt;
    }
    try {
        return toml::parse(text, sourcePath);
    } catch (const toml::parse_error& e) {
        problemAt(static_cast<int>(e.source().begin.line), std::string("không đọc được TOML: ") + std::string(e.description()));
    }
    return std::nullopt;
}

int TomlReader::lineOf(const toml::node* node)
{
    return node ? static_cast<int>(node->source().begin.line) : 0;
}

void TomlReader::problem(const toml::node* where, std::string message)
{
    // A merged table keeps each node's own file, so a bad value is named where it was written.
    std::string file = m_file;
    if (m_nodeFiles && where && where->source().path) file = *where->source().path;
    m_problems.push_back({std::move(file), lineOf(where), std::move(message)});
}

void TomlReader::problemAt(int line, std::string message)
{
    m_problems.push_back({m_file, line, std::move(message)});
}

bool hasCombiningMarks(std::string_view s)
{
    // U+0300–U+036F in UTF-8: CC 80–BF, CD 80–AF. Every Vietnamese letter has a precomposed (NFC)
    // form, so a combining mark means the text was typed or saved decomposed.
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        if ((a == 0xCC && b >= 0x80 && b <= 0xBF) || (a == 0xCD && b >= 0x80 && b <= 0xAF)) return true;
    }
    return false;
}

std::string TomlReader::str(const toml::table& t, std::string_view key, bool required)
{
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) problem(&t, "thiếu khoá \"" + std::string(key) + "\"");
        return {};
    }
    if (auto v = n->value<std::string>()) {
        if (hasCombiningMarks(*v))
            problem(n, "khoá \"" + std::string(key) + "\" có dấu viết tách rời khỏi chữ (không phải Unicode NFC): "
                       "hãy gõ lại bằng bộ gõ tiếng Việt ở bảng mã Unicode dựng sẵn");
        return *v;
    }
    problem(n, "khoá \"" + std::string(key) + "\" phải là chuỗi chữ");
    return {};
}

LocalText TomlReader::text(const toml::table& t, std::string_view key, bool required)
{
    LocalText out;
    out.vi = str(t, key, required);
    out.en = str(t, std::string(key) + "_en", required);
    return out;
}

std::optional<int64_t> tomlInteger(const toml::node& node)
{
    if (const auto* i = node.as_integer()) return i->get();
    if (const auto* f = node.as_floating_point()) {
        const double d = f->get();
        // [-2^63, 2^63): both bounds are exact doubles; NaN fails every comparison.
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::trunc(d) == d) return static_cast<int64_t>(d);
    }
    return std::nullopt;
}

std::optional<int64_t> TomlReader::integer(const toml::table& t, std::string_view key, int64_t lo, int64_t hi)
{
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    auto v = tomlInteger(*n);
    if (!v) {
        problem(n, "khoá \"" + std::string(key) + "\" phải là số nguyên");
        return std::nullopt;
    }
    if (*v < lo || *v > hi) {
        problem(n, "khoá \"" + std::string(key) + "\" = " + std::to_string(*v) + " nằm ngoài khoảng " +
                       std::to_string(lo) + "–" + std::to_string(hi));
        return std::nullopt;
    }
    return v;
}

const toml::array* TomlReader::array(const toml::table& t, std::string_view key)
{
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (auto a = n->as_array()) return a;
    problem(n, "khoá \"" + std::string(key) + "\" phải là một danh sách");
    return nullptr;
}

std::vector<std::string> TomlReader::strings(const toml::table& t, std::string_view key)
{
    std::vector<std::string> out;
    if (const toml::array* a = array(t, key)) {
        for (const toml::node& n : *a) {
            if (auto v = n.value<std::string>()) out.push_back(*v);
            else problem(&n, "mỗi phần tử của \"" + std::string(key) + "\" phải là chuỗi chữ");
        }
    }
    return out;
}

void mergeTables(toml::table& base, toml::table&& overlay)
{
    // Nodes are moved, not copied: a toml++ copy drops the source (file and line) that problems
    // are reported with.
    for (auto&& [key, node] : overlay) {
        toml::node* existing = base.get(key.str());
        if (existing && existing->is_table() && node.is_table()) {
            mergeTables(*existing->as_table(), std::move(*node.as_table()));
        } else {
            base.insert_or_assign(key, std::move(node));
        }
    }
}

} // namespace kiosk

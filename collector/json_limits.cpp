// withinJsonLimits(): brackets, commas and colons counted outside strings (escapes skipped).
// The splitter checks the structure between the values it hands out (separators, the closing
// bracket, nothing after it); each value is then checked by the real parser when it is parsed.
#include "collector/json_limits.hpp"
#include <nlohmann/json.hpp>

namespace collector {

namespace {

size_t skipSpace(std::string_view s, size_t i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    return i;
}

// The index just past the string starting at s[i] == '"'.
size_t skipString(std::string_view s, size_t i)
{
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '"') return i + 1;
    }
    return s.size();
}

// The index just past the value starting at s[i].
size_t skipValue(std::string_view s, size_t i)
{
    if (i >= s.size()) return s.size();
    if (s[i] == '"') return skipString(s, i);
    if (s[i] == '[' || s[i] == '{') {
        size_t depth = 0;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (c == '[' || c == '{') ++depth;
            else if ((c == ']' || c == '}') && --depth == 0) return i + 1;
            ++i;
        }
        return s.size();
    }
    while (i < s.size() && s[i] != ',' && s[i] != ']' && s[i] != '}' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') ++i;
    return i;
}

} // namespace

bool withinJsonLimits(std::string_view s, const JsonLimits& limits)
{
    size_t depth = 0, values = 1;
    bool inString = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '[':
        case '{':
            if (++depth > limits.maxDepth) return false;
            break;
        case ']':
        case '}':
            if (depth > 0) --depth;
            break;
        case ',':
        case ':':   // a key and its value count as two
            if (++values > limits.maxValues) return false;
            break;
        default: break;
        }
    }
    return true;
}

std::optional<std::map<std::string, std::string_view>> topLevelMembers(std::string_view s)
{
    size_t i = skipSpace(s, 0);
    if (i >= s.size() || s[i] != '{') return std::nullopt;
    std::map<std::string, std::string_view> out;
    i = skipSpace(s, i + 1);
    if (i < s.size() && s[i] == '}') return skipSpace(s, i + 1) == s.size() ? std::optional(out) : std::nullopt;
    while (i < s.size() && s[i] == '"') {
        const size_t keyEnd = skipString(s, i);
        const nlohmann::json key = nlohmann::json::parse(s.substr(i, keyEnd - i), nullptr, false);
        i = skipSpace(s, keyEnd);
        if (i >= s.size() || s[i] != ':' || !key.is_string()) return std::nullopt;
        i = skipSpace(s, i + 1);
        const size_t valueEnd = skipValue(s, i);
        if (valueEnd == i) return std::nullopt;
        out[key.get<std::string>()] = s.substr(i, valueEnd - i);
        i = skipSpace(s, valueEnd);
        if (i < s.size() && s[i] == '}') return skipSpace(s, i + 1) == s.size() ? std::optional(out) : std::nullopt;
        if (i >= s.size() || s[i] != ',') return std::nullopt;
        i = skipSpace(s, i + 1);
    }
    return std::nullopt;
}

std::optional<std::vector<std::string_view>> arrayElements(std::string_view s)
{
    std::vector<std::string_view> out;
    size_t i = skipSpace(s, 0);
    if (i >= s.size() || s[i] != '[') return std::nullopt;
    i = skipSpace(s, i + 1);
    if (i < s.size() && s[i] == ']') return skipSpace(s, i + 1) == s.size() ? std::optional(out) : std::nullopt;
    while (i < s.size()) {
        const size_t end = skipValue(s, i);
        if (end == i) return std::nullopt;
        out.push_back(s.substr(i, end - i));
        i = skipSpace(s, end);
        if (i < s.size() && s[i] == ']') return skipSpace(s, i + 1) == s.size() ? std::optional(out) : std::nullopt;
        if (i >= s.size() || s[i] != ',') return std::nullopt;
        i = skipSpace(s, i + 1);
    }
    return std::nullopt;
}

} // namespace collector

// withinJsonLimits(): brackets and commas counted outside strings (escapes skipped).
#include "collector/json_limits.hpp"

namespace collector {

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

} // namespace collector

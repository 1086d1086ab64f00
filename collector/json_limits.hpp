// A linear pre-scan of a request's JSON, before any DOM is built: nesting depth and the number of
// values are bounded, so a body of eight million brackets costs one pass, not half a gigabyte.
#pragma once
#include <cstddef>
#include <string_view>

namespace collector {

struct JsonLimits {
    size_t maxDepth = 32;            // arrays and objects inside one another
    size_t maxValues = 1'000'000;    // values of any kind (a batch of 4 MiB holds ~350,000)
};

// False when the text nests deeper or holds more values than `limits` allows. Not a validator:
// whatever passes is still parsed (and refused if malformed) by the real parser.
bool withinJsonLimits(std::string_view text, const JsonLimits& limits = {});

} // namespace collector

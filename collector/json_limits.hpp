// A request's JSON taken apart without building its DOM: a linear pre-scan bounds nesting depth
// and the number of values (eight million brackets cost one pass, not half a gigabyte), and a
// splitter hands out the top-level members and the records one at a time, so that at most one
// record's DOM exists at once however large the batch.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace collector {

struct JsonLimits {
    size_t maxDepth = 32;            // arrays and objects inside one another
    size_t maxValues = 1'000'000;    // commas and colons outside strings (a 4 MiB batch has ~530,000)
};

// False when the text nests deeper or holds more values than `limits` allows. Not a validator.
bool withinJsonLimits(std::string_view text, const JsonLimits& limits = {});

// The top-level object's members by their decoded name (a repeated name: the last one, as the
// parser keeps), each the text of its value; nullopt when the text is not one object. The values
// are not checked here: each is valid JSON only once parsed (members nobody parses are ignored).
std::optional<std::map<std::string, std::string_view>> topLevelMembers(std::string_view text);
// The text of each element of an array; nullopt when `array` is not one array.
std::optional<std::vector<std::string_view>> arrayElements(std::string_view array);

} // namespace collector

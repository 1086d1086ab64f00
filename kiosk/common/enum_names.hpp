// One table per small enum gives both its name and its parsing, so the two cannot drift apart.
// The first entry is the name of any value missing from the table; later entries with a value
// already named are extra spellings accepted when parsing (old option names).
#pragma once
#include <cstddef>
#include <string_view>

namespace kiosk {

template <class E>
struct EnumName {
    E value;
    const char* name;
};

template <class E, std::size_t N>
const char* enumName(const EnumName<E> (&table)[N], E value)
{
    for (const EnumName<E>& entry : table)
        if (entry.value == value) return entry.name;
    return table[0].name;
}

template <class E, std::size_t N>
bool parseEnum(const EnumName<E> (&table)[N], std::string_view text, E& out)
{
    for (const EnumName<E>& entry : table)
        if (text == entry.name) {
            out = entry.value;
            return true;
        }
    return false;
}

} // namespace kiosk

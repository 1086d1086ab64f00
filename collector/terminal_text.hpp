// Text a kiosk sent (its version, its last error), made safe to print on the admin's terminal or
// in a log line: no control character can move the cursor, clear the screen or retitle a window.
#pragma once
#include <string>
#include <string_view>

namespace collector {

// C0 controls (TAB and newlines included), DEL, C1 controls (U+0080–U+009F) and bytes that are not
// UTF-8 each become U+FFFD; other UTF-8 (Vietnamese letters) is kept as it is.
std::string forTerminal(std::string_view text);

} // namespace collector

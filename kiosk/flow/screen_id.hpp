// Names of every screen the kiosk can show, for `kiosk screenshot` and `kiosk run --start-screen`:
// attract, language, catalogue, thanks, idle-prompt, accessibility, qr-<handoff>,
// lesson:<id>:<step> (step from 1), quiz:<id>:<question> (from 1), lesson-done:<id>.
#pragma once
#include "kiosk/flow/app_state.hpp"
#include <string>
#include <vector>

namespace kiosk {

std::vector<std::string> listScreenNames(const Catalogue& catalogue, const Config& config);

// Moves `app` to the named screen. On an unknown name returns false and explains in `error`.
bool openScreenByName(App& app, std::string_view name, const Catalogue& catalogue, const Config& config, std::string& error);

} // namespace kiosk

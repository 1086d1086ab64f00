// Builds the code readers a kiosk's [devices] configuration names (camera, keyboard-wedge and
// serial scanners). None is opened here: a scan screen starts and stops them.
#pragma once
#include "kiosk/ports/code_reader.hpp"
#include "kiosk/content/config.hpp"
#include <memory>
#include <vector>

namespace drivers {

// In a fixed order: camera, keyboard-wedge scanner, serial scanner; empty paths are left out.
std::vector<std::unique_ptr<kiosk::CodeReader>> makeCodeReaders(const kiosk::Config& config);

} // namespace drivers

// The code-reader factory: one real driver per configured device path.
#include "drivers/readers/code_readers.hpp"
#include "drivers/readers/hid_scanner.hpp"
#include "drivers/readers/serial_scanner.hpp"
#include "drivers/readers/v4l2_camera.hpp"

namespace drivers {

std::vector<std::unique_ptr<kiosk::CodeReader>> makeCodeReaders(const kiosk::Config& config)
{
    const kiosk::DevicesConfig& d = config.devices;
    std::vector<std::unique_ptr<kiosk::CodeReader>> out;
    if (!d.camera.empty()) out.push_back(std::make_unique<V4l2Camera>(d.camera));
    if (!d.scanner.empty()) out.push_back(std::make_unique<HidScanner>(d.scanner));
    if (!d.serialScanner.empty()) out.push_back(std::make_unique<SerialScanner>(d.serialScanner, d.serialBaud));
    return out;
}

} // namespace drivers

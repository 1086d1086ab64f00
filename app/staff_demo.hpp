// Staff screens with made-up data for `kiosk screenshot --screen staff-…`: a throwaway data folder,
// a demo account and a sample card, driven through the real flow to the screen asked for.
#pragma once
#include "kiosk/records/records.hpp"
#include "kiosk/content/runtime.hpp"
#include "kiosk/flow/staff_flow.hpp"
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace app {

class StaffDemo {
public:
    static const std::vector<std::string>& screenNames();   // staff-signin, staff-home, …
    // Null with a message when `screen` is not a staff screen or the demo cannot be set up.
    static std::unique_ptr<StaffDemo> open(const kiosk::Runtime& rt, const kiosk::Clock& clock, const std::string& screen, std::string& error);
    ~StaffDemo();

    kiosk::StaffFlow& flow() { return *m_flow; }

private:
    std::filesystem::path m_dir;
    std::unique_ptr<kiosk::Records> m_records;
    std::unique_ptr<kiosk::StaffFlow> m_flow;
};

} // namespace app

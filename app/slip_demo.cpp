// Each base screen with four printing states; the failure is the driver's own out-of-paper message.
#include "app/slip_demo.hpp"
#include <algorithm>

namespace app {

namespace {
const char* kBases[] = {"lesson-qr", "staff-summary"};
struct State {
    const char* suffix;
    kiosk::SlipStatus::Phase phase;
};
const State kStates[] = {{"-print", kiosk::SlipStatus::Phase::Idle},
                         {"-printing", kiosk::SlipStatus::Phase::Printing},
                         {"-printed", kiosk::SlipStatus::Phase::Printed},
                         {"-print-failed", kiosk::SlipStatus::Phase::Failed}};
} // namespace

const std::vector<std::string>& slipDemoNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const char* base : kBases)
            for (const State& s : kStates) n.push_back(std::string(base) + s.suffix);
        return n;
    }();
    return names;
}

bool slipDemo(const std::string& screen, SlipDemo& out)
{
    for (const char* base : kBases)
        for (const State& s : kStates)
            if (screen == std::string(base) + s.suffix) {
                out.base = base;
                out.status.available = true;
                out.status.phase = s.phase;
                if (s.phase == kiosk::SlipStatus::Phase::Failed)
                    out.status.error = "In không xong trên máy in /dev/usb/lp0: máy in không nhận dữ liệu (hết giấy, kẹt giấy hoặc nắp "
                                       "đang mở?). Kiểm tra giấy và máy in, rồi in lại.";
                return true;
            }
    return false;
}

} // namespace app

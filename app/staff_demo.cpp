// The demo walks the real staff flow with intents, so a screenshot shows what staff would see.
#include "app/staff_demo.hpp"
#include "kiosk/households/household_import.hpp"
#include "kiosk/households/household_register.hpp"
#include <algorithm>
#include <cstdlib>

namespace app {

namespace {
// A sample card (made up): the number agrees with the birth date and gender, as a real one would.
const char* kDemoCard = "038190001234||Nguyễn Thị Thuỷ|15031990|Nữ|Thôn 1, xã Quảng Ngọc, tỉnh Thanh Hóa|10082021";
}

const std::vector<std::string>& StaffDemo::screenNames()
{
    static const std::vector<std::string> names{"staff-signin", "staff-signin-card", "staff-home", "staff-identify", "staff-type-id",
                                                "staff-consent", "staff-checklist", "staff-household", "staff-summary"};
    return names;
}

StaffDemo::~StaffDemo()
{
    m_flow.reset();
    m_records.reset();
    std::error_code ec;
    if (!m_dir.empty()) std::filesystem::remove_all(m_dir, ec);
}

std::unique_ptr<StaffDemo> StaffDemo::open(const kiosk::Runtime& rt, const kiosk::Clock& clock, const std::string& screen, std::string& error)
{
    const auto& names = screenNames();
    if (std::find(names.begin(), names.end(), screen) == names.end()) {
        error = "không có màn hình cán bộ \"" + screen + "\"";
        return nullptr;
    }
    std::unique_ptr<StaffDemo> d(new StaffDemo());
    std::string tmpl = (std::filesystem::temp_directory_path() / "kiosk-demo-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
        error = "không tạo được thư mục tạm cho bản minh hoạ";
        return nullptr;
    }
    d->m_dir = tmpl;
    d->m_records = kiosk::Records::open(d->m_dir, clock, error);
    if (!d->m_records) return nullptr;
    for (const char* name : {"Nguyễn Văn An", "Lê Thị Hoa", "Trần Văn Bảo"})
        if (!d->m_records->staff->add(name, kiosk::StaffRole::Admin, "246813", "demo", error)) return nullptr;
    // A small made-up household register for the configured villages: the checklist offers the
    // household picker, as in a commune that imported its register.
    if (!rt.config.villages.empty()) {
        const std::string& v = rt.config.villages.front();
        std::string csv = "village,household_code,head_name,address\n" + v + ",HG-001,Lê Văn Đức,\"Số 7, " + v + "\"\n" + v +
                          ",HG-002,Nguyễn Thị Thuỷ,\"" + v + ", xã Quảng Ngọc\"\n" + v + ",HG-003,Phạm Văn An,\"Số 12, " + v + "\"\n" + v +
                          ",HG-004,Hoàng Thị Mai,\"Số 20, " + v + "\"\n";
        if (rt.config.villages.size() > 1) {   // a second village, further behind
            const std::string& w = rt.config.villages[1];
            for (int i = 1; i <= 6; ++i) csv += w + ",HG-1" + std::to_string(i) + ",Chủ hộ " + std::to_string(i) + ",\"Số " + std::to_string(i) + ", " + w + "\"\n";
        }
        kiosk::HouseholdRegister reg(*d->m_records->db, *d->m_records->vault, clock);
        kiosk::HouseholdImporter importer(*d->m_records->db, reg, *d->m_records->audit);
        if (!importer.importText(csv, "demo").ok) {
            error = "không tạo được sổ hộ minh hoạ";
            return nullptr;
        }
    }
    std::vector<kiosk::Problem> problems;
    d->m_flow = std::make_unique<kiosk::StaffFlow>(*d->m_records, rt.config, kiosk::loadServices(rt.assetsDir / "services.toml", rt.config.province, problems), clock);
    kiosk::StaffFlow& f = *d->m_flow;
    f.apply(kiosk::staff_intent::Open{});
    f.apply(kiosk::staff_intent::ChooseStaff{"Nguyễn Văn An"});
    if (screen == "staff-signin") {
        f.apply(kiosk::staff_intent::PinDigit{'2'});
        f.apply(kiosk::staff_intent::PinDigit{'4'});
        return d;
    }
    if (screen == "staff-signin-card") {   // a citizen's card held up on the sign-in screen
        f.apply(kiosk::staff_intent::CodeRead{kDemoCard});
        return d;
    }
    for (const char* k : {"2", "4", "6", "8", "1", "3"}) f.apply(kiosk::staff_intent::PinDigit{k[0]});
    f.apply(kiosk::staff_intent::PinSubmit{});
    f.awaitPinCheck();
    f.awaitDashboard();   // built off the frame thread
    if (screen == "staff-home") {
        // One session already recorded today, for a household of the first village: the figures
        // and the villages' bars show something to read.
        f.apply(kiosk::staff_intent::NewSession{});
        f.apply(kiosk::staff_intent::CodeRead{kDemoCard});
        f.apply(kiosk::staff_intent::ConsentYes{});
        f.apply(kiosk::staff_intent::ToggleService{"vneid_level2"});
        f.apply(kiosk::staff_intent::ToggleService{"online_public_service"});
        if (!rt.config.villages.empty()) f.apply(kiosk::staff_intent::SetHousehold{"HG-002"});
        f.apply(kiosk::staff_intent::Save{});
        f.apply(kiosk::staff_intent::Done{});
        f.awaitDashboard();
        return d;
    }
    f.apply(kiosk::staff_intent::NewSession{});
    if (screen == "staff-identify") return d;
    if (screen == "staff-type-id") {
        f.apply(kiosk::staff_intent::StartTyping{});
        return d;
    }
    f.apply(kiosk::staff_intent::CodeRead{kDemoCard});
    if (screen == "staff-consent") return d;
    f.apply(kiosk::staff_intent::ConsentYes{});
    f.apply(kiosk::staff_intent::ToggleService{"vneid_install"});
    f.apply(kiosk::staff_intent::ToggleService{"vneid_level2"});
    f.apply(kiosk::staff_intent::ToggleService{"ehealth_book"});
    f.apply(kiosk::staff_intent::ToggleService{"ehealth_book"});
    if (!rt.config.villages.empty()) f.apply(kiosk::staff_intent::SetVillage{rt.config.villages.front()});
    f.apply(kiosk::staff_intent::SetNotes{"Hẹn bà quay lại thứ Hai để nhận mã kích hoạt"});
    if (screen == "staff-checklist") return d;
    if (screen == "staff-household") {
        f.apply(kiosk::staff_intent::FindHousehold{""});
        return d;
    }
    f.apply(kiosk::staff_intent::Save{});
    return d;
}

} // namespace app

// Screen names <-> app state.
#include "kiosk/screen_id.hpp"
#include <charconv>

namespace kiosk {

std::vector<std::string> listScreenNames(const Catalogue& catalogue, const Config& config)
{
    std::vector<std::string> out = {"attract", "language", "catalogue", "idle-prompt", "thanks"};
    for (const Handoff& h : config.handoffs) out.push_back("qr-" + h.key);
    for (const Lesson& l : catalogue.lessons)
        for (size_t i = 0; i < l.steps.size(); ++i) out.push_back("lesson:" + l.id + ":" + std::to_string(i + 1));
    return out;
}

bool openScreenByName(App& app, std::string_view name, const Catalogue& catalogue, const Config& config, std::string& error)
{
    if (name == "attract") { app.openScreen(Screen::Attract); return true; }
    if (name == "language") { app.openScreen(Screen::Language); return true; }
    if (name == "catalogue") { app.openScreen(Screen::Catalogue); return true; }
    if (name == "thanks") { app.openScreen(Screen::Thanks); return true; }
    if (name == "idle-prompt") {
        app.openScreen(Screen::Catalogue);
        app.showIdlePrompt();
        return true;
    }
    if (name.rfind("qr-", 0) == 0) {
        if (app.openHandoff(name.substr(3))) return true;
        error = "không có màn hình mã QR \"" + std::string(name.substr(3)) + "\" trong cấu hình";
        return false;
    }
    if (name.rfind("lesson:", 0) == 0) {
        std::string_view rest = name.substr(7);
        auto colon = rest.rfind(':');
        if (colon == std::string_view::npos) { error = "tên màn hình bài học phải có dạng lesson:<id>:<bước>"; return false; }
        std::string_view id = rest.substr(0, colon), stepText = rest.substr(colon + 1);
        int step = 0;
        auto [p, ec] = std::from_chars(stepText.data(), stepText.data() + stepText.size(), step);
        const Lesson* l = catalogue.find(id);
        if (!l) { error = "không có bài học \"" + std::string(id) + "\""; return false; }
        if (ec != std::errc() || p != stepText.data() + stepText.size() || step < 1 || step > static_cast<int>(l->steps.size())) {
            error = "bài \"" + std::string(id) + "\" có các bước từ 1 đến " + std::to_string(l->steps.size());
            return false;
        }
        return app.openLesson(id, step - 1);
    }
    (void)config;
    error = "không có màn hình \"" + std::string(name) + "\" (xem: kiosk screenshot --list)";
    return false;
}

} // namespace kiosk

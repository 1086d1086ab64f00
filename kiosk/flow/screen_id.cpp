// Screen names <-> app state.
#include "kiosk/flow/screen_id.hpp"
#include <charconv>

namespace kiosk {

std::vector<std::string> listScreenNames(const Catalogue& catalogue, const Config& config)
{
    std::vector<std::string> out = {"attract", "language", "catalogue"};
    for (const Topic& t : catalogue.topics)
        if (!catalogue.lessonsIn(t.id).empty()) out.push_back("catalogue:" + t.id);
    out.push_back("idle-prompt");
    out.push_back("thanks");
    for (const Handoff& h : config.handoffs) out.push_back("qr-" + h.key);
    out.push_back("accessibility");
    for (const Lesson& l : catalogue.lessons) {
        for (size_t i = 0; i < l.steps.size(); ++i) out.push_back("lesson:" + l.id + ":" + std::to_string(i + 1));
        for (size_t i = 0; i < l.quiz.size(); ++i) out.push_back("quiz:" + l.id + ":" + std::to_string(i + 1));
        out.push_back("lesson-done:" + l.id);
    }
    return out;
}

bool openScreenByName(App& app, std::string_view name, const Catalogue& catalogue, const Config& config, std::string& error)
{
    if (name == "attract") { app.openScreen(Screen::Attract); return true; }
    if (name == "language") { app.openScreen(Screen::Language); return true; }
    if (name == "catalogue") { app.openScreen(Screen::Catalogue); return true; }
    if (name == "thanks") { app.openScreen(Screen::Thanks); return true; }
    if (name.rfind("catalogue:", 0) == 0) {
        app.openScreen(Screen::Catalogue);
        app.apply(intent::OpenTopic{std::string(name.substr(10))});
        if (app.state().topic == name.substr(10)) return true;
        error = "không có chủ đề \"" + std::string(name.substr(10)) + "\" (hoặc chủ đề chưa có bài)";
        return false;
    }
    if (name == "idle-prompt") {
        app.openScreen(Screen::Catalogue);
        app.showIdlePrompt();
        return true;
    }
    if (name == "accessibility") {
        app.openScreen(Screen::Catalogue);
        app.apply(intent::OpenAccessibility{});
        return true;
    }
    if (name.rfind("lesson-done:", 0) == 0) {
        if (app.openLessonDone(name.substr(12))) return true;
        error = "không có bài học \"" + std::string(name.substr(12)) + "\"";
        return false;
    }
    if (name.rfind("quiz:", 0) == 0) {
        std::string_view rest = name.substr(5);
        auto colon = rest.rfind(':');
        const Lesson* l = colon == std::string_view::npos ? nullptr : catalogue.find(rest.substr(0, colon));
        int q = 0;
        if (colon != std::string_view::npos) {
            std::string_view text = rest.substr(colon + 1);
            auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), q);
            if (ec != std::errc() || p != text.data() + text.size()) q = 0;   // "2x", "" or "-" are no question number
        }
        if (l && q >= 1 && q <= static_cast<int>(l->quiz.size())) return app.openQuiz(l->id, q - 1);
        error = l ? "bài \"" + l->id + "\" có các câu hỏi từ 1 đến " + std::to_string(l->quiz.size())
                  : "tên màn hình câu hỏi phải có dạng quiz:<id bài học>:<câu>";
        return false;
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

// Hit lookup and the text inventory for the font atlas.
#include "ui/ui_context.hpp"

namespace ui {

const HitBox* Context::findHit(std::string_view id) const
{
    for (const HitBox& h : hits)
        if (h.id == id) return &h;
    return nullptr;
}

std::string describeShape(int width, int height)
{
    int a = std::max(width, 1), b = std::max(height, 1);
    int x = a, y = b;
    while (y) { int t = x % y; x = y; y = t; }   // greatest common divisor
    std::string ratio = std::to_string(a / x) + ":" + std::to_string(b / x);
    if (a / x > 64 || b / x > 64) ratio = "";      // 1366x768 and kin: no short ratio
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    return std::string(isPortrait(float(width), float(height)) ? "dọc" : "ngang") + (ratio.empty() ? "" : " " + ratio) + " (" + size + ")";
}

std::string allScreenText(const kiosk::Strings& strings, const kiosk::Config& config, const kiosk::Catalogue& catalogue)
{
    std::string all;
    auto add = [&](const kiosk::LocalText& t) { all += t.vi; all += t.en; };
    for (const auto& [key, t] : strings.all()) add(t);
    all += config.commune;
    for (const kiosk::Link& l : config.links) { add(l.label); all += l.url; }
    for (const kiosk::Handoff& h : config.handoffs) add(h.title);
    for (const kiosk::Topic& t : catalogue.topics) add(t.title);
    for (const kiosk::Lesson& l : catalogue.lessons) {
        add(l.title);
        add(l.summary);
        for (const kiosk::Step& s : l.steps) {
            add(s.title);
            add(s.text);
            all += s.screen.app;
            for (const auto& i : s.screen.items) add(i);
            for (const kiosk::PhoneElement& e : s.screen.elements) {
                add(e.label);
                all += e.value;
                for (const std::string& c : e.choices) all += c;
            }
            all += "●○";   // the keypad's dots
        }
        for (const kiosk::QuizQuestion& q : l.quiz) {
            add(q.question);
            add(q.explain);
            for (const auto& c : q.choices) add(c);
        }
    }
    return all;
}

std::string displayText(const kiosk::Strings& strings)
{
    std::string s = "Tiếng Việt English";   // the language cards' names
    for (const char* key : {"app_name", "attract_touch"}) {
        s += strings.get(key, kiosk::Lang::Vi);
        s += strings.get(key, kiosk::Lang::En);
    }
    return s;
}

} // namespace ui

// Hit lookup and the text inventory for the font atlas.
#include "ui/ui_context.hpp"

namespace ui {

const HitBox* Context::findHit(std::string_view id) const
{
    for (const HitBox& h : hits)
        if (h.id == id) return &h;
    return nullptr;
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

// libFuzzer target for the lesson loader: any bytes as a lesson file beside the real topics and
// configuration. Never a crash; a lesson that loads is one the screens can show (a step, a known
// topic and hand-off, taps and answers in range, NFC titles and texts); one that does not is
// skipped alone and named with a problem in its own file.
#include "fuzz/fuzz_support.hpp"
#include "kiosk/config.hpp"
#include "kiosk/content.hpp"
#include <algorithm>

namespace {

struct Setup {
    std::filesystem::path assets;   // scratch folder laid out like assets/, lessons/ holding the input
    kiosk::Config config;
    size_t topics = 0;
    fuzz::ScratchCleanup cleanup;
};

Setup* g = nullptr;

bool validId(const std::string& id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool nfc(const kiosk::LocalText& t) { return !kiosk::hasCombiningMarks(t.vi) && !kiosk::hasCombiningMarks(t.en); }

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g = new Setup;
    const std::filesystem::path real = KIOSK_SOURCE_ASSETS;
    g->assets = fuzz::scratchDir("lesson");
    g->cleanup.dir = g->assets;
    // Everything but the lessons is the real thing (symlinked); lessons/ holds only the input.
    for (const auto& e : std::filesystem::directory_iterator(real))
        if (e.path().filename() != "lessons") std::filesystem::create_symlink(e.path(), g->assets / e.path().filename());
    std::filesystem::create_directory(g->assets / "lessons");
    kiosk::ConfigLoad c = kiosk::loadConfig(real / "kiosk.toml", std::nullopt);
    fuzz::require(c.problems.empty(), "the bundled kiosk.toml has problems");
    g->config = std::move(c.config);
    std::filesystem::remove(g->assets / "lessons" / "fuzz.toml");
    g->topics = kiosk::loadContent(g->assets, g->config, "").catalogue.topics.size();
    fuzz::require(g->topics > 0, "no topics in the bundled topics.toml");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    fuzz::writeFile(g->assets / "lessons" / "fuzz.toml", text);
    const kiosk::ContentLoad load = kiosk::loadContent(g->assets, g->config, "");
    fuzz::require(load.catalogue.topics.size() == g->topics, "the lesson file changed the topics");

    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const kiosk::Problem& p : load.problems) {
        fuzz::require(p.file == "lessons/fuzz.toml", "a problem names another file");
        fuzz::require(!p.message.empty(), "a problem without a message");
        fuzz::require(p.line >= 0 && p.line <= lines + 1, "a problem's line is outside the file");
    }

    if (load.catalogue.lessons.empty()) {
        // Left out: named once, with at least one reason.
        fuzz::require(load.skipped.size() == 1 && load.skipped[0] == "lessons/fuzz.toml", "a broken lesson is not named as skipped");
        fuzz::require(!load.problems.empty(), "a lesson left out without a reason");
        return 0;
    }
    fuzz::require(load.catalogue.lessons.size() == 1 && load.skipped.empty() && load.problems.empty(),
                  "a loaded lesson comes with problems");
    const kiosk::Lesson& l = load.catalogue.lessons[0];
    fuzz::require(validId(l.id), "lesson id");
    fuzz::require(load.catalogue.topic(l.topic) != nullptr, "unknown topic");
    fuzz::require(g->config.handoff(l.handoff) != nullptr, "unknown hand-off");
    fuzz::require(l.order >= 0 && l.order <= 1000 && l.minutes >= 1 && l.minutes <= 120, "order or minutes out of range");
    fuzz::require(nfc(l.title) && nfc(l.summary), "title or summary not NFC");
    fuzz::require(!l.steps.empty(), "a lesson without steps");
    for (const kiosk::Step& s : l.steps) {
        fuzz::require(nfc(s.title) && nfc(s.text), "step text not NFC");
        fuzz::require(s.screen.tap >= 0 && static_cast<size_t>(s.screen.tap) <= s.screen.items.size(), "tap outside the items");
        fuzz::require(s.line >= 1 && s.line <= lines, "step line");
    }
    for (const kiosk::QuizQuestion& q : l.quiz) {
        fuzz::require(q.choices.size() >= 2, "a question with fewer than 2 choices");
        fuzz::require(q.answer >= 1 && static_cast<size_t>(q.answer) <= q.choices.size(), "answer outside the choices");
        fuzz::require(nfc(q.question) && nfc(q.explain), "question not NFC");
    }
    return 0;
}

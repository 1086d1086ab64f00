// libFuzzer target for the lesson loader: any bytes as a lesson file, checked against the real
// topics and configuration (kiosk::parseLesson, what loadContent does for each file). Never a
// crash; a lesson that loads is one the screens can show (a step, a known topic and hand-off, taps
// and answers in range, NFC titles and texts); one that does not comes with a problem in its file.
#include "fuzz/fuzz_support.hpp"
#include "kiosk/content/config.hpp"
#include "kiosk/content/content.hpp"
#include <algorithm>

namespace {

struct Setup {
    std::filesystem::path assets = KIOSK_SOURCE_ASSETS;
    kiosk::Config config;
    kiosk::Catalogue catalogue;   // the real topics (and lessons, unused here)
};

Setup* g = nullptr;

const std::string kFile = "lessons/fuzz.toml";

bool validId(const std::string& id)
{
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool nfc(const kiosk::LocalText& t) { return !kiosk::hasCombiningMarks(t.vi) && !kiosk::hasCombiningMarks(t.en); }

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g = new Setup;
    kiosk::ConfigLoad c = kiosk::loadConfig(g->assets / "kiosk.toml", std::nullopt);
    fuzz::require(c.problems.empty(), "the bundled kiosk.toml has problems");
    g->config = std::move(c.config);
    kiosk::ContentLoad content = kiosk::loadContent(g->assets, g->config, "");
    fuzz::require(content.problems.empty() && !content.catalogue.topics.empty(), "the bundled lessons have problems");
    g->catalogue = std::move(content.catalogue);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The text goes straight to parseLesson, the part of loadContent that reads one file: listing a
    // folder and reading topics.toml for every input made this target ten times slower.
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<kiosk::Problem> problems;
    const std::optional<kiosk::Lesson> lesson = kiosk::parseLesson(text, kFile, g->assets, g->catalogue, g->config, problems);

    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const kiosk::Problem& p : problems) {
        fuzz::require(p.file == kFile, "a problem names another file");
        fuzz::require(!p.message.empty(), "a problem without a message");
        fuzz::require(p.line >= 0 && p.line <= lines + 1, "a problem's line is outside the file");
    }
    if (!lesson) {
        fuzz::require(!problems.empty(), "a lesson left out without a reason");
        return 0;
    }
    fuzz::require(problems.empty(), "a loaded lesson comes with problems");
    const kiosk::Lesson& l = *lesson;
    fuzz::require(l.file == kFile, "the lesson's file");
    fuzz::require(validId(l.id), "lesson id");
    fuzz::require(g->catalogue.topic(l.topic) != nullptr, "unknown topic");
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

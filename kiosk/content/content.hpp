// The curriculum as data: topics and lessons loaded from assets/ (see assets/README.md).
#pragma once
#include "kiosk/content/config.hpp"
#include "kiosk/content/provenance.hpp"
#include "kiosk/common/toml_util.hpp"
#include "kiosk/common/types.hpp"
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

struct Topic {
    std::string id;
    LocalText title;
    uint32_t color = 0x0A58A8;   // 0xRRGGBB
};

// One element of a drawn app screen (`[[steps.screen.elements]]`, assets/README.md), in the order
// the app shows them; a tab bar sits at the bottom and a dialog over the rest, as in the app.
enum class PhoneElementKind { Row, Field, Button, Text, Keypad, Camera, Dialog, TabBar };
struct PhoneElement {
    PhoneElementKind kind = PhoneElementKind::Row;
    LocalText label;                     // the app's words (Vietnamese is drawn: the phone is in Vietnamese)
    std::string value;                   // a field's sample value, the keypad's typed digits (shown as dots)
    std::vector<std::string> choices;    // a dialog's buttons, a tab bar's tabs
    bool tap = false;                    // this element is the one to touch
    int tapChoice = 0;                   // or this choice of a dialog or tab bar (1-based)
    int line = 0;
};

// The picture beside a step: a phone showing the app in simplified form, or a real screenshot.
struct PhoneScreen {
    std::string app;
    std::vector<LocalText> items;
    int tap = 0;                 // 1-based item to highlight; 0 = none
    std::vector<PhoneElement> elements;   // the richer form (instead of items)
    std::string image;           // relative to the assets folder; empty = drawn from data
};

struct Step {
    LocalText title;
    LocalText text;
    PhoneScreen screen;
    int line = 0;                // where the step starts in its file
};

struct QuizQuestion {
    LocalText question;
    std::vector<LocalText> choices;
    int answer = 1;              // 1-based
    LocalText explain;
    int line = 0;
};

struct Lesson {
    std::string id;
    std::string topic;
    int order = 0;
    LocalText title;
    LocalText summary;
    int minutes = 5;
    std::string handoff;
    std::string province;
    std::string file;            // relative to the assets folder, e.g. "lessons/x.toml"
    std::vector<Step> steps;
    std::vector<QuizQuestion> quiz;
    Provenance provenance;       // checked_on, checked_against, sources (kiosk/content/lesson_checks.hpp warns)
};

class Catalogue {
public:
    std::vector<Topic> topics;
    std::vector<Lesson> lessons;   // sorted by topic order, then lesson order

    const Lesson* find(std::string_view id) const;
    const Topic* topic(std::string_view id) const;
    std::vector<const Lesson*> lessonsIn(std::string_view topicId) const;
};

struct ContentLoad {
    Catalogue catalogue;
    std::vector<Problem> problems;      // every problem found, with file and line
    std::vector<std::string> skipped;   // lesson files left out because they are broken
};

// Loads topics.toml and lessons/*.toml from `assetsDir`. A broken lesson is left out and named in
// `problems`/`skipped`; every other lesson still loads. `province` hides other provinces' lessons
// (an empty province keeps every lesson, as `kiosk content check` wants).
ContentLoad loadContent(const std::filesystem::path& assetsDir, const Config& config, std::string_view province);

// One lesson file's text, checked exactly as loadContent checks each file, against topics already
// loaded (`catalogue.topics`). `file` names it relative to `assetsDir` in problems. Null when the
// lesson is broken (every reason is in `problems`). The fuzz target's way in: no folder to list.
std::optional<Lesson> parseLesson(std::string_view text, const std::string& file, const std::filesystem::path& assetsDir,
                                  const Catalogue& catalogue, const Config& config, std::vector<Problem>& problems);

// Lesson pictures: a PNG file inside the assets folder (after resolving "..", symlinks), at most
// kMaxImageBytes and kMaxImageSide pixels a side by its header, so nothing is decoded that could
// exhaust memory and no file outside assets/ can reach the citizen's screen.
inline constexpr int kMaxImageSide = 4096;
inline constexpr uintmax_t kMaxImageBytes = 8 * 1024 * 1024;
// The resolved file, or nullopt. Every refusal is the same (kImageRefused): `content check` must
// not tell whether some file outside assets/ exists.
std::optional<std::filesystem::path> lessonImageFile(const std::filesystem::path& assetsDir, std::string_view image);
inline constexpr const char* kImageRefused =
    "không dùng được: ảnh phải là tệp PNG có sẵn trong thư mục assets, tối đa 4096×4096 điểm ảnh và 8 MB";

} // namespace kiosk

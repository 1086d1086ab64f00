// Loading and validating lessons: a broken file is reported with its line and left out alone.
#include "kiosk/content/content.hpp"
#include "kiosk/common/toml_limits.hpp"
#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kiosk {

const Lesson* Catalogue::find(std::string_view id) const
{
    for (const Lesson& l : lessons)
        if (l.id == id) return &l;
    return nullptr;
}

const Topic* Catalogue::topic(std::string_view id) const
{
    for (const Topic& t : topics)
        if (t.id == id) return &t;
    return nullptr;
}

std::vector<const Lesson*> Catalogue::lessonsIn(std::string_view topicId) const
{
    std::vector<const Lesson*> out;
    for (const Lesson& l : lessons)
        if (l.topic == topicId) out.push_back(&l);
    return out;
}

namespace {

bool parseColor(const std::string& s, uint32_t& out)
{
    if (s.size() != 7 || s[0] != '#') return false;
    uint32_t v = 0;
    for (size_t i = 1; i < 7; ++i) {
        char c = s[i];
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (d < 0) return false;
        v = v * 16 + static_cast<uint32_t>(d);
    }
    out = v;
    return true;
}

bool validId(const std::string& id)
{
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// The PNG signature and IHDR chunk (the first 24 bytes) give the picture's size without decoding.
bool pngHeaderFits(const std::filesystem::path& p)
{
    std::ifstream f(p, std::ios::binary);
    unsigned char h[24] = {};
    f.read(reinterpret_cast<char*>(h), sizeof h);
    if (f.gcount() != sizeof h || std::memcmp(h, "\x89PNG\r\n\x1a\n", 8) != 0 || std::memcmp(h + 12, "IHDR", 4) != 0) return false;
    auto be32 = [](const unsigned char* b) { return (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3]; };
    const uint32_t w = be32(h + 16), hgt = be32(h + 20);
    return w > 0 && hgt > 0 && w <= uint32_t(kMaxImageSide) && hgt <= uint32_t(kMaxImageSide);
}

void loadTopics(const std::filesystem::path& assetsDir, Catalogue& cat, std::vector<Problem>& problems)
{
    TomlReader r("topics.toml", problems);
    auto root = r.parseFile(assetsDir / "topics.toml");
    if (!root) return;
    const toml::array* arr = r.array(*root, "topics");
    if (!arr) { r.problemAt(0, "thiếu danh sách [[topics]]"); return; }
    for (const toml::node& n : *arr) {
        const toml::table* t = n.as_table();
        if (!t) continue;
        Topic topic;
        topic.id = r.str(*t, "id");
        topic.title = r.text(*t, "title");
        std::string color = r.str(*t, "color", false);
        if (!color.empty() && !parseColor(color, topic.color)) r.problem(t->get("color"), "màu \"" + color + "\" phải có dạng #RRGGBB");
        if (!validId(topic.id)) { r.problem(t, "chủ đề có id không hợp lệ: \"" + topic.id + "\""); continue; }
        cat.topics.push_back(std::move(topic));
    }
}

bool parseElementKind(std::string_view s, PhoneElementKind& out)
{
    static const std::pair<const char*, PhoneElementKind> kinds[] = {
        {"row", PhoneElementKind::Row},       {"field", PhoneElementKind::Field},   {"button", PhoneElementKind::Button},
        {"text", PhoneElementKind::Text},     {"keypad", PhoneElementKind::Keypad}, {"camera", PhoneElementKind::Camera},
        {"dialog", PhoneElementKind::Dialog}, {"tabbar", PhoneElementKind::TabBar}};
    for (const auto& [name, kind] : kinds)
        if (s == name) {
            out = kind;
            return true;
        }
    return false;
}

// `[[steps.screen.elements]]`: kind, label (+ label_en), value, choices, tap (true) or tap_choice (n).
bool readElements(TomlReader& r, const toml::table& screen, PhoneScreen& s)
{
    const toml::array* arr = r.array(screen, "elements");
    if (!arr) return true;
    bool ok = true;
    int taps = 0;
    if (arr->size() > 16) {
        r.problem(screen.get("elements"), "hình điện thoại có quá nhiều phần tử (tối đa 16)");
        return false;
    }
    for (const toml::node& n : *arr) {
        const toml::table* t = n.as_table();
        if (!t) {
            r.problem(&n, "mỗi phần tử của elements phải là một bảng ([[steps.screen.elements]])");
            ok = false;
            continue;
        }
        PhoneElement e;
        e.line = TomlReader::lineOf(t);
        const std::string kind = r.str(*t, "kind");
        if (!parseElementKind(kind, e.kind)) {
            r.problem(t->get("kind"), "kind \"" + kind.substr(0, 40) + "\" không có: row, field, button, text, keypad, camera, dialog, tabbar");
            ok = false;
            continue;
        }
        const bool needsLabel = e.kind != PhoneElementKind::Keypad && e.kind != PhoneElementKind::TabBar;
        e.label = r.text(*t, "label", needsLabel);
        e.value = r.str(*t, "value", false);
        e.choices = r.strings(*t, "choices");
        if ((e.kind == PhoneElementKind::TabBar || e.kind == PhoneElementKind::Dialog) && e.choices.empty()) {
            r.problem(t, std::string(e.kind == PhoneElementKind::TabBar ? "tabbar" : "dialog") + " cần choices (các nút của nó)");
            ok = false;
        }
        if (e.choices.size() > 5) {
            r.problem(t->get("choices"), "choices có tối đa 5 mục");
            ok = false;
        }
        if (const toml::node* tp = t->get("tap")) {
            if (const toml::value<bool>* b = tp->as_boolean()) e.tap = b->get();   // strictly a boolean: 40 is no "true"
            else {
                r.problem(tp, "tap của một phần tử là true hoặc false");
                ok = false;
            }
        }
        if (t->get("tap_choice")) {
            if (auto c = r.integer(*t, "tap_choice", 1, static_cast<int64_t>(std::max<size_t>(e.choices.size(), 1)))) e.tapChoice = static_cast<int>(*c);
            else ok = false;
        }
        taps += (e.tap ? 1 : 0) + (e.tapChoice > 0 ? 1 : 0);
        s.elements.push_back(std::move(e));
    }
    if (taps > 1) {
        r.problem(screen.get("elements"), "hình điện thoại chỉ chỉ vào một chỗ để chạm (có " + std::to_string(taps) + ")");
        ok = false;
    }
    if (!s.elements.empty() && !s.items.empty()) {
        r.problem(screen.get("elements"), "dùng items hoặc elements, không dùng cả hai");
        ok = false;
    }
    return ok;
}

PhoneScreen readScreen(TomlReader& r, const toml::table& step, const std::filesystem::path& assetsDir, bool& ok)
{
    PhoneScreen s;
    const toml::table* t = step["screen"].as_table();
    if (!t) return s;
    s.app = r.str(*t, "app", false);
    std::vector<std::string> items = r.strings(*t, "items");
    std::vector<std::string> itemsEn = r.strings(*t, "items_en");
    if (!itemsEn.empty() && itemsEn.size() != items.size()) {
        r.problem(t->get("items_en"), "items_en có " + std::to_string(itemsEn.size()) + " mục nhưng items có " + std::to_string(items.size()));
        ok = false;
    }
    for (size_t i = 0; i < items.size(); ++i) s.items.push_back({items[i], i < itemsEn.size() ? itemsEn[i] : std::string()});
    if (auto tap = r.integer(*t, "tap", 0, static_cast<int64_t>(items.size()))) s.tap = static_cast<int>(*tap);
    else if (t->get("tap")) ok = false;
    if (!readElements(r, *t, s)) ok = false;
    s.image = r.str(*t, "image", false);
    if (!s.image.empty() && !lessonImageFile(assetsDir, s.image)) {
        r.problem(t->get("image"), "ảnh \"" + s.image.substr(0, 200) + "\" " + kImageRefused);
        ok = false;
    }
    return s;
}

} // namespace

std::optional<Lesson> parseLesson(std::string_view text, const std::string& rel, const std::filesystem::path& assetsDir,
                                  const Catalogue& cat, const Config& config, std::vector<Problem>& problems)
{
    size_t before = problems.size();
    TomlReader r(rel, problems);
    auto root = r.parseText(text, rel);
    if (!root) return std::nullopt;
    Lesson l;
    l.file = rel;
    l.id = r.str(*root, "id");
    l.topic = r.str(*root, "topic");
    l.title = r.text(*root, "title");
    l.summary = r.text(*root, "summary");
    l.handoff = r.str(*root, "handoff");
    l.province = r.str(*root, "province", false);
    if (auto o = r.integer(*root, "order", 0, 1000)) l.order = static_cast<int>(*o);
    if (auto m = r.integer(*root, "minutes", 1, 120)) l.minutes = static_cast<int>(*m);
    l.provenance = readProvenance(*root);   // never a problem: `content check` warns instead
    bool ok = true;
    if (!l.id.empty() && !validId(l.id)) { r.problem(root->get("id"), "id \"" + l.id + "\" chỉ được có chữ thường không dấu, số và dấu '-'"); ok = false; }
    if (!l.topic.empty() && !cat.topic(l.topic)) { r.problem(root->get("topic"), "chủ đề \"" + l.topic + "\" không có trong topics.toml"); ok = false; }
    if (!l.handoff.empty() && !config.handoff(l.handoff)) { r.problem(root->get("handoff"), "màn hình mã QR \"" + l.handoff + "\" không có trong [handoffs] của kiosk.toml"); ok = false; }

    if (const toml::array* steps = r.array(*root, "steps")) {
        for (const toml::node& n : *steps) {
            const toml::table* t = n.as_table();
            if (!t) { r.problem(&n, "mỗi bước phải là một bảng [[steps]]"); ok = false; continue; }
            Step s;
            s.line = TomlReader::lineOf(t);
            s.title = r.text(*t, "title");
            s.text = r.text(*t, "text");
            s.screen = readScreen(r, *t, assetsDir, ok);
            l.steps.push_back(std::move(s));
        }
    }
    if (l.steps.empty()) { r.problem(root.operator->(), "bài học phải có ít nhất một bước [[steps]]"); ok = false; }

    if (const toml::array* quiz = r.array(*root, "quiz")) {
        for (const toml::node& n : *quiz) {
            const toml::table* t = n.as_table();
            if (!t) { r.problem(&n, "mỗi câu hỏi phải là một bảng [[quiz]]"); ok = false; continue; }
            QuizQuestion q;
            q.line = TomlReader::lineOf(t);
            q.question = r.text(*t, "question");
            q.explain = r.text(*t, "explain");
            std::vector<std::string> vi = r.strings(*t, "choices");
            std::vector<std::string> en = r.strings(*t, "choices_en");
            if (vi.size() < 2) { r.problem(t, "câu hỏi cần ít nhất 2 lựa chọn"); ok = false; }
            if (en.size() != vi.size()) { r.problem(t->get("choices_en") ? t->get("choices_en") : t, "choices_en phải có " + std::to_string(vi.size()) + " lựa chọn như choices"); ok = false; }
            for (size_t i = 0; i < vi.size(); ++i) q.choices.push_back({vi[i], i < en.size() ? en[i] : std::string()});
            if (auto a = r.integer(*t, "answer", 1, static_cast<int64_t>(std::max<size_t>(vi.size(), 1)))) q.answer = static_cast<int>(*a);
            else { if (!t->get("answer")) r.problem(t, "thiếu khoá \"answer\""); ok = false; }
            l.quiz.push_back(std::move(q));
        }
    }
    // Any missing key or bad value recorded above makes the lesson unusable on screen.
    if (problems.size() != before) ok = false;
    if (!ok) return std::nullopt;
    return l;
}

std::optional<std::filesystem::path> lessonImageFile(const std::filesystem::path& assetsDir, std::string_view image)
{
    namespace fs = std::filesystem;
    if (image.empty() || image.find('\0') != std::string_view::npos) return std::nullopt;
    const fs::path rel(image);
    if (rel.is_absolute()) return std::nullopt;
    std::error_code ec;
    const fs::path root = fs::canonical(assetsDir, ec);
    if (ec) return std::nullopt;
    const fs::path file = fs::weakly_canonical(root / rel, ec);
    if (ec) return std::nullopt;
    // Inside the assets folder: the root's every component is a prefix of the file's.
    auto [rootEnd, fileAt] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (rootEnd != root.end() || fileAt == file.end()) return std::nullopt;
    const fs::file_status st = fs::status(file, ec);
    if (ec || !fs::is_regular_file(st)) return std::nullopt;
    const uintmax_t size = fs::file_size(file, ec);
    if (ec || size > kMaxImageBytes || !pngHeaderFits(file)) return std::nullopt;
    return file;
}

namespace {

std::optional<Lesson> loadLesson(const std::filesystem::path& assetsDir, const std::filesystem::path& file,
                                 const Catalogue& cat, const Config& config, std::vector<Problem>& problems)
{
    const std::string rel = std::filesystem::relative(file, assetsDir).generic_string();
    std::string text, why;
    if (!readTomlText(file, text, why)) {
        problems.push_back({rel, 0, why + ": " + file.string()});
        return std::nullopt;
    }
    return parseLesson(text, rel, assetsDir, cat, config, problems);
}

} // namespace

ContentLoad loadContent(const std::filesystem::path& assetsDir, const Config& config, std::string_view province)
{
    ContentLoad out;
    loadTopics(assetsDir, out.catalogue, out.problems);

    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(assetsDir / "lessons", ec))
        if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
    if (ec) out.problems.push_back({"lessons/", 0, "không mở được thư mục bài học: " + ec.message()});
    std::sort(files.begin(), files.end());

    for (const auto& f : files) {
        auto lesson = loadLesson(assetsDir, f, out.catalogue, config, out.problems);
        if (!lesson) { out.skipped.push_back(std::filesystem::relative(f, assetsDir).generic_string()); continue; }
        if (out.catalogue.find(lesson->id)) {
            out.problems.push_back({lesson->file, 1, "id \"" + lesson->id + "\" trùng với một bài học khác"});
            out.skipped.push_back(lesson->file);
            continue;
        }
        if (!province.empty() && !lesson->province.empty() && lesson->province != province) continue;
        out.catalogue.lessons.push_back(std::move(*lesson));
    }
    auto topicIndex = [&](const std::string& id) {
        for (size_t i = 0; i < out.catalogue.topics.size(); ++i)
            if (out.catalogue.topics[i].id == id) return i;
        return out.catalogue.topics.size();
    };
    std::stable_sort(out.catalogue.lessons.begin(), out.catalogue.lessons.end(), [&](const Lesson& a, const Lesson& b) {
        auto ta = topicIndex(a.topic), tb = topicIndex(b.topic);
        return ta != tb ? ta < tb : a.order < b.order;
    });
    return out;
}

} // namespace kiosk

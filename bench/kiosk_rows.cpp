// The rows measured on the real `kiosk` binary under the bench's X server (Xvfb 1920x1080):
// exec → first frame, memory, idle CPU on a static screen and on the start screen, CPU per frame
// while a finger scrolls the lesson list, tap → next frame. The kiosk runs exactly as deployed
// (full screen, its own software renderer, no extra environment) on a data folder of its own.
//
// [SECTION] starting the kiosk      [SECTION] first frame      [SECTION] memory and idle CPU
// [SECTION] scrolling               [SECTION] taps             [SECTION] kioskRows
#include "bench/bench.hpp"
#include "bench/child_process.hpp"
#include "bench/proc_stats.hpp"
#include "bench/ui_layout.hpp"
#include "bench/x_probe.hpp"
#include "kiosk/flow/screen_id.hpp"
#include <cmath>
#include <regex>
#include <sstream>

namespace bench {

namespace {

const char* kTapLesson = "vneid-kich-hoat-muc-2";

// [SECTION] starting the kiosk

struct Kiosk {
    ChildProcess process;
    std::optional<double> contentAt;   // nowMs() of the first frame with content on the screen
};

// Starts `kiosk --data <work>/kiosk-data run [args]` and waits for its first frame on the screen.
bool startKiosk(const Options& o, XProbe& x, const std::vector<std::string>& runArgs, const std::string& logName, Kiosk& k,
                std::string& error)
{
    std::vector<std::string> argv{(o.binDir / "kiosk").string(), "--data", (o.workDir / "kiosk-data").string(), "run"};
    argv.insert(argv.end(), runArgs.begin(), runArgs.end());
    x.drain();
    if (!k.process.start(argv, {}, o.workDir / logName, error)) return false;
    k.contentAt = x.waitContent(20000);
    if (!k.contentAt) {
        error = "the kiosk drew nothing within 20 s: " + k.process.err().substr(0, 300);
        return false;
    }
    return true;
}

// The kiosk's own figure: "khung hình đầu tiên sau 212 ms từ lúc chạy (…)".
std::optional<double> loggedFirstFrame(const std::string& log, std::string* breakdown)
{
    static const std::regex re(R"(khung hình đầu tiên sau ([0-9.]+) ms từ lúc chạy( \(([^)]*)\))?)");
    std::smatch m;
    if (!std::regex_search(log, m, re)) return std::nullopt;
    if (breakdown) *breakdown = m[3].str();
    return std::stod(m[1].str());
}

double cpuPercent(double ns, double ms) { return ms > 0 ? ns / 1e6 / ms * 100.0 : 0; }

// [SECTION] first frame

void firstFrameRow(const Options& o, XProbe& x, Results& r)
{
    const int runs = o.quick ? 3 : 7;
    std::vector<double> external, logged, peak;
    std::string breakdown, error;
    // One warm-up start creates the data folder (key, database) as a kiosk's first boot would;
    // the measured starts are the everyday ones, with the files in the page cache.
    for (int i = 0; i <= runs; ++i) {
        Kiosk k;
        if (!startKiosk(o, x, {}, "first-frame", k, error)) {
            r.add(skippedRow("first_frame", "exec → first frame (1920x1080, software, Xvfb)", "≤ 150 ms", error));
            return;
        }
        x.settle(300, 3000);
        k.process.stop();
        if (i == 0) continue;
        external.push_back(*k.contentAt - k.process.startedMs());
        std::string b;
        if (auto l = loggedFirstFrame(k.process.err(), &b)) {
            logged.push_back(*l);
            breakdown = b;
        }
        peak.push_back(k.process.peakRssKiB());
    }
    Row row;
    row.id = "first_frame";
    row.what = "exec → first frame (1920x1080, software, Xvfb)";
    row.target = "≤ 150 ms";
    const double med = percentile(external, 50);
    row.measured = fmtMs(med);
    row.met = med <= 150;
    std::ostringstream note;
    note << "median of " << runs << " starts, seen on the X screen (XDamage; min " << fmtMs(percentile(external, 0)) << ", max "
         << fmtMs(percentile(external, 100)) << ")";
    if (!logged.empty()) note << "; the kiosk's own log: " << fmtMs(percentile(logged, 50)) << " (" << breakdown << ")";
    row.note = note.str();
    row.values = {{"median_ms", med}, {"runs_ms", external}, {"logged_ms", logged}, {"peak_rss_kib", peak}};
    kioskFigures().firstFrameMs = med;
    r.add(std::move(row));
}

// [SECTION] memory and idle CPU

struct IdleFigure {
    double percent = 0, ms = 0, cpuMs = 0;
    long long ticks = 0;
    int frames = 0;
};

IdleFigure measureIdle(XProbe& x, pid_t pid, double seconds)
{
    x.drain();
    const double t0 = nowMs();
    const double c0 = cpuNs(pid).value_or(0);
    const long long k0 = cpuTicks(pid).value_or(0);
    IdleFigure f;
    // Count the frames drawn meanwhile (the start screen's slides) without polling /proc.
    while (nowMs() - t0 < seconds * 1000.0)
        if (x.waitDamage(t0 + seconds * 1000.0 - nowMs())) ++f.frames;
    f.ms = nowMs() - t0;
    f.cpuMs = (cpuNs(pid).value_or(0) - c0) / 1e6;
    f.ticks = cpuTicks(pid).value_or(0) - k0;
    f.percent = cpuPercent(f.cpuMs * 1e6, f.ms);
    return f;
}

void idleRow(Results& r, const Options& o, const std::string& id, const std::string& what, double limit, const IdleFigure& f)
{
    Row row;
    row.id = id;
    row.what = what;
    row.target = "≤ " + fmtPercent(limit) + " of a core";
    row.measured = fmtPercent(f.percent);
    row.met = f.percent <= limit;
    row.quick = o.quick;
    std::ostringstream note;
    note << std::fixed;
    note.precision(1);
    note << f.cpuMs << " ms CPU in " << f.ms / 1000.0 << " s (" << f.ticks << " ticks), " << f.frames << " frames drawn";
    row.note = note.str();
    row.values = {{"percent", f.percent}, {"cpu_ms", f.cpuMs}, {"seconds", f.ms / 1000.0}, {"ticks", f.ticks}, {"frames", f.frames}};
    r.add(std::move(row));
}

void memoryAndIdleRows(const Options& o, XProbe& x, Results& r)
{
    std::string error;
    if (o.wants("memory") || o.wants("idle")) {
        Kiosk k;
        if (!startKiosk(o, x, {"--start-screen", "catalogue"}, "catalogue", k, error)) {
            r.add(skippedRow("memory", "memory on the lesson list (PSS, peak RSS)", "PSS ≤ 40 MiB", error));
            return;
        }
        x.settle(1000, 5000);
        if (o.wants("memory")) {
            const double pss = pssKiB(k.process.pid()).value_or(0), hwm = peakRssKiB(k.process.pid()).value_or(0);
            const double rss = rssKiB(k.process.pid()).value_or(0);
            Row row;
            row.id = "memory";
            row.what = "memory on the lesson list (PSS; peak RSS)";
            row.target = "PSS ≤ 40 MiB";
            row.measured = fmtMiB(pss) + "; peak " + fmtMiB(hwm);
            row.met = pss <= 40 * 1024;
            row.note = "/proc/PID/smaps_rollup Pss and status VmHWM after the first frames settled; RSS now " + fmtMiB(rss);
            row.values = {{"pss_kib", pss}, {"peak_rss_kib", hwm}, {"rss_kib", rss}};
            kioskFigures().pssKiB = pss;
            r.add(std::move(row));
        }
        if (o.wants("idle")) {
            IdleFigure f = measureIdle(x, k.process.pid(), o.idleSeconds);
            kioskFigures().idlePercent = f.percent;
            idleRow(r, o, "idle_static", "idle CPU, static screen (lesson list), " + std::to_string(o.idleSeconds) + " s", 0.1, f);
        }
        k.process.stop();
    }
    if (o.wants("idle")) {
        Kiosk k;
        if (!startKiosk(o, x, {"--start-screen", "attract"}, "attract", k, error)) {
            r.add(skippedRow("idle_attract", "idle CPU, start screen", "≤ 1 % of a core", error));
            return;
        }
        x.settle(500, 3000);
        IdleFigure f = measureIdle(x, k.process.pid(), o.idleSeconds);
        idleRow(r, o, "idle_attract", "idle CPU, start screen (slides), " + std::to_string(o.idleSeconds) + " s", 1.0, f);
        k.process.stop();
    }
}

// [SECTION] scrolling

// A finger drags the lesson list up, then down again, at 60 moves a second.
void scrollRow(const Options& o, XProbe& x, const HeadlessUi& probe, Results& r)
{
    const std::string what = "CPU per frame, finger scrolling the lesson list";
    std::string error;
    std::optional<ui::HitBox> card;
    for (const std::string& id : {std::string("lesson.") + kTapLesson})
        if (!card) card = probe.hit(id);
    if (!card) {
        r.add(skippedRow("scroll", what, "", "no lesson card found on the headless lesson list"));
        return;
    }
    Kiosk k;
    if (!startKiosk(o, x, {"--start-screen", "catalogue"}, "scroll", k, error)) {
        r.add(skippedRow("scroll", what, "", error));
        return;
    }
    x.settle(500, 5000);
    const int sx = int(card->center().x), top = 330, bottom = 900, moves = 36;
    x.move(sx, bottom);
    x.settle(300, 3000);
    const int strokes = o.quick ? 2 : 6;
    x.drain();
    const double c0 = cpuNs(k.process.pid()).value_or(0), t0 = nowMs();
    int frames = 0;
    for (int s = 0; s < strokes; ++s) {
        const int from = s % 2 == 0 ? bottom : top, to = s % 2 == 0 ? top : bottom;
        x.press(sx, from);
        for (int i = 1; i <= moves; ++i) {
            x.move(sx, from + (to - from) * i / moves);
            const double until = nowMs() + 1000.0 / 60.0;
            while (nowMs() < until)
                if (x.waitDamage(until - nowMs())) ++frames;
        }
        x.release(sx, to);
        frames += x.settle(250, 3000);
    }
    const double cpuMs = (cpuNs(k.process.pid()).value_or(0) - c0) / 1e6, wallMs = nowMs() - t0;
    k.process.stop();
    Row row;
    row.id = "scroll";
    row.what = what;
    row.target = "";
    const double perFrame = frames > 0 ? cpuMs / frames : 0;
    row.measured = fmtMs(perFrame) + " CPU/frame";
    std::ostringstream note;
    note << frames << " frames in " << fmtMs(wallMs) << " (" << std::lround(frames / (wallMs / 1000.0)) << " fps), " << fmtMs(cpuMs)
         << " CPU; " << strokes << " drags injected with XTest. A lesson's step never scrolls (its text is made to fit): the list of "
         << "lessons is what scrolls";
    row.note = note.str();
    row.values = {{"cpu_ms_per_frame", perFrame}, {"frames", frames}, {"cpu_ms", cpuMs}, {"wall_ms", wallMs}};
    row.quick = o.quick;
    r.add(std::move(row));
}

// [SECTION] taps

// "Tiếp theo" and "Quay lại" in turn on a lesson: the time from the finger's press reaching the
// X server to the next frame on the screen, and from the release to the new step drawn.
void tapRow(const Options& o, XProbe& x, const kiosk::Runtime& rt, Results& r)
{
    const std::string what = "tap → next frame (lesson, Tiếp theo / Quay lại)";
    HeadlessUi probe(rt);
    std::string error;
    const std::string screen = std::string("lesson:") + kTapLesson + ":2";
    if (!probe.ok() || !kiosk::openScreenByName(probe.app(), screen, rt.catalogue, rt.config, error)) {
        r.add(skippedRow("tap", what, "≤ 16 ms", probe.ok() ? error : probe.error()));
        return;
    }
    probe.frames(3);
    auto next = probe.hit("lesson.next"), back = probe.hit("lesson.back");
    if (!next || !back) {
        r.add(skippedRow("tap", what, "≤ 16 ms", "lesson.next / lesson.back not drawn on " + screen));
        return;
    }
    Kiosk k;
    if (!startKiosk(o, x, {"--start-screen", screen}, "tap", k, error)) {
        r.add(skippedRow("tap", what, "≤ 16 ms", error));
        return;
    }
    x.settle(500, 5000);
    const int taps = o.quick ? 6 : 30;
    std::vector<double> pressToFrame, releaseToSettled;
    std::vector<int> burst;
    for (int i = 0; i < taps; ++i) {
        const ImVec2 c = (i % 2 == 0 ? next : back)->center();
        x.move(int(c.x), int(c.y));
        // The move's own frames are not the tap's, nor are the frames of the step's opening
        // animation (a ring pulses at 5 frames a second for 3.6 s): wait for 500 ms of stillness.
        x.settle(500, 8000);
        const double t0 = nowMs();
        x.press(int(c.x), int(c.y));
        auto t1 = x.waitDamage(2000);
        if (!t1) continue;
        pressToFrame.push_back(*t1 - t0);
        x.settle(100, 2000);
        const double t2 = nowMs();
        x.release(int(c.x), int(c.y));
        int n = 0;
        double last = t2;
        while (auto t = x.waitDamage(150)) {
            last = *t;
            ++n;
        }
        releaseToSettled.push_back(last - t2);
        burst.push_back(n);
    }
    k.process.stop();
    if (pressToFrame.empty()) {
        r.add(skippedRow("tap", what, "≤ 16 ms", "no frame followed the injected taps"));
        return;
    }
    Row row;
    row.id = "tap";
    row.what = what;
    row.target = "≤ 16 ms";
    const double p50 = percentile(pressToFrame, 50), p99 = percentile(pressToFrame, 99);
    row.measured = "p50 " + fmtMs(p50) + ", max " + fmtMs(percentile(pressToFrame, 100));
    row.met = percentile(pressToFrame, 100) <= 16;
    row.note = std::to_string(pressToFrame.size()) + " taps (XTest press → XDamage); release → new step fully drawn p50 " +
               fmtMs(percentile(releaseToSettled, 50)) + " (the kiosk draws press, release, settle)";
    row.values = {{"press_to_frame_ms", pressToFrame}, {"p50_ms", p50}, {"p99_ms", p99}, {"release_to_settled_ms", releaseToSettled}};
    row.quick = o.quick;
    r.add(std::move(row));
}

} // namespace

// [SECTION] kioskRows

void kioskRows(const Options& o, Results& r)
{
    const bool any = o.wants("first_frame") || o.wants("memory") || o.wants("idle") || o.wants("scroll") || o.wants("tap");
    if (!any) return;
    XProbe x;
    std::string error;
    const bool haveKiosk = std::filesystem::exists(o.binDir / "kiosk");
    if (!haveKiosk) error = "no kiosk binary beside kiosk-bench (" + (o.binDir / "kiosk").string() + ")";
    if (haveKiosk && x.open(error) && (x.width() != 1920 || x.height() != 1080))
        error = "the X screen is " + std::to_string(x.width()) + "x" + std::to_string(x.height()) + ", not 1920x1080";
    if (!error.empty()) {
        for (const char* id : {"first_frame", "memory", "idle", "scroll", "tap"})
            if (o.wants(id)) r.add(skippedRow(id, id, "", error));
        return;
    }
    if (o.wants("first_frame")) firstFrameRow(o, x, r);
    memoryAndIdleRows(o, x, r);
    if (o.wants("scroll") || o.wants("tap")) {
        kiosk::Runtime rt = kiosk::Runtime::load({});
        if (o.wants("scroll")) {
            HeadlessUi probe(rt);
            kiosk::openScreenByName(probe.app(), "catalogue", rt.catalogue, rt.config, error);
            probe.frames(3);
            scrollRow(o, x, probe, r);
        }
        if (o.wants("tap")) tapRow(o, x, rt, r);
    }
}

} // namespace bench

// Memory after 10,000 simulated citizen visits. A child process (`kiosk-bench --child-visits N`,
// so its memory is its own) runs the kiosk's real screens headless on a manual clock, with the
// usage log writing to a real SQLite file as the kiosk does: attract → language → lesson list →
// a lesson step by step → its quiz → the QR code → nobody touches it → the idle reset. It prints
// its RSS now and then; the parent reads those lines.
#include "bench/bench.hpp"
#include "bench/child_process.hpp"
#include "bench/proc_stats.hpp"
#include "bench/ui_layout.hpp"
#include "kiosk/records/records.hpp"
#include "kiosk/flow/usage_log.hpp"
#include <unistd.h>
#include <cstdlib>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

namespace bench {

namespace {

// One visit; false when a widget the flow needs was not on the screen.
bool visit(HeadlessUi& ui, const kiosk::Runtime& rt, const kiosk::Lesson& lesson, int n)
{
    const kiosk::Config& cfg = rt.config;
    auto tap = [&](const std::string& id) {
        if (ui.tap(id)) return true;
        if (std::getenv("KIOSK_BENCH_DEBUG"))
            std::cerr << "visit " << n << ": no " << id << " on " << kiosk::screenName(ui.app().state().screen) << " (" << lesson.id << ")\n";
        return false;
    };
    if (!tap("attract.start")) return false;
    if (!tap(n % 5 == 0 ? "language.en" : "language.vi")) return false;
    // A lesson further down the list is scrolled into view with the finger, as a citizen would.
    for (int i = 0; i < 10 && !ui.hit("lesson." + lesson.id); ++i) ui.drag(ImVec2(500, 900), ImVec2(500, 300));
    for (int i = 0; i < 20 && !ui.hit("lesson." + lesson.id); ++i) ui.drag(ImVec2(500, 300), ImVec2(500, 900));
    if (!tap("lesson." + lesson.id)) return false;
    for (size_t s = 1; s < lesson.steps.size(); ++s)
        if (!tap("lesson.next")) return false;
    if (!tap("lesson.next")) return false;   // the last step leads to the quiz
    for (size_t q = 0; q < lesson.quiz.size(); ++q) {
        const int choice = n % 3 == 0 ? 0 : lesson.quiz[q].answer - 1;   // some answer wrong
        if (!tap("quiz.choice." + std::to_string(choice))) return false;
        if (!tap("quiz.next")) return false;
    }
    tap("done.rate.good");
    if (!tap("done.qr")) return false;
    // The citizen walks away with the code on the phone: the idle prompt, its countdown, the reset.
    ui.clock().advanceSeconds(cfg.idleTimeoutSeconds);
    ui.frames(2);
    ui.clock().advanceSeconds(cfg.idleCountdownSeconds);
    ui.frames(3);
    return ui.app().state().screen == kiosk::Screen::Attract;
}

} // namespace

int visitsChild(int visits)
{
    const kiosk::Runtime rt = kiosk::Runtime::load({});
    char dir[] = "/tmp/kiosk-bench-visits-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    kiosk::SteadyClock steady;
    std::string error;
    auto rec = kiosk::Records::open(dir, steady, error);
    if (!rec) {
        std::cerr << error << "\n";
        return 1;
    }
    std::vector<const kiosk::Lesson*> lessons;
    for (const kiosk::Lesson& l : rt.catalogue.lessons)
        if (!l.quiz.empty()) lessons.push_back(&l);
    int failures = 0;
    {
        kiosk::UsageLog usage(*rec->db);
        HeadlessUi ui(rt);
        if (!ui.ok() || lessons.empty()) {
            std::cerr << ui.error() << "\n";
            return 1;
        }
        ui.frames(3);
        std::cout << "visits 0 rss " << rssKiB(getpid()).value_or(0) << std::endl;
        for (int v = 1; v <= visits; ++v) {
            if (!visit(ui, rt, *lessons[size_t(v) % lessons.size()], v)) {
                ++failures;
                ui.app().apply(kiosk::intent::GoHome{});
                ui.frames(3);
            }
            usage.post(ui.app().takeEvents());
            if (v % std::max(visits / 20, 1) == 0) {
                usage.flush();
                std::cout << "visits " << v << " rss " << rssKiB(getpid()).value_or(0) << " failures " << failures << std::endl;
            }
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}

void visitRows(const Options& o, Results& r)
{
    if (!o.wants("visits")) return;
    const int visits = o.quick ? 1000 : 10000;
    const std::string what = "memory after " + std::to_string(visits) + " simulated citizen visits";
    ChildProcess child;
    std::string error;
    const double t0 = nowMs();
    child.start({(o.binDir / "kiosk-bench").string(), "--child-visits", std::to_string(visits)}, {}, o.workDir / "visits", error);
    auto rc = child.wait(3600 * 1000.0);
    const double seconds = (nowMs() - t0) / 1000.0;
    std::map<int, double> rss;
    int failures = 0;
    std::istringstream lines(child.out());
    std::string line;
    static const std::regex re(R"(visits ([0-9]+) rss ([0-9.]+)( failures ([0-9]+))?)");
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, re)) continue;
        rss[std::stoi(m[1].str())] = std::stod(m[2].str());
        if (m[4].matched) failures = std::stoi(m[4].str());
    }
    if (rc != 0 || rss.size() < 3) {
        r.add(skippedRow("visits", what, "no growth", "the visits child failed: " + child.err().substr(0, 300)));
        return;
    }
    // Growth: the last figure against the one after the first tenth of the visits (1,000 of
    // 10,000): by then every lesson has been drawn and every cache is warm.
    const int warm = rss.count(visits / 10) ? visits / 10 : rss.begin()->first;
    const double growth = rss.rbegin()->second - rss[warm];
    Row row;
    row.id = "visits";
    row.what = what;
    row.target = "no growth";
    row.quick = o.quick;
    std::ostringstream m;
    for (int k : {0, visits / 10, visits / 2, visits})
        if (rss.count(k)) m << (k ? ", " : "") << (k >= 1000 ? std::to_string(k / 1000) + "k" : std::to_string(k)) << " " << fmtMiB(rss[k]);
    row.measured = m.str();
    row.met = growth <= 512;   // half a MiB: allocator noise, not a leak per visit
    std::ostringstream note;
    note << "RSS of a headless run of the real screens + state machine + usage log (no renderer); "
         << (growth >= 0 ? "+" : "") << fmtMiB(growth) << " from visit " << warm << " to the end; " << failures << " visits did not finish their path; "
         << std::lround(seconds) << " s";
    row.note = note.str();
    nlohmann::json series = nlohmann::json::object();
    for (auto& [k, v] : rss) series[std::to_string(k)] = v;
    row.values = {{"rss_kib", series}, {"growth_kib", growth}, {"failures", failures}, {"seconds", seconds}};
    r.add(std::move(row));
}

} // namespace bench

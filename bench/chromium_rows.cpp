// Side by side: the same lesson screen as a static offline page in Chromium's kiosk mode, under
// the same X server, measured the same way: exec → first paint (the page's own paint timing sent
// to a listener on 127.0.0.1, cross-checked with XDamage), memory summed over all of Chromium's
// processes (PSS), idle CPU over the same window. Optional: without Debian's `chromium` the rows
// say so and are skipped.
#include "bench/bench.hpp"
#include "bench/child_process.hpp"
#include "bench/lesson_page.hpp"
#include "bench/proc_stats.hpp"
#include "bench/x_probe.hpp"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <atomic>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <sstream>
#include <thread>

namespace bench {

namespace {

const char* kLesson = "vneid-kich-hoat-muc-2";
const char* kChromium = "/usr/bin/chromium";

double realtimeMs()
{
    timespec t{};
    clock_gettime(CLOCK_REALTIME, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

// A one-purpose HTTP listener: remembers the `at=` of the last GET /paint and answers 204.
class PaintListener {
public:
    ~PaintListener()
    {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
        if (m_fd >= 0) close(m_fd);
    }
    bool start()
    {
        m_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_fd < 0 || bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(m_fd, 8) != 0 ||
            getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            return false;
        m_port = ntohs(a.sin_port);
        m_thread = std::thread([this] { run(); });
        return true;
    }
    int port() const { return m_port; }
    void reset()
    {
        std::lock_guard lock(m_mutex);
        m_at.reset();
    }
    std::optional<double> paintedAt()
    {
        std::lock_guard lock(m_mutex);
        return m_at;
    }

private:
    void run()
    {
        while (!m_stop) {
            pollfd p{m_fd, POLLIN, 0};
            if (poll(&p, 1, 100) <= 0) continue;
            int c = accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) continue;
            char buf[2048];
            ssize_t n = recv(c, buf, sizeof buf - 1, 0);
            if (n > 0) {
                buf[n] = 0;
                std::string req(buf);
                if (auto p = req.find("GET /paint?at="); p != std::string::npos) {
                    std::lock_guard lock(m_mutex);
                    m_at = std::strtod(req.c_str() + p + 14, nullptr);
                }
            }
            const char* reply = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
            (void)!send(c, reply, strlen(reply), MSG_NOSIGNAL);
            close(c);
        }
    }

    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::mutex m_mutex;
    std::optional<double> m_at;
};

double treePss(pid_t root, int& processes)
{
    double kib = 0;
    processes = 0;
    for (pid_t p : processTree(root))
        if (auto v = pssKiB(p)) {
            kib += *v;
            ++processes;
        }
    return kib;
}

double treeCpuNs(pid_t root)
{
    double ns = 0;
    for (pid_t p : processTree(root)) ns += cpuNs(p).value_or(0);
    return ns;
}

std::string ratio(double chromium, std::optional<double> kiosk)
{
    if (!kiosk || *kiosk <= 0) return "";
    std::ostringstream s;
    s << std::fixed << std::setprecision(chromium / *kiosk >= 10 ? 0 : 1) << chromium / *kiosk << "×";
    return s.str();
}

} // namespace

void chromiumRows(const Options& o, Results& r)
{
    if (!o.wants("chromium")) return;
    const std::string what = "Chromium kiosk mode, same lesson page";
    if (!std::filesystem::exists(kChromium)) {
        r.add(skippedRow("chromium", what, "", "Chromium is not installed (apt-get install chromium): the side-by-side rows are skipped"));
        return;
    }
    XProbe x;
    std::string error;
    PaintListener listener;
    if (!x.open(error) || !listener.start()) {
        r.add(skippedRow("chromium", what, "", error.empty() ? "cannot listen on 127.0.0.1" : error));
        return;
    }
    const kiosk::Runtime rt = kiosk::Runtime::load({});
    const std::filesystem::path page = o.workDir / "lesson.html";
    std::ofstream(page) << lessonPageHtml(rt, kLesson, 2, listener.port());

    const int runs = o.quick ? 1 : 3;
    std::vector<double> firstPaint, onScreen;
    for (int i = 0; i < runs; ++i) {
        const std::filesystem::path profile = o.workDir / ("chromium-profile-" + std::to_string(i));
        std::filesystem::remove_all(profile);
        std::vector<std::string> argv{kChromium, "--kiosk", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                      "--disable-sync", "--user-data-dir=" + profile.string()};
        // Chromium refuses to run as root with its sandbox; the kiosk PC runs it as a user.
        if (geteuid() == 0) argv.push_back("--no-sandbox");
        argv.push_back("file://" + page.string());
        listener.reset();
        x.drain();
        ChildProcess c;
        const double epoch0 = realtimeMs(), mono0 = nowMs();
        if (!c.start(argv, {}, o.workDir / "chromium", error)) break;
        const double execEpoch = epoch0 + (c.startedMs() - mono0);
        auto content = x.waitContent(60000);
        double waited = 0;
        while (!listener.paintedAt() && waited < 30000) {
            sleepMs(20);
            waited += 20;
        }
        if (content) onScreen.push_back(*content - c.startedMs());
        if (auto at = listener.paintedAt()) firstPaint.push_back(*at - execEpoch);
        const bool last = i + 1 == runs;
        if (last && (content || listener.paintedAt())) {
            x.settle(2000, 15000);
            sleepMs(3000);   // let start-up's helper processes settle
            int processes = 0;
            const double pss = treePss(c.pid(), processes);
            const double t0 = nowMs(), c0 = treeCpuNs(c.pid());
            int frames = 0;
            while (nowMs() - t0 < o.idleSeconds * 1000.0)
                if (x.waitDamage(t0 + o.idleSeconds * 1000.0 - nowMs())) ++frames;
            const double wall = nowMs() - t0, cpuMs = (treeCpuNs(c.pid()) - c0) / 1e6;
            const double percent = cpuMs / wall * 100.0;
            const KioskFigures& k = kioskFigures();

            Row first;
            first.id = "chromium_first_paint";
            first.what = "Chromium: exec → first paint, same lesson page";
            const bool havePaint = !firstPaint.empty();
            const double fp = havePaint ? percentile(firstPaint, 50) : percentile(onScreen, 50);
            first.measured = fmtMs(fp);
            first.note = std::string(havePaint ? "first-contentful-paint, " : "no paint report; XDamage only, ") + "median of " +
                         std::to_string(std::max(firstPaint.size(), onScreen.size())) + " starts with a fresh profile; on the X screen " +
                         fmtMs(percentile(onScreen, 50)) + (k.firstFrameMs ? "; the kiosk is " + ratio(fp, k.firstFrameMs) + " faster" : "");
            first.values = {{"median_ms", fp}, {"paint_ms", firstPaint}, {"on_screen_ms", onScreen}};
            r.add(std::move(first));

            Row mem;
            mem.id = "chromium_memory";
            mem.what = "Chromium: memory (PSS summed over its processes)";
            mem.measured = fmtMiB(pss);
            mem.note = std::to_string(processes) + " processes" + (k.pssKiB ? "; " + ratio(pss, k.pssKiB) + " the kiosk's PSS" : "");
            mem.values = {{"pss_kib", pss}, {"processes", processes}};
            r.add(std::move(mem));

            Row idle;
            idle.id = "chromium_idle";
            idle.what = "Chromium: idle CPU, same page, " + std::to_string(o.idleSeconds) + " s";
            idle.measured = fmtPercent(percent);
            idle.quick = o.quick;
            std::ostringstream note;
            note << std::fixed << std::setprecision(1) << cpuMs << " ms CPU over all processes, " << frames << " frames drawn";
            if (k.idlePercent && *k.idlePercent > 0) note << "; " << ratio(percent, k.idlePercent) << " the kiosk's";
            else if (k.idlePercent) note << "; the kiosk used none";
            idle.note = note.str();
            idle.values = {{"percent", percent}, {"cpu_ms", cpuMs}, {"frames", frames}};
            r.add(std::move(idle));
        }
        // Anything of its tree that left the group we made goes by its pid too (noted before the
        // browser ends: after, its children belong to init).
        const std::vector<pid_t> tree = processTree(c.pid());
        c.stop(5000);
        for (pid_t p : tree)
            if (p != c.pid()) kill(p, SIGKILL);
    }
    if (firstPaint.empty() && onScreen.empty())
        r.add(skippedRow("chromium", what, "", "Chromium started but painted nothing within 60 s: see " + (o.workDir / "chromium.err").string()));
}

} // namespace bench

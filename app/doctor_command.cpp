// `kiosk doctor`: one line per check of what a kiosk needs (display, touch, devices, audio, disk,
// database, clock, collector), for the technician. Marks: ✓ fine, ! to fix (citizens do not
// notice), ✗ broken for citizens (exit status 1), – not configured / not checked.
#include "app/commands.hpp"
#include "drivers/print/escpos_printer.hpp"
#include "drivers/display/sdl_platform.hpp"
#include "ui/ui_context.hpp"
#include "kiosk/store/backup.hpp"
#include <CLI/CLI.hpp>
#include <SDL.h>
#include <spdlog/spdlog.h>
#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace app {

namespace {

namespace fs = std::filesystem;

enum class Mark { Ok, Warn, Fail, Skip };

struct Doctor {
    int failures = 0;
    int warnings = 0;
    void line(Mark m, const std::string& what, const std::string& text)
    {
        const char* sign = m == Mark::Ok ? "✓" : m == Mark::Warn ? "!" : m == Mark::Fail ? "✗" : "–";
        if (m == Mark::Fail) ++failures;
        if (m == Mark::Warn) ++warnings;
        std::cout << sign << " " << what << ": " << text << "\n" << std::flush;
    }
};

// A monitor plugged into a DRM connector, read from sysfs: works outside the graphical session.
std::string connectedMonitor()
{
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator("/sys/class/drm", ec)) {
        std::ifstream status(e.path() / "status");
        std::string s;
        if (status >> s && s == "connected") return e.path().filename().string();
    }
    return {};
}

// Input devices the kernel marks as direct (INPUT_PROP_DIRECT: a touchscreen), by name.
std::vector<std::string> kernelTouchscreens()
{
    std::ifstream in("/proc/bus/input/devices");
    std::vector<std::string> found;
    std::string line, name;
    while (std::getline(in, line)) {
        if (line.rfind("N: Name=", 0) == 0) name = line.substr(8);
        if (line.rfind("B: PROP=", 0) == 0 && (std::strtoul(line.c_str() + 8, nullptr, 16) & 0x2)) found.push_back(name);
    }
    return found;
}

void checkDisplayAndTouch(Doctor& d)
{
    bool video = false;
    if (drivers::displayConfigured()) {
        if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
            d.line(Mark::Fail, "Màn hình", std::string("không mở được phiên hiển thị (SDL: ") + SDL_GetError() +
                                              "). Xem ki-ốt có đang chạy không: journalctl -u kiosk");
        } else {
            video = true;
            const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "?";
            SDL_DisplayMode mode{};
            const bool haveMode = SDL_GetNumVideoDisplays() > 0 && SDL_GetCurrentDisplayMode(0, &mode) == 0;
            // The shape decides the layout: landscape side by side, portrait in one column.
            const std::string size = haveMode ? "màn hình " + ui::describeShape(mode.w, mode.h) +
                                                    (ui::isPortrait(float(mode.w), float(mode.h)) ? ", bố cục một cột" : ", bố cục hai cột")
                                              : "chưa rõ kích thước";
            if (driver == "offscreen" || driver == "dummy")
                d.line(Mark::Fail, "Màn hình", "chỉ có màn hình ảo (SDL \"" + driver + "\"): không ai nhìn thấy ki-ốt. Chạy ki-ốt bằng dịch vụ kiosk (cage).");
            else
                d.line(Mark::Ok, "Màn hình", "mở được qua SDL \"" + driver + "\", " + size + ".");
        }
    } else if (std::string port = connectedMonitor(); !port.empty()) {
        d.line(Mark::Ok, "Màn hình", "có màn hình cắm ở cổng " + port + " (lệnh chạy ngoài phiên ki-ốt nên không thử mở cửa sổ).");
    } else {
        d.line(Mark::Fail, "Màn hình", "không thấy màn hình nào được cắm và không có phiên hiển thị. Kiểm tra cáp HDMI/nguồn màn hình.");
    }

    const int sdlTouch = video ? SDL_GetNumTouchDevices() : 0;
    const std::vector<std::string> kernel = kernelTouchscreens();
    if (sdlTouch > 0)
        d.line(Mark::Ok, "Cảm ứng", std::to_string(sdlTouch) + " thiết bị cảm ứng" + (kernel.empty() ? "." : " (" + kernel.front() + ")."));
    else if (!kernel.empty())
        d.line(video ? Mark::Fail : Mark::Ok, "Cảm ứng", "hệ thống thấy \"" + kernel.front() + "\"" +
                   (video ? " nhưng phiên hiển thị không nhận: khởi động lại dịch vụ kiosk." : "."));
    else
        d.line(Mark::Fail, "Cảm ứng", "không có màn hình cảm ứng nào. Kiểm tra cáp USB của tấm cảm ứng; người dân không bấm được gì.");
    if (video) SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

// A device path that must open for reading (camera, scanners).
void checkDevice(Doctor& d, const std::string& what, const std::vector<std::string>& paths, const std::string& hint)
{
    std::vector<std::string> set;
    for (const std::string& p : paths)
        if (!p.empty()) set.push_back(p);
    if (set.empty()) {
        d.line(Mark::Skip, what, "chưa cấu hình ([devices] trong /etc/kiosk/kiosk.toml).");
        return;
    }
    for (const std::string& p : set) {
        const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd >= 0) {
            ::close(fd);
            d.line(Mark::Ok, what, p + " mở được.");
        } else {
            const int e = errno;
            d.line(Mark::Warn, what, p + " không mở được (" + std::strerror(e) + "). " +
                                         (e == EACCES ? "Người dùng kiosk cần quyền: " + hint : "Kiểm tra thiết bị đã cắm."));
        }
    }
}

void checkPrinter(Doctor& d, const kiosk::Config& config)
{
    if (config.devices.printer.empty()) {
        d.line(Mark::Skip, "Máy in", "chưa cấu hình ([devices] printer).");
        return;
    }
    std::string error;
    std::unique_ptr<kiosk::Printer> p = drivers::openPrinter(config.devices.printer, config.devices.printerWidthDots, error);
    if (p && p->check(error)) d.line(Mark::Ok, "Máy in", p->describe() + " sẵn sàng.");
    else d.line(Mark::Warn, "Máy in", error);
}

// ALSA's library prints its own complaints ("ALSA lib pcm.c:… Unknown PCM …") straight to fd 2 while
// SDL probes its devices. For the probe's duration fd 2 goes to a private temporary file; what was
// written there goes to the log at debug level, so the doctor's output stays one line per check.
class StderrToLog {
public:
    StderrToLog()
    {
        m_file = std::tmpfile();
        if (!m_file) return;
        std::fflush(stderr);
        m_saved = ::dup(2);
        if (m_saved < 0 || ::dup2(::fileno(m_file), 2) < 0) restore();
    }
    ~StderrToLog()
    {
        restore();
        if (!m_file) return;
        std::rewind(m_file);
        char line[512];
        while (std::fgets(line, sizeof line, m_file)) {
            std::string l(line);
            while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
            if (!l.empty()) spdlog::debug("âm thanh (thư viện): {}", l);
        }
        std::fclose(m_file);
    }

private:
    void restore()
    {
        if (m_saved < 0) return;
        std::fflush(stderr);
        ::dup2(m_saved, 2);
        ::close(m_saved);
        m_saved = -1;
    }
    std::FILE* m_file = nullptr;
    int m_saved = -1;
};

void checkAudio(Doctor& d)
{
    StderrToLog quiet;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        d.line(Mark::Warn, "Âm thanh", std::string("không mở được âm thanh (") + SDL_GetError() + "): bài học không đọc thành tiếng được.");
        return;
    }
    SDL_AudioSpec want{}, have{};
    want.freq = 22050;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    const std::string driver = SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "?";
    const SDL_AudioDeviceID dev = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (dev != 0 && driver != "dummy" && driver != "disk") {
        SDL_CloseAudioDevice(dev);
        d.line(Mark::Ok, "Âm thanh", "loa mở được (SDL \"" + driver + "\").");
    } else {
        if (dev != 0) SDL_CloseAudioDevice(dev);
        d.line(Mark::Warn, "Âm thanh", "không có loa dùng được (SDL \"" + driver + "\"" + (dev ? "" : std::string(": ") + SDL_GetError()) +
                                           "): bài học không đọc thành tiếng được. Kiểm tra loa và nhóm audio của người dùng kiosk.");
    }
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void checkDisk(Doctor& d, const fs::path& dataDir)
{
    struct statvfs s{};
    fs::path probe = dataDir;
    std::error_code ec;
    while (!probe.empty() && !fs::exists(probe, ec)) probe = probe.parent_path();
    if (statvfs(probe.empty() ? "." : probe.c_str(), &s) != 0) {
        d.line(Mark::Fail, "Ổ đĩa", "không đọc được dung lượng của " + dataDir.string() + " (" + std::strerror(errno) + ").");
        return;
    }
    const unsigned long long freeMb = static_cast<unsigned long long>(s.f_bavail) * s.f_frsize / (1024 * 1024);
    const std::string text = "còn trống " + std::to_string(freeMb) + " MB ở " + dataDir.string();
    if (freeMb < 50) d.line(Mark::Fail, "Ổ đĩa", text + ": gần đầy, ki-ốt không lưu được phiên mới. Xoá bớt tệp hoặc thay ổ lớn hơn.");
    else if (freeMb < 500) d.line(Mark::Warn, "Ổ đĩa", text + " (dưới 500 MB): nên giải phóng dung lượng sớm.");
    else d.line(Mark::Ok, "Ổ đĩa", text + ".");
}

void checkDatabase(Doctor& d, const fs::path& dataDir)
{
    const fs::path file = kiosk::databaseFile(dataDir);
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        d.line(Mark::Warn, "Cơ sở dữ liệu", "chưa có " + file.string() + " (ki-ốt tạo khi chạy lần đầu; thư mục dữ liệu đúng chưa? dùng --data).");
        return;
    }
    std::string problem;
    if (kiosk::checkDatabaseIntegrity(file, problem)) d.line(Mark::Ok, "Cơ sở dữ liệu", file.string() + " nguyên vẹn (integrity_check: ok).");
    else d.line(Mark::Fail, "Cơ sở dữ liệu", problem);
}

void checkClock(Doctor& d)
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const int year = local.tm_year + 1900;
    char text[64];
    std::strftime(text, sizeof text, "%d/%m/%Y %H:%M", &local);
    if (year < 2026) d.line(Mark::Warn, "Đồng hồ", std::string("đang chỉ ") + text + ": sai giờ (pin đồng hồ hết?). Nối mạng và chạy: timedatectl set-ntp true");
    else if (year > 2045) d.line(Mark::Warn, "Đồng hồ", std::string("đang chỉ ") + text + ": quá xa trong tương lai. Đặt lại giờ: timedatectl set-ntp true");
    else d.line(Mark::Ok, "Đồng hồ", std::string(text) + ".");
}

bool tcpReachable(const std::string& host, const std::string& port, std::string& why)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0) {
        why = std::string("không phân giải được tên (") + gai_strerror(rc) + ")";
        return false;
    }
    bool ok = false;
    why = "không kết nối được";
    for (addrinfo* a = found; a && !ok; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0 || errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            int err = 0;
            socklen_t len = sizeof err;
            if (::poll(&p, 1, 3000) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) ok = true;
            else why = err ? std::strerror(err) : "hết thời gian chờ (3 giây)";
        }
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return ok;
}

void checkCollector(Doctor& d, const kiosk::Config& config)
{
    const std::string& url = config.upload.url;
    if (url.empty()) {
        d.line(Mark::Skip, "Máy chủ tổng hợp", "bỏ qua: chưa có [upload] url trong cấu hình.");
        return;
    }
    // scheme://host[:port]/...
    const size_t scheme = url.find("://");
    const std::string proto = scheme == std::string::npos ? "" : url.substr(0, scheme);
    std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
    rest = rest.substr(0, rest.find('/'));
    std::string host = rest, port = proto == "http" ? "80" : "443";
    if (!rest.empty() && rest.front() == '[') {
        const size_t close = rest.find(']');
        host = rest.substr(1, close == std::string::npos ? std::string::npos : close - 1);
        if (close != std::string::npos && close + 1 < rest.size() && rest[close + 1] == ':') port = rest.substr(close + 2);
    } else if (const size_t colon = rest.rfind(':'); colon != std::string::npos) {
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
    }
    std::string why;
    if (tcpReachable(host, port, why)) d.line(Mark::Ok, "Máy chủ tổng hợp", host + ":" + port + " kết nối được.");
    else d.line(Mark::Warn, "Máy chủ tổng hợp", host + ":" + port + " " + why + ". Phiên vẫn được giữ trên ki-ốt và gửi lại sau; kiểm tra mạng.");
}

int doctorCommand(const GlobalOptions& g)
{
    kiosk::RuntimeOptions ro = g.runtimeOptions();
    kiosk::Runtime rt = kiosk::Runtime::load(ro);
    Doctor d;
    checkDisplayAndTouch(d);
    const kiosk::DevicesConfig& dev = rt.config.devices;
    checkDevice(d, "Camera", {dev.camera}, "nhóm video.");
    checkDevice(d, "Máy quét", {dev.scanner, dev.serialScanner}, "nhóm input (máy quét USB) hoặc dialout (cổng nối tiếp).");
    checkPrinter(d, rt.config);
    checkAudio(d);
    checkDisk(d, g.dataDir);
    checkDatabase(d, g.dataDir);
    checkClock(d);
    checkCollector(d, rt.config);
    SDL_Quit();
    if (d.failures > 0)
        std::cerr << "Có " << d.failures << " lỗi người dân sẽ gặp (dấu ✗): sửa những dòng đó trước.\n";
    else if (d.warnings > 0)
        std::cerr << "Ki-ốt dùng được; có " << d.warnings << " điều nên sửa (dấu !).\n";
    return d.failures > 0 ? 1 : 0;
}

} // namespace

void addDoctorCommand(CLI::App& cli, const GlobalOptions& g, CommandSet& set)
{
    auto* cmd = cli.add_subcommand("doctor", "kiểm tra máy ki-ốt / check the kiosk's hardware and data");
    set.add(cmd, [&g] { return doctorCommand(g); });
}

} // namespace app

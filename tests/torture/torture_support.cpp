// The torture tests' shared helpers (POSIX processes and pipes, like the kiosk itself).
#include "tests/torture/torture_support.hpp"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace torture {

// [Child]
Child::Child(const std::vector<std::string>& args, const std::filesystem::path& errFile)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    m_pid = ::fork();
    if (m_pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        ::dup2(in, 0);
        ::dup2(fds[1], 1);
        ::dup2(err, 2);
        std::vector<char*> argv;
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    m_out = fds[0];
}

Child::~Child()
{
    if (!m_reaped) kill();
    if (m_out >= 0) ::close(m_out);
}

bool Child::readLines(int waitMs, std::vector<std::string>& lines)
{
    if (m_eof) return false;
    pollfd p{m_out, POLLIN, 0};
    if (::poll(&p, 1, waitMs) > 0) {
        char buf[4096];
        const ssize_t n = ::read(m_out, buf, sizeof buf);
        if (n <= 0) m_eof = true;
        else m_partial.append(buf, static_cast<size_t>(n));
    }
    for (size_t nl; (nl = m_partial.find('\n')) != std::string::npos;) {
        lines.push_back(m_partial.substr(0, nl));
        m_partial.erase(0, nl + 1);
    }
    // A line cut by a kill never counts: the child had not finished confirming it.
    return !m_eof;
}

void Child::readToEnd(std::vector<std::string>& lines)
{
    while (readLines(1000, lines)) {}
}

void Child::kill()
{
    if (m_reaped) return;
    ::kill(m_pid, SIGKILL);
    wait();
}

int Child::wait()
{
    if (!m_reaped) {
        int st = 0;
        ::waitpid(m_pid, &st, 0);
        m_reaped = true;
        m_status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? -WTERMSIG(st) : -1;
    }
    return m_status;
}

bool Child::exited()
{
    if (m_reaped) return true;
    int st = 0;
    if (::waitpid(m_pid, &st, WNOHANG) != m_pid) return false;
    m_reaped = true;
    m_status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? -WTERMSIG(st) : -1;
    return true;
}

uint32_t seed()
{
    if (const char* s = std::getenv("KIOSK_TORTURE_SEED"); s && *s) return static_cast<uint32_t>(std::strtoul(s, nullptr, 10));
    return std::random_device{}();
}

// [people]
namespace {
const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"};
const char* kMiddleMale[] = {"Văn", "Hữu", "Đức", "Minh", "Quốc"};
const char* kMiddleFemale[] = {"Thị", "Ngọc", "Thu", "Thanh", "Mai"};
const char* kGiven[] = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan",
                        "Long", "Mỹ", "Nam", "Oanh", "Phúc", "Quyên", "Sơn", "Tâm", "Thuỷ", "Yến"};
const char* kVillages[] = {"Thôn Đông", "Thôn Tây", "Thôn Nam", "Thôn Bắc", "Xóm Chợ"};
const char* kCodes[] = {"vneid_install", "vneid_level2", "ehealth_book", "bank_account", "digital_signature", "online_public_service"};

char digit(int v) { return static_cast<char>('0' + v); }
} // namespace

std::string cardPayload(int n)
{
    const bool female = n % 2 == 1;
    const int year = 1940 + n % 60;   // 1940–1999: the 20th century's digits 0 (male) / 1 (female)
    const int month = 1 + (n / 60) % 12, day = 1 + (n / 720) % 28;
    std::string id = "038";
    id += digit(female ? 1 : 0);
    id += digit(year / 10 % 10);
    id += digit(year % 10);
    char serial[8];
    std::snprintf(serial, sizeof serial, "%06d", n % 1000000);
    id += serial;
    std::string name = std::string(kFamily[n % 10]) + " " + (female ? kMiddleFemale : kMiddleMale)[(n / 10) % 5] + " " + kGiven[(n / 50) % 20];
    char birth[16];
    std::snprintf(birth, sizeof birth, "%02d%02d%04d", day, month, year);
    return id + "||" + name + "|" + birth + "|" + (female ? "Nữ" : "Nam") + "|" + kVillages[n % 5] + ", Quảng Ngọc, Quảng Xương, Thanh Hóa|10082021";
}

kiosk::CitizenId citizen(int n)
{
    kiosk::CccdParse p = kiosk::parseCccd(cardPayload(n), kiosk::CivilDate{2026, 11, 23});
    if (!p.ok()) throw std::runtime_error("made-up card refused: " + p.message);
    return *p.citizen;
}

Expected expectedSession(int n)
{
    Expected e;
    e.withCitizen = n % 3 != 0;   // one session in three is anonymous
    e.person = (n * 7) % 500;     // citizens come back: the second visit updates the stored one
    e.village = kVillages[n % 5];
    e.notes = n % 4 == 0 ? std::string() : "Lượt " + std::to_string(n) + ": cần con cháu giúp nhận mã OTP";
    for (int i = 0; i < 6; ++i)
        if ((n >> i) & 1 || i == n % 6) e.services.push_back({kCodes[i], static_cast<kiosk::Outcome>((n + i) % 3)});
    std::sort(e.services.begin(), e.services.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    return e;
}

kiosk::NewSession newSession(int n, int64_t staffId, int64_t now)
{
    const Expected e = expectedSession(n);
    kiosk::NewSession s;
    s.staffId = staffId;
    s.startedAt = now - 600;
    s.endedAt = now;
    if (e.withCitizen) {
        s.citizen = citizen(e.person);
        s.consent = true;
    }
    s.village = e.village;
    s.notes = e.notes;
    s.services = e.services;
    return s;
}

std::string integrityCheck(kiosk::Database& db)
{
    kiosk::Statement st(db.handle(), "PRAGMA integrity_check");
    std::string out;
    while (st.step()) out += (out.empty() ? "" : "; ") + st.text(0);
    return out.empty() ? "no answer" : out;
}

std::string integrityCheck(const std::filesystem::path& dbFile)
{
    std::string error;
    auto db = kiosk::Database::open(dbFile, error);
    return db ? integrityCheck(*db) : "cannot open: " + error;
}

std::string slurp(const std::filesystem::path& file)
{
    std::ifstream f(file, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

void sleepMs(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

} // namespace torture

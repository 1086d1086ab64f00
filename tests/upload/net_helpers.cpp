// Sockets and processes for the upload tests (POSIX only, like the kiosk).
#include "tests/upload/net_helpers.hpp"
#include <doctest/doctest.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

namespace nettest {

namespace {

std::string slurp(const std::filesystem::path& p)
{
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& out, const std::filesystem::path& err,
            const std::filesystem::path& input = "/dev/null")
{
    const pid_t pid = fork();
    if (pid == 0) {
        const int in = ::open(input.c_str(), O_RDONLY);
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(in, 0);
        dup2(o, 1);
        dup2(e, 2);
        std::vector<char*> argv;
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

// Headers are case-insensitive; returns -1 when absent.
long contentLength(const std::string& head)
{
    std::string lower = head;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const size_t at = lower.find("\r\ncontent-length:");
    if (at == std::string::npos) return -1;
    return std::strtol(head.c_str() + at + 17, nullptr, 10);
}

// Reads up to the blank line; `rest` gets whatever came after it.
bool readHead(int fd, std::string& head, std::string& rest)
{
    std::string buf;
    char chunk[4096];
    for (;;) {
        const size_t end = buf.find("\r\n\r\n");
        if (end != std::string::npos) {
            head = buf.substr(0, end + 4);
            rest = buf.substr(end + 4);
            return true;
        }
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buf.append(chunk, static_cast<size_t>(n));
    }
}

bool readBody(int fd, long length, std::string& body)
{
    char chunk[4096];
    while (length < 0 || static_cast<long>(body.size()) < length) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return length < 0;
        body.append(chunk, static_cast<size_t>(n));
    }
    return true;
}

void setTimeouts(int fd)
{
    // No test may hang on a socket: a stuck read gives up after 20 s and fails the test.
    timeval tv{20, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

int connectLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    setTimeouts(fd);
    return fd;
}

} // namespace

RunResult run(const std::vector<std::string>& args, const std::filesystem::path& scratch, const std::string& input)
{
    static std::atomic<int> counter{0};
    const int n = ++counter;
    const auto out = scratch / ("run" + std::to_string(n) + ".out"), err = scratch / ("run" + std::to_string(n) + ".err");
    std::filesystem::path in = "/dev/null";
    if (!input.empty()) {
        in = scratch / ("run" + std::to_string(n) + ".in");
        std::ofstream(in, std::ios::binary) << input;
    }
    const pid_t pid = spawn(args, out, err, in);
    int st = 0;
    rusage usage{};
    wait4(pid, &st, 0, &usage);
    RunResult r;
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.peakKb = usage.ru_maxrss;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

// [Collector]
Collector::Collector(std::filesystem::path dataDir) : m_data(std::move(dataDir)) {}
Collector::~Collector() { stop(); }

void Collector::start(const std::vector<std::string>& extraArgs)
{
    std::filesystem::create_directories(m_data);
    const auto out = m_data / "serve.out";
    std::filesystem::remove(out);
    std::vector<std::string> args = {KIOSK_COLLECTOR_BIN, "--data", m_data.string(), "serve", "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    m_tls = std::find(extraArgs.begin(), extraArgs.end(), "--cert") != extraArgs.end();
    m_pid = spawn(args, out, m_data / "serve.err");
    // Waits for the line that names the port (no timing is asserted: 30 s only guards a hang).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    m_port = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string text = slurp(out);
        const size_t at = text.find("listening on ");
        if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
            const std::string where = text.substr(at + 13, text.find('\n', at) - at - 13);
            m_port = std::atoi(where.substr(where.rfind(':') + 1).c_str());
            break;
        }
        int st = 0;
        if (waitpid(m_pid, &st, WNOHANG) == m_pid) {
            m_pid = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    INFO("kiosk-collector stderr: " << slurp(m_data / "serve.err"));
    REQUIRE(m_port > 0);
}

void Collector::stop()
{
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGTERM);
    int st = 0;
    waitpid(m_pid, &st, 0);
    m_pid = -1;
}

void Collector::kill()
{
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGKILL);
    int st = 0;
    waitpid(m_pid, &st, 0);
    m_pid = -1;
}

std::string Collector::url() const
{
    return std::string(m_tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port) + "/api/v1/upload";
}

// [TcpServer]
TcpServer::TcpServer()
{
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(m_listen, 16) == 0);
    socklen_t len = sizeof a;
    getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
}

TcpServer::~TcpServer()
{
    stopThread();
    ::close(m_listen);
}

void TcpServer::startThread()
{
    m_thread = std::thread([this] {
        while (!m_stop) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const int client = ::accept(m_listen, nullptr, nullptr);
            if (client < 0) continue;
            setTimeouts(client);
            serve(client);
        }
    });
}

void TcpServer::stopThread()
{
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

bool readRequest(int fd, std::string& head, std::string& body)
{
    body.clear();
    if (!readHead(fd, head, body)) return false;
    return readBody(fd, std::max(0L, contentLength(head)), body);
}

bool readResponse(int fd, std::string& all)
{
    std::string head, body;
    if (!readHead(fd, head, body)) return false;
    const bool ok = readBody(fd, contentLength(head), body);
    all = head + body;
    return ok;
}

void writeAll(int fd, const std::string& data)
{
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

int connectLocal(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

long long peakRss(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atoll(line.c_str() + 6) * 1024;
    return -1;
}

// [FakeServer]
FakeServer::FakeServer(std::string response, bool hang) : m_response(std::move(response)), m_hang(hang) { startThread(); }
FakeServer::~FakeServer() { stopThread(); }

std::string FakeServer::http(int status, const std::string& contentType, const std::string& body)
{
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

void FakeServer::serve(int client)
{
    std::string head, body;
    if (readRequest(client, head, body)) {
        ++m_requests;
        if (m_hang) {
            // Never answer: wait until the client gives up (closes) or 20 s pass.
            char c;
            ::recv(client, &c, 1, 0);
        } else {
            writeAll(client, m_response);
        }
    }
    ::close(client);
}

// [CuttingProxy]
CuttingProxy::CuttingProxy(int upstreamPort, std::vector<int> cut) : m_upstream(upstreamPort), m_cut(std::move(cut)) { startThread(); }
CuttingProxy::~CuttingProxy() { stopThread(); }

std::string CuttingProxy::url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/api/v1/upload"; }

void CuttingProxy::serve(int client)
{
    std::string head, body;
    while (readRequest(client, head, body)) {
        const int n = ++m_requests;
        const int up = connectLoopback(m_upstream);
        if (up < 0) break;
        writeAll(up, head + body);
        std::string reply;
        readResponse(up, reply);
        ::close(up);
        if (std::find(m_cut.begin(), m_cut.end(), n) != m_cut.end()) {
            // The collector has stored and committed the batch; the kiosk hears half an answer.
            // The head whole and half the body: curl sees "transfer closed with bytes remaining".
            const size_t headEnd = reply.find("\r\n\r\n") + 4;
            writeAll(client, reply.substr(0, headEnd + (reply.size() - headEnd) / 2));
            break;
        }
        writeAll(client, reply);
    }
    ::close(client);
}

} // namespace nettest

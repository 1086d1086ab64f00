// Test helpers for the upload: child processes (the real kiosk and kiosk-collector binaries), a
// tiny fake HTTP server that answers what a test tells it, and a TCP proxy that can cut a reply.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace nettest {

struct RunResult {
    int status = -1;
    std::string out, err;
    long peakKb = 0;               // the child's peak resident memory (getrusage's ru_maxrss)
};

// Runs `args` (args[0] is the program) to completion; stdout and stderr kept apart. Standard input
// is `input` (kept in a file in `scratch`), or /dev/null when it is empty.
RunResult run(const std::vector<std::string>& args, const std::filesystem::path& scratch, const std::string& input = {});

// `kiosk-collector --data DIR serve --listen 127.0.0.1:0` as a child; waits for its listening line.
class Collector {
public:
    explicit Collector(std::filesystem::path dataDir);
    ~Collector();
    void start(const std::vector<std::string>& extraArgs = {});   // REQUIREs the listening line
    void stop();                   // SIGTERM, then wait
    void kill();                   // SIGKILL, then wait: no clean shutdown
    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    std::string url() const;       // http(s)://127.0.0.1:PORT/api/v1/upload

private:
    std::filesystem::path m_data;
    pid_t m_pid = -1;
    int m_port = 0;
    bool m_tls = false;
};

// A listening socket on 127.0.0.1 with one thread serving connections one at a time.
class TcpServer {
public:
    TcpServer();
    virtual ~TcpServer();
    int port() const { return m_port; }
    int requests() const { return m_requests; }

protected:
    void startThread();
    void stopThread();             // derived destructors call this first
    virtual void serve(int client) = 0;   // owns `client`: closes it
    std::atomic<int> m_requests{0};

private:
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// Reads one HTTP request (head and Content-Length body). False when the peer closed first.
bool readRequest(int fd, std::string& head, std::string& body);
// Reads one HTTP response (head and Content-Length body, or until close).
bool readResponse(int fd, std::string& all);
void writeAll(int fd, const std::string& data);
// A TCP connection to 127.0.0.1:port (blocking), or -1.
int connectLocal(int port);
// A process's peak resident memory (VmHWM in /proc/PID/status), bytes; -1 if unreadable.
long long peakRss(pid_t pid);

// Answers every request with the same bytes (a whole HTTP response), or never answers (`hang`).
class FakeServer final : public TcpServer {
public:
    explicit FakeServer(std::string response, bool hang = false);
    ~FakeServer() override;
    static std::string http(int status, const std::string& contentType, const std::string& body);

private:
    void serve(int client) override;
    std::string m_response;
    bool m_hang;
};

// Forwards each request to 127.0.0.1:upstream on a fresh connection. The replies to the requests
// numbered in `cut` (1-based, counted over the proxy's life) are cut: only their first half is
// relayed, then the connection is closed.
class CuttingProxy final : public TcpServer {
public:
    CuttingProxy(int upstreamPort, std::vector<int> cut);
    ~CuttingProxy() override;
    void setUpstream(int port) { m_upstream = port; }
    std::string url() const;

private:
    void serve(int client) override;
    std::atomic<int> m_upstream;
    std::vector<int> m_cut;
};

} // namespace nettest

// The HTTP adapter on GNU libmicrohttpd: event-driven (epoll, a small thread pool), so idle or
// slow connections hold no thread; the header block of a connection is bounded by its memory
// pool; the token is checked on the headers alone, before one byte of the body is read; bodies
// are buffered within a per-request ceiling and a budget shared by every connection.
// Sections: [answers] [request state] [access handler] [serve]
#include "collector/http_server.hpp"
#include "collector/terminal_text.hpp"
#include "kiosk/sync/upload_protocol.hpp"
#include <microhttpd.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

namespace collector {

namespace {

// [answers]
MHD_Result queue(MHD_Connection* c, const HttpResponse& r, bool close = false)
{
    MHD_Response* res = MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()), MHD_RESPMEM_MUST_COPY);
    if (!res) return MHD_NO;
    MHD_add_response_header(res, "Content-Type", "application/json");
    for (const auto& [k, v] : r.headers) MHD_add_response_header(res, k.c_str(), v.c_str());
    if (close) MHD_add_response_header(res, "Connection", "close");
    const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(r.status), res);
    MHD_destroy_response(res);
    return ok;
}

HttpResponse busy()
{
    HttpResponse r = errorResponse(503, "busy", "Máy chủ xã đang nhận nhiều lô cùng lúc: chưa nhận gì từ lô này, xin gửi lại sau.");
    r.headers.emplace_back("Retry-After", "5");
    return r;
}

// [request state]
struct Server {
    UploadHandler& handler;
    ServeLimits limits;
    std::atomic<size_t> buffered{0};   // body bytes held by every connection together
};

struct Request {
    Server& server;
    HeadCheck head;
    std::string body;
    std::optional<HttpResponse> early;   // decided before the body ended: the rest is read and dropped
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::string method, path;
    int status = 0;

    size_t counted = 0;                  // what this request added to server.buffered

    explicit Request(Server& s) : server(s) {}
    ~Request() { release(); }
    void release()
    {
        server.buffered -= counted;
        counted = 0;
        std::string().swap(body);
    }
    // Grows the buffer within the request's ceiling and the shared budget.
    bool append(const char* data, size_t n, HttpResponse& refusal)
    {
        if (body.size() + n > server.handler.maxBody()) {
            refusal = errorResponse(413, "too_large", "Lô quá lớn (tối đa " + std::to_string(server.handler.maxBody()) +
                                                          " byte): xin giảm upload.batch_size.");
            return false;
        }
        if (body.size() + n > body.capacity()) {
            const size_t want = std::min(server.handler.maxBody(), std::max(body.size() + n, body.capacity() * 2 + 4096));
            const size_t extra = want - counted;
            if (server.buffered.fetch_add(extra) + extra > server.limits.bodyBudget) {
                server.buffered -= extra;
                refusal = busy();
                return false;
            }
            counted += extra;
            body.reserve(want);
        }
        body.append(data, n);
        return true;
    }
};

std::string headerValue(MHD_Connection* c, const char* name)
{
    const char* v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
    return v ? v : "";
}

// [access handler]
MHD_Result onRequest(void* cls, MHD_Connection* c, const char* url, const char* method, const char*, const char* data,
                     size_t* size, void** state)
{
    Server& server = *static_cast<Server*>(cls);
    auto* req = static_cast<Request*>(*state);
    if (!req) {
        // First call: the request line and headers only. Nothing of the body has been read.
        req = new Request(server);
        *state = req;
        req->method = method;
        req->path = url;
        HttpRequest head;
        head.method = method;
        head.path = url;
        for (const char* name : {"Authorization", "Content-Encoding", "Content-Type"})
            if (std::string v = headerValue(c, name); !v.empty()) head.headers.emplace_back(name, v);
        req->head = server.handler.checkHead(head);
        if (req->head.answer) {
            req->status = req->head.answer->status;
            return queue(c, *req->head.answer, true);   // the body, if any, is never read
        }
        const std::string declared = headerValue(c, "Content-Length");
        if (!declared.empty() && std::strtoull(declared.c_str(), nullptr, 10) > server.handler.maxBody()) {
            const HttpResponse r = errorResponse(413, "too_large", "Lô quá lớn (tối đa " + std::to_string(server.handler.maxBody()) +
                                                                        " byte): xin giảm upload.batch_size.");
            req->status = r.status;
            return queue(c, r, true);
        }
        return MHD_YES;
    }
    if (*size > 0) {
        // libmicrohttpd answers only once the body has been read: a refused body is read on and
        // dropped (nothing kept), and a connection still sending past the deadline is closed.
        const bool late = std::chrono::steady_clock::now() - req->started > std::chrono::seconds(server.limits.requestSeconds);
        if (late) {
            req->release();
            req->status = 408;
            return MHD_NO;
        }
        HttpResponse refusal;
        if (!req->early && !req->append(data, *size, refusal)) {
            req->release();
            req->early = std::move(refusal);
        }
        *size = 0;
        return MHD_YES;
    }
    if (req->early) {
        req->status = req->early->status;
        return queue(c, *req->early, true);
    }
    const HttpResponse r = server.handler.handleBody(req->head, req->body);
    req->release();
    req->status = r.status;
    return queue(c, r);
}

void onCompleted(void* cls, MHD_Connection* c, void** state, MHD_RequestTerminationCode)
{
    auto* req = static_cast<Request*>(*state);
    if (!req) return;
    char peer[INET6_ADDRSTRLEN] = "?";
    if (const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS); info && info->client_addr) {
        const sockaddr* sa = info->client_addr;
        if (sa->sa_family == AF_INET) inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, peer, sizeof peer);
        else if (sa->sa_family == AF_INET6) inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, peer, sizeof peer);
    }
    // Method, path, status and peer only: bodies carry personal data; the path is the client's.
    spdlog::info("{} {} {} ({})", forTerminal(req->method.substr(0, 16)), forTerminal(req->path.substr(0, 200)), req->status, peer);
    delete req;
    *state = nullptr;
    (void)cls;
}

void onLog(void*, const char* fmt, va_list ap)
{
    char buf[512];
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    std::string line = buf;
    while (!line.empty() && line.back() == '\n') line.pop_back();
    spdlog::warn("libmicrohttpd: {}", forTerminal(line));
}

bool readFile(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !out.empty();
}

} // namespace

bool parseListen(const std::string& text, ServeOptions& out, std::string& error)
{
    const size_t colon = text.rfind(':');
    std::string host = colon == std::string::npos ? std::string() : text.substr(0, colon);
    const std::string port = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    char* end = nullptr;
    const long p = port.empty() ? -1 : std::strtol(port.c_str(), &end, 10);
    if (host.empty() || !end || *end || p < 0 || p > 65535) {
        error = "--listen phải có dạng ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080 hoặc [::1]:8080 (cổng 0: một cổng trống bất kỳ).";
        return false;
    }
    out.host = host;
    out.port = static_cast<int>(p);
    return true;
}

// [serve]
int serve(UploadHandler& handler, const ServeOptions& o, std::ostream& out, std::ostream& err)
{
    // SIGINT/SIGTERM are taken by this thread (sigwait) once the daemon runs; its threads inherit
    // the blocked mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    const bool tls = !o.certFile.empty() || !o.keyFile.empty();
    std::string cert, key;
    if (tls) {
        if (o.certFile.empty() || o.keyFile.empty()) {
            err << "HTTPS cần cả --cert và --key.\n";
            return 2;
        }
        if (!readFile(o.certFile, cert) || !readFile(o.keyFile, key) || MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
            err << "Không đọc được chứng chỉ " << o.certFile << " hoặc khoá " << o.keyFile << " (PEM). Xin kiểm tra hai tệp này.\n";
            return 1;
        }
    }

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (getaddrinfo(o.host.c_str(), std::to_string(o.port).c_str(), &hints, &found) != 0 || !found) {
        err << "Không mở được cổng " << o.host << ":" << o.port << " (không hiểu địa chỉ này).\n";
        return 1;
    }
    std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> addr(found, freeaddrinfo);

    Server server{handler, o.limits};
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
    if (addr->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
    if (tls) flags |= MHD_USE_TLS;
    std::vector<MHD_OptionItem> options = {
        {MHD_OPTION_SOCK_ADDR, 0, addr->ai_addr},
        {MHD_OPTION_THREAD_POOL_SIZE, static_cast<intptr_t>(o.limits.threads), nullptr},
        // The request line and every header live in this pool: a longer header block gets 431.
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(o.limits.headerBytes), nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, static_cast<intptr_t>(o.limits.connections), nullptr},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<intptr_t>(o.limits.connectionsPerPeer), nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, static_cast<intptr_t>(o.limits.idleSeconds), nullptr},
        {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(&onCompleted), &server},
        {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(&onLog), nullptr},
    };
    if (tls) {
        options.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, cert.data()});
        options.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, key.data()});
    }
    options.push_back({MHD_OPTION_END, 0, nullptr});

    MHD_Daemon* daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &onRequest, &server, MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END);
    if (!daemon) {
        if (tls)
            err << "Không mở được cổng " << o.host << ":" << o.port << " hoặc không dùng được chứng chỉ " << o.certFile << " và khoá "
                << o.keyFile << " (PEM). Xin kiểm tra.\n";
        else
            err << "Không mở được cổng " << o.host << ":" << o.port
                << " (đang có chương trình khác dùng, hoặc cần quyền root cho cổng dưới 1024).\n";
        return 1;
    }
    int port = o.port;
    if (const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT); info) port = info->port;
    const std::string where = (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host) + ":" + std::to_string(port);
    out << "Máy chủ xã đang nhận dữ liệu tại " << (tls ? "https://" : "http://") << where << std::string(kiosk::kUploadPath)
        << " (dừng: Ctrl+C) / listening on " << where << std::endl;

    int sig = 0;
    sigwait(&stopSignals, &sig);
    MHD_stop_daemon(daemon);
    return 0;
}

} // namespace collector

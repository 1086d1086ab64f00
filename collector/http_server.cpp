// The HTTP adapter: reads the body with a ceiling (httplib inflates gzip as it reads), hands the
// request to the pure handler, and turns httplib's own errors into the same JSON error shape.
#include "collector/http_server.hpp"
#include "kiosk/upload_protocol.hpp"
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <strings.h>
#include <spdlog/spdlog.h>
#include <memory>
#include <thread>

namespace collector {

namespace {

const char* reasonCode(int status)
{
    switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "too_large";
    case 415: return "unsupported_encoding";
    default: return status >= 500 ? "server_error" : "error";
    }
}

void send(const HttpResponse& r, httplib::Response& res)
{
    res.status = r.status;
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    res.set_content(r.body, "application/json");
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

int serve(UploadHandler& handler, const ServeOptions& o, std::ostream& out, std::ostream& err)
{
    // SIGINT/SIGTERM are taken by one thread (sigwait) that stops the server cleanly; every other
    // thread, httplib's workers included, inherits the blocked mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    std::unique_ptr<httplib::Server> server;
    const bool tls = !o.certFile.empty() || !o.keyFile.empty();
    if (tls) {
        if (o.certFile.empty() || o.keyFile.empty()) {
            err << "HTTPS cần cả --cert và --key.\n";
            return 2;
        }
        server = std::make_unique<httplib::SSLServer>(o.certFile.c_str(), o.keyFile.c_str());
    } else {
        server = std::make_unique<httplib::Server>();
    }
    if (!server->is_valid()) {
        err << "Không đọc được chứng chỉ " << o.certFile << " hoặc khoá " << o.keyFile << " (PEM). Xin kiểm tra hai tệp này.\n";
        return 1;
    }
    // httplib checks a declared Content-Length against this before reading; the handler's own
    // ceiling bounds what gzip expands to.
    server->set_payload_max_length(handler.maxBody());
    // httplib writes an answer's headers and body in separate send()s; with Nagle's algorithm on,
    // the body waited for the kiosk's delayed ACK (~40 ms on Linux) after every batch.
    server->set_tcp_nodelay(true);
    server->set_read_timeout(30);
    server->set_write_timeout(30);

    server->Post(std::string(kiosk::kUploadPath),
                 [&handler](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                     const std::string encoding = req.get_header_value("Content-Encoding");
                     if (!encoding.empty() && encoding != "gzip" && encoding != "identity") {
                         send(errorResponse(415, "unsupported_encoding", "Chỉ nhận thân yêu cầu dạng gzip hoặc không nén."), res);
                         res.set_header("Connection", "close");
                         return;
                     }
                     HttpRequest r;
                     r.method = req.method;
                     r.path = req.path;
                     bool tooLarge = false;
                     const size_t limit = handler.maxBody();
                     const bool ok = reader([&](const char* data, size_t n) {
                         if (r.body.size() + n > limit) {
                             tooLarge = true;
                             return false;
                         }
                         r.body.append(data, n);
                         return true;
                     });
                     if (!ok) {
                         send(tooLarge ? errorResponse(413, "too_large", "Lô quá lớn: xin giảm upload.batch_size.")
                                       : errorResponse(400, "bad_body", "Không đọc được thân yêu cầu (gzip hỏng hoặc kết nối bị ngắt)."),
                              res);
                         res.set_header("Connection", "close");
                         return;
                     }
                     // httplib has inflated a gzip body already; pass the header on only if it has not.
                     const bool stillGzip = r.body.size() >= 2 && static_cast<unsigned char>(r.body[0]) == 0x1f &&
                                            static_cast<unsigned char>(r.body[1]) == 0x8b;
                     for (const auto& [k, v] : req.headers)
                         if (strcasecmp(k.c_str(), "Content-Encoding") != 0 || stillGzip) r.headers.emplace_back(k, v);
                     send(handler.handle(r), res);
                 });
    server->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty())
            send(errorResponse(res.status, reasonCode(res.status),
                               res.status == 404 ? "Không có địa chỉ này trên máy chủ xã; ki-ốt gửi tới " + std::string(kiosk::kUploadPath) + "."
                                                 : "Yêu cầu không hợp lệ (HTTP " + std::to_string(res.status) + ")."),
                 res);
    });
    server->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send(errorResponse(500, "server_error", "Máy chủ xã gặp lỗi khi xử lý yêu cầu: chưa nhận gì, xin gửi lại sau."), res);
    });
    server->set_logger([](const httplib::Request& req, const httplib::Response& res) {
        // Method, path, status and peer only: bodies carry personal data.
        spdlog::info("{} {} {} ({})", req.method, req.path, res.status, req.remote_addr);
    });

    int port = o.port;
    if (port == 0) port = server->bind_to_any_port(o.host);
    else if (!server->bind_to_port(o.host, port)) port = -1;
    if (port <= 0) {
        err << "Không mở được cổng " << o.host << ":" << o.port << " (đang có chương trình khác dùng, hoặc cần quyền root cho cổng dưới 1024).\n";
        return 1;
    }
    const std::string where = (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host) + ":" + std::to_string(port);
    out << "Máy chủ xã đang nhận dữ liệu tại " << (tls ? "https://" : "http://") << where << std::string(kiosk::kUploadPath)
        << " (dừng: Ctrl+C) / listening on " << where << std::endl;

    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        server->stop();
    });
    const bool clean = server->listen_after_bind();
    // Wake the stopper if the server ended on its own.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return clean ? 0 : 1;
}

} // namespace collector

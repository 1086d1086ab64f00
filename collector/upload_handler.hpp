// The collector's request handler as a plain function of the request (method, path, headers,
// body) to a response, with no socket in sight: the HTTP server calls it, and so can a fuzz target.
#pragma once
#include "collector/collector_store.hpp"
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace collector {

struct HttpRequest {
    std::string method;                                          // "POST"
    std::string path;                                            // "/api/v1/upload"
    std::vector<std::pair<std::string, std::string>> headers;    // names in any letter case
    std::string body;                                            // as received (gzip when Content-Encoding says so)
};

struct HttpResponse {
    int status = 200;
    std::string body;                                            // always JSON
    std::vector<std::pair<std::string, std::string>> headers;    // besides Content-Type: application/json
};

// What the request line and headers alone decided: an answer now, or the kiosk to read a body for.
struct HeadCheck {
    std::optional<HttpResponse> answer;   // set: send it and read no body
    int64_t kioskId = 0;
    bool gzip = false;
};

class UploadHandler {
public:
    static constexpr size_t kDefaultMaxBody = 16 * 1024 * 1024;  // decompressed bytes per request

    UploadHandler(CollectorStore& store, size_t maxBody = kDefaultMaxBody);

    // Never throws. Acknowledges only what was committed (synchronous=FULL) before it returns.
    HttpResponse handle(const HttpRequest& request);
    // The two halves of handle() for a server that reads the body only for an authenticated
    // kiosk: checkHead() looks at method, path and headers (`request.body` is ignored), then
    // handleBody() takes the body as received.
    HeadCheck checkHead(const HttpRequest& request);
    HttpResponse handleBody(const HeadCheck& head, const std::string& body);
    size_t maxBody() const { return m_maxBody; }

private:
    HttpResponse handleUpload(int64_t kioskId, const std::string& body);

    CollectorStore& m_store;
    size_t m_maxBody;
    std::mutex m_mutex;   // one transaction at a time on the shared connection
    // One body inflated and parsed at a time: a batch's DOM is the collector's largest allocation.
    std::mutex m_work;
};

// {"error": code, "message": Vietnamese text}
HttpResponse errorResponse(int status, const std::string& code, const std::string& message);

} // namespace collector

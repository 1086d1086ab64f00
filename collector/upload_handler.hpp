// The collector's request handler as a plain function of the request (method, path, headers,
// body) to a response, with no socket in sight: the HTTP server calls it, and so can a fuzz target.
#pragma once
#include "collector/collector_store.hpp"
#include <cstddef>
#include <mutex>
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

class UploadHandler {
public:
    static constexpr size_t kDefaultMaxBody = 16 * 1024 * 1024;  // decompressed bytes per request

    UploadHandler(CollectorStore& store, size_t maxBody = kDefaultMaxBody);

    // Never throws. Acknowledges only what was committed (synchronous=FULL) before it returns.
    HttpResponse handle(const HttpRequest& request);
    size_t maxBody() const { return m_maxBody; }

private:
    HttpResponse handleUpload(int64_t kioskId, const std::string& body);

    CollectorStore& m_store;
    size_t m_maxBody;
    std::mutex m_mutex;   // one transaction at a time on the shared connection
};

// {"error": code, "message": Vietnamese text}
HttpResponse errorResponse(int status, const std::string& code, const std::string& message);

} // namespace collector

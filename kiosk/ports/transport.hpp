// The upload's network port: one HTTP POST and its answer. drivers/net/curl_transport implements it
// with libcurl (HTTPS, certificates verified); tests inject faults with their own implementation.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

struct TransportRequest {
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;   // name, value
    std::string body;
    int timeoutSeconds = 60;                                     // the whole exchange
    std::string caFile;                                          // extra trusted CA (PEM); "" = the system's
};

struct TransportResponse {
    enum class Failure {
        None,          // an HTTP answer arrived (any status)
        Connect,       // no connection (refused, no route, DNS)
        Timeout,       // no complete answer in time
        Tls,           // the certificate did not verify, or the TLS handshake failed
        Cut,           // the connection broke while the answer was coming
        Refused,       // the URL is not allowed (scheme, redirect)
        TooLarge,      // the answer grew past the transport's bound (after decompression): aborted
        Other,
    };
    Failure failure = Failure::None;
    std::string detail;               // the library's own words, for the technician (no personal data)
    int status = 0;
    std::string contentType;
    std::string body;                 // decoded (gzip answers are inflated)
};

class Transport {
public:
    virtual ~Transport() = default;
    virtual TransportResponse post(const TransportRequest& request) = 0;
};

} // namespace kiosk

// libcurl easy interface, one handle per transport; failures sorted into the port's categories.
#include "drivers/net/curl_transport.hpp"
#include <curl/curl.h>
#include <algorithm>
#include <mutex>

namespace drivers {

namespace {

// The collector's answer is a short list of acknowledgements. A server that sends more (a gzip
// bomb: a small body that inflates to gigabytes) has its transfer aborted at this many bytes after
// decompression, so a hostile server cannot make the kiosk hold more than this.
constexpr size_t kMaxAnswerBytes = 1024 * 1024;

struct Sink {
    std::string* body;
    bool tooLarge = false;
};

size_t collect(char* data, size_t size, size_t count, void* user)
{
    auto* sink = static_cast<Sink*>(user);
    const size_t n = size * count;
    if (n > kMaxAnswerBytes - std::min(sink->body->size(), kMaxAnswerBytes)) {
        sink->tooLarge = true;
        return 0;   // anything but n: curl stops with CURLE_WRITE_ERROR
    }
    sink->body->append(data, n);
    return n;
}

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

kiosk::TransportResponse::Failure classify(CURLcode rc)
{
    using F = kiosk::TransportResponse::Failure;
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return F::Connect;
    case CURLE_OPERATION_TIMEDOUT:
        return F::Timeout;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
        return F::Tls;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_WEIRD_SERVER_REPLY:
        return F::Cut;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_TOO_MANY_REDIRECTS:
        return F::Refused;
    default:
        return F::Other;
    }
}

} // namespace

CurlTransport::CurlTransport()
{
    globalInit();
    m_curl = curl_easy_init();
}

CurlTransport::~CurlTransport() { curl_easy_cleanup(static_cast<CURL*>(m_curl)); }

kiosk::TransportResponse CurlTransport::post(const kiosk::TransportRequest& request)
{
    kiosk::TransportResponse out;
    CURL* c = static_cast<CURL*>(m_curl);
    if (!c) {
        out.failure = kiosk::TransportResponse::Failure::Other;
        out.detail = "libcurl không khởi tạo được";
        return out;
    }
    curl_easy_reset(c);
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    // No "Expect: 100-continue" round trip: the batches are small.
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!request.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, request.caFile.c_str());
    // Loopback never goes through a proxy from the environment.
    curl_easy_setopt(c, CURLOPT_NOPROXY, "127.0.0.0/8,::1");
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeoutSeconds) * 1000L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(request.timeoutSeconds, 20)) * 1000L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    Sink sink{&out.body};
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    const CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (sink.tooLarge) {
        out.failure = kiosk::TransportResponse::Failure::TooLarge;
        out.detail = "câu trả lời dài quá " + std::to_string(kMaxAnswerBytes / 1024) + " KiB sau khi giải nén";
        out.body.clear();
        out.body.shrink_to_fit();
        return out;
    }
    if (rc != CURLE_OK) {
        out.failure = classify(rc);
        out.detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
        out.body.clear();
        return out;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    out.status = static_cast<int>(status);
    const char* type = nullptr;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    if (type) out.contentType = type;
    return out;
}

} // namespace drivers

// The upload's Transport over libcurl: HTTPS with the peer's certificate and name verified, no
// redirects followed (a redirect could lead to plain http elsewhere), gzip answers inflated.
#pragma once
#include "kiosk/ports/transport.hpp"

namespace drivers {

class CurlTransport final : public kiosk::Transport {
public:
    CurlTransport();
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    kiosk::TransportResponse post(const kiosk::TransportRequest& request) override;

private:
    void* m_curl = nullptr;   // CURL*, reused so a batch run keeps its connection alive
};

} // namespace drivers

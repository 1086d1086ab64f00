// `kiosk-collector serve`: libmicrohttpd in front of UploadHandler (plain HTTP behind a TLS proxy,
// or HTTPS itself with --cert/--key). Runs until SIGINT or SIGTERM.
#pragma once
#include "collector/upload_handler.hpp"
#include <cstddef>
#include <ostream>
#include <string>

namespace collector {

// What one peer, or all of them together, can make the collector hold (README: "Limits").
struct ServeLimits {
    size_t connections = 256;           // open connections in all
    size_t connectionsPerPeer = 32;     // from one address (behind a proxy: the proxy's)
    size_t headerBytes = 32 * 1024;     // request line and headers of one request; beyond: 431
    unsigned idleSeconds = 30;          // a connection with nothing to read or write is closed
    unsigned requestSeconds = 120;      // a body still arriving after this: 408
    size_t bodyBudget = 64 * 1024 * 1024;   // body bytes buffered by every connection together; beyond: 503
    unsigned threads = 2;               // polling threads (each serves many connections)
};

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                 // 0 = any free port (printed on the first line)
    std::string certFile, keyFile;   // both set: HTTPS
    ServeLimits limits;
};

// "HOST:PORT", "[::1]:PORT". False with a Vietnamese message.
bool parseListen(const std::string& text, ServeOptions& out, std::string& error);

// Blocks. Prints "… listening on HOST:PORT" to `out` once the socket is bound. Returns the exit status.
int serve(UploadHandler& handler, const ServeOptions& options, std::ostream& out, std::ostream& err);

} // namespace collector

// `kiosk-collector serve`: cpp-httplib in front of UploadHandler (plain HTTP behind a TLS proxy, or
// HTTPS itself with --cert/--key). Runs until SIGINT or SIGTERM.
#pragma once
#include "collector/upload_handler.hpp"
#include <ostream>
#include <string>

namespace collector {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                 // 0 = any free port (printed on the first line)
    std::string certFile, keyFile;   // both set: HTTPS
};

// "HOST:PORT", "[::1]:PORT". False with a Vietnamese message.
bool parseListen(const std::string& text, ServeOptions& out, std::string& error);

// Blocks. Prints "… listening on HOST:PORT" to `out` once the socket is bound. Returns the exit status.
int serve(UploadHandler& handler, const ServeOptions& options, std::ostream& out, std::ostream& err);

} // namespace collector

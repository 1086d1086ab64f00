// zlib's deflate/inflate with the gzip wrapper (windowBits 15 + 16).
#include "kiosk/common/gzip.hpp"
#include <zlib.h>

namespace kiosk {

std::string gzipCompress(std::string_view data)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out;
    out.resize(deflateBound(&z, static_cast<uLong>(data.size())) + 32);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string();
}

std::optional<std::string> gunzip(std::string_view data, size_t limit, GunzipError& error)
{
    error = GunzipError::None;
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        error = GunzipError::Corrupt;
        return std::nullopt;
    }
    std::string out;
    char buf[16384];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    bool ended = false;   // the last member was complete
    while (z.avail_in > 0) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        const int rc = inflate(&z, Z_NO_FLUSH);
        const size_t produced = sizeof buf - z.avail_out;
        if (out.size() + produced > limit) {
            error = GunzipError::TooLarge;
            break;
        }
        out.append(buf, produced);
        if (rc == Z_STREAM_END) {
            ended = true;
            // Another gzip member may follow (RFC 1952 allows several).
            if (z.avail_in > 0 && inflateReset(&z) != Z_OK) error = GunzipError::Corrupt;
            continue;
        }
        ended = false;
        if (rc != Z_OK) {
            error = GunzipError::Corrupt;
            break;
        }
    }
    inflateEnd(&z);
    if (error == GunzipError::None && !ended) error = GunzipError::Corrupt;
    if (error != GunzipError::None) return std::nullopt;
    return out;
}

} // namespace kiosk

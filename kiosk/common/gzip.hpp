// gzip for upload batches (zlib): the kiosk compresses each batch, the collector decompresses with a
// ceiling so a small request cannot expand into gigabytes.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

std::string gzipCompress(std::string_view data);

enum class GunzipError { None, Corrupt, TooLarge };

// Decompresses one or more concatenated gzip members. nullopt with `error` set when the input is
// not gzip, is cut short, or would grow past `limit` bytes.
std::optional<std::string> gunzip(std::string_view data, size_t limit, GunzipError& error);

} // namespace kiosk

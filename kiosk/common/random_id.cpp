// One random-hex helper for every id the kiosk and the collector make.
#include "kiosk/common/random_id.hpp"
#include <sodium.h>
#include <stdexcept>

namespace kiosk {

std::string randomHex(size_t bytes)
{
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    hex.pop_back();
    return hex;
}

} // namespace kiosk

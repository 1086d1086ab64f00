// Random identifiers: a kiosk's id, record uids, heartbeat ids.
#pragma once
#include <cstddef>
#include <string>

namespace kiosk {

// `bytes` random bytes from libsodium's CSPRNG, as 2 x `bytes` lowercase hex digits.
std::string randomHex(size_t bytes);

} // namespace kiosk

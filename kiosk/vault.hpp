// Personal data at rest: a secret key kept in a file outside the database (readable by the
// kiosk's user only), authenticated encryption of each personal field, and a keyed hash of the ID
// number so the same citizen is found again without storing the number in clear (libsodium).
#pragma once
#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

class Vault {
public:
    // Loads `keyFile`, or creates it (mode 0600) with fresh random keys when it does not exist.
    // Returns null with a Vietnamese message when the file is unreadable, the wrong size, or
    // readable by other users.
    static std::unique_ptr<Vault> open(const std::filesystem::path& keyFile, std::string& error);

    // XSalsa20-Poly1305 with a random nonce: nonce || ciphertext, as bytes in a std::string.
    std::string seal(std::string_view plaintext) const;
    // nullopt when the blob was not sealed with this key or was altered.
    std::optional<std::string> open(std::string_view sealed) const;
    // BLAKE2b keyed with a separate key: the same ID number always gives the same hex string.
    std::string keyedHash(std::string_view value) const;

private:
    Vault() = default;
    std::array<unsigned char, 32> m_sealKey{};
    std::array<unsigned char, 32> m_hashKey{};
};

} // namespace kiosk

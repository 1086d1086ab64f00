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

    // A field bound to its row: XChaCha20-Poly1305 (IETF AEAD) with a random nonce and `ad`
    // (rowAd: the table, column and the row's stable uid) as additional data, so a sealed value
    // copied to another row or column no longer opens. 0xA2 || nonce || ciphertext.
    std::string seal(std::string_view plaintext, std::string_view ad) const;
    // nullopt when the blob was not sealed with this key for this `ad`, or was altered.
    std::optional<std::string> open(std::string_view sealed, std::string_view ad) const;
    // Bound or not: the row-bound form for `ad`, else the older unbound form (the collector's
    // store still writes it; a kiosk's database holds none after its keyed migration).
    std::optional<std::string> openAny(std::string_view sealed, std::string_view ad) const;

    // The older, unbound form: XSalsa20-Poly1305 secretbox, nonce || ciphertext. Kept for the
    // collector's store and for migrating a kiosk's older database.
    std::string seal(std::string_view plaintext) const;
    std::optional<std::string> open(std::string_view sealed) const;

    // A keyed BLAKE2b MAC (hex) under a key derived for tamper evidence, separated by `domain`.
    std::string mac(std::string_view domain, std::string_view data) const;
    // BLAKE2b keyed with a separate key: the same ID number always gives the same hex string.
    std::string keyedHash(std::string_view value) const;

private:
    Vault() = default;
    std::array<unsigned char, 32> m_sealKey{};
    std::array<unsigned char, 32> m_hashKey{};
    std::array<unsigned char, 32> m_macKey{};   // derived from the hash key (crypto_kdf)
};

// The additional data binding a sealed field to its row: "citizens.name_enc|<uid>".
std::string rowAd(std::string_view field, std::string_view uid);

} // namespace kiosk

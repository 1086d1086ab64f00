// libsodium secretbox and generichash over a 64-byte key file created on first run.
#include "kiosk/store/vault.hpp"
#include <sodium.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace kiosk {

namespace {
constexpr size_t kKeyFileSize = 64;

bool readAll(int fd, unsigned char* buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = ::read(fd, buf + got, n - got);
        if (r <= 0) return false;
        got += static_cast<size_t>(r);
    }
    unsigned char extra;
    return ::read(fd, &extra, 1) == 0;   // exactly n bytes
}
} // namespace

std::unique_ptr<Vault> Vault::open(const std::filesystem::path& keyFile, std::string& error)
{
    if (sodium_init() < 0) {
        error = "không khởi động được thư viện mã hoá (libsodium)";
        return nullptr;
    }
    std::error_code ec;
    if (keyFile.has_parent_path()) std::filesystem::create_directories(keyFile.parent_path(), ec);
    unsigned char key[kKeyFileSize];
    int fd = ::open(keyFile.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        // First run: new random keys, written atomically and readable by this user only.
        randombytes_buf(key, sizeof key);
        std::filesystem::path tmp = keyFile;
        tmp += ".tmp";
        int out = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        bool ok = out >= 0 && ::write(out, key, sizeof key) == static_cast<ssize_t>(sizeof key) && ::fsync(out) == 0;
        if (out >= 0) ::close(out);
        if (!ok || std::rename(tmp.c_str(), keyFile.c_str()) != 0) {
            error = "không tạo được tệp khoá " + keyFile.string() + ": " + std::strerror(errno);
            ::unlink(tmp.c_str());
            return nullptr;
        }
        fd = ::open(keyFile.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        error = "không đọc được tệp khoá " + keyFile.string() + ": " + std::strerror(errno);
        return nullptr;
    }
    struct stat st{};
    if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) {
        ::close(fd);
        error = "tệp khoá " + keyFile.string() + " để người khác đọc được: hãy chạy chmod 600 " + keyFile.string();
        return nullptr;
    }
    bool ok = readAll(fd, key, sizeof key);
    ::close(fd);
    if (!ok) {
        error = "tệp khoá " + keyFile.string() + " hỏng (phải dài đúng 64 byte)";
        return nullptr;
    }
    std::unique_ptr<Vault> v(new Vault());
    std::memcpy(v->m_sealKey.data(), key, 32);
    std::memcpy(v->m_hashKey.data(), key + 32, 32);
    // A key of its own for MACs and the audit chain, so no hash ever doubles as a MAC.
    crypto_kdf_derive_from_key(v->m_macKey.data(), v->m_macKey.size(), 1, "kioskmac", v->m_hashKey.data());
    sodium_memzero(key, sizeof key);
    return v;
}

std::string Vault::seal(std::string_view plaintext) const
{
    std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(p, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(p + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), p,
                          m_sealKey.data());
    return out;
}

std::optional<std::string> Vault::open(std::string_view sealed) const
{
    if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(sealed.data());
    std::string out(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()), p + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES, p, m_sealKey.data()) != 0)
        return std::nullopt;
    return out;
}

namespace {
constexpr unsigned char kBoundTag = 0xA2;
constexpr size_t kBoundOverhead = 1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
} // namespace

std::string rowAd(std::string_view field, std::string_view uid)
{
    std::string ad(field);
    ad += '|';
    ad += uid;
    return ad;
}

std::string Vault::seal(std::string_view plaintext, std::string_view ad) const
{
    std::string out(kBoundOverhead + plaintext.size(), '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    p[0] = kBoundTag;
    unsigned char* nonce = p + 1;
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
                                               reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                                               reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce, m_sealKey.data());
    return out;
}

std::optional<std::string> Vault::open(std::string_view sealed, std::string_view ad) const
{
    if (sealed.size() < kBoundOverhead || static_cast<unsigned char>(sealed[0]) != kBoundTag) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(sealed.data());
    const unsigned char* nonce = p + 1;
    const unsigned char* cipher = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    const size_t cipherBytes = sealed.size() - 1 - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::string out(sealed.size() - kBoundOverhead, '\0');
    unsigned long long got = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &got, nullptr, cipher, cipherBytes,
                                                   reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce, m_sealKey.data()) != 0)
        return std::nullopt;
    out.resize(static_cast<size_t>(got));
    return out;
}

std::optional<std::string> Vault::openAny(std::string_view sealed, std::string_view ad) const
{
    if (auto v = open(sealed, ad)) return v;
    return open(sealed);
}

std::string Vault::mac(std::string_view domain, std::string_view data) const
{
    unsigned char h[32];
    crypto_generichash_state st;
    crypto_generichash_init(&st, m_macKey.data(), m_macKey.size(), sizeof h);
    // Length-prefixed domain: "session" + data can never read as another domain's input.
    const uint64_t n = domain.size();
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(&n), sizeof n);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    crypto_generichash_final(&st, h, sizeof h);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

std::string Vault::keyedHash(std::string_view value) const
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(value.data()), value.size(), m_hashKey.data(), m_hashKey.size());
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

} // namespace kiosk

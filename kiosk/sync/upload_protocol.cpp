// The upload URL policy and token shape.
#include "kiosk/sync/upload_protocol.hpp"
#include <arpa/inet.h>

namespace kiosk {

namespace {

bool isLoopback(const std::string& host)
{
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (host.size() > 2 && host.front() == '[' && host.back() == ']' &&
        inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), &v6) == 1)
        return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

} // namespace

bool checkUploadUrl(std::string_view url, std::string& error)
{
    const std::string shown(url.substr(0, 200));
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f || c == '"' || c == '\\') {
            error = "Địa chỉ máy chủ xã \"" + shown + "\" có ký tự không hợp lệ (dấu cách, chữ có dấu…). Xin sửa upload.url trong tệp cấu hình.";
            return false;
        }
    }
    std::string_view rest;
    bool https = false;
    if (url.rfind("https://", 0) == 0) {
        https = true;
        rest = url.substr(8);
    } else if (url.rfind("http://", 0) == 0) {
        rest = url.substr(7);
    } else {
        error = "Địa chỉ máy chủ xã \"" + shown + "\" phải bắt đầu bằng https://. Xin sửa upload.url trong tệp cấu hình (hoặc --url).";
        return false;
    }
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.find('@') != std::string_view::npos) {
        error = "Địa chỉ máy chủ xã không được chứa tên đăng nhập hay mật khẩu (phần trước dấu @): mã truy cập đặt trong tệp mã (upload.token_file).";
        return false;
    }
    std::string host(authority);
    if (!host.empty() && host.front() == '[') {
        const size_t close = host.find(']');
        host = close == std::string::npos ? std::string() : host.substr(0, close + 1);
    } else {
        host = host.substr(0, host.find(':'));
    }
    if (host.empty()) {
        error = "Địa chỉ máy chủ xã \"" + shown + "\" thiếu tên máy. Ví dụ đúng: https://may-chu-xa.example.vn" + std::string(kUploadPath) + ".";
        return false;
    }
    if (!https && !isLoopback(host)) {
        error = "Không gửi qua http:// thường tới " + host + ": dữ liệu cá nhân của người dân chỉ được gửi qua kết nối mã hoá. "
                "Xin dùng địa chỉ https:// của máy chủ xã (http:// chỉ được phép tới chính máy này, 127.0.0.1 hoặc [::1]).";
        return false;
    }
    return true;
}

std::string uploadEndpoint(std::string_view url)
{
    const size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    const size_t start = scheme + 3;
    const size_t end = url.find_first_of("/?#", start);
    if (end == start) return std::string(url);   // no host: checkUploadUrl says so
    if (end == std::string_view::npos) return std::string(url) + std::string(kUploadPath);
    if (url.substr(end) == "/") return std::string(url.substr(0, end)) + std::string(kUploadPath);
    return std::string(url);
}

bool validToken(std::string_view token)
{
    if (token.size() < 16 || token.size() > 256) return false;
    for (char c : token)
        if (c <= ' ' || c >= 0x7f) return false;
    return true;
}

} // namespace kiosk

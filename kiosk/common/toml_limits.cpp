// A linear pre-scan of TOML text that bounds nesting before the recursive toml++ parser runs.
#include "kiosk/common/toml_limits.hpp"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace kiosk {

namespace {

class ShapeScanner {
public:
    explicit ShapeScanner(std::string_view t) : m_t(t) {}

    bool run(int& line, std::string& message)
    {
        while (m_i < m_t.size()) {
            if (!step()) {
                line = m_line;
                message = "khoá, bảng hoặc giá trị lồng nhau quá sâu (quá " + std::to_string(kMaxTomlDepth) +
                          " tầng): tệp bị từ chối để ki-ốt không bị treo";
                return false;
            }
        }
        return true;
    }

private:
    enum class Where { Key, Value, Header };
    struct Open {
        char kind;   // '[' array value, '{' inline table
        int depth;   // the depth of the values inside
    };

    char at(size_t k) const { return k < m_t.size() ? m_t[k] : '\0'; }
    bool starts(std::string_view s) const { return m_t.substr(m_i, s.size()) == s; }

    // The key position that follows a newline, a '{' or a ',' inside an inline table.
    void startKey()
    {
        m_where = Where::Key;
        m_segments = 1;
    }
    int base() const { return m_stack.empty() ? m_header : m_stack.back().depth; }

    void skipString()
    {
        const char q = m_t[m_i];
        const bool basic = q == '"';
        if (at(m_i + 1) == q && at(m_i + 2) == q) {   // multi-line: """…""" or '''…'''
            const std::string_view end = basic ? "\"\"\"" : "'''";
            m_i += 3;
            while (m_i < m_t.size() && !starts(end)) {
                if (basic && m_t[m_i] == '\\') ++m_i;
                else if (m_t[m_i] == '\n') ++m_line;
                ++m_i;
            }
            m_i += 3;
            while (at(m_i) == q) ++m_i;   // up to two quotes may close the content
            return;
        }
        ++m_i;
        while (m_i < m_t.size() && m_t[m_i] != q && m_t[m_i] != '\n') {
            if (basic && m_t[m_i] == '\\') ++m_i;
            ++m_i;
        }
        if (at(m_i) == q) ++m_i;
    }

    bool step()
    {
        const char c = m_t[m_i];
        if (c == '"' || c == '\'') {
            skipString();
            return true;
        }
        if (c == '#') {
            while (m_i < m_t.size() && m_t[m_i] != '\n') ++m_i;
            return true;
        }
        ++m_i;
        switch (c) {
        case '\n':
            ++m_line;
            // A newline inside an array keeps the value going; anywhere else a new key may start.
            if (m_stack.empty() || m_stack.back().kind == '{') {
                if (m_stack.empty()) m_lineStart = true;
                startKey();
            }
            return true;
        case ' ':
        case '\t':
        case '\r':
            return true;
        case '.':
            if (m_where == Where::Header) return ++m_segments <= kMaxTomlDepth;
            if (m_where == Where::Key) return ++m_segments + base() <= kMaxTomlDepth;
            return true;
        case '=':
            if (m_where == Where::Key) {
                m_value = base() + m_segments;
                m_where = Where::Value;
            }
            m_lineStart = false;
            return m_value <= kMaxTomlDepth;
        case '[':
            if (m_where == Where::Key && m_lineStart && m_stack.empty()) {   // [table] or [[array.of.tables]]
                if (at(m_i) == '[') ++m_i;
                m_where = Where::Header;
                m_header = 0;
                m_segments = 1;
                m_lineStart = false;
                return true;
            }
            [[fallthrough]];
        case '{':
            if (m_where == Where::Value) {
                const int inner = (m_stack.empty() || m_stack.back().kind == '{' ? m_value : m_stack.back().depth) + 1;
                m_stack.push_back({c, inner});
                if (c == '{') startKey();
                else m_value = inner;
                return inner <= kMaxTomlDepth;
            }
            return true;
        case ']':
            if (m_where == Where::Header) {
                if (at(m_i) == ']') ++m_i;
                m_header = m_segments;
                m_where = Where::Key;
                return m_header <= kMaxTomlDepth;
            }
            [[fallthrough]];
        case '}':
            if (!m_stack.empty()) {
                m_stack.pop_back();
                // After the closing bracket: the rest of the enclosing value, or the next key.
                if (!m_stack.empty() && m_stack.back().kind == '[') m_value = m_stack.back().depth;
                m_where = Where::Value;
            }
            return true;
        case ',':
            if (!m_stack.empty() && m_stack.back().kind == '{') startKey();
            return true;
        default:
            m_lineStart = false;
            return true;
        }
    }

    std::string_view m_t;
    size_t m_i = 0;
    int m_line = 1;
    bool m_lineStart = true;
    Where m_where = Where::Key;
    int m_header = 0;     // segments of the last [table] header
    int m_segments = 1;   // segments of the key (or header) being read
    int m_value = 0;      // depth of the value being read
    std::vector<Open> m_stack;
};

} // namespace

bool checkTomlShape(std::string_view text, int& line, std::string& message)
{
    return ShapeScanner(text).run(line, message);
}

bool readTomlText(const std::filesystem::path& file, std::string& text, std::string& message)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        message = "không mở được tệp";
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        message = "không phải một tệp thường";
        return false;
    }
    const std::string tooLarge = "tệp quá lớn (tối đa " + std::to_string(kMaxTomlBytes / 1024) + " KB): tệp bị từ chối";
    if (static_cast<uint64_t>(st.st_size) > kMaxTomlBytes) {
        ::close(fd);
        message = tooLarge;
        return false;
    }
    // Read to the bound, not to st_size: the file may grow while it is read.
    text.assign(kMaxTomlBytes + 1, '\0');
    size_t got = 0;
    while (got < text.size()) {
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n == 0) break;
        if (n < 0) {
            ::close(fd);
            message = "không đọc được tệp";
            return false;
        }
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (got > kMaxTomlBytes) {
        message = tooLarge;
        return false;
    }
    text.resize(got);
    return true;
}

} // namespace kiosk

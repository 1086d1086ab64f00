// RFC 4180 CSV read one record at a time, bounded: what `kiosk session import` and
// `kiosk household import` read their files with.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct CsvRecord {
    int line = 0;                         // the physical line (from 1) the record starts on
    std::vector<std::string> fields;
};

// A record longer than this or with more fields is refused (naming its line): a file's size never
// becomes memory, and a real row of the template is a few hundred bytes in ten fields.
inline constexpr size_t kMaxCsvRecordBytes = 64 * 1024;
inline constexpr size_t kMaxCsvFields = 64;

// RFC 4180 (quoted fields may hold commas, line breaks and doubled quotes; CRLF or LF), one record
// at a time from a byte source, holding one record in memory. A UTF-8 byte-order mark is skipped.
class CsvReader {
public:
    using Source = std::function<size_t(char* buffer, size_t size)>;   // bytes read; 0 at the end
    explicit CsvReader(Source source);
    enum class Next { Record, End, Bad };
    // Bad: `badLine` and a Vietnamese `reason` (malformed quoting, a record over the bounds).
    Next next(CsvRecord& rec, int& badLine, std::string& reason);

private:
    int peek();
    int get();
    Source m_source;
    std::vector<char> m_buf;
    size_t m_pos = 0, m_len = 0;
    bool m_eof = false, m_started = false;
    int m_line = 1;
};

// A bad line of an imported file: its number and a Vietnamese message that never quotes a cell.
struct LineProblem {
    int line = 0;
    std::string message;
    std::string str() const { return "dòng " + std::to_string(line) + ": " + message; }   // "dòng 7: ..."
};

// Bytes from a text in memory (which must outlive the reader).
CsvReader::Source textSource(std::string_view text);

// The whole text at once (tests, the fuzz target). False with the line and the reason.
bool parseCsv(std::string_view text, std::vector<CsvRecord>& out, int& badLine, std::string& reason);

} // namespace kiosk

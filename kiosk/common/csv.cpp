// RFC 4180 CSV, one record at a time from a byte source (session and household imports).
#include "kiosk/common/csv.hpp"
#include <algorithm>
#include <cstring>

namespace kiosk {

// ---------------------------------------------------------------------------------------------
// [SECTION] CSV
// ---------------------------------------------------------------------------------------------

CsvReader::CsvReader(Source source) : m_source(std::move(source)), m_buf(64 * 1024) {}

int CsvReader::peek()
{
    if (m_pos == m_len) {
        if (m_eof) return -1;
        m_len = m_source(m_buf.data(), m_buf.size());
        m_pos = 0;
        if (m_len == 0) {
            m_eof = true;
            return -1;
        }
    }
    return static_cast<unsigned char>(m_buf[m_pos]);
}

int CsvReader::get()
{
    const int c = peek();
    if (c >= 0) ++m_pos;
    return c;
}

CsvReader::Next CsvReader::next(CsvRecord& rec, int& badLine, std::string& reason)
{
    if (!m_started) {
        m_started = true;
        if (peek() >= 0 && m_len - m_pos >= 3 && std::string_view(m_buf.data() + m_pos, 3) == "\xEF\xBB\xBF") m_pos += 3;
    }
    if (peek() < 0) return Next::End;
    rec.line = m_line;
    rec.fields.clear();
    size_t bytes = 0;
    auto tooLong = [&] {
        badLine = rec.line;
        reason = "bản ghi bắt đầu ở dòng này dài quá " + std::to_string(kMaxCsvRecordBytes / 1024) +
                 " KB (một dấu ngoặc kép \" mở mà không đóng?): tệp bị từ chối, chưa nhập gì";
        return Next::Bad;
    };
    for (;;) {
        std::string field;
        if (peek() == '"') {
            const int opened = m_line;
            get();
            for (;;) {
                const int c = get();
                if (c < 0) {
                    badLine = opened;
                    reason = "dấu ngoặc kép \" mở ở dòng này nhưng không đóng cho tới hết tệp";
                    return Next::Bad;
                }
                if (++bytes > kMaxCsvRecordBytes) return tooLong();
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        field += '"';
                        continue;
                    }
                    break;
                }
                // A lone CR ends a line too (old Mac "CSV (Macintosh)" files), as it ends a record below.
                if (c == '\n' || (c == '\r' && peek() != '\n')) ++m_line;
                field += char(c);
            }
            const int p = peek();
            if (p >= 0 && p != ',' && p != '\n' && p != '\r') {
                badLine = m_line;
                reason = "sau dấu ngoặc kép đóng một ô phải là dấu phẩy hoặc xuống dòng (dấu ngoặc kép bên trong ô phải viết hai lần: \"\")";
                return Next::Bad;
            }
        } else {
            for (int p = peek(); p >= 0 && p != ',' && p != '\n' && p != '\r'; p = peek()) {
                if (++bytes > kMaxCsvRecordBytes) return tooLong();
                field += char(get());
            }
        }
        rec.fields.push_back(std::move(field));
        if (rec.fields.size() > kMaxCsvFields) {
            badLine = rec.line;
            reason = "dòng này có hơn " + std::to_string(kMaxCsvFields) + " ô (mẫu có 10 cột): tệp bị từ chối, chưa nhập gì";
            return Next::Bad;
        }
        const int p = peek();
        if (p < 0) return Next::Record;
        get();
        if (p == ',') {
            if (++bytes > kMaxCsvRecordBytes) return tooLong();
            if (peek() < 0) {
                rec.fields.emplace_back();   // "a,b," at the very end: a last, empty field
                return Next::Record;
            }
            continue;
        }
        if (p == '\r' && peek() == '\n') get();
        ++m_line;
        return Next::Record;
    }
}

CsvReader::Source textSource(std::string_view text)
{
    return [text, at = size_t(0)](char* buf, size_t size) mutable {
        const size_t n = std::min(size, text.size() - at);
        std::copy_n(text.data() + at, n, buf);
        at += n;
        return n;
    };
}

bool parseCsv(std::string_view text, std::vector<CsvRecord>& out, int& badLine, std::string& reason)
{
    CsvReader reader(textSource(text));
    CsvRecord rec;
    for (;;) {
        switch (reader.next(rec, badLine, reason)) {
        case CsvReader::Next::Record: out.push_back(std::move(rec)); break;
        case CsvReader::Next::End: return true;
        case CsvReader::Next::Bad: return false;
        }
    }
}

} // namespace kiosk

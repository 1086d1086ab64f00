// The workbook a commune officer hands in (libxlsxwriter, constant-memory mode: rows stream to disk,
// so a list of 100,000 citizens costs neither time nor memory): a summary sheet with the figures,
// the indicators, progress against targets and the breakdowns, then one sheet per indicator's list.
#include "kiosk/report/report_export.hpp"
#include "kiosk/common/private_file.hpp"
#include "kiosk/common/utf8.hpp"
#include <xlsxwriter.h>
#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

struct Formats {
    lxw_format* title = nullptr;
    lxw_format* subtitle = nullptr;
    lxw_format* section = nullptr;
    lxw_format* header = nullptr;
    lxw_format* text = nullptr;
    lxw_format* number = nullptr;
    lxw_format* percent = nullptr;   // a number shown with one decimal: 35.4 means 35.4 %
    lxw_format* note = nullptr;

    explicit Formats(lxw_workbook* wb)
    {
        title = workbook_add_format(wb);
        format_set_bold(title);
        format_set_font_size(title, 14);
        subtitle = workbook_add_format(wb);
        format_set_italic(subtitle);
        section = workbook_add_format(wb);
        format_set_bold(section);
        format_set_font_size(section, 12);
        header = workbook_add_format(wb);
        format_set_bold(header);
        format_set_text_wrap(header);
        format_set_align(header, LXW_ALIGN_CENTER);
        format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
        format_set_bg_color(header, 0xDDEBF7);
        format_set_border(header, LXW_BORDER_THIN);
        text = workbook_add_format(wb);
        format_set_border(text, LXW_BORDER_THIN);
        format_set_text_wrap(text);
        format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
        number = workbook_add_format(wb);
        format_set_border(number, LXW_BORDER_THIN);
        format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
        percent = workbook_add_format(wb);
        format_set_border(percent, LXW_BORDER_THIN);
        format_set_num_format(percent, "0.0");
        format_set_align(percent, LXW_ALIGN_VERTICAL_TOP);
        note = workbook_add_format(wb);
        format_set_italic(note);
        format_set_font_color(note, 0x595959);
    }
};

// Writes rows top to bottom (constant-memory mode allows nothing else).
class Sheet {
public:
    Sheet(lxw_worksheet* ws, const Formats& f) : m_ws(ws), m_f(f) {}
    lxw_row_t row() const { return m_row; }
    void skip(lxw_row_t n = 1) { m_row += n; }
    void text(lxw_col_t col, const std::string& s, lxw_format* format) { worksheet_write_string(m_ws, m_row, col, s.c_str(), format); }
    void number(lxw_col_t col, double v, lxw_format* format) { worksheet_write_number(m_ws, m_row, col, v, format); }
    void line(const std::string& s, lxw_format* format)
    {
        text(0, s, format);
        ++m_row;
    }
    void header(std::initializer_list<const char*> titles)
    {
        lxw_col_t c = 0;
        for (const char* t : titles) text(c++, t, m_f.header);
        ++m_row;
    }
    // A row of cells: strings as text, numbers as numbers, nullopt as an empty bordered cell.
    struct Cell {
        std::string s;
        std::optional<double> n;
        bool isPercent = false;
        Cell(std::string v) : s(std::move(v)) {}
        Cell(const char* v) : s(v) {}
        Cell(int64_t v) : n(double(v)) {}
        Cell(std::optional<double> v, bool pct) : n(v), isPercent(pct) {}
    };
    void cells(std::initializer_list<Cell> values)
    {
        lxw_col_t c = 0;
        for (const Cell& v : values) {
            if (v.n) number(c, *v.n, v.isPercent ? m_f.percent : m_f.number);
            else text(c, v.s, m_f.text);
            ++c;
        }
        ++m_row;
    }
    lxw_worksheet* ws() const { return m_ws; }

private:
    lxw_worksheet* m_ws;
    const Formats& m_f;
    lxw_row_t m_row = 0;
};

std::optional<double> rounded(const std::optional<double>& v)
{
    if (!v) return std::nullopt;
    return std::round(*v * 10.0) / 10.0;
}

const char* denominatorLabel(const std::string& of)
{
    if (of == "adult_population") return "người trưởng thành";
    if (of == "households") return "hộ gia đình";
    if (of == "population") return "dân số";
    return "";
}

std::string periodLine(const Report& r)
{
    // A range's label already names its dates.
    if (r.period.label.find(dmyDate(r.period.first)) != std::string::npos) return "Kỳ báo cáo: " + r.period.label;
    return "Kỳ báo cáo: " + r.period.label + " (từ " + dmyDate(r.period.first) + " đến " + dmyDate(r.period.last) + ")";
}

// A sheet name: at most 31 characters (code points), none of []:*?/\' and unique in the workbook
// (the number). The checklist's short name when it has one; else the label when it fits whole;
// else "Danh sách N": a label is never cut mid-phrase.
std::string sheetName(size_t number, const IndicatorFigures& ind)
{
    const std::string prefix = std::to_string(number) + ". ";
    constexpr size_t kExcelSheetNameMax = 31;   // Excel refuses longer sheet names
    auto fits = [&](const std::string& s) {
        return !s.empty() && utf8::length(prefix + s) <= kExcelSheetNameMax && s.find_first_of("[]:*?/\\'") == std::string::npos;
    };
    if (fits(ind.sheet)) return prefix + ind.sheet;
    if (fits(ind.label)) return prefix + ind.label;
    return "Danh sách " + std::to_string(number);
}

void writeSummary(lxw_workbook* wb, const Formats& f, const Report& r)
{
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Tổng hợp");
    worksheet_set_column(ws, 0, 0, 6, nullptr);
    worksheet_set_column(ws, 1, 1, 52, nullptr);
    worksheet_set_column(ws, 2, 7, 16, nullptr);
    worksheet_set_paper(ws, 9);   // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_freeze_panes(ws, 3, 0);
    Sheet s(ws, f);
    s.line("BÁO CÁO KẾT QUẢ HỖ TRỢ NGƯỜI DÂN CHUYỂN ĐỔI SỐ — BÌNH DÂN HỌC VỤ SỐ", f.title);
    s.line("Đơn vị: " + (r.commune.empty() ? std::string("(chưa khai báo xã trong cấu hình)") : r.commune), f.subtitle);
    s.line(periodLine(r), f.subtitle);
    s.skip();

    s.line("I. SỐ LIỆU CHUNG", f.section);
    s.header({"STT", "Nội dung", "Số lượng"});
    s.cells({int64_t(1), "Số lượt hỗ trợ người dân", r.sessions});
    s.cells({"", "Trong đó: lượt không lưu thông tin cá nhân", r.anonymousSessions});
    s.cells({int64_t(2), "Số người dân được hỗ trợ (mỗi số căn cước tính một lần)", r.citizens});
    s.cells({int64_t(3), "Số thành viên Tổ công nghệ số cộng đồng hoạt động (có ít nhất 1 lượt)", r.staffActive});
    s.skip();

    s.line("II. KẾT QUẢ THEO CHỈ TIÊU", f.section);
    s.header({"STT", "Chỉ tiêu", "Số lượt hỗ trợ", "Số người dân đã hoàn thành"});
    for (size_t i = 0; i < r.indicators.size(); ++i)
        s.cells({int64_t(i + 1), r.indicators[i].label, r.indicators[i].sessions, r.indicators[i].citizens});
    s.line("Danh sách người dân đã hoàn thành từng chỉ tiêu ở các trang sau.", f.note);
    s.skip();

    s.line("III. TIẾN ĐỘ SO VỚI CHỈ TIÊU NĂM " + std::to_string(r.targetsYear) + " (lũy kế từ " + dmyDate(r.targetsFrom) + " đến " +
               dmyDate(r.targetsTo) + ")",
           f.section);
    if (r.targets.empty()) {
        s.line("Chưa khai báo chỉ tiêu năm trong cấu hình ([targets]).", f.note);
    } else {
        s.header({"STT", "Chỉ tiêu", "Mục tiêu (%)", "Tính trên", "Mẫu số", "Cần đạt (người)", "Đã đạt (người)", "Tỷ lệ đạt (%)"});
        bool missing = false;
        for (size_t i = 0; i < r.targets.size(); ++i) {
            const TargetProgress& t = r.targets[i];
            missing = missing || t.denominator == 0;
            s.cells({int64_t(i + 1), t.label, Sheet::Cell(std::optional<double>(t.targetPercent), true), denominatorLabel(t.of),
                     t.denominator > 0 ? Sheet::Cell(t.denominator) : Sheet::Cell("chưa khai báo"),
                     t.targetCount ? Sheet::Cell(*t.targetCount) : Sheet::Cell(""), t.achieved, Sheet::Cell(rounded(t.achievedPercent), true)});
        }
        if (missing) s.line("Mẫu số \"chưa khai báo\": cán bộ điền số dân, số hộ vào mục [targets] của tệp cấu hình.", f.note);
        s.line("Chỉ tiêu tính theo hộ gia đình: số hộ (theo sổ hộ) có ít nhất một lượt hỗ trợ đã làm xong việc đó.", f.note);
    }
    s.skip();

    const std::pair<const char*, const std::vector<GroupFigures>*> breakdowns[] = {
        {"IV. THEO THÔN, XÓM", &r.byVillage},
        {"V. THEO NGƯỜI HỖ TRỢ", &r.byStaff},
        {"VI. THEO GIỚI TÍNH", &r.byGender},
        {"VII. THEO ĐỘ TUỔI (tuổi = năm của lượt hỗ trợ trừ năm sinh)", &r.byAgeBand}};
    for (const auto& [title, list] : breakdowns) {
        s.line(title, f.section);
        s.header({"STT", "Nhóm", "Số lượt hỗ trợ", "Số người dân"});
        for (size_t i = 0; i < list->size(); ++i) s.cells({int64_t(i + 1), (*list)[i].label, (*list)[i].sessions, (*list)[i].citizens});
        s.skip();
    }

    s.line("HỘ GIA ĐÌNH THEO THÔN (sổ hộ của xã)", f.section);
    if (r.villages.empty()) {
        s.line("Chưa nhập sổ hộ (kiosk household import).", f.note);
    } else {
        s.header({"STT", "Thôn", "Số hộ", "Số hộ được hỗ trợ trong kỳ", "Số hộ có người dùng VNeID mức 2 và dịch vụ công", "Số lượt hỗ trợ",
                  "Số người dân"});
        for (size_t i = 0; i < r.villages.size(); ++i) {
            const VillageFigures& v = r.villages[i];
            s.cells({int64_t(i + 1), v.village, v.households, v.householdsReached, v.householdsVneidDvc, v.sessions, v.citizens});
        }
    }
    s.skip();

    s.line("THÀNH VIÊN TỔ CÔNG NGHỆ SỐ HOẠT ĐỘNG TRONG KỲ", f.section);
    s.header({"STT", "Thành viên", "Thôn", "Số lượt hỗ trợ", "Số hộ được hỗ trợ"});
    for (size_t i = 0; i < r.team.size(); ++i)
        s.cells({int64_t(i + 1), r.team[i].staff, r.team[i].village, r.team[i].sessions, r.team[i].householdsReached});
    s.skip();

    s.line("VIII. NGƯỜI DÂN TỰ HỌC TRÊN KI-ỐT (không lưu thông tin cá nhân)", f.section);
    if (!r.lessonsAvailable) {
        s.line("Cơ sở dữ liệu này không có số liệu bài học.", f.note);
    } else {
        s.header({"STT", "Bài học", "Lượt mở", "Lượt học hết", "Lượt làm xong câu hỏi", "Điểm trung bình (% câu đúng)"});
        for (size_t i = 0; i < r.lessons.size(); ++i) {
            const LessonFigures& l = r.lessons[i];
            s.cells({int64_t(i + 1), l.title, l.opened, l.completed, l.quizCompleted, Sheet::Cell(rounded(l.quizAveragePercent), true)});
        }
        s.line("Tổng số lượt sử dụng ki-ốt: " + std::to_string(r.visits), f.note);
    }
}

void writeList(lxw_workbook* wb, const Formats& f, const Report& r, size_t number, const IndicatorFigures& ind)
{
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheetName(number, ind).c_str());
    if (!ws) ws = workbook_add_worksheet(wb, ("Danh sách " + std::to_string(number)).c_str());
    worksheet_set_column(ws, 0, 0, 7, nullptr);
    worksheet_set_column(ws, 1, 1, 34, nullptr);
    worksheet_set_column(ws, 2, 2, 11, nullptr);
    worksheet_set_column(ws, 3, 3, 28, nullptr);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    Sheet s(ws, f);
    s.line("DANH SÁCH NGƯỜI DÂN: " + ind.label, f.title);
    s.line((r.commune.empty() ? std::string() : r.commune + " — ") + periodLine(r), f.subtitle);
    s.skip();
    const lxw_row_t headerRow = s.row();
    s.header({"STT", "Họ và tên", "Năm sinh", "Thôn, xóm"});
    worksheet_freeze_panes(ws, headerRow + 1, 0);
    worksheet_repeat_rows(ws, headerRow, headerRow);
    if (ind.list.empty()) {
        s.line("Không có người dân nào hoàn thành chỉ tiêu này trong kỳ.", f.note);
        return;
    }
    worksheet_autofilter(ws, headerRow, 0, headerRow + lxw_row_t(ind.list.size()), 3);
    int64_t n = 0;
    for (const ListEntry& e : ind.list) {
        s.cells({++n, e.fullName, e.birthYear > 0 ? Sheet::Cell(int64_t(e.birthYear)) : Sheet::Cell(""), e.village});
    }
}

} // namespace

bool writeReportXlsx(const Report& r, const std::filesystem::path& file, std::string& error)
{
    // libxlsxwriter opens the file by name (and its temporary files in tmpdir): it writes into a
    // folder that is ours alone, and the finished workbook is made 0600 and renamed into place.
    PrivateStaging staging;
    if (!staging.create(file, error)) return false;
    const std::filesystem::path tmp = staging.file();
    const std::string tmpdir = tmp.parent_path().string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = const_cast<char*>(tmpdir.c_str());
    lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &options);
    if (!wb) {
        error = "Không tạo được tệp " + file.string() + ": kiểm tra thư mục có tồn tại và được phép ghi.";
        return false;
    }
    const std::string title = "Báo cáo " + r.period.label + (r.commune.empty() ? std::string() : " — " + r.commune);
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>("Ki-ốt Bình dân học vụ số");
    workbook_set_properties(wb, &props);
    Formats f(wb);
    writeSummary(wb, f, r);
    for (size_t i = 0; i < r.indicators.size(); ++i) writeList(wb, f, r, i + 1, r.indicators[i]);
    const lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR) {
        error = "Không ghi được tệp " + file.string() + " (" + lxw_strerror(rc) + "): kiểm tra còn chỗ trống và được phép ghi.";
        return false;
    }
    return staging.publish(error);
}

} // namespace kiosk

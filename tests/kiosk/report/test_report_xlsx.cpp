// The XLSX workbook, read back as Excel would: the zip's sheets (unzip -p), sheet names, the
// summary's figures, a list sheet in name order, frozen and bold header rows.
#include "kiosk/report/report_export.hpp"
#include "tests/kiosk/report/report_fixture.hpp"
#include <doctest/doctest.h>
#include <cstring>
#include <set>
#include <algorithm>
#include <cstdio>

using namespace kiosk;

namespace {

// One member of the zip, as text (unzip is in the development packages).
std::string unzipEntry(const std::filesystem::path& file, const std::string& entry)
{
    const std::string cmd = "unzip -p '" + file.string() + "' '" + entry + "' 2>/dev/null";
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        char buf[8192];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

// The text cells of a sheet, in order (constant-memory mode writes them inline: <is><t>…</t></is>).
std::vector<std::string> texts(const std::string& xml)
{
    std::vector<std::string> out;
    for (size_t at = 0; (at = xml.find("<t>", at)) != std::string::npos;) {
        const size_t end = xml.find("</t>", at);
        out.push_back(xml.substr(at + 3, end - at - 3));
        at = end;
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

} // namespace

TEST_CASE("the XLSX workbook has a summary sheet and one sheet per list, in Vietnamese")
{
    test::ReportFixture f;
    std::string error;
    auto r = buildReport(*f.rec->db, *f.rec->vault, f.input("2026-Q1"), error);
    REQUIRE(r);
    const auto file = f.dir / "bao-cao.xlsx";
    REQUIRE_MESSAGE(writeReportXlsx(*r, file, error), error);
    CHECK_FALSE(std::filesystem::exists(f.dir / "bao-cao.xlsx.tmp"));

    // Sheet names: the summary, then "N. <name>" for each of the 12 indicators: the checklist's
    // short name (services.toml `sheet`), or the whole label when it fits; never a label cut at
    // Excel's 31 characters mid-phrase ("5. Mở tài khoản ngân hàng hoặc").
    const std::string workbook = unzipEntry(file, "xl/workbook.xml");
    std::vector<std::string> names;
    for (size_t at = 0; (at = workbook.find("<sheet name=\"", at)) != std::string::npos;) {
        at += 13;
        names.push_back(workbook.substr(at, workbook.find('"', at) - at));
    }
    REQUIRE(names.size() == 13);
    CHECK(names[0] == "Tổng hợp");
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
    const auto& indicators = r->indicators;
    for (size_t i = 1; i < names.size(); ++i) {
        CAPTURE(names[i]);
        const std::string prefix = std::to_string(i) + ". ";
        CHECK(names[i].rfind(prefix, 0) == 0);
        const size_t points = size_t(std::count_if(names[i].begin(), names[i].end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        CHECK(points <= 31);
        const std::string name = names[i].substr(prefix.size());
        CHECK_FALSE(indicators[i - 1].sheet.empty());   // every shipped service has its short name
        CHECK((name == indicators[i - 1].sheet || name == indicators[i - 1].label));
        for (const char* dangling : {" hoặc", " và", " của", " trên", " cho", ","})
            CHECK_FALSE((name.size() >= std::strlen(dangling) && name.compare(name.size() - std::strlen(dangling), std::string::npos, dangling) == 0));
    }
    CHECK(names[5] == "5. Tài khoản ngân hàng, ví");

    const std::string summary = unzipEntry(file, "xl/worksheets/sheet1.xml");
    const auto s = texts(summary);
    CHECK(has(s, "BÁO CÁO KẾT QUẢ HỖ TRỢ NGƯỜI DÂN CHUYỂN ĐỔI SỐ — BÌNH DÂN HỌC VỤ SỐ"));
    CHECK(has(s, "Đơn vị: xã Quảng Ngọc"));
    CHECK(has(s, "Kỳ báo cáo: Quý I/2026 (từ 01/01/2026 đến 31/03/2026)"));
    CHECK(has(s, "Số lượt hỗ trợ người dân"));
    CHECK(has(s, "III. TIẾN ĐỘ SO VỚI CHỈ TIÊU NĂM 2026 (lũy kế từ 01/01/2026 đến 31/03/2026)"));
    CHECK(has(s, "Từ 60 tuổi trở lên"));
    CHECK(has(s, "Cài VNeID"));
    // The figures are numbers: sessions 7 beside its label, in the row after the header.
    CHECK(summary.find("<is><t>Số lượt hỗ trợ người dân</t></is></c><c r=\"C7\" s=\"5\"><v>7</v>") != std::string::npos);
    CHECK(summary.find("<pane ySplit=\"3\"") != std::string::npos);

    const std::string level2 = unzipEntry(file, "xl/worksheets/sheet3.xml");
    const auto l = texts(level2);
    REQUIRE(l.size() >= 9);
    CHECK(l[0] == "DANH SÁCH NGƯỜI DÂN: " + indicators[1].label);
    CHECK(l[2] == "STT");
    CHECK(l[3] == "Họ và tên");
    CHECK(l[4] == "Năm sinh");
    CHECK(l[5] == "Thôn, xóm");
    CHECK(l[6] == "Đỗ Văn An");
    CHECK(l[7] == "Thôn Đông");
    CHECK(l[8] == "Lê Văn Tám");
    CHECK(level2.find("<c r=\"C5\" s=\"5\"><v>1966</v></c>") != std::string::npos);
    // Frozen below the header row (row 4), with a filter on it.
    CHECK(level2.find("<pane ySplit=\"4\" topLeftCell=\"A5\"") != std::string::npos);
    CHECK(level2.find("<autoFilter ref=\"A4:D7\"/>") != std::string::npos);
    CHECK(level2.find("<col min=\"2\" max=\"2\" width=\"34.") != std::string::npos);

    // Header cells use a bold style.
    const std::string styles = unzipEntry(file, "xl/styles.xml");
    CHECK(styles.find("<b/>") != std::string::npos);
    CHECK(level2.find("<c r=\"B4\" s=\"4\"") != std::string::npos);

    // An empty list says so rather than showing a bare header.
    const std::string documents = unzipEntry(file, "xl/worksheets/sheet4.xml");
    CHECK(has(texts(documents), "Không có người dân nào hoàn thành chỉ tiêu này trong kỳ."));
}

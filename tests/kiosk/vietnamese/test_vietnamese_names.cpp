// Vietnamese list order and NFC composition: the alphabet's own letters (ă â đ ê ô ơ ư), tones
// after letters, given name first, numbers in numeric order.
#include "kiosk/vietnamese/vietnamese_names.hpp"
#include <doctest/doctest.h>
#include <algorithm>
#include <vector>

using namespace kiosk;

namespace {

std::vector<std::string> sorted(std::vector<std::string> v, std::string (*key)(std::string_view))
{
    std::stable_sort(v.begin(), v.end(), [&](const std::string& a, const std::string& b) { return key(a) < key(b); });
    return v;
}

} // namespace

TEST_CASE("names sort by given name first, in the Vietnamese alphabet")
{
    // Given names An < Anh < Ánh < Bình < Chi < Dũng < Đức < Hà < Thuỷ < Ước; then family names.
    const std::vector<std::string> expected = {"Đỗ Văn An", "Lê Văn An", "Trần Thị Anh", "Bùi Thị Ánh", "Vũ Bình", "Phạm Thị Chi",
                                               "Nguyễn Dũng", "Hoàng Minh Đức", "Đặng Thu Hà", "Nguyễn Thị Thuỷ", "Lý Ước"};
    std::vector<std::string> shuffled = {"Lý Ước", "Nguyễn Thị Thuỷ", "Hoàng Minh Đức", "Bùi Thị Ánh", "Lê Văn An", "Vũ Bình",
                                         "Trần Thị Anh", "Nguyễn Dũng", "Phạm Thị Chi", "Đặng Thu Hà", "Đỗ Văn An"};
    CHECK(sorted(shuffled, vietnameseNameSortKey) == expected);
    // Case does not decide before letters and tones do.
    CHECK(vietnameseNameSortKey("nguyễn văn an") < vietnameseNameSortKey("Lê Văn Bình"));
}

TEST_CASE("letters before tones, and the tones in dictionary order")
{
    // a < à < ả < ã < á < ạ < ă; d < đ < e; o < ô < ơ; u < ư.
    const std::vector<std::string> expected = {"ma", "mà", "mả", "mã", "má", "mạ", "mă", "mâ", "md", "mđ", "me", "mo", "mô", "mơ", "mu", "mư"};
    std::vector<std::string> v = expected;
    std::reverse(v.begin(), v.end());
    CHECK(sorted(v, vietnameseSortKey) == expected);
    CHECK(vietnameseSortKey("Thôn 2") < vietnameseSortKey("Thôn 10"));
    CHECK(vietnameseSortKey("Thôn 09") < vietnameseSortKey("Thôn 10"));
    CHECK(vietnameseSortKey("Thôn Đông") < vietnameseSortKey("Thôn Tây"));
}

TEST_CASE("decomposed Vietnamese is composed to NFC, other text is left alone")
{
    CHECK(composeVietnamese("Nguye\xCC\x82\xCC\x83n") == "Nguyễn");
    CHECK(composeVietnamese("Nguye\xCC\x83\xCC\x82n") == "Nguyễn");             // marks in either order
    CHECK(composeVietnamese("ngu\xCC\x9Bo\xCC\x9B\xCC\x80i") == "người");
    CHECK(composeVietnamese("a\xCC\xA3\xCC\x82") == "ậ");                       // NFD's canonical order: dot below first
    CHECK(composeVietnamese("\xC3\xAA\xCC\x81") == "ế");                        // precomposed ê + acute
    CHECK(composeVietnamese("THU\xCC\x89Y") == "THỦY");
    CHECK(composeVietnamese("Thôn Đông") == "Thôn Đông");
    CHECK(composeVietnamese("x\xCC\x81") == "x\xCC\x81");                       // not a Vietnamese letter: as typed
    CHECK(composeVietnamese("e\xCC\x86") == "e\xCC\x86");                       // ĕ is not Vietnamese
    CHECK(vietnameseNameSortKey("Nguye\xCC\x82\xCC\x83n An").substr(0, 8) == vietnameseNameSortKey("Nguyễn An").substr(0, 8));
}

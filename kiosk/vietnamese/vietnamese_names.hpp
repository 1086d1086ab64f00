// Vietnamese names in lists: NFC composition of text typed with separate diacritics (Unikey's
// "Unicode tổ hợp", a Mac), and the order a commune's lists use.
#pragma once
#include <string>
#include <string_view>

namespace kiosk {

// Vietnamese letters written as a base letter plus combining marks (circumflex, breve, horn, the
// five tones) become their precomposed (NFC) letters; everything else is left as it is.
std::string composeVietnamese(std::string_view text);
// A cell a person typed: Vietnamese composed (NFC), spaces, tabs, line breaks and no-break spaces
// collapsed to one space, none at either end.
std::string tidyText(std::string_view text);

// Sort keys compared bytewise (std::string operator<). The alphabet is Vietnamese
// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; f j w z at their Latin places),
// letters before tones (no mark, huyền, hỏi, ngã, sắc, nặng: the dictionary order), case ignored
// except as a last resort, and runs of digits in numeric order ("Thôn 2" before "Thôn 10").
std::string vietnameseSortKey(std::string_view text);
// As vietnameseSortKey, but a person's full name is ordered by the given name (the last word)
// first, then by the family and middle names: how class rolls and commune lists are sorted.
std::string vietnameseNameSortKey(std::string_view fullName);

// For searching what staff type: lower case, without tones or letter marks (đ as d), runs of
// spaces as one: "Nguyễn  Văn Bình" and "nguyen van binh" give the same key.
std::string searchKey(std::string_view text);
// Every word of `query` (as searchKey) is found in `key` (already a searchKey).
bool searchMatches(const std::string& key, std::string_view query);

} // namespace kiosk

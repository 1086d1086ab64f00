// A staff badge as a picture to print on a card (CR80, 85.6 × 54 mm, at 300 dpi): the QR code
// that signs the holder in, their name and role in Vietnamese, the commune and the issue date.
// The picture carries the badge's secret: print it, then delete the file.
#pragma once
#include "drivers/display/png_image.hpp"
#include <string>

namespace drivers {

struct BadgeCard {
    std::string payload;   // what the QR code holds ("BDHVS-STAFF:1:…")
    std::string name;
    std::string role;      // "Tình nguyện viên", "Cán bộ xã", "Quản trị viên"
    std::string place;     // the commune; may be empty
    std::string issued;    // "23/11/2026"
};

constexpr int kBadgeWidth = 1012, kBadgeHeight = 638;   // 85.7 × 54 mm at 300 dpi

// RGB, kBadgeWidth × kBadgeHeight. False with a Vietnamese message (fonts missing, payload too long).
bool renderBadgeCard(const BadgeCard& card, Image& out, std::string& error);

} // namespace drivers

// Draws a QR code crisply: whole pixels per module, a white quiet zone of 4 modules.
#pragma once
#include "kiosk/common/qr.hpp"
#include "ui/ui_context.hpp"

namespace ui {

// Pixels per module so the code fits `maxSide` with its quiet zone; at least `minModulePx`.
int qrModulePixels(const kiosk::QrMatrix& qr, float maxSide, int minModulePx);
// Draws at `pos`; returns the side in pixels (quiet zone included).
float drawQr(ImDrawList* dl, const kiosk::QrMatrix& qr, ImVec2 pos, int modulePx);

} // namespace ui

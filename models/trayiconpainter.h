#pragma once
#include "creditmeter.h"

#include <QColor>
#include <QIcon>
#include <QImage>

// The tray icon: the credit meter's ring drawn into a small square image, in
// the meter's fill colours (qml/components/Tokens.qml: accent, amber, red,
// grey), dimmed when what it shows is stale. Pure: the same input draws the
// same pixels, so a test can look at them.
namespace TrayIconPainter {
// The ring's colour for a level; stale wins (grey, lower alpha).
QColor ringColor(CreditMeter::Level level, bool stale);
// fraction: what is left of the allowance (CreditMeter::fraction), drawn
// clockwise from twelve o'clock. size: the square's side in pixels.
QImage paint(qreal fraction, CreditMeter::Level level, bool stale, int size);
// The sizes panels ask for (16 … 64 px), each painted at its own size so the
// ring stays sharp.
QIcon icon(qreal fraction, CreditMeter::Level level, bool stale);
}

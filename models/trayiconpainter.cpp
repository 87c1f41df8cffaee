#include "trayiconpainter.h"

#include <QPainter>
#include <QPixmap>

namespace {
// The vivid fill colours of qml/components/Tokens.qml (accent, amber, red,
// grey): a panel's background may be light or dark, and these are the ones
// the UI guide draws fills with. Keep them equal to Tokens.qml.
const QColor kNormal(0x1F, 0x9D, 0x6B);
const QColor kLow(0xD9, 0x8E, 0x04);
const QColor kEmpty(0xD6, 0x45, 0x45);
const QColor kStale(0x8A, 0x8F, 0x98);
// As CreditRing.qml: the unfilled track is the grey at 35 %; stale dims the whole ring.
constexpr qreal kTrackAlpha = 0.35;
constexpr qreal kStaleAlpha = 0.6;
}

QColor TrayIconPainter::ringColor(CreditMeter::Level level, bool stale)
{
    if (stale) {
        QColor c = kStale;
        c.setAlphaF(kStaleAlpha);
        return c;
    }
    switch (level) {
    case CreditMeter::Low:
        return kLow;
    case CreditMeter::Empty:
    case CreditMeter::CapReached:
        return kEmpty;
    case CreditMeter::Normal:
        break;
    }
    return kNormal;
}

QImage TrayIconPainter::paint(qreal fraction, CreditMeter::Level level, bool stale, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);

    // A thick ring: at 16 px the arc must still read as a share of a circle.
    const qreal lineWidth = qMax<qreal>(2, size * 0.2);
    const qreal inset = lineWidth / 2 + size * 0.04;
    const QRectF ring = QRectF(0, 0, size, size).adjusted(inset, inset, -inset, -inset);
    const QColor color = ringColor(level, stale);
    // Out of credits (and not stale): the whole track in the empty colour, as in
    // the header's ring, so an empty meter is not just a faint grey circle.
    const bool outOfCredits = !stale && (level == CreditMeter::Empty || level == CreditMeter::CapReached);
    QColor track = kStale;
    track.setAlphaF(stale ? kTrackAlpha * kStaleAlpha : kTrackAlpha);

    QPen pen(outOfCredits ? color : track, lineWidth, Qt::SolidLine, Qt::FlatCap);
    p.setPen(pen);
    p.drawEllipse(ring);

    const qreal f = qBound<qreal>(0, fraction, 1);
    if (f > 0 && !outOfCredits) {
        pen.setColor(color);
        pen.setCapStyle(f < 1 ? Qt::RoundCap : Qt::FlatCap);
        p.setPen(pen);
        // QPainter angles: 1/16 degree, counter-clockwise from three o'clock.
        p.drawArc(ring, 90 * 16, -qRound(f * 360 * 16));
    }
    return image;
}

QIcon TrayIconPainter::icon(qreal fraction, CreditMeter::Level level, bool stale)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(QPixmap::fromImage(paint(fraction, level, stale, size)));
    return icon;
}

#pragma once
#include <QQuickImageProvider>

// The navigation's monochrome SVG icons (resources/icons/nav/*.svg, drawn with
// currentColor) in any colour: "image://klivicon/<name>/<rrggbb>". The colour
// follows the palette and the current page, which a plain Image cannot tint.
class IconProvider : public QQuickImageProvider
{
public:
    IconProvider();
    static QString providerId() { return QStringLiteral("klivicon"); }
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

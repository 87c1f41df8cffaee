#include "iconprovider.h"

#include "logging.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QImageReader>

IconProvider::IconProvider()
    : QQuickImageProvider(QQuickImageProvider::Image)
{
}

QImage IconProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QString name = id.section(QLatin1Char('/'), 0, 0);
    const QColor color(QLatin1Char('#') + id.section(QLatin1Char('/'), 1, 1));
    QFile file(QStringLiteral(":/Kliv/Konto/icons/nav/%1.svg").arg(name));
    if (name.isEmpty() || !color.isValid() || !file.open(QIODevice::ReadOnly)) {
        qCWarning(lcModels) << "no icon" << id;
        return {};
    }
    QByteArray svg = file.readAll();
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    QBuffer buffer(&svg);
    QImageReader reader(&buffer, "svg");
    const QSize wanted = requestedSize.isValid() && !requestedSize.isEmpty() ? requestedSize : QSize(24, 24);
    reader.setScaledSize(wanted);
    QImage image = reader.read();
    if (image.isNull())
        qCWarning(lcModels) << "icon" << name << "not rendered:" << reader.errorString();
    if (size)
        *size = image.size();
    return image;
}

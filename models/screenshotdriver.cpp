#include "screenshotdriver.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QQuickWindow>
#include <QRegularExpression>

ScreenshotDriver::ScreenshotDriver(QObject *parent)
    : QObject(parent)
{
}

ScreenshotDriver *ScreenshotDriver::instance()
{
    static ScreenshotDriver *self = new ScreenshotDriver(QCoreApplication::instance());
    return self;
}

ScreenshotDriver *ScreenshotDriver::create(QQmlEngine *, QJSEngine *)
{
    QQmlEngine::setObjectOwnership(instance(), QQmlEngine::CppOwnership);
    return instance();
}

void ScreenshotDriver::configure(const QString &directory, const QSize &size, const QString &set)
{
    m_set = set;
    m_directory = directory;
    if (size.isValid())
        m_size = size;
    QDir().mkpath(directory);
}

QString ScreenshotDriver::grab(QQuickWindow *window, const QString &name)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    QString file = name;
    file.replace(unsafe, QStringLiteral("_"));
    if (!window || !active() || file.isEmpty()) {
        ++m_failures;
        return {};
    }
    const QString path = QDir(m_directory).filePath(file + QStringLiteral(".png"));
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(path, "PNG")) {
        qCWarning(lcModels) << "screenshot failed" << path;
        ++m_failures;
        return {};
    }
    return path;
}

QString ScreenshotDriver::capture(QQuickWindow *window, const QString &fileName)
{
    QString name = fileName;
    if (name.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        name.chop(4);
    return grab(window, name);
}

void ScreenshotDriver::signal(const QString &name)
{
    QFile f(QDir(m_directory).filePath(QLatin1Char('.') + name));
    if (!f.open(QIODevice::WriteOnly))
        qWarning("screenshots: cannot write the signal file %s", qPrintable(f.fileName()));
}

void ScreenshotDriver::finish()
{
    QCoreApplication::exit(m_failures == 0 ? 0 : 1);
}

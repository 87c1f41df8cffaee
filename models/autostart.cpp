#include "autostart.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace {
// An Exec argument per the Desktop Entry spec: quoted, with ", `, $ and \ escaped
// inside the quotes, then every \ escaped again for the string value, % doubled.
QString execArgument(const QString &arg)
{
    QString quoted;
    for (const QChar c : arg) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return quoted;
}
}

QString Autostart::entryPath()
{
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    // The spec: a relative path is invalid and must be ignored.
    if (config.isEmpty() || QDir::isRelativePath(config))
        config = QDir::homePath() + QStringLiteral("/.config");
    return config + QStringLiteral("/autostart/se.kliv.konto.desktop");
}

bool Autostart::isEnabled()
{
    return QFileInfo::exists(entryPath());
}

QString Autostart::entry(const QString &program)
{
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Kliv Konto\n"
                          "Comment=Credits and billing of your Kliv workspace\n"
                          "Comment[sv]=Krediter och fakturering för din arbetsyta i Kliv\n"
                          "Exec=%1\n"
                          "Icon=se.kliv.konto\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(execArgument(program));
}

bool Autostart::enable(const QString &program, QString *error)
{
    const QString path = entryPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QCoreApplication::translate("Autostart", "Kunde inte skapa mappen %1.").arg(QFileInfo(path).absolutePath());
        qCWarning(lcModels) << "autostart: cannot create" << QFileInfo(path).absolutePath();
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry(program).toUtf8()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Autostart", "Kunde inte spara %1: %2").arg(path, file.errorString());
        qCWarning(lcModels) << "autostart: cannot write" << path << file.errorString();
        return false;
    }
    qCInfo(lcModels) << "autostart entry written:" << path;
    return true;
}

bool Autostart::disable(QString *error)
{
    const QString path = entryPath();
    QFile file(path);
    if (file.exists() && !file.remove()) {
        *error = QCoreApplication::translate("Autostart", "Kunde inte ta bort %1: %2").arg(path, file.errorString());
        qCWarning(lcModels) << "autostart: cannot remove" << path << file.errorString();
        return false;
    }
    return true;
}

#include "statecache.h"

#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace {
QString fileFor(const QUrl &server, const QString &workspaceId)
{
    const QByteArray key = server.adjusted(QUrl::StripTrailingSlash).toString().toUtf8() + '\n' + workspaceId.toUtf8();
    return StateCache::directory() + QStringLiteral("/state-")
        + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32))
        + QStringLiteral(".json");
}

QJsonObject readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.read(4 * 1024 * 1024)).object();
}
}

QString StateCache::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
}

StateCache::Entry StateCache::load(const QUrl &server, const QString &workspaceId, const QString &kind)
{
    const QJsonObject o = readAll(fileFor(server, workspaceId)).value(kind).toObject();
    Entry e;
    e.data = o.value(QLatin1String("data")).toObject();
    e.savedAt = QDateTime::fromString(o.value(QLatin1String("saved_at")).toString(), Qt::ISODate).toUTC();
    if (e.data.isEmpty())
        e.savedAt = {};
    return e;
}

void StateCache::save(const QUrl &server, const QString &workspaceId, const QString &kind, const QJsonObject &data)
{
    if (workspaceId.isEmpty())
        return;
    QDir().mkpath(directory());
    const QString path = fileFor(server, workspaceId);
    QJsonObject all = readAll(path);
    all.insert(kind, QJsonObject{{QStringLiteral("data"), data},
                                 {QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(all).toJson(QJsonDocument::Compact)) < 0 || !f.commit())
        qCWarning(lcModels) << "cannot write the state cache" << path;
}

void StateCache::clear(const QUrl &server, const QString &workspaceId)
{
    QFile::remove(fileFor(server, workspaceId));
}

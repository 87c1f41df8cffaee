#include "sqlitebackup.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <fcntl.h>
#include <unistd.h>

namespace storage {

namespace {

// A connection of its own for the duration of one call.
class Connection
{
public:
    explicit Connection(const QString &file)
        : m_name(QStringLiteral("kliv_backup_") + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    }
    ~Connection()
    {
        { QSqlDatabase::database(m_name, false).close(); }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

bool fsyncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

QString sqliteFileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("kliv.sqlite"));
}

bool backupSqlite(const QString &dataDir, const QString &toFile, QString *error)
{
    const QString source = sqliteFileIn(dataDir);
    if (!QFileInfo::exists(source)) {
        *error = QStringLiteral("no database in %1").arg(dataDir);
        return false;
    }
    if (QFileInfo::exists(toFile)) {
        *error = QStringLiteral("%1 exists already; choose a new file").arg(toFile);
        return false;
    }
    Connection c(source);
    QSqlDatabase db = c.db();
    if (!db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(source, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("VACUUM INTO ?"))) {
        *error = q.lastError().text();
        return false;
    }
    q.addBindValue(QFileInfo(toFile).absoluteFilePath());
    if (!q.exec()) {
        *error = QStringLiteral("the backup failed: %1").arg(q.lastError().text());
        QFile::remove(toFile);
        return false;
    }
    q.finish();
    if (!fsyncPath(toFile)) {
        *error = QStringLiteral("the backup was written but could not be synced to disk");
        return false;
    }
    return checkSqliteBackup(toFile, error) > 0;
}

int checkSqliteBackup(const QString &file, QString *error)
{
    if (!QFileInfo(file).isFile()) {
        *error = QStringLiteral("no file %1").arg(file);
        return 0;
    }
    Connection c(file);
    QSqlDatabase db = c.db();
    if (!db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(file, db.lastError().text());
        return 0;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok")) {
        *error = QStringLiteral("%1 is not an intact SQLite database").arg(file);
        return 0;
    }
    q.finish();
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version WHERE module = 'core'")) || !q.next()
        || q.value(0).toInt() < 1) {
        *error = QStringLiteral("%1 is not a Kliv database (no core schema)").arg(file);
        return 0;
    }
    return q.value(0).toInt();
}

bool restoreSqlite(const QString &fromFile, const QString &dataDir, QString *keptAs, QString *error)
{
    if (checkSqliteBackup(fromFile, error) == 0)
        return false;
    if (!QDir().mkpath(dataDir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(dataDir);
        return false;
    }
    const QString target = sqliteFileIn(dataDir);
    const QString staging = target + QStringLiteral(".restoring");
    QFile::remove(staging);
    if (!QFile::copy(fromFile, staging) || !fsyncPath(staging)) {
        *error = QStringLiteral("cannot copy %1 into %2").arg(fromFile, dataDir);
        QFile::remove(staging);
        return false;
    }
    if (QFileInfo::exists(target)) {
        // Keep what is replaced; its WAL holds committed transactions too, so it goes along.
        const QString kept = target + QStringLiteral(".before-restore-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFileInfo::exists(target + suffix) && !QFile::rename(target + suffix, kept + suffix)) {
                *error = QStringLiteral("cannot move the current database aside (%1)").arg(target + suffix);
                QFile::remove(staging);
                return false;
            }
        }
        if (keptAs)
            *keptAs = kept;
    }
    if (!QFile::rename(staging, target) || !fsyncPath(dataDir)) {
        *error = QStringLiteral("cannot put the backup in place as %1").arg(target);
        return false;
    }
    return true;
}

} // namespace storage

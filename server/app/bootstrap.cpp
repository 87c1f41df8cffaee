#include "bootstrap.h"

#include <QDir>
#include <QLockFile>
#include <QFile>

namespace app {

std::optional<billing::PlanCatalog> loadCatalog(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the plan catalog %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QString why;
    auto catalog = billing::PlanCatalog::fromJson(f.readAll(), &why);
    if (!catalog)
        *error = QStringLiteral("bad plan catalog %1: %2").arg(path, why);
    return catalog;
}

std::unique_ptr<storage::Store> openStore(const StorageOptions &options, QString *error,
                                          const storage::Store::Options &storeOptions)
{
    QString target = options.databaseUrl;
    if (target.isEmpty()) {
        if (!QDir().mkpath(options.dataDir)) {
            *error = QStringLiteral("cannot create the data directory %1").arg(options.dataDir);
            return nullptr;
        }
        target = options.dataDir;
    }
    return storage::Store::open(target, error, storeOptions);
}

std::unique_ptr<QLockFile> lockDataDir(const QString &dataDir, QString *error)
{
    auto lock = std::make_unique<QLockFile>(QDir(dataDir).filePath(QStringLiteral("kliv-billingd.lock")));
    lock->setStaleLockTime(0);   // stale only when its process is gone (QLockFile checks the pid)
    if (lock->tryLock(0))
        return lock;
    qint64 pid = 0;
    QString host, appName;
    lock->getLockInfo(&pid, &host, &appName);
    *error = QStringLiteral("another kliv-billingd (pid %1) is using %2; stop it first").arg(pid).arg(dataDir);
    return nullptr;
}

} // namespace app

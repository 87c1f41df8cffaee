#include "devclock.h"

#include "billing/clock.h"
#include "store.h"

#include <QLoggingCategory>

#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcDevClock, "kliv.devclock")

namespace storage {

void registerDevClockMigrations()
{
    const QString table = QStringLiteral(
        "CREATE TABLE IF NOT EXISTS dev_clock (id INTEGER PRIMARY KEY, now_ms BIGINT NOT NULL, "
        "wall_ms BIGINT NOT NULL, frozen INTEGER NOT NULL)");
    storage::Store::registerMigrations(QStringLiteral("devclock"),
                                       {storage::Migration{1, QStringLiteral("development clock"), {table}, {table}}});
}

bool saveDevClock(storage::Store *store, const billing::ManualClock &clock, bool frozen)
{
    const qint64 nowMs = clock.now().toMSecsSinceEpoch();
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    const bool ok = store->transaction([&] {
        QSqlQuery q(store->database());
        if (!q.exec(QStringLiteral("DELETE FROM dev_clock")))
            return false;
        q.prepare(QStringLiteral("INSERT INTO dev_clock (id, now_ms, wall_ms, frozen) VALUES (1, ?, ?, ?)"));
        q.addBindValue(nowMs);
        q.addBindValue(wallMs);
        q.addBindValue(frozen ? 1 : 0);
        return q.exec();
    }, &error);
    if (!ok)
        qCWarning(lcDevClock) << "could not save the development clock:" << error;
    return ok;
}

std::optional<QDateTime> loadDevClockNow(storage::Store *store, bool *frozen)
{
    QSqlQuery q(store->database());
    if (!q.exec(QStringLiteral("SELECT now_ms, wall_ms, frozen FROM dev_clock WHERE id = 1")) || !q.next())
        return std::nullopt;
    const bool isFrozen = q.value(2).toInt() != 0;
    if (frozen)
        *frozen = isFrozen;
    qint64 ms = q.value(0).toLongLong();
    if (!isFrozen)
        ms += std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - q.value(1).toLongLong());
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace storage

#include "idempotencykeys.h"
#include "stripeconfig.h"

#include "storage/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace stripe {

namespace {
constexpr qint64 kRetentionSeconds = 23 * 3600;   // Stripe keeps keys >= 24 h; stay inside
}

IdempotencyKeys::IdempotencyKeys(StoreOfCall storeOfCall)
    : m_storeOfCall(std::move(storeOfCall))
{
}

IdempotencyKeys::IdempotencyKeys(storage::Store *store)
    : m_storeOfCall([store] { return store; })
{
}

// Through Store::transaction: its BEGIN reconnects a lost PostgreSQL
// connection, and database() is read inside it, so it is the current one.
QString IdempotencyKeys::acquire(const QString &operation, qint64 nowUnix)
{
    storage::Store *store = m_storeOfCall();
    if (!store)
        return {};
    QString key;
    QString error;
    const bool ok = store->transaction([&] {
        QSqlQuery q(store->database());
        q.prepare(QStringLiteral("SELECT idem_key, created_at FROM stripe_idempotency_keys WHERE operation = ?"));
        q.addBindValue(operation);
        if (!q.exec()) {
            qCWarning(lcStripe) << "idempotency key lookup failed:" << q.lastError().text();
            return false;
        }
        if (q.next() && nowUnix - q.value(1).toLongLong() < kRetentionSeconds) {
            key = q.value(0).toString();
            return true;
        }
        const QString fresh = QStringLiteral("kliv-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery up(store->database());
        up.prepare(QStringLiteral(
            "INSERT INTO stripe_idempotency_keys (operation, idem_key, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (operation) DO UPDATE SET idem_key = excluded.idem_key, created_at = excluded.created_at"));
        up.addBindValue(operation);
        up.addBindValue(fresh);
        up.addBindValue(nowUnix);
        if (!up.exec()) {
            qCWarning(lcStripe) << "idempotency key store failed:" << up.lastError().text();
            return false;
        }
        key = fresh;
        return true;
    }, &error);
    if (!ok) {
        qCWarning(lcStripe) << "idempotency key not available:" << error;
        return {};
    }
    return key;
}

void IdempotencyKeys::release(const QString &operation)
{
    storage::Store *store = m_storeOfCall();
    if (!store)
        return;
    store->transaction([&] {
        QSqlQuery q(store->database());
        q.prepare(QStringLiteral("DELETE FROM stripe_idempotency_keys WHERE operation = ?"));
        q.addBindValue(operation);
        if (!q.exec()) {
            qCWarning(lcStripe) << "idempotency key release failed:" << q.lastError().text();
            return false;
        }
        return true;
    });
}

} // namespace stripe

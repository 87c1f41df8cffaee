#include "idempotencykeys.h"
#include "stripeconfig.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace stripe {

namespace {
constexpr qint64 kRetentionSeconds = 23 * 3600;   // Stripe keeps keys >= 24 h; stay inside
}

IdempotencyKeys::IdempotencyKeys(QString connectionName)
    : m_connection(std::move(connectionName))
{
}

QString IdempotencyKeys::acquire(const QString &operation, qint64 nowUnix)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT idem_key, created_at FROM stripe_idempotency_keys WHERE operation = ?"));
    q.addBindValue(operation);
    if (!q.exec()) {
        qCWarning(lcStripe) << "idempotency key lookup failed:" << q.lastError().text();
        return {};
    }
    if (q.next() && nowUnix - q.value(1).toLongLong() < kRetentionSeconds)
        return q.value(0).toString();

    const QString key = QStringLiteral("kliv-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery up(db);
    up.prepare(QStringLiteral(
        "INSERT INTO stripe_idempotency_keys (operation, idem_key, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (operation) DO UPDATE SET idem_key = excluded.idem_key, created_at = excluded.created_at"));
    up.addBindValue(operation);
    up.addBindValue(key);
    up.addBindValue(nowUnix);
    if (!up.exec()) {
        qCWarning(lcStripe) << "idempotency key store failed:" << up.lastError().text();
        return {};
    }
    return key;
}

void IdempotencyKeys::release(const QString &operation)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM stripe_idempotency_keys WHERE operation = ?"));
    q.addBindValue(operation);
    if (!q.exec())
        qCWarning(lcStripe) << "idempotency key release failed:" << q.lastError().text();
}

} // namespace stripe

#pragma once
// Idempotency keys for Stripe POSTs, one per logical operation (e.g.
// "customer:ws_1"), written to the database BEFORE the request goes out, so
// that a retry after a crash or a lost answer sends the same key and Stripe
// answers with the first result instead of doing the work twice.
#include <QSqlDatabase>
#include <QString>

namespace stripe {

class IdempotencyKeys
{
public:
    // `connectionName`: a QSqlDatabase connection whose schema has been
    // migrated (StripeSchema::migrate).
    explicit IdempotencyKeys(QString connectionName);

    // The key for `operation`: the stored one while it is younger than Stripe's
    // 24 h retention, else a fresh one, stored before it is returned.
    // Empty on a database error.
    QString acquire(const QString &operation, qint64 nowUnix);
    // The operation got a definitive answer: the next one gets a new key.
    void release(const QString &operation);

private:
    QString m_connection;
};

} // namespace stripe

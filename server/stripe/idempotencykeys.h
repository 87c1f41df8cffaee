#pragma once
// Idempotency keys for Stripe POSTs, one per logical operation (e.g.
// "customer:ws_1"), written to the database BEFORE the request goes out, so
// that a retry after a crash or a lost answer sends the same key and Stripe
// answers with the first result instead of doing the work twice.
#include <QString>
#include <functional>

namespace storage {
class Store;
}

namespace stripe {

class IdempotencyKeys
{
public:
    // The Store to use for this call (its schema migrated with the Stripe
    // tables). Asked on every call and never cached: the Store may have
    // reconnected (a new connection) since, and each worker thread may have its own.
    using StoreOfCall = std::function<storage::Store *()>;
    explicit IdempotencyKeys(StoreOfCall storeOfCall);
    // Always the same Store.
    explicit IdempotencyKeys(storage::Store *store);

    // The key for `operation`: the stored one while it is younger than Stripe's
    // 24 h retention, else a fresh one, stored before it is returned.
    // Empty on a database error.
    QString acquire(const QString &operation, qint64 nowUnix);
    // The operation got a definitive answer: the next one gets a new key.
    void release(const QString &operation);

private:
    StoreOfCall m_storeOfCall;
};

} // namespace stripe

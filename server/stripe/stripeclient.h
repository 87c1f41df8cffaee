#pragma once
// A small Stripe API client: form-encoded POSTs with a persisted
// Idempotency-Key, the pinned Stripe-Version, retries with backoff like
// stripe-node (connection errors, 409, 5xx, Stripe-Should-Retry: true) and
// bounded waits on 429. Errors come back already mapped to our API's errors.
#include "formencoder.h"
#include "service/paymentprovider.h"
#include "stripeconfig.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrlQuery>
#include <functional>

namespace stripe {

class IdempotencyKeys;

struct StripeResult {
    int httpStatus = 0;            // Stripe's status; 0 when no answer came
    QJsonObject body;              // the object on success, the error JSON otherwise
    http::ProviderError error;     // mapped for our API; ok() on 2xx
    int attempts = 0;
    QString stripeType;            // Stripe's error type, when there was one
    bool ok() const { return error.ok(); }
};

class StripeClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(StripeResult)>;

    // `keys` may be null (no persistence: a fresh key per call, kept across retries).
    StripeClient(StripeConfig config, IdempotencyKeys *keys, QObject *parent = nullptr);

    // `operation` names the logical operation for the idempotency key, e.g.
    // "upgrade:ws_1:sub_1:price_pro_400". Repeating an unfinished operation reuses its key.
    void post(const QString &path, const FormParams &params, const QString &operation, Done done);
    void get(const QString &path, const QUrlQuery &query, Done done);
    void del(const QString &path, const QString &operation, Done done);

    // min(0.5 * 2^(n-1), 5) s x rand[0.5, 1] for retry n >= 1, times backoffScale.
    int backoffMs(int retry) const;
    static http::ProviderError mapError(int httpStatus, const QJsonObject &body);

    const StripeConfig &config() const { return m_config; }

private:
    struct Call;
    void start(const QByteArray &method, const QString &path, const QByteArray &body, const QUrlQuery &query,
               const QString &operation, Done done);
    void pump();
    void send(std::shared_ptr<Call> call);
    void finish(const std::shared_ptr<Call> &call, StripeResult result);

    StripeConfig m_config;
    IdempotencyKeys *m_keys;
    QNetworkAccessManager m_nam;
    QList<std::shared_ptr<Call>> m_queue;
    bool m_busy = false;
};

} // namespace stripe

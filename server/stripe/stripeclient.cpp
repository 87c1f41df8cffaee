#include "stripeclient.h"
#include "idempotencykeys.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>
#include <cmath>

namespace stripe {

struct StripeClient::Call {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QString operation;
    QString idempotencyKey;
    Done done;
    int attempts = 0;
    int networkRetries = 0;
    int rateLimitRetries = 0;
};

StripeClient::StripeClient(StripeConfig config, IdempotencyKeys *keys, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_keys(keys)
{
}

int StripeClient::backoffMs(int retry) const
{
    const double base = std::min(0.5 * std::pow(2.0, std::max(0, retry - 1)), 5.0);
    const double jitter = 0.5 + 0.5 * QRandomGenerator::global()->generateDouble();
    return int(base * jitter * 1000.0 * m_config.backoffScale);
}

void StripeClient::post(const QString &path, const FormParams &params, const QString &operation, Done done)
{
    start("POST", path, params.encode(), {}, operation, std::move(done));
}

void StripeClient::get(const QString &path, const QUrlQuery &query, Done done)
{
    start("GET", path, {}, query, {}, std::move(done));
}

void StripeClient::del(const QString &path, const QString &operation, Done done)
{
    start("DELETE", path, {}, {}, operation, std::move(done));
}

void StripeClient::start(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QUrlQuery &query, const QString &operation, Done done)
{
    auto call = std::make_shared<Call>();
    call->method = method;
    call->path = path;
    call->body = body;
    call->query = query;
    call->operation = operation;
    call->done = std::move(done);
    if (method != "GET") {
        // Persisted before anything is sent: a crash between here and the answer
        // leaves the key behind for the retry.
        if (m_keys && !operation.isEmpty())
            call->idempotencyKey = m_keys->acquire(operation, QDateTime::currentSecsSinceEpoch());
        if (call->idempotencyKey.isEmpty())
            call->idempotencyKey = QStringLiteral("kliv-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    // One request at a time: Stripe then sees them in the order we issued them,
    // and answers come back in that order too, so a re-read object that was
    // fetched before a change can never be recorded after that change's answer.
    m_queue.append(call);
    pump();
}

void StripeClient::pump()
{
    if (m_busy || m_queue.isEmpty())
        return;
    m_busy = true;
    send(m_queue.takeFirst());
}

void StripeClient::send(std::shared_ptr<Call> call)
{
    QUrl url = m_config.apiBase;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + call->path);
    if (!call->query.isEmpty())
        url.setQuery(call->query);
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + m_config.secretKey);
    req.setRawHeader("Stripe-Version", kApiVersion);
    req.setRawHeader("User-Agent", "kliv-billingd");
    req.setTransferTimeout(m_config.requestTimeoutMs);
    if (call->method != "GET")
        req.setRawHeader("Idempotency-Key", call->idempotencyKey.toLatin1());
    if (call->method == "POST") {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    }
    ++call->attempts;
    QNetworkReply *reply = call->method == "POST" ? m_nam.post(req, call->body)
                         : call->method == "DELETE" ? m_nam.deleteResource(req)
                                                    : m_nam.get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, call] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray raw = reply->readAll();
        const QByteArray shouldRetry = reply->rawHeader("Stripe-Should-Retry").toLower();

        bool retry = false;
        bool rateLimited = false;
        if (status == 0) {
            retry = true;   // connection refused, reset, timeout: no answer at all
        } else if (shouldRetry == "true") {
            retry = true;
        } else if (shouldRetry == "false") {
            retry = false;
        } else if (status == 409 || status >= 500) {
            retry = true;
        } else if (status == 429) {
            rateLimited = true;
        }

        if (retry && call->networkRetries < m_config.maxNetworkRetries) {
            ++call->networkRetries;
            const int wait = backoffMs(call->networkRetries);
            qCInfo(lcStripe).noquote() << call->method << call->path << "->" << (status ? QString::number(status) : reply->errorString())
                                       << "retry" << call->networkRetries << "in" << wait << "ms";
            QTimer::singleShot(wait, this, [this, call] { send(call); });
            return;
        }
        if (rateLimited && call->rateLimitRetries < m_config.maxRateLimitRetries) {
            ++call->rateLimitRetries;
            int wait = backoffMs(call->rateLimitRetries + 1);
            bool okRetryAfter = false;
            const int retryAfter = reply->rawHeader("Retry-After").toInt(&okRetryAfter);
            if (okRetryAfter && retryAfter >= 0)
                wait = int(std::min(retryAfter, 10) * 1000 * m_config.backoffScale);
            qCInfo(lcStripe).noquote() << call->method << call->path << "-> 429, waiting" << wait << "ms";
            QTimer::singleShot(wait, this, [this, call] { send(call); });
            return;
        }

        StripeResult result;
        result.httpStatus = status;
        result.attempts = call->attempts;
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        result.body = doc.object();
        if (status >= 200 && status < 300) {
            if (!doc.isObject()) {
                result.error = {502, QStringLiteral("payment_provider_error"),
                                QStringLiteral("The payment provider sent an unreadable answer.")};
            }
        } else if (status == 0) {
            result.error = {502, QStringLiteral("payment_provider_error"),
                            QStringLiteral("The payment provider could not be reached.")};
        } else {
            result.error = mapError(status, result.body);
            result.stripeType = result.body.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString();
        }
        // A definitive answer (anything but "no answer" or a server error) ends the operation.
        const bool definitive = status != 0 && status < 500 && status != 409 && status != 429;
        if (definitive && m_keys && !call->operation.isEmpty())
            m_keys->release(call->operation);
        if (!result.ok()) {
            qCWarning(lcStripe).noquote() << call->method << call->path << "failed:" << status
                << result.stripeType
                << scrubSecrets(result.body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString());
        }
        finish(call, std::move(result));
    });
}

void StripeClient::finish(const std::shared_ptr<Call> &call, StripeResult result)
{
    Done done = std::move(call->done);
    m_busy = false;
    if (done)
        done(std::move(result));
    pump();
}

http::ProviderError StripeClient::mapError(int httpStatus, const QJsonObject &body)
{
    const QJsonObject err = body.value(QLatin1String("error")).toObject();
    const QString type = err.value(QLatin1String("type")).toString();
    const QString code = err.value(QLatin1String("code")).toString();
    const QString decline = err.value(QLatin1String("decline_code")).toString();
    if (type == QLatin1String("card_error") || httpStatus == 402) {
        // Stripe's own message may quote ids; we say what the user can act on.
        QString msg = QStringLiteral("The card was declined.");
        if (decline == QLatin1String("insufficient_funds") || code == QLatin1String("insufficient_funds"))
            msg = QStringLiteral("The card was declined: insufficient funds.");
        else if (code == QLatin1String("expired_card"))
            msg = QStringLiteral("The card has expired.");
        else if (code == QLatin1String("incorrect_cvc"))
            msg = QStringLiteral("The card's security code is incorrect.");
        return {402, QStringLiteral("card_declined"), msg};
    }
    if (httpStatus == 429)
        return {503, QStringLiteral("payment_provider_error"),
                QStringLiteral("The payment provider is busy. Try again in a moment.")};
    if (httpStatus == 401 || httpStatus == 403)
        return {502, QStringLiteral("payment_provider_error"),
                QStringLiteral("The payment provider refused the server's credentials.")};
    if (type == QLatin1String("idempotency_error"))
        return {502, QStringLiteral("payment_provider_error"),
                QStringLiteral("The payment provider saw a conflicting repeat of this request.")};
    if (type == QLatin1String("invalid_request_error") || (httpStatus >= 400 && httpStatus < 500))
        return {502, QStringLiteral("payment_provider_error"),
                QStringLiteral("The payment provider rejected the request.")};
    return {502, QStringLiteral("payment_provider_error"),
            QStringLiteral("The payment provider had an error. Try again later.")};
}

} // namespace stripe

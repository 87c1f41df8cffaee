#include "webhooksender.h"

#include "store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcWebhook, "kliv.emulator.webhook")

WebhookSender::WebhookSender(Store &store, QUrl url, QByteArray secret, int maxAttempts, QObject *parent)
    : QObject(parent), m_store(store), m_url(std::move(url)), m_secret(std::move(secret)), m_maxAttempts(maxAttempts)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WebhookSender::kick);
}

QByteArray WebhookSender::signatureHeader(const QByteArray &payload, const QByteArray &secret, qint64 timestamp)
{
    const QByteArray t = QByteArray::number(timestamp);
    const QByteArray mac = QMessageAuthenticationCode::hash(t + '.' + payload, secret, QCryptographicHash::Sha256);
    return "t=" + t + ",v1=" + mac.toHex();
}

void WebhookSender::kick()
{
    if (!m_busy)
        deliverNext();
}

void WebhookSender::deliverNext()
{
    const auto next = m_store.nextDelivery();
    if (!next)
        return;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (next->nextAtMs > nowMs) {
        m_timer.start(int(std::min<qint64>(next->nextAtMs - nowMs, 60000)));
        return;
    }
    m_busy = true;
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    request.setRawHeader("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    // Signed with real time, not the emulator clock: receivers check a 300 s tolerance.
    request.setRawHeader("Stripe-Signature", signatureHeader(next->payload, m_secret, QDateTime::currentSecsSinceEpoch()));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network.post(request, next->payload);
    const Store::Delivery d = *next;
    connect(reply, &QNetworkReply::finished, this, [this, reply, d] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
        const int attempts = d.attempts + 1;
        const bool giveUp = !ok && attempts >= m_maxAttempts;
        const qint64 delayMs = std::min<qint64>(1000LL << std::min(attempts - 1, 16), 60000);
        m_store.deliveryDone(d.eventId, attempts, ok, QDateTime::currentMSecsSinceEpoch() + delayMs, giveUp);
        if (ok)
            qCInfo(lcWebhook) << "delivered" << d.eventId << "status" << status;
        else
            qCWarning(lcWebhook) << "delivery of" << d.eventId << "failed (attempt" << attempts << "status" << status
                                 << reply->errorString() << ")" << (giveUp ? "giving up" : "will retry");
        m_busy = false;
        deliverNext();
    });
}

#include "notifier.h"

#include "storage/store.h"

#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <algorithm>

Q_LOGGING_CATEGORY(lcNotify, "kliv.notify")

namespace service {

static constexpr int kBatch = 20;         // claimed per poll
static constexpr int kMaxInFlight = 20;

Notifier::Notifier(const Config &config, storage::Store *store, QObject *parent)
    : QObject(parent), m_config(config), m_store(store), m_network(new QNetworkAccessManager(this))
{
    m_timer.setInterval(m_config.pollMs);
    connect(&m_timer, &QTimer::timeout, this, &Notifier::poll);
    m_timer.start();
    QTimer::singleShot(0, this, &Notifier::poll);
}

QByteArray Notifier::signature(const QByteArray &secret, const QByteArray &body, qint64 unixTime)
{
    const QByteArray t = QByteArray::number(unixTime);
    const QByteArray mac = QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256).toHex();
    return "t=" + t + ",v1=" + mac;
}

int Notifier::retryDelaySecs(const Config &config, int attempts)
{
    qint64 delay = config.firstRetrySecs;
    for (int i = 1; i < attempts && delay < config.maxRetrySecs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, config.maxRetrySecs));
}

void Notifier::poll()
{
    if (m_inFlight >= kMaxInFlight)
        return;
    // Wall time, not the dev clock: retries wait for real seconds. The lease
    // outlasts one attempt, so a crash mid-send only delays the retry.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int leaseSecs = m_config.timeoutMs / 1000 + 30;
    for (const auto &n : m_store->claimNotifications(now, leaseSecs, std::min(kBatch, kMaxInFlight - m_inFlight)))
        send(n.id, n.body, n.attempts, n.createdAt);
}

void Notifier::send(const QString &id, const QByteArray &body, int attempts, const QDateTime &createdAt)
{
    QNetworkRequest request(m_config.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("kliv-billingd"));
    request.setRawHeader("Kliv-Notification-Id", id.toLatin1());
    request.setRawHeader("Kliv-Signature", signature(m_config.secret, body, QDateTime::currentSecsSinceEpoch()));
    request.setTransferTimeout(m_config.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    ++m_inFlight;
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, attempts, createdAt] {
        reply->deleteLater();
        --m_inFlight;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (status >= 200 && status < 300) {
            m_store->notificationSent(id, now);
            qCInfo(lcNotify).noquote() << "notification" << id << "delivered, status" << status;
            return;
        }
        // The receiver's body may echo what we sent: only the status and Qt's error text are kept.
        const QString why = status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
        const bool giveUp = createdAt.secsTo(now) >= m_config.giveUpAfterSecs;
        const QDateTime next = now.addSecs(retryDelaySecs(m_config, attempts + 1));
        m_store->notificationFailed(id, why, next, giveUp);
        if (giveUp)
            qCWarning(lcNotify).noquote() << "notification" << id << "given up after" << attempts + 1 << "attempts:" << why;
        else
            qCWarning(lcNotify).noquote() << "notification" << id << "not delivered (" << why << "); next attempt at"
                                          << next.toString(Qt::ISODate);
    });
}

} // namespace service

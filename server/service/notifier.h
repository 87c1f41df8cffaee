#pragma once
// Sends the outbox's notifications (storage::Store::queueNotification) to the
// operator's URL: POST of the stored JSON, signed like Stripe signs its
// webhooks, at least once, with retries that back off. Oldest first but side
// by side: a receiver drops repeats by id and does not rely on the order.
//
//   Kliv-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
//   Kliv-Notification-Id: ntf_...   (the receiver drops repeats by this id)
//
// Lives on its own thread with its own Store (app::StoreThread).
#include <QByteArray>
#include <QDateTime>
#include <QLoggingCategory>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace storage { class Store; }

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace service {

class Notifier : public QObject
{
    Q_OBJECT
public:
    struct Config {
        QUrl url;
        QByteArray secret;
        int pollMs = 1000;          // how often the outbox is read
        int timeoutMs = 10000;      // per attempt
        int firstRetrySecs = 5;     // then doubling ...
        int maxRetrySecs = 3600;    // ... up to an hour
        int giveUpAfterSecs = 3 * 24 * 3600;
    };
    Notifier(const Config &config, storage::Store *store, QObject *parent = nullptr);

    static QByteArray signature(const QByteArray &secret, const QByteArray &body, qint64 unixTime);
    // The wait before attempt number `attempts` + 1 (attempts already made).
    static int retryDelaySecs(const Config &config, int attempts);

private:
    void poll();
    void send(const QString &id, const QByteArray &body, int attempts, const QDateTime &createdAt);

    Config m_config;
    storage::Store *m_store;
    QNetworkAccessManager *m_network;
    QTimer m_timer;
    int m_inFlight = 0;
};

} // namespace service

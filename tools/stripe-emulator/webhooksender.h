#pragma once
// Delivers queued events to the webhook endpoint, one at a time, signed the
// way Stripe signs them (Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256>).
// Non-2xx answers and connection failures are retried with exponential
// backoff (1 s, 2 s, 4 s ... capped at 60 s) up to a bounded number of attempts.
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

class Store;

class WebhookSender : public QObject
{
    Q_OBJECT
public:
    WebhookSender(Store &store, QUrl url, QByteArray secret, int maxAttempts, QObject *parent = nullptr);
    static QByteArray signatureHeader(const QByteArray &payload, const QByteArray &secret, qint64 timestamp);

public Q_SLOTS:
    void kick(); // new events may be waiting

private:
    void deliverNext();

    Store &m_store;
    QUrl m_url;
    QByteArray m_secret;
    int m_maxAttempts;
    bool m_busy = false;
    QTimer m_timer;
    QNetworkAccessManager m_network;
};

#pragma once
// The HTTP front: /v1/* (Stripe's API: auth, form params, idempotency, JSON),
// /_emulator/* (the emulator clock) and the hosted pages (checkout, portal,
// invoice). Binds the loopback interface only.
#include "pages.h"

#include <QAbstractHttpServer>
#include <QJsonObject>
#include <QTimer>
#include <functional>

class Engine;
class Store;
class WebhookSender;

class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    ApiServer(Engine &engine, Store &store, WebhookSender *sender, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Call {
        QString method;
        QStringList segments; // path split on '/', without the empty first one
        QJsonObject params;
        QStringList expand;
        QByteArray rawBody;
    };
    HttpResponse api(const QHttpServerRequest &request, const QString &method, const QString &path);
    QJsonObject route(const Call &call);
    QJsonObject list(const QList<QJsonObject> &items, const QJsonObject &params, const QString &url) const;
    QJsonObject emulatorClock(const Call &call);
    void afterCommit();
    void tick();

    Engine &m_engine;
    Store &m_store;
    WebhookSender *m_sender;
    Pages m_pages;
    QTimer m_tick;
};

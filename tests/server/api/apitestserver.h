#pragma once
// An in-process kliv-billingd for the HTTP tests: the real HttpServer on a
// free port, a real SQLite store in a temp dir, the real plan catalog, a dev
// clock frozen at 2026-12-01T00:00:00Z. Requests spin the event loop.
#include "httpserver.h"

#include "billing/clock.h"
#include "storage/store.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <memory>

struct ApiReply {
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QJsonObject json() const;
    QString errorCode() const;          // error.code of an API error
    QByteArray header(const QByteArray &name) const;
};

struct TestWorkspace {
    QString id, ownerMemberId, ownerUserId;
};

class ApiTestServer
{
public:
    explicit ApiTestServer(bool dev = true);
    ~ApiTestServer();
    bool start(QString *error);

    QUrl url(const QString &pathAndQuery) const;
    ApiReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QString &token = {}, const QByteArray &contentType = "application/json");
    ApiReply get(const QString &path, const QString &token = {}) { return request("GET", path, {}, token); }
    ApiReply post(const QString &path, const QJsonObject &body, const QString &token = {});
    ApiReply postForm(const QString &path, const QList<QPair<QString, QString>> &fields);

    // Setup straight through the store (what `admin` does).
    QString createUser(const QString &email, const QString &password = {});
    TestWorkspace createWorkspace(const QString &name, const QString &ownerEmail, const QString &plan = QStringLiteral("free"));
    QString addMember(const QString &ws, const QString &email, const QString &role);
    QString userToken(const QString &email, int ttlSeconds = 3600);
    QString serviceToken();

    storage::Store *store() const { return m_store.get(); }
    http::HttpServer *server() const { return m_server.get(); }
    billing::ManualClock &clock() { return m_clock; }
    const billing::PlanCatalog &catalog() const { return *m_catalog; }
    quint16 port() const { return m_port; }

private:
    bool m_dev;
    QTemporaryDir m_dir;
    std::optional<billing::PlanCatalog> m_catalog;
    std::unique_ptr<storage::Store> m_store;
    billing::ManualClock m_clock;
    std::unique_ptr<http::HttpServer> m_server;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
};

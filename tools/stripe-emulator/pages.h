#pragma once
// The hosted pages a browser sees: Checkout (/c/pay/cs_...), the Customer
// Portal (/p/session/bps_...) and hosted invoices (/i/in_...). Swedish,
// plain HTML forms, so tests can drive them with HTTP POSTs.
#include "apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <functional>
#include <optional>

class Engine;
class Store;

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "text/html";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    void header(const QByteArray &name, const QByteArray &value) { headers.append(qMakePair(name, value)); }
};

class Pages : public QObject
{
    Q_OBJECT
public:
    Pages(Engine &engine, Store &store, QObject *parent = nullptr);
    HttpResponse handle(const QString &method, const QString &path, const QByteArray &query, const QByteArray &body);

Q_SIGNALS:
    void committed(); // state changed: events may wait for delivery

private:
    HttpResponse checkout(const QString &method, const QString &id, const QJsonObject &form);
    HttpResponse portal(const QString &method, const QString &id, const QString &action, const QJsonObject &form,
                        const QJsonObject &query);
    HttpResponse invoice(const QString &method, const QString &id, const QJsonObject &form);
    HttpResponse invoicePdf(const QString &id);
    // Runs `op` in a transaction; an ApiError rolls back and is returned.
    std::optional<ApiError> transact(const std::function<void()> &op);

    Engine &m_engine;
    Store &m_store;
};

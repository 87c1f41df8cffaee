#pragma once
#include "apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrlQuery>
#include <functional>

using ApiCallback = std::function<void(const ApiResult &)>;

// One API call as the models ask it: no URL, token or headers, those are the
// transport's business.
struct ApiRequest
{
    QByteArray verb = "GET";
    QString path;            // "/v1/workspaces/<id>/invoices"
    QUrlQuery query;
    QJsonObject body;        // sent as JSON for POST, PATCH and PUT
    bool raw = false;        // the answer's body is kept as is (CSV), not parsed as JSON
};

// The seam between the models and the network: ApiClient sends over HTTP, a
// test answers from a script. The callback is dropped when the context dies
// (a null context: always called).
class Transport
{
public:
    virtual ~Transport() = default;
    virtual void send(const ApiRequest &request, QObject *context, ApiCallback cb) = 0;

    void get(const QString &path, const QUrlQuery &query, QObject *context, ApiCallback cb)
    {
        send({"GET", path, query, {}, false}, context, std::move(cb));
    }
    // The body is returned raw (CSV and the like), not parsed as JSON.
    void getRaw(const QString &path, const QUrlQuery &query, QObject *context, ApiCallback cb)
    {
        send({"GET", path, query, {}, true}, context, std::move(cb));
    }
    void post(const QString &path, const QJsonObject &body, QObject *context, ApiCallback cb)
    {
        send({"POST", path, {}, body, false}, context, std::move(cb));
    }
    void patch(const QString &path, const QJsonObject &body, QObject *context, ApiCallback cb)
    {
        send({"PATCH", path, {}, body, false}, context, std::move(cb));
    }
    void del(const QString &path, QObject *context, ApiCallback cb)
    {
        send({"DELETE", path, {}, {}, false}, context, std::move(cb));
    }
};

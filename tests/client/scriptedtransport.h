#pragma once
// A Transport that answers from a script: the models' (and /v1/me's) requests
// without a server. Shared by tst_model_scripted and tst_startup.
#include "transport.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <algorithm>

// Answers per path, in order. A request with no answer queued waits until
// answer() is called for its path, so a test can look at `loading` meanwhile.
// Answers arrive from the event loop, as the network's do.
class ScriptedTransport : public Transport
{
public:
    QList<ApiRequest> sent;

    void send(const ApiRequest &request, QObject *context, ApiCallback cb) override
    {
        sent << request;
        QList<ApiResult> &queued = m_answers[request.path];
        if (queued.isEmpty())
            m_waiting[request.path] << Waiting{context, context != nullptr, std::move(cb)};
        else
            deliver({context, context != nullptr, std::move(cb)}, queued.takeFirst());
    }

    void answer(const QString &path, const ApiResult &result)
    {
        QList<Waiting> &waiting = m_waiting[path];
        if (waiting.isEmpty())
            m_answers[path] << result;
        else
            deliver(waiting.takeFirst(), result);
    }
    int waiting(const QString &path) const { return int(m_waiting.value(path).size()); }
    int sentTo(const QByteArray &verb, const QString &path) const
    {
        return int(std::count_if(sent.cbegin(), sent.cend(),
                                 [&](const ApiRequest &r) { return r.verb == verb && r.path == path; }));
    }

private:
    struct Waiting { QPointer<QObject> context; bool hadContext; ApiCallback cb; };
    static void deliver(const Waiting &w, const ApiResult &result)
    {
        QTimer::singleShot(0, qApp, [w, result] {
            if (w.hadContext && !w.context)
                return; // as ApiClient: dropped when the context died
            if (w.cb)
                w.cb(result);
        });
    }
    QHash<QString, QList<ApiResult>> m_answers;
    QHash<QString, QList<Waiting>> m_waiting;
};

inline ApiResult scriptedOk(const QJsonObject &body)
{
    ApiResult r;
    r.status = 200;
    r.json = QJsonDocument(body);
    r.body = r.json.toJson(QJsonDocument::Compact);
    return r;
}

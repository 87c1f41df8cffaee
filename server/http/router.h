#pragma once
// Maps (method, path) to a handler. Patterns use {name} for one path segment.
// Knows whether a path exists under another method (405) or not at all (404).
#include "reply.h"
#include "request.h"

#include <QRegularExpression>
#include <functional>

namespace http {

enum class Auth {
    None,           // public (healthz, plans, oauth, webhooks)
    User,           // Bearer user access token
    Service,        // Bearer service token
    UserOrService,
};

using Handler = std::function<void(Request &, const ReplyPtr &)>;

// Where a handler runs: on a worker thread (anything that may block: SQL,
// building a CSV), on the slow lane (password hashing: one low-priority thread,
// so sign-ins queue behind each other and never take the CPU from the rest) or,
// for the few that only read memory, on the event loop itself (e.g. /healthz).
enum class Runs { OnWorker, OnSlowLane, OnLoop };

class Router
{
public:
    struct Route {
        QHttpServerRequest::Method method;
        QString pattern;
        Auth auth;
        Handler handler;
        Runs runs = Runs::OnWorker;
        QRegularExpression re;
        QStringList names;
    };
    struct Match {
        const Route *route = nullptr;
        bool pathKnown = false;     // some route has this path, with another method
    };

    void add(QHttpServerRequest::Method method, const QString &pattern, Auth auth, Handler handler,
             Runs runs = Runs::OnWorker);
    Match match(QHttpServerRequest::Method method, const QString &path, QHash<QString, QString> *params) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace http

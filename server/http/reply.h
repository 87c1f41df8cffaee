#pragma once
// Answers one request exactly once, possibly later and from any thread (a
// worker, the usage recorder, a payment-provider callback). The transport
// (the edge) writes it on the connection's own thread, or not at all if the
// client is gone. Logs one line per request: method, scrubbed path, status,
// milliseconds.
#include "apierror.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QUrl>
#include <atomic>
#include <functional>
#include <memory>

namespace http {

class Reply
{
public:
    using Write = std::function<void(Response &&)>;
    Reply(Write write, QByteArray method, QString logPath);
    ~Reply();   // answers 500 if a handler forgot to answer (a bug, never silence)
    Reply(const Reply &) = delete;
    Reply &operator=(const Reply &) = delete;

    void send(Response response);
    void json(const QJsonObject &body, int status = 200) { send(jsonResponse(body, status)); }
    void error(const ApiError &e) { send(errorResponse(e)); }
    void noContent();
    bool sent() const { return m_sent; }
    // The route pattern that matched (the metrics' label; "unmatched" until set).
    void setRoute(const QString &pattern) { m_route = pattern; }
    // One log line per request: text (default) or a JSON object.
    static void setJsonLog(bool json);

    // Path with the values of token-like query parameters replaced by "***".
    static QString scrubbedPath(const QUrl &url);

private:
    Write m_write;
    QByteArray m_method;
    QString m_logPath;
    QString m_route = QStringLiteral("unmatched");
    QElapsedTimer m_timer;
    std::atomic_bool m_sent = false;
};

using ReplyPtr = std::shared_ptr<Reply>;

} // namespace http

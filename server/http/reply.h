#pragma once
// Answers one request exactly once, possibly later (after an asynchronous
// payment-provider call). Writes nothing if the client is gone. Logs one
// line per request: method, scrubbed path, status, milliseconds.
#include "apierror.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <memory>

namespace http {

class Reply
{
public:
    Reply(QHttpServerResponder &&responder, QTcpSocket *socket, QByteArray method, QString logPath);
    ~Reply();   // answers 500 if a handler forgot to answer (a bug, never silence)
    Reply(const Reply &) = delete;
    Reply &operator=(const Reply &) = delete;

    void send(const QHttpServerResponse &response);
    void json(const QJsonObject &body, int status = 200) { send(jsonResponse(body, status)); }
    void error(const ApiError &e) { send(errorResponse(e)); }
    void noContent();
    bool sent() const { return m_sent; }

    // Path with the values of token-like query parameters replaced by "***".
    static QString scrubbedPath(const QUrl &url);

private:
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_method;
    QString m_logPath;
    QElapsedTimer m_timer;
    bool m_sent = false;
};

using ReplyPtr = std::shared_ptr<Reply>;

} // namespace http

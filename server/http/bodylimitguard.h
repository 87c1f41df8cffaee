#pragma once
// Refuses an oversized request as soon as its headers arrive (Content-Length
// above the limit): answers 413 and drains, instead of letting QtHttpServer
// buffer the whole body first. Bodies without a Content-Length are still
// checked after buffering, in HttpServer::handleRequest.
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace http {

class BodyLimitGuard : public QObject
{
    Q_OBJECT
public:
    BodyLimitGuard(QTcpSocket *socket, qint64 limit);
    void requestHandled() { m_expectingHeaders = true; }   // the next bytes start a new request

private:
    void check();
    void reject(const QByteArray &requestLine);

    QTcpSocket *m_socket;
    qint64 m_limit;
    bool m_expectingHeaders = true;
    qint64 m_drained = 0;
};

// A QTcpServer that puts a BodyLimitGuard on every connection before
// QAbstractHttpServer sees it (so the guard reads first).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(qint64 limit, QObject *parent) : QTcpServer(parent), m_limit(limit) {}

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 m_limit;
};

} // namespace http

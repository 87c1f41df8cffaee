#include "bodylimitguard.h"
#include "apierror.h"
#include "logging.h"
#include "reply.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

namespace http {

static constexpr int MaxHeaderBytes = 64 * 1024;
static constexpr qint64 MaxDrainBytes = 64LL * 1024 * 1024;

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new BodyLimitGuard(socket, m_limit);
    addPendingConnection(socket);
}

BodyLimitGuard::BodyLimitGuard(QTcpSocket *socket, qint64 limit)
    : QObject(socket)
    , m_socket(socket)
    , m_limit(limit)
{
    connect(socket, &QIODevice::readyRead, this, &BodyLimitGuard::check);
}

void BodyLimitGuard::check()
{
    if (!m_expectingHeaders)
        return;
    const QByteArray head = m_socket->peek(MaxHeaderBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= MaxHeaderBytes)
            m_expectingHeaders = false;   // odd request: let the parser decide
        return;
    }
    m_expectingHeaders = false;
    const QList<QByteArray> lines = head.left(end).split('\n');
    for (const QByteArray &raw : lines.mid(1)) {
        const QByteArray line = raw.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.left(colon).trimmed().toLower() != "content-length")
            continue;
        bool ok = false;
        const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
        if (ok && length > m_limit)
            reject(lines.first().trimmed());
        return;
    }
}

void BodyLimitGuard::reject(const QByteArray &requestLine)
{
    const QList<QByteArray> parts = requestLine.split(' ');
    const QString path = parts.size() > 1 ? Reply::scrubbedPath(QUrl(QString::fromLatin1(parts.at(1)))) : QString();
    qCInfo(lcHttp).noquote() << (parts.isEmpty() ? QByteArray("?") : parts.first()) << path << 413 << "(refused before the body)";

    // The server's parser must not see this request: from now on we only drain.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, [this] {
        m_drained += m_socket->skip(m_socket->bytesAvailable());
        if (m_drained > MaxDrainBytes)
            m_socket->abort();
    });
    const QByteArray body = QJsonDocument(ApiError::bodyTooLarge().toJson()).toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_socket->flush();
    // Give the client time to read the answer and close; then close ourselves.
    QTimer::singleShot(5000, m_socket, [socket = QPointer<QTcpSocket>(m_socket)] {
        if (socket)
            socket->abort();
    });
}

} // namespace http

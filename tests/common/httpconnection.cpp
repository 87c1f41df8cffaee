#include "httpconnection.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

#include <sys/socket.h>

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpReply::errorCode() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

bool HttpReply::isJson() const
{
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(body, &err);
    return err.error == QJsonParseError::NoError && doc.isObject()
        && headers.value("content-type").startsWith("application/json");
}

QString HttpReply::describe() const
{
    if (!error.isEmpty())
        return QStringLiteral("no reply: %1").arg(error);
    return QStringLiteral("HTTP %1 %2").arg(status).arg(QString::fromUtf8(body.left(600)));
}

HttpConnection::HttpConnection(const QUrl &base, QObject *parent)
    : QObject(parent), m_base(base)
{
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        if (!m_pending.isEmpty()) {
            m_socket.write(std::exchange(m_pending, {}));
            if (m_halfClose) {
                m_socket.flush();
                ::shutdown(int(m_socket.socketDescriptor()), SHUT_WR);
            }
        }
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::onError);
}

QByteArray HttpConnection::buildRequest(const QByteArray &method, const QByteArray &path,
                                        const QByteArray &body, const QByteArray &bearer,
                                        const QByteArray &contentType,
                                        const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QByteArray r;
    r.reserve(256 + body.size());
    r += method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!bearer.isEmpty())
        r += "Authorization: Bearer " + bearer + "\r\n";
    for (const auto &h : extraHeaders)
        r += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH" || method == "PUT") {
        if (!contentType.isEmpty())
            r += "Content-Type: " + contentType + "\r\n";
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    r += "\r\n";
    r += body;
    return r;
}

void HttpConnection::ensureConnected()
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        m_socket.connectToHost(m_base.host(), quint16(m_base.port()));
}

void HttpConnection::send(const QByteArray &rawRequest)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_reply = HttpReply{};
    m_buffer.clear();
    m_headerEnd = -1;
    m_contentLength = -1;
    m_chunked = false;
    m_timer.start();
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.write(rawRequest);
        if (m_halfClose) {
            m_socket.flush();
            ::shutdown(int(m_socket.socketDescriptor()), SHUT_WR);
        }
    } else {
        m_pending = rawRequest;
        ensureConnected();
    }
}

void HttpConnection::sendAndHalfClose(const QByteArray &rawRequest)
{
    m_halfClose = true;
    send(rawRequest);
}

void HttpConnection::abort()
{
    m_socket.abort();
    m_busy = false;
    m_pending.clear();
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (m_busy && tryParse())
        complete();
}

// Parses status line, headers and a Content-Length or chunked body.
bool HttpConnection::tryParse()
{
    if (m_headerEnd < 0) {
        const int end = int(m_buffer.indexOf("\r\n\r\n"));
        if (end < 0)
            return false;
        m_headerEnd = end + 4;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        m_reply.status = statusLine.value(1).toInt();
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = int(lines[i].indexOf(':'));
            if (colon > 0)
                m_reply.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        bool ok = false;
        const qint64 len = m_reply.headers.value("content-length").toLongLong(&ok);
        m_contentLength = ok ? len : -1;
        m_chunked = m_reply.headers.value("transfer-encoding").toLower().contains("chunked");
        if (!m_chunked && m_contentLength < 0
            && (m_reply.status == 101 || m_reply.status == 204 || m_reply.status == 304))
            m_contentLength = 0; // 101: what follows belongs to the upgraded protocol
    }
    if (m_chunked) {
        QByteArray body;
        qsizetype pos = m_headerEnd;
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qint64 size = m_buffer.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok)
                return false;
            if (size == 0) {
                if (m_buffer.indexOf("\r\n", lineEnd + 2) < 0)
                    return false;
                m_reply.body = body;
                return true;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            body += m_buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }
    if (m_contentLength >= 0) {
        if (m_buffer.size() - m_headerEnd < m_contentLength)
            return false;
        m_reply.body = m_buffer.mid(m_headerEnd, m_contentLength);
        return true;
    }
    return false; // body delimited by close: onDisconnected completes it
}

void HttpConnection::onDisconnected()
{
    if (!m_busy)
        return;
    if (m_socket.isOpen())
        m_buffer += m_socket.readAll();
    if (tryParse())
        return complete();
    if (m_headerEnd >= 0 && m_contentLength < 0 && !m_chunked) {
        m_reply.body = m_buffer.mid(m_headerEnd);
        return complete();
    }
    complete(QStringLiteral("connection closed before a complete reply (%1 bytes read)").arg(m_buffer.size()));
}

void HttpConnection::onError()
{
    if (m_socket.error() == QAbstractSocket::RemoteHostClosedError)
        return; // handled by onDisconnected
    if (m_busy)
        complete(m_socket.errorString());
}

void HttpConnection::complete(const QString &error)
{
    m_reply.elapsedNs = m_timer.nsecsElapsed();
    if (!error.isEmpty()) {
        m_reply.error = error;
        m_reply.status = 0;
    }
    m_busy = false;
    const bool closeAfter = m_halfClose || m_reply.headers.value("connection").toLower() == "close";
    m_halfClose = false;
    if (closeAfter || !error.isEmpty())
        m_socket.abort();
    const HttpReply reply = m_reply;
    Q_EMIT finished(reply);
}

HttpReply HttpConnection::exec(const QByteArray &rawRequest, int timeoutMs)
{
    HttpReply result;
    bool done = false;
    QEventLoop loop;
    auto c = connect(this, &HttpConnection::finished, &loop, [&](const HttpReply &r) {
        result = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    send(rawRequest);
    if (!done)
        loop.exec();
    disconnect(c);
    if (!done) {
        abort();
        result.error = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
    }
    return result;
}

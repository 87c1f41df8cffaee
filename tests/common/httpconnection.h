#pragma once
// One keep-alive HTTP/1.1 connection over a raw QTcpSocket. The tests and the
// benchmark need things QNetworkAccessManager hides: exact bytes on the wire
// (truncated or garbage requests), many truly parallel connections (QNAM caps
// at 6 per host), and per-request latency. One request in flight at a time.
#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTcpSocket>
#include <QUrl>

struct HttpReply {
    int status = 0;                         // 0: no answer (see error)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QString error;                          // transport error, empty when a reply was read
    qint64 elapsedNs = 0;                   // request written -> reply complete

    QJsonObject json() const;               // {} when the body is not a JSON object
    QJsonArray jsonArray(const char *key) const { return json().value(QLatin1String(key)).toArray(); }
    QString errorCode() const;              // error.code of the error shape, or ""
    bool isJson() const;                    // Content-Type application/json and a parsable object
    QString describe() const;               // "HTTP 402 {...}" for failure messages
};

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    explicit HttpConnection(const QUrl &base, QObject *parent = nullptr);

    // Raw request bytes; the connection opens (or reopens) on demand.
    static QByteArray buildRequest(const QByteArray &method, const QByteArray &path,
                                   const QByteArray &body = {}, const QByteArray &bearer = {},
                                   const QByteArray &contentType = "application/json",
                                   const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void send(const QByteArray &rawRequest);
    // Closes the write side after sending (for truncated bodies): the reply, if
    // any, is still read.
    void sendAndHalfClose(const QByteArray &rawRequest);
    bool busy() const { return m_busy; }
    void open() { ensureConnected(); }      // connect ahead of a burst
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void abort();

    // Synchronous convenience: spins the event loop (never blocks the thread).
    HttpReply exec(const QByteArray &rawRequest, int timeoutMs = 15000);

Q_SIGNALS:
    void finished(const HttpReply &reply);

private:
    void ensureConnected();
    void onReadyRead();
    void onDisconnected();
    void onError();
    void complete(const QString &error = {});
    bool tryParse();

    QUrl m_base;
    QTcpSocket m_socket;
    QByteArray m_pending;       // written once connected
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_halfClose = false;
    QElapsedTimer m_timer;
    HttpReply m_reply;
    int m_headerEnd = -1;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
};

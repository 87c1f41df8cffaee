#pragma once
// LiveClient: a WebSocket client of /v1/workspaces/{ws}/live that records every
// message the server pushes, for QTRY-style assertions in end-to-end tests.
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <functional>

class LiveClient : public QObject
{
    Q_OBJECT
public:
    explicit LiveClient(QObject *parent = nullptr);

    // Opens ws://host:port/v1/workspaces/{ws}/live with the token in the Authorization
    // header and waits (spinning the event loop) for the server's "hello".
    bool connectTo(const QUrl &serverBase, const QString &workspaceId, const QString &token, int timeoutMs = 10000);
    QString errorString() const { return m_error; }

    QList<QJsonObject> messages() const { return m_messages; }
    int count() const { return int(m_messages.size()); }
    // Messages received after index `from` that satisfy `pred`.
    QList<QJsonObject> since(int from, const std::function<bool(const QJsonObject &)> &pred = {}) const;
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QString describe(int from = 0) const;   // compact dump, for failure messages

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    QString m_error;
};

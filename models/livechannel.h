#pragma once
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>

// The server's push channel for one workspace (/v1/workspaces/{ws}/live).
// Reconnects with backoff (capped at 30 s); a gap in seq asks for a refetch.
class LiveChannel : public QObject
{
    Q_OBJECT
public:
    explicit LiveChannel(QObject *parent = nullptr);

    // Called before each (re)connect; hands over a fresh access token.
    using TokenProvider = std::function<void(std::function<void(const QString &token)>)>;
    void setTokenProvider(TokenProvider p) { m_tokenProvider = std::move(p); }
    void setMaxBackoff(int ms) { m_maxBackoffMs = ms; }

    void open(const QUrl &server, const QString &workspaceId);
    void close();
    bool isConnected() const { return m_connected; }
    qint64 lastSeq() const { return m_seq; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    void balanceReceived(const QJsonObject &balance);
    void usageReceived(const QJsonObject &entry);
    void workspaceReceived(const QJsonObject &workspace);
    // Messages were missed: refetch what the messages would have told.
    void resyncNeeded();

private:
    void connectNow();
    void scheduleReconnect();
    void onMessage(const QString &text);
    void setConnected(bool c);

    QWebSocket m_socket;
    QTimer m_reconnect;
    TokenProvider m_tokenProvider;
    QUrl m_server;
    QString m_workspaceId;
    qint64 m_seq = -1;
    int m_backoffMs = 500;
    int m_maxBackoffMs = 30000;
    bool m_wanted = false;
    bool m_connected = false;
};

#pragma once
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>

// The server's push channel for one workspace (/v1/workspaces/{ws}/live).
// Reconnects with backoff (250 ms, doubling, capped at 2 s, so the app is live
// again within 2 s of the server's return) and at once when the system reports
// the network back online; a gap in seq asks for a refetch.
// The server's own close codes (liveprotocol::CloseCode) say why it ended the
// socket: signed out, no longer a member (no reconnect), or reconnect at once.
class LiveChannel : public QObject
{
    Q_OBJECT
public:
    explicit LiveChannel(QObject *parent = nullptr);
    ~LiveChannel() override;

    // Called before each (re)connect; hands over a fresh access token.
    using TokenProvider = std::function<void(std::function<void(const QString &token)>)>;
    void setTokenProvider(TokenProvider p) { m_tokenProvider = std::move(p); }
    void setMaxBackoff(int ms) { m_maxBackoffMs = ms; }
    void setMinBackoff(int ms) { m_minBackoffMs = m_backoffMs = ms; }

    void open(const QUrl &server, const QString &workspaceId);
    void close();
    bool isConnected() const { return m_connected; }
    qint64 lastSeq() const { return m_seq; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    void balanceReceived(const QJsonObject &balance);
    void usageReceived(const QJsonObject &entry);
    void workspaceReceived(const QJsonObject &workspace);
    // A threshold of the allowance was crossed (api/openapi.yaml LiveMessage, credit_alert):
    // scope, threshold, used, allowance, remaining, period_start, resets_at, plan.
    void alertReceived(const QJsonObject &data);
    // Messages were missed: refetch what the messages would have told.
    void resyncNeeded();
    // The server ended the session (4401): the channel stays closed.
    void sessionRevoked();
    // The user is no longer a member of the workspace (4403): the channel stays closed.
    void membershipEnded();
    // The access token expired on the server's clock (4408): reconnecting now with a fresh one.
    void accessTokenExpired();
    // The user's role changed (4409): reconnecting now; refetch the workspace.
    void roleChanged();

private:
    void connectNow();
    void scheduleReconnect();
    void watchNetwork();   // once: QNetworkInformation's online reconnects at once
    void onNetworkOnline();
    void onMessage(const QString &text);
    void setConnected(bool c);
    void onDisconnected();
    void reconnectNow();
    void abortQuietly();

    QWebSocket *socket();   // made on first use
    std::unique_ptr<QWebSocket> m_socket;
    QTimer m_reconnect;
    TokenProvider m_tokenProvider;
    QUrl m_server;
    QString m_workspaceId;
    qint64 m_seq = -1;
    int m_minBackoffMs = 250;
    int m_backoffMs = 250;
    int m_maxBackoffMs = 2000;
    bool m_wanted = false;
    bool m_connected = false;
    bool m_aborting = false;   // our own abort: not the server's close
    bool m_watchingNetwork = false;
};

#pragma once
// GET /v1/workspaces/{ws}/live: WebSocket clients of a workspace get a
// "hello" with the balance, then every balance/usage/subscription change as
// the Store announces it (in PostgreSQL mode also those made by other server
// instances, through LISTEN/NOTIFY), and a fresh balance when the clock
// crosses the workspace's next refill instant.
#include "apierror.h"
#include "request.h"
#include "servercontext.h"
#include "storage/store.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QWebSocket>
#include <memory>
#include <optional>

namespace http {

class LiveHub : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultAuthTimeoutMs = 10000;

    explicit LiveHub(ServerContext *ctx, QObject *parent = nullptr);
    ~LiveHub() override;

    // "/v1/workspaces/{ws}/live" -> ws
    static std::optional<QString> workspaceFromPath(const QString &path);

    void accept(std::unique_ptr<QWebSocket> socket);
    // Delivers this Store's announcements (any thread's Store; queued to the hub).
    void watch(storage::Store *store);
    // The server is stopping: every socket is closed with 1001 (going away); clients reconnect.
    void closeAll();
    int clientCount() const { return int(m_clients.size()); }
    // How long an unauthenticated socket may stay open (10 s; shorter in tests).
    void setAuthTimeout(int ms) { m_authTimeoutMs = ms; }

    // Pushes the current balance (and subscription) of a workspace, e.g. after
    // the payment provider changed it or the clock crossed a refill instant.
    void pushCurrent(const QString &workspaceId);
    // Pushes a fresh balance to workspaces whose next refill instant has passed.
    void checkRefills();
    // Closes, within a second (checked every 500 ms), sockets whose token expired or was revoked, whose
    // member left the workspace or got another role (liveprotocol::CloseCode).
    void checkAuthority();
    bool hasClients(const QString &workspaceId) const;   // authenticated sockets on it

private:
    struct Client {
        QString workspaceId;
        QString userId;
        QString memberId;
        bool teamUsage = false;    // effective ViewTeamUsage, as GET .../usage decides it
        QString role;              // Store::roleKey at authentication; another role (or permissions) closes the socket
        QByteArray tokenHash;      // the access token's (never the token)
        QDateTime tokenExpiresAt;
        bool authenticated = false;
        bool authenticating = false;
        qint64 lastSeq = 0;
        QTimer *authTimer = nullptr;
        quint64 joinedSerial = 0;  // the authority check judges only sockets joined before it read
    };

    void onMessage(QWebSocket *socket, const QString &text);
    void authenticate(QWebSocket *socket, const QString &token);
    struct Joined {
        std::optional<storage::BalanceInfo> balance;
        QString memberId;
        QString role;
        QByteArray tokenHash;
        bool teamUsage = false;
    };
    void authenticated(QWebSocket *socket, const std::optional<Caller> &caller, const ApiError &error,
                       const Joined &joined);
    template<typename T>
    bool async(std::function<T()> work, std::function<void(T)> then);
    // Sends {"type":"error"} and closes (1008 unless a liveprotocol::CloseCode is given).
    void refuse(QWebSocket *socket, const QString &code, const QString &message,
                quint16 closeCode = QWebSocketProtocol::CloseCodePolicyViolated);
    struct Event {
        qint64 seq = 0;
        QString type;
        QJsonObject data;
    };
    void onStoreEvent(const QString &workspaceId, qint64 seq, const QString &type, const QJsonObject &data);
    void deliver(const QString &workspaceId, const Event &e);
    void sendSnapshot(const QString &workspaceId);
    void preparedFor(const QString &workspaceId);   // the worker's part is done: deliver what waited
    void send(QWebSocket *socket, Client &client, const QString &type, qint64 seq, const QJsonValue &data);
    static QJsonObject subscriptionData(ServerContext &ctx, const QString &workspaceId, const QString &userId);
    // A balance message's per-member part (never sent as such): kMemberLimits
    // in the data, turned into the client's own "member_limit" by forClient().
    static inline const QString kMemberLimits = QStringLiteral("member_limits");
    static QJsonObject memberLimitsData(ServerContext &ctx, const QString &workspaceId);
    static QJsonObject forClient(const QJsonObject &data, const Client &client);
    void noteRefill(const QString &workspaceId, const QJsonObject &balance);

    ServerContext *m_ctx;
    QHash<QWebSocket *, Client> m_clients;
    QHash<QString, QDateTime> m_nextRefill;   // per workspace with clients
    QTimer m_refillTimer;
    QTimer m_authorityTimer;
    QSet<QString> m_preparing;                  // workspaces with a subscription message on a worker
    QHash<QString, QList<Event>> m_backlog;     // their later events, in order
    QHash<QString, qint64> m_delivered;         // the last change seq the hub has handed out, per workspace
    int m_authTimeoutMs = DefaultAuthTimeoutMs;
    bool m_checking = false;                    // an authority check is on a worker
    quint64 m_joinSerial = 0;
};

} // namespace http

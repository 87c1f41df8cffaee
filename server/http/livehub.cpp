#include "livehub.h"
#include "jsonviews.h"
#include "logging.h"
#include "tokenauth.h"
#include "workspaceaccess.h"

#include "liveprotocol.h"

#include "service/workers.h"
#include "storage/store.h"
#include "storage/wirejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace http {

LiveHub::LiveHub(ServerContext *ctx, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
{
    watch(m_ctx->store.main());
    m_refillTimer.setInterval(1000);
    connect(&m_refillTimer, &QTimer::timeout, this, &LiveHub::checkRefills);
    // Twice a second, so that a revoked session's socket is gone within a second.
    m_authorityTimer.setInterval(500);
    connect(&m_authorityTimer, &QTimer::timeout, this, &LiveHub::checkAuthority);
    m_authorityTimer.start();
    m_refillTimer.start();
}

LiveHub::~LiveHub()
{
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it)
        it.key()->disconnect(this);
}

void LiveHub::watch(storage::Store *store)
{
    // Queued: worker threads' Stores announce on their own threads.
    connect(store, &storage::Store::liveEvent, this, &LiveHub::onStoreEvent, Qt::QueuedConnection);
}

void LiveHub::closeAll()
{
    const auto sockets = m_clients.keys();
    m_clients.clear();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server stopping"));
        socket->deleteLater();
    }
}

template<typename T>
bool LiveHub::async(std::function<T()> work, std::function<void(T)> then)
{
    // The database is read on a worker; the sockets are written here.
    if (!m_ctx->workers) {
        then(work());
        return true;
    }
    if (m_ctx->workers->run<T>(this, std::move(work), std::move(then)))
        return true;
    qCWarning(lcLive) << "workers busy: a live update was skipped (clients refetch on the next seq gap)";
    return false;
}

std::optional<QString> LiveHub::workspaceFromPath(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^/v1/workspaces/([^/]+)/live$"));
    const auto m = re.match(path);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1);
}

void LiveHub::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    const auto ws = workspaceFromPath(socket->requestUrl().path());
    Client client;
    client.workspaceId = ws.value_or(QString());
    client.authTimer = new QTimer(socket);
    client.authTimer->setSingleShot(true);
    connect(client.authTimer, &QTimer::timeout, socket, [this, socket] {
        refuse(socket, QStringLiteral("unauthorized"), QStringLiteral("no authentication within 10 s"));
    });
    client.authTimer->start(m_authTimeoutMs);
    m_clients.insert(socket, client);

    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_clients.remove(socket);
        socket->deleteLater();
    });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { onMessage(socket, text); });

    if (!ws) {
        refuse(socket, QStringLiteral("not_found"), QStringLiteral("no such live channel"));
        return;
    }
    const QByteArray header = socket->request().rawHeader("Authorization").trimmed();
    if (header.toLower().startsWith("bearer "))
        authenticate(socket, QString::fromLatin1(header.mid(7).trimmed()));
}

void LiveHub::onMessage(QWebSocket *socket, const QString &text)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end() || it->authenticated)
        return;   // after authentication the channel is one-way
    const QJsonObject msg = QJsonDocument::fromJson(text.toUtf8()).object();
    if (msg.value(QStringLiteral("type")).toString() != QLatin1String("auth")
        || !msg.value(QStringLiteral("token")).isString()) {
        refuse(socket, QStringLiteral("unauthorized"), QStringLiteral("the first message must be {\"type\":\"auth\",\"token\"}"));
        return;
    }
    authenticate(socket, msg.value(QStringLiteral("token")).toString());
}

void LiveHub::authenticate(QWebSocket *socket, const QString &token)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end() || it->authenticating)
        return;
    it->authenticating = true;
    struct Outcome {
        std::optional<Caller> caller;
        ApiError error;
        Joined joined;
    };
    const QString workspaceId = it->workspaceId;
    ServerContext *ctx = m_ctx;
    QPointer<QWebSocket> guard(socket);
    async<Outcome>([ctx, token, workspaceId] {
        Outcome o;
        o.caller = authenticateToken(*ctx, token, &o.error);
        if (!o.caller || o.caller->kind != Caller::User)
            return o;
        const auto member = ctx->store->memberOfUser(workspaceId, o.caller->userId);
        const auto state = member ? ctx->store->subscription(workspaceId) : std::nullopt;
        if (!state)
            return o;
        o.joined.memberId = member->id;
        o.joined.role = ctx->store->roleKey(workspaceId, member->role);   // a custom role's permissions too
        o.joined.tokenHash = storage::Store::hashToken(token);
        o.joined.teamUsage = memberPermissions(*ctx, workspaceId, member->role, planOf(*ctx, state->planId))
                                 .testFlag(billing::Permission::ViewTeamUsage);
        o.joined.balance = ctx->store->balance(workspaceId, ctx->now(), *ctx->catalog, member->id);
        return o;
    }, [this, guard](Outcome o) {
        if (guard)
            authenticated(guard.data(), o.caller, o.error, o.joined);
    });
}

void LiveHub::authenticated(QWebSocket *socket, const std::optional<Caller> &caller, const ApiError &error,
                            const Joined &joined)
{
    const auto &balance = joined.balance;
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    if (!caller) {
        refuse(socket, error.code, error.message);
        return;
    }
    if (!balance) {
        refuse(socket, QStringLiteral("not_found"), QStringLiteral("no such workspace"));
        return;
    }
    it->authTimer->stop();
    m_delivered[it->workspaceId] = qMax(m_delivered.value(it->workspaceId, -1), balance->seq);
    it->authenticated = true;
    it->userId = caller->userId;
    it->memberId = joined.memberId;
    it->teamUsage = joined.teamUsage;
    it->role = joined.role;
    it->tokenHash = joined.tokenHash;
    it->tokenExpiresAt = caller->tokenExpiresAt;
    it->joinedSerial = ++m_joinSerial;
    const QJsonObject data = storage::balanceToJson(*balance);
    send(socket, *it, QStringLiteral("hello"), balance->seq, data);
    noteRefill(it->workspaceId, data);
    qCInfo(lcLive).noquote() << "client joined" << it->workspaceId << "seq" << balance->seq;
}

void LiveHub::refuse(QWebSocket *socket, const QString &code, const QString &message, quint16 closeCode)
{
    qCInfo(lcLive).noquote() << "refused a live client:" << code;
    const QJsonObject msg{{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                {QStringLiteral("message"), message}}}};
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)));
    m_clients.remove(socket);
    socket->close(QWebSocketProtocol::CloseCode(closeCode), code);
}

void LiveHub::send(QWebSocket *socket, Client &client, const QString &type, qint64 seq, const QJsonValue &data)
{
    client.lastSeq = qMax(client.lastSeq, seq);
    const QJsonObject msg{{QStringLiteral("type"), type},
                          {QStringLiteral("seq"), seq},
                          {QStringLiteral("workspace_id"), client.workspaceId},
                          {QStringLiteral("data"), data}};
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)));
}

QJsonObject LiveHub::subscriptionData(ServerContext &ctx, const QString &workspaceId, const QString &userId)
{
    const auto ws = ctx.store->workspace(workspaceId);
    const auto member = ctx.store->memberOfUser(workspaceId, userId);
    const auto state = ctx.store->subscription(workspaceId);
    if (!ws || !member || !state)
        return {};
    const billing::Plan &plan = planOf(ctx, state->planId);
    return workspaceJson(ctx.store, *ws, *state, plan, member->role, memberPermissions(ctx, workspaceId, member->role, plan),
                         ctx.provider != nullptr);
}

// Every limited member's {"limit", "used"} by member id, read with a balance
// message on the worker; each client gets only its own (forClient).
QJsonObject LiveHub::memberLimitsData(ServerContext &ctx, const QString &workspaceId)
{
    QJsonObject byMember;
    if (const auto limits = ctx.store->memberLimits(workspaceId, ctx.now(), *ctx.catalog)) {
        for (auto it = limits->cbegin(); it != limits->cend(); ++it)
            byMember.insert(it.key(), storage::memberLimitToJson(it.value()));
    }
    return byMember;
}

QJsonObject LiveHub::forClient(const QJsonObject &data, const Client &client)
{
    if (!data.contains(kMemberLimits))
        return data;
    QJsonObject own = data;
    const QJsonObject limits = own.take(kMemberLimits).toObject();
    if (limits.contains(client.memberId))
        own.insert(QStringLiteral("member_limit"), limits.value(client.memberId));
    return own;
}

void LiveHub::onStoreEvent(const QString &workspaceId, qint64 seq, const QString &type, const QJsonObject &data)
{
    // Per workspace in seq order: while a subscription message is being prepared
    // on a worker, later events of that workspace wait behind it.
    if (m_preparing.contains(workspaceId)) {
        m_backlog[workspaceId].append(Event{seq, type, data});
        return;
    }
    deliver(workspaceId, Event{seq, type, data});
}

void LiveHub::deliver(const QString &workspaceId, const Event &e)
{
    if (e.type == QLatin1String("snapshot")) {
        if (hasClients(workspaceId))
            sendSnapshot(workspaceId);
        return;
    }
    if (e.type == QLatin1String("balance") && !e.data.contains(QStringLiteral("forecast")) && !m_preparing.contains(workspaceId)) {
        // A balance from a spend or a plan change: the forecast is added here
        // (one small read on a worker), not in the spend's transaction.
        if (hasClients(workspaceId)) {
            m_preparing.insert(workspaceId);
            ServerContext *ctx = m_ctx;
            const bool queued = async<QJsonObject>([ctx, workspaceId, data = e.data] {
                QJsonObject full = data;
                const auto b = storage::balanceFromJson(data);
                const auto f = b ? ctx->store->forecast(workspaceId, b->balance, b->asOf) : std::nullopt;
                full.insert(QStringLiteral("forecast"), f ? QJsonValue(storage::forecastToJson(*f)) : QJsonValue());
                full.insert(kMemberLimits, memberLimitsData(*ctx, workspaceId));
                return full;
            }, [this, workspaceId, e](QJsonObject data) {
                deliver(workspaceId, Event{e.seq, e.type, data});
                preparedFor(workspaceId);
            });
            if (queued)
                return;
            m_preparing.remove(workspaceId);
        }
    }
    if (e.type == QLatin1String("balance"))
        noteRefill(workspaceId, e.data);
    m_delivered[workspaceId] = qMax(m_delivered.value(workspaceId, -1), e.seq);
    if (e.type != QLatin1String("subscription")) {
        for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
            Client &c = it.value();
            if (!c.authenticated || c.workspaceId != workspaceId || e.seq <= c.lastSeq)
                continue;
            // The same rule as GET .../usage: without team usage only one's own
            // entries. Another member's usage still takes its seq (data null), so
            // the client sees no gap and does not refetch (api/liveprotocol.h).
            const bool hidden = e.type == QLatin1String("usage") && !c.teamUsage
                && e.data.value(QStringLiteral("member_id")).toString() != c.memberId;
            send(it.key(), c, e.type, e.seq, hidden ? QJsonValue(QJsonValue::Null) : QJsonValue(forClient(e.data, c)));
        }
        return;
    }
    // The Workspace schema is per caller (role, permissions): read on a worker, per user.
    QStringList users;
    for (const Client &c : std::as_const(m_clients)) {
        if (c.authenticated && c.workspaceId == workspaceId && !users.contains(c.userId))
            users.append(c.userId);
    }
    if (users.isEmpty())
        return;
    m_preparing.insert(workspaceId);
    ServerContext *ctx = m_ctx;
    async<QHash<QString, QJsonObject>>([ctx, workspaceId, users] {
        QHash<QString, QJsonObject> perUser;
        for (const QString &u : users)
            perUser.insert(u, subscriptionData(*ctx, workspaceId, u));
        return perUser;
    }, [this, workspaceId, e](QHash<QString, QJsonObject> perUser) {
        for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
            Client &c = it.value();
            if (c.authenticated && c.workspaceId == workspaceId && e.seq > c.lastSeq && perUser.contains(c.userId)) {
                const QJsonObject workspace = perUser.value(c.userId);
                // A plan change can give or take team usage: later usage events follow it.
                c.teamUsage = workspace.value(QStringLiteral("permissions")).toArray().contains(QStringLiteral("view_team_usage"));
                send(it.key(), c, e.type, e.seq, workspace);
            }
        }
        preparedFor(workspaceId);
    });
}

void LiveHub::pushCurrent(const QString &workspaceId)
{
    // In line with the workspace's announced changes (a snapshot must not
    // overtake a subscription message that is still being prepared).
    onStoreEvent(workspaceId, -1, QStringLiteral("snapshot"), {});
}

void LiveHub::sendSnapshot(const QString &workspaceId)
{
    m_preparing.insert(workspaceId);
    ServerContext *ctx = m_ctx;
    using Snapshot = std::pair<std::optional<storage::BalanceInfo>, QJsonObject>;
    async<Snapshot>([ctx, workspaceId] {
        return Snapshot{ctx->store->balance(workspaceId, ctx->now(), *ctx->catalog), memberLimitsData(*ctx, workspaceId)};
    }, [this, workspaceId](Snapshot snapshot) {
        const auto &balance = snapshot.first;
        // Changes up to the snapshot's seq still on their way here (queued, or a
        // NOTIFY) end with their own balance message: sending the snapshot first
        // would put seq out of order. It only matters when nothing is on its way.
        if (balance && balance->seq <= m_delivered.value(workspaceId, -1)) {
            QJsonObject data = storage::balanceToJson(*balance);
            noteRefill(workspaceId, data);
            data.insert(kMemberLimits, snapshot.second);
            for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
                Client &c = it.value();
                // A snapshot: the current seq, not a new change (api/openapi.yaml, LiveMessage).
                if (c.authenticated && c.workspaceId == workspaceId && balance->seq >= c.lastSeq)
                    send(it.key(), c, QStringLiteral("balance"), balance->seq, forClient(data, c));
            }
        }
        preparedFor(workspaceId);
    });
}

void LiveHub::preparedFor(const QString &workspaceId)
{
    m_preparing.remove(workspaceId);
    QList<Event> waiting = m_backlog.take(workspaceId);
    while (!waiting.isEmpty() && !m_preparing.contains(workspaceId))
        deliver(workspaceId, waiting.takeFirst());
    if (!waiting.isEmpty())
        m_backlog[workspaceId] = waiting + m_backlog.value(workspaceId);
}

void LiveHub::noteRefill(const QString &workspaceId, const QJsonObject &balance)
{
    const QDateTime next = storage::fromRfc3339(balance.value(QStringLiteral("next_refill_at")).toString());
    if (next.isValid())
        m_nextRefill.insert(workspaceId, next);
}

void LiveHub::checkRefills()
{
    const QDateTime now = m_ctx->now();
    QStringList due;
    for (auto it = m_nextRefill.cbegin(); it != m_nextRefill.cend(); ++it) {
        if (it.value() <= now)
            due.append(it.key());
    }
    for (const QString &ws : due) {
        if (!hasClients(ws)) {
            m_nextRefill.remove(ws);
            continue;
        }
        pushCurrent(ws);
    }
}

bool LiveHub::hasClients(const QString &workspaceId) const
{
    return std::any_of(m_clients.cbegin(), m_clients.cend(),
                       [&](const Client &c) { return c.authenticated && c.workspaceId == workspaceId; });
}

void LiveHub::checkAuthority()
{
    if (m_checking)
        return;
    // Expiry needs no database: the socket knows when its token ends.
    const QDateTime now = ServerContext::wallNow();
    QList<QWebSocket *> expired;
    QSet<QByteArray> hashes;
    QSet<QString> users;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        const Client &c = it.value();
        if (!c.authenticated)
            continue;
        if (c.tokenExpiresAt.isValid() && c.tokenExpiresAt <= now) {
            expired.append(it.key());
            continue;
        }
        hashes.insert(c.tokenHash);
        users.insert(c.userId);
    }
    for (QWebSocket *socket : std::as_const(expired))
        refuse(socket, QStringLiteral("token_expired"), QStringLiteral("the access token expired"),
               liveprotocol::TokenExpired);
    if (hashes.isEmpty())
        return;
    // Revocation, removal and role changes (also another instance's) are read
    // fresh on a worker: one query per 64 tokens and per 64 users.
    struct Authority {
        std::optional<QSet<QByteArray>> tokens;
        std::optional<QHash<QString, QString>> roles;
    };
    const QList<QByteArray> hashList(hashes.cbegin(), hashes.cend());
    const QStringList userList(users.cbegin(), users.cend());
    const quint64 upTo = m_joinSerial;
    ServerContext *ctx = m_ctx;
    m_checking = true;
    const bool queued = async<Authority>([ctx, hashList, userList] {
        Authority a;
        a.tokens = ctx->store->standingTokens(hashList);
        if (a.tokens)
            a.roles = ctx->store->activeRolesOfUsers(userList);
        return a;
    }, [this, upTo](Authority a) {
        m_checking = false;
        if (!a.tokens || !a.roles) {
            qCWarning(lcLive) << "could not check the live sockets' authority; trying again in a second";
            return;
        }
        struct Ending { QWebSocket *socket; quint16 code; const char *reason; const char *message; };
        QList<Ending> ending;
        for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
            const Client &c = it.value();
            if (!c.authenticated || c.joinedSerial > upTo)
                continue;   // joined after the read: its own authentication is newer
            const auto role = a.roles->constFind(c.workspaceId + QLatin1Char('\n') + c.userId);
            if (!a.tokens->contains(c.tokenHash))
                ending.append({it.key(), liveprotocol::SessionRevoked, "session_revoked", "the session was signed out"});
            else if (role == a.roles->constEnd())
                ending.append({it.key(), liveprotocol::MembershipEnded, "membership_ended", "no longer a member of this workspace"});
            else if (*role != c.role)
                ending.append({it.key(), liveprotocol::RoleChanged, "role_changed", "the member's role changed"});
        }
        // Closed after the loop: refuse() removes the socket from m_clients.
        for (const Ending &e : std::as_const(ending))
            refuse(e.socket, QString::fromLatin1(e.reason), QString::fromLatin1(e.message), e.code);
    });
    if (!queued)
        m_checking = false;
}

} // namespace http

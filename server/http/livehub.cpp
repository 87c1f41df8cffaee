#include "livehub.h"
#include "jsonviews.h"
#include "logging.h"
#include "tokenauth.h"
#include "workspaceaccess.h"

#include "storage/store.h"
#include "storage/wirejson.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace http {

LiveHub::LiveHub(ServerContext *ctx, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
{
    connect(m_ctx->store, &storage::Store::liveEvent, this, &LiveHub::onStoreEvent);
    m_refillTimer.setInterval(1000);
    connect(&m_refillTimer, &QTimer::timeout, this, &LiveHub::checkRefills);
    m_refillTimer.start();
}

LiveHub::~LiveHub()
{
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it)
        it.key()->disconnect(this);
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
    if (it == m_clients.end())
        return;
    ApiError error;
    const auto caller = authenticateToken(*m_ctx, token, &error);
    if (!caller) {
        refuse(socket, error.code, error.message);
        return;
    }
    if (caller->kind != Caller::User || !m_ctx->store->memberOfUser(it->workspaceId, caller->userId)) {
        refuse(socket, QStringLiteral("not_found"), QStringLiteral("no such workspace"));
        return;
    }
    const auto balance = m_ctx->store->balance(it->workspaceId, m_ctx->now(), *m_ctx->catalog);
    if (!balance) {
        refuse(socket, QStringLiteral("not_found"), QStringLiteral("no such workspace"));
        return;
    }
    it->authTimer->stop();
    it->authenticated = true;
    it->userId = caller->userId;
    const QJsonObject data = storage::balanceToJson(*balance);
    send(socket, *it, QStringLiteral("hello"), balance->seq, data);
    noteRefill(it->workspaceId, data);
    qCInfo(lcLive).noquote() << "client joined" << it->workspaceId << "seq" << balance->seq;
}

void LiveHub::refuse(QWebSocket *socket, const QString &code, const QString &message)
{
    qCInfo(lcLive).noquote() << "refused a live client:" << code;
    const QJsonObject msg{{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                {QStringLiteral("message"), message}}}};
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)));
    m_clients.remove(socket);
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, code);
}

void LiveHub::send(QWebSocket *socket, Client &client, const QString &type, qint64 seq, const QJsonObject &data)
{
    client.lastSeq = qMax(client.lastSeq, seq);
    const QJsonObject msg{{QStringLiteral("type"), type},
                          {QStringLiteral("seq"), seq},
                          {QStringLiteral("workspace_id"), client.workspaceId},
                          {QStringLiteral("data"), data}};
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)));
}

QJsonObject LiveHub::subscriptionData(const Client &client)
{
    const auto ws = m_ctx->store->workspace(client.workspaceId);
    const auto member = m_ctx->store->memberOfUser(client.workspaceId, client.userId);
    const auto state = m_ctx->store->subscription(client.workspaceId);
    if (!ws || !member || !state)
        return {};
    const billing::Plan *plan = m_ctx->catalog->find(state->planId);
    if (!plan)
        plan = &m_ctx->catalog->freePlan();
    const auto perms = rolePermissions(m_ctx->store, client.workspaceId, member->role);
    return workspaceJson(m_ctx->store, *ws, *state, *plan, member->role,
                         effectivePermissions(perms.value_or(billing::Permissions()), *plan));
}

void LiveHub::onStoreEvent(const QString &workspaceId, qint64 seq, const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("balance"))
        noteRefill(workspaceId, data);
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        Client &c = it.value();
        if (!c.authenticated || c.workspaceId != workspaceId || seq <= c.lastSeq)
            continue;
        // The Workspace schema is per caller (role, permissions).
        send(it.key(), c, type, seq, type == QLatin1String("subscription") ? subscriptionData(c) : data);
    }
}

void LiveHub::pushCurrent(const QString &workspaceId)
{
    const auto balance = m_ctx->store->balance(workspaceId, m_ctx->now(), *m_ctx->catalog);
    if (!balance)
        return;
    const QJsonObject data = storage::balanceToJson(*balance);
    noteRefill(workspaceId, data);
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        Client &c = it.value();
        if (c.authenticated && c.workspaceId == workspaceId)
            send(it.key(), c, QStringLiteral("balance"), balance->seq, data);
    }
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
        bool connected = false;
        for (const Client &c : std::as_const(m_clients))
            connected = connected || (c.authenticated && c.workspaceId == ws);
        if (!connected) {
            m_nextRefill.remove(ws);
            continue;
        }
        pushCurrent(ws);
    }
}

} // namespace http

#include "livechannel.h"
#include "liveprotocol.h"

#include "apiclient.h"
#include "logging.h"

#include <QJsonDocument>
#include <QNetworkInformation>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif
#include <QThreadPool>
#include "startuptrace.h"
#include <QNetworkRequest>
#include <QPointer>

LiveChannel::LiveChannel(QObject *parent)
    : QObject(parent)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &LiveChannel::connectNow);
    // A QWebSocket loads the TLS backends (OpenSSL) when it is made, tens of ms:
    // loaded on a pool thread while the window loads, the socket made when first
    // opened. The network's state matters once the channel is down
    // (scheduleReconnect): its backends (plugins, D-Bus) are not loaded at start.
#if QT_CONFIG(ssl)
    QThreadPool::globalInstance()->start([] { QSslConfiguration::defaultConfiguration(); });
#endif
}

LiveChannel::~LiveChannel()
{
    // A closing socket still signals (disconnected, stateChanged) while it is destroyed:
    // not to this channel, whose timers may already be gone.
    if (m_socket)
        m_socket->disconnect(this);
}

QWebSocket *LiveChannel::socket()
{
    if (m_socket)
        return m_socket.get();
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket *ws = m_socket.get();
    connect(ws, &QWebSocket::connected, this, [this] {
        qCDebug(lcLive) << "connected";
        m_backoffMs = m_minBackoffMs;
        setConnected(true);
    });
    connect(ws, &QWebSocket::disconnected, this, &LiveChannel::onDisconnected);
    connect(ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError e) {
                qCDebug(lcLive) << "socket error" << e;
                setConnected(false);
                if (!m_aborting)
                    scheduleReconnect();
            });
    connect(ws, &QWebSocket::textMessageReceived, this, &LiveChannel::onMessage);
    return ws;
}

void LiveChannel::watchNetwork()
{
    if (std::exchange(m_watchingNetwork, true))
        return;
    StartupTrace::mark(QStringLiteral("network-information"));
    // Optional: without a backend (no NetworkManager) the backoff alone reconnects.
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCDebug(lcLive) << "no network information backend; reconnecting on backoff only";
        return;
    }
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                if (r == QNetworkInformation::Reachability::Online)
                    onNetworkOnline();
            });
}

void LiveChannel::onNetworkOnline()
{
    if (!m_wanted || m_connected)
        return;
    qCDebug(lcLive) << "network online: reconnecting now";
    reconnectNow();
}

void LiveChannel::reconnectNow()
{
    // No backoff: a reason to expect the next attempt to work (network back, the server asked).
    m_backoffMs = m_minBackoffMs;
    m_reconnect.start(0);
}

void LiveChannel::open(const QUrl &server, const QString &workspaceId)
{
    if (m_wanted && server == m_server && workspaceId == m_workspaceId)
        return;
    close();
    m_server = server;
    m_workspaceId = workspaceId;
    m_wanted = true;
    m_seq = -1;
    m_backoffMs = m_minBackoffMs;
    connectNow();
}

void LiveChannel::close()
{
    m_wanted = false;
    m_reconnect.stop();
    abortQuietly();
    setConnected(false);
}

void LiveChannel::abortQuietly()
{
    if (!m_socket)
        return;
    m_aborting = true;
    m_socket->abort();
    m_aborting = false;
}

void LiveChannel::onDisconnected()
{
    const int code = m_socket->closeCode();
    qCDebug(lcLive) << "disconnected" << code;
    setConnected(false);
    if (m_aborting || !m_wanted)
        return;
    switch (liveprotocol::closeAction(code)) {
    case liveprotocol::CloseAction::SignOut:
        m_wanted = false;
        Q_EMIT sessionRevoked();
        return;
    case liveprotocol::CloseAction::LeaveWorkspace:
        m_wanted = false;
        Q_EMIT membershipEnded();
        return;
    case liveprotocol::CloseAction::ReconnectNow:
        if (code == liveprotocol::TokenExpired)
            Q_EMIT accessTokenExpired();
        else
            Q_EMIT roleChanged();
        reconnectNow();
        return;
    case liveprotocol::CloseAction::Reconnect:
        break;
    }
    scheduleReconnect();
}

void LiveChannel::connectNow()
{
    if (!m_wanted)
        return;
    auto go = [this, guard = QPointer<LiveChannel>(this), ws = m_workspaceId](const QString &token) {
        if (!guard || !m_wanted || ws != m_workspaceId)
            return;
        if (token.isEmpty() && m_tokenProvider) {
            // The token refresh failed (offline): try again on the backoff.
            scheduleReconnect();
            return;
        }
        QUrl u = m_server;
        u.setScheme(m_server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
        QString base = u.path();
        if (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        u.setPath(base + QStringLiteral("/v1/workspaces/%1/live").arg(m_workspaceId));
        QNetworkRequest req(u);
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        req.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
        abortQuietly();
        socket()->open(req);
    };
    if (m_tokenProvider)
        m_tokenProvider(go);
    else
        go({});
}

void LiveChannel::scheduleReconnect()
{
    if (!m_wanted || m_reconnect.isActive())
        return;
    watchNetwork();   // from now on, the network coming back reconnects at once
    qCDebug(lcLive) << "reconnecting in" << m_backoffMs << "ms";
    m_reconnect.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, m_maxBackoffMs);
}

void LiveChannel::setConnected(bool c)
{
    if (c == m_connected)
        return;
    m_connected = c;
    Q_EMIT connectedChanged(c);
}

void LiveChannel::onMessage(const QString &text)
{
    const QJsonObject msg = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = msg.value(QLatin1String("type")).toString();
    const qint64 seq = msg.value(QLatin1String("seq")).toInteger(-1);
    const QJsonObject data = msg.value(QLatin1String("data")).toObject();
    if (msg.isEmpty() || type.isEmpty()) {
        qCWarning(lcLive) << "ignoring a malformed message";
        return;
    }
    // api/liveprotocol.h: the rule the server follows, tested on both sides.
    const liveprotocol::Action action = liveprotocol::classify(m_seq, type, seq);
    if (action == liveprotocol::Action::Ignore) {
        qCDebug(lcLive) << "ignoring" << type << "seq" << seq << "after" << m_seq;
        return;
    }
    if (action == liveprotocol::Action::Refetch)
        qCDebug(lcLive) << "gap in seq" << m_seq << "->" << seq;
    m_seq = seq;
    if (type == QLatin1String("hello")) {
        if (!data.isEmpty())
            Q_EMIT balanceReceived(data);
        if (action == liveprotocol::Action::Refetch)
            Q_EMIT resyncNeeded();
        return;
    }
    if (action == liveprotocol::Action::Refetch) {
        Q_EMIT resyncNeeded();
        return;
    }
    if (type == QLatin1String("balance"))
        Q_EMIT balanceReceived(data);
    else if (type == QLatin1String("usage")) {
        // data is null for another member's entry when this user may not see team usage.
        if (!data.isEmpty())
            Q_EMIT usageReceived(data);
    }
    else if (type == QLatin1String("subscription"))
        Q_EMIT workspaceReceived(data);
    else if (type == QLatin1String("credit_alert"))
        Q_EMIT alertReceived(data);
}

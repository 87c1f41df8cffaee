#include "edgeserver.h"
#include "edgeconnection.h"
#include "edgelogging.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <tuple>

#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcEdge, "kliv.edge")

namespace edge {

// Takes the accepted descriptors itself: no pending queue, and the server
// decides about the cap before a socket object exists.
class EdgeListener : public QTcpServer
{
public:
    explicit EdgeListener(EdgeServer *server) : QTcpServer(server), m_server(server) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_server->incoming(descriptor); }

private:
    EdgeServer *m_server;
};

EdgeServer::EdgeServer(const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_listener(new EdgeListener(this))
    , m_webSockets(new QWebSocketServer(QString(), QWebSocketServer::NonSecureMode, this))
{
    m_link->server = this;
    m_clock.start();
    m_webSockets->setHandshakeTimeout(m_limits.wsHandshakeTimeoutMs);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &EdgeServer::onWebSocket);
    // Out of descriptors anyway (something else in the process): Qt pauses accepting; try again soon, not in a loop.
    connect(m_listener, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcEdge) << "accept failed" << error << "- retrying in 100 ms";
        QTimer::singleShot(100, this, [this] {
            if (!m_shuttingDown)
                m_listener->resumeAccepting();
        });
    });
    // The sweep checks every deadline; fine enough for the shortest limit.
    const int shortest = qMin(qMin(m_limits.headerTimeoutMs, m_limits.bodyTimeoutMs),
                              qMin(m_limits.idleTimeoutMs, m_limits.lingerMs));
    m_sweep.setInterval(qBound(5, shortest / 5, 250));
    connect(&m_sweep, &QTimer::timeout, this, &EdgeServer::sweep);
    m_grace.setSingleShot(true);
    connect(&m_grace, &QTimer::timeout, this, &EdgeServer::finishDrain);
    m_errorResponder = [](const EdgeError &e) {
        HttpResponse r;
        r.status = e.status;
        r.headers = {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}};
        const QJsonObject error{{QStringLiteral("code"), QString::fromLatin1(e.code)},
                                {QStringLiteral("message"), e.message}};
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
        return r;
    };
}

EdgeServer::~EdgeServer()
{
    QMutexLocker lock(&m_link->mutex);
    m_link->server = nullptr;
}

int EdgeServer::deriveMaxConnections() const
{
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 1024 - m_limits.reservedDescriptors;
    if (rl.rlim_cur < rl.rlim_max) {
        rlimit raised = rl;
        raised.rlim_cur = rl.rlim_max == RLIM_INFINITY ? rlim_t(1 << 20) : rl.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            rl = raised;
    }
    const qint64 soft = rl.rlim_cur == RLIM_INFINITY ? qint64(1 << 20) : qint64(rl.rlim_cur);
    // Descriptors open already (database, logs, the listener) and one spare.
    const qint64 open = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size();
    return int(qBound(qint64(1), soft - m_limits.reservedDescriptors - open - 1, qint64(1) << 20));
}

quint16 EdgeServer::listen(const QHostAddress &address, quint16 port)
{
    m_maxConnections = m_limits.maxConnections > 0 ? m_limits.maxConnections : deriveMaxConnections();
    // Qt's default backlog (50) drops SYNs in a burst and clients retry only after a second.
    m_listener->setListenBacklogSize(1024);
    if (!m_listener->listen(address, port)) {
        qCWarning(lcEdge) << "cannot listen on" << address << port << m_listener->errorString();
        return 0;
    }
    m_sweep.start();
    qCInfo(lcEdge) << "listening on" << address << m_listener->serverPort() << "max connections" << m_maxConnections;
    return m_listener->serverPort();
}

void EdgeServer::setRequestHandler(RequestHandler handler) { m_handler = std::move(handler); }
void EdgeServer::setErrorResponder(ErrorResponder factory) { m_errorResponder = std::move(factory); }
void EdgeServer::setWebSocketFilter(std::function<bool(const HttpRequest &)> accept) { m_webSocketFilter = std::move(accept); }

int EdgeServer::connectionCount() const
{
    return int(m_connections.size()) + m_webSocketCount;
}

HttpResponse EdgeServer::errorResponse(const EdgeError &error) const
{
    return m_errorResponder(error);
}

bool EdgeServer::acceptsWebSocket(const HttpRequest &request) const
{
    return m_webSocketFilter && m_webSocketFilter(request);
}

void EdgeServer::dispatch(HttpRequest &&request, ResponderPtr responder)
{
    if (m_handler) {
        m_handler(std::move(request), std::move(responder));
        return;
    }
    responder->send(m_errorResponder({500, "internal", QStringLiteral("no request handler")}));
}

void EdgeServer::incoming(qintptr descriptor)
{
    if (m_shuttingDown) {
        ::close(int(descriptor));
        return;
    }
    if (connectionCount() >= m_maxConnections && !evictOne()) {
        refuse(descriptor);
        return;
    }
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    auto *connection = new EdgeConnection(this, socket, now(), ++m_accepted);
    m_connections.insert(connection);
    connect(connection, &EdgeConnection::finished, this, [this](EdgeConnection *c) {
        m_connections.remove(c);
        c->deleteLater();
        connectionSettled();
    });
}

// At the cap: drop the connection that has waited longest without finishing
// its headers (a slowloris victim), never one with a request in flight.
bool EdgeServer::evictOne()
{
    EdgeConnection *victim = nullptr;
    auto key = [](const EdgeConnection *c) { return std::tuple(c->evictionRank(), c->phaseSince(), c->id()); };
    for (EdgeConnection *c : std::as_const(m_connections)) {
        if (c->evictionRank() >= 0 && (!victim || key(c) < key(victim)))
            victim = c;
    }
    if (!victim)
        return false;
    qCDebug(lcEdge) << "connection cap reached: dropping a connection waiting for" << now() - victim->phaseSince() << "ms";
    victim->abort();
    return true;
}

void EdgeServer::refuse(qintptr descriptor)
{
    qCWarning(lcEdge) << "connection cap reached and every connection is busy: refusing a client";
    const HttpResponse r = m_errorResponder({503, "server_busy", QStringLiteral("too many connections, try again")});
    const QByteArray bytes = serializeResponse(r, false, false, false);
    // Best effort and never blocking: a fresh socket has room for this.
    (void)::send(int(descriptor), bytes.constData(), size_t(bytes.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::shutdown(int(descriptor), SHUT_WR);
    ::close(int(descriptor));
}

void EdgeServer::handOff(QTcpSocket *socket)
{
    ++m_webSocketCount;
    auto counted = std::make_shared<bool>(true);
    auto release = [this, counted] {
        if (*counted) {
            *counted = false;
            --m_webSocketCount;
        }
    };
    connect(socket, &QObject::destroyed, this, release);
    connect(socket, &QAbstractSocket::disconnected, this, [socket, release] {
        release();
        if (!socket->parent())   // the handshake failed: nobody else owns it
            socket->deleteLater();
    });
    // The frame limit bounds what QWebSocket buffers; it reads whole frames.
    socket->setReadBufferSize(qMax<qint64>(m_limits.wsMaxFrameBytes, 0) + 64 * 1024);
    m_webSockets->handleConnection(socket);
}

void EdgeServer::onWebSocket()
{
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *ws = m_webSockets->nextPendingConnection();
        ws->setParent(nullptr);
        ws->setMaxAllowedIncomingFrameSize(quint64(m_limits.wsMaxFrameBytes));
        ws->setMaxAllowedIncomingMessageSize(quint64(m_limits.wsMaxMessageBytes));
        Q_EMIT newWebSocket(ws);
    }
}

void EdgeServer::sweep()
{
    const qint64 t = now();
    const QList<EdgeConnection *> all = m_connections.values();
    for (EdgeConnection *c : all) {
        if (m_connections.contains(c))
            c->checkDeadline(t);
    }
}

void EdgeServer::shutdown(int graceMs)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_listener->close();
    qCInfo(lcEdge) << "shutting down:" << m_connections.size() << "connections, grace" << graceMs << "ms";
    const QList<EdgeConnection *> all = m_connections.values();
    for (EdgeConnection *c : all) {
        if (m_connections.contains(c))
            c->beginShutdown();
    }
    m_grace.start(qMax(0, graceMs));
    connectionSettled();
}

void EdgeServer::connectionSettled()
{
    if (!m_shuttingDown || m_drained)
        return;
    for (EdgeConnection *c : std::as_const(m_connections)) {
        if (c->inFlight())
            return;
    }
    // Queued: this runs inside a connection's own call chain.
    QMetaObject::invokeMethod(this, &EdgeServer::finishDrain, Qt::QueuedConnection);
}

void EdgeServer::finishDrain()
{
    if (m_drained)
        return;
    m_drained = true;
    m_grace.stop();
    const QList<EdgeConnection *> all = m_connections.values();
    for (EdgeConnection *c : all) {
        if (m_connections.contains(c))
            c->abort();
    }
    qCInfo(lcEdge) << "drained";
    Q_EMIT drained();
}

} // namespace edge

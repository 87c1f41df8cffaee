#pragma once
// The hardened HTTP/1.1 edge of kliv-billingd: QTcpServer + EdgeConnection per
// client. Limits as bytes arrive (edgelimits.h), keep-alive and pipelining,
// timeouts, a connection cap that evicts half-open clients first, WebSocket
// hand-off to an internal QWebSocketServer, graceful shutdown.
#include "edgelimits.h"
#include "httpmessage.h"
#include "responder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace edge {

class EdgeConnection;
class EdgeListener;

class EdgeServer : public QObject
{
    Q_OBJECT
public:
    explicit EdgeServer(const Limits &limits = {}, QObject *parent = nullptr);
    ~EdgeServer() override;

    quint16 listen(const QHostAddress &address, quint16 port);   // 0 = failure; port 0 = any free port

    using RequestHandler = std::function<void(HttpRequest &&request, ResponderPtr responder)>;
    void setRequestHandler(RequestHandler handler);              // called on the server's thread

    // Body of the edge's own answers (400/408/413/414/431/503/505); default: the API's
    // error shape {"error":{"code","message"}} as application/json, Cache-Control no-store.
    using ErrorResponder = std::function<HttpResponse(const EdgeError &error)>;
    void setErrorResponder(ErrorResponder factory);

    // True: the `Upgrade: websocket` request goes to the internal QWebSocketServer
    // and newWebSocket is emitted once the handshake is done (limits applied).
    // False (or no filter): answered by the request handler like any request.
    void setWebSocketFilter(std::function<bool(const HttpRequest &)> accept);

    int connectionCount() const;     // HTTP connections + handed-off WebSockets
    int maxConnections() const { return m_maxConnections; }
    const Limits &limits() const { return m_limits; }

    // Stop accepting; idle connections close; requests in flight get their answer
    // (Connection: close); WebSockets are left to their owner. When nothing is in
    // flight, or after graceMs, the rest is aborted and drained() is emitted.
    void shutdown(int graceMs);
    bool isShuttingDown() const { return m_shuttingDown; }

    // For EdgeConnection.
    qint64 now() const { return m_clock.elapsed(); }
    HttpResponse errorResponse(const EdgeError &error) const;
    bool acceptsWebSocket(const HttpRequest &request) const;
    void dispatch(HttpRequest &&request, ResponderPtr responder);
    void handOff(QTcpSocket *socket);
    void connectionSettled();        // a connection has nothing in flight any more
    const std::shared_ptr<ResponderLink> &link() const { return m_link; }

Q_SIGNALS:
    void newWebSocket(QWebSocket *socket);   // receiver takes ownership
    void drained();

private:
    friend class EdgeListener;
    void incoming(qintptr descriptor);
    bool evictOne();
    void refuse(qintptr descriptor);
    void sweep();
    void onWebSocket();
    void finishDrain();
    int deriveMaxConnections() const;

    Limits m_limits;
    EdgeListener *m_listener = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    QSet<EdgeConnection *> m_connections;
    int m_webSocketCount = 0;
    quint64 m_accepted = 0;
    int m_maxConnections = 0;
    RequestHandler m_handler;
    ErrorResponder m_errorResponder;
    std::function<bool(const HttpRequest &)> m_webSocketFilter;
    std::shared_ptr<ResponderLink> m_link = std::make_shared<ResponderLink>();
    QElapsedTimer m_clock;
    QTimer m_sweep;
    QTimer m_grace;
    bool m_shuttingDown = false;
    bool m_drained = false;
};

} // namespace edge

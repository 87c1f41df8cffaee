#include "httpserver.h"
#include "livehub.h"
#include "logging.h"
#include "paymentprovider.h"
#include "routes.h"
#include "tokenauth.h"
#include "workspaceaccess.h"

#include "service/metrics.h"
#include "service/usagerecorder.h"
#include "service/workers.h"
#include "storage/store.h"

#include "saml/lassoserviceprovider.h"
#include "saml/spkey.h"

#include <QPointer>
#include <QThread>
#include <algorithm>

#include <QMetaEnum>
#include <QUrlQuery>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcHttp, "kliv.http")
Q_LOGGING_CATEGORY(lcAuth, "kliv.auth")
Q_LOGGING_CATEGORY(lcLive, "kliv.live")

namespace http {

// The router's method names (QHttpServerRequest::Method, as the routes declare them).
static QHttpServerRequest::Method methodOf(const QByteArray &m)
{
    using M = QHttpServerRequest::Method;
    if (m == "GET") return M::Get;
    if (m == "POST") return M::Post;
    if (m == "PATCH") return M::Patch;
    if (m == "DELETE") return M::Delete;
    if (m == "PUT") return M::Put;
    if (m == "HEAD") return M::Head;
    if (m == "OPTIONS") return M::Options;
    if (m == "TRACE") return M::Trace;
    if (m == "CONNECT") return M::Connect;
    return M::Unknown;
}

// The SP's key pair: made at the first start and kept in the database, so that
// every instance on it signs with the same key (the first writer wins).
static std::unique_ptr<saml::ServiceProvider> makeServiceProvider(storage::Store *store)
{
    auto pair = store->samlSpKey();
    if (!pair) {
        if (const auto made = saml::generateSpKeyPair())
            store->storeSamlSpKeyIfMissing(made->first, made->second);
        pair = store->samlSpKey();
    }
    if (!pair) {
        qCCritical(lcHttp) << "cannot make or read the SAML SP key pair: single sign-on is off";
        return nullptr;
    }
    return std::make_unique<saml::LassoServiceProvider>(pair->first, pair->second);
}

HttpServer::HttpServer(storage::Store *store, const billing::PlanCatalog *catalog, billing::Clock *clock,
                       billing::ManualClock *devClock, const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_edge(config.limits)
{
    m_ctx.store = service::StoreHandle(store);
    m_ctx.mainThread = this;
    m_ctx.catalog = catalog;
    m_ctx.clock = clock;
    m_ctx.devClock = config.dev ? devClock : nullptr;
    m_ctx.tokenTtl = config.tokenTtl;
    m_saml = makeServiceProvider(store);
    m_ctx.saml = m_saml.get();
    m_ctx.publicBase = config.publicUrl;
    m_ctx.live = new LiveHub(&m_ctx, this);
    // A WebSocket upgrade goes to the hub only on a live channel's path; any
    // other upgrade is answered by the router like a plain request.
    m_edge.setWebSocketFilter([](const edge::HttpRequest &request) {
        return LiveHub::workspaceFromPath(request.url.path()).has_value();
    });
    connect(&m_edge, &edge::EdgeServer::newWebSocket, m_ctx.live, [this](QWebSocket *socket) {
        qCInfo(lcHttp).noquote() << "UPGRADE" << socket->requestUrl().path() << "websocket";
        m_ctx.live->accept(std::unique_ptr<QWebSocket>(socket));
    });
    m_edge.setRequestHandler([this](edge::HttpRequest &&request, edge::ResponderPtr responder) {
        handleRequest(std::move(request), std::move(responder));
    });
    connect(&m_edge, &edge::EdgeServer::drained, this, &HttpServer::finishShutdown);

    addPublicRoutes(m_router, m_ctx);
    addWorkspaceRoutes(m_router, m_ctx);
    addUsageRoutes(m_router, m_ctx);
    addSubscriptionRoutes(m_router, m_ctx);
    addAuditRoutes(m_router, m_ctx);
    addOAuthRoutes(m_router, m_ctx);
    if (m_ctx.saml)
        addSsoRoutes(m_router, m_ctx);
    // The live path exists for routing (405/404 answers); upgrades never reach the handler.
    m_router.add(QHttpServerRequest::Method::Get, QStringLiteral("/v1/workspaces/{ws}/live"), Auth::None,
                 [](Request &, const ReplyPtr &reply) {
                     ApiError e = ApiError::badRequest(QStringLiteral("this path only accepts a WebSocket upgrade"));
                     e.status = 426;
                     reply->error(e);
                 });
    if (config.dev) {
        addDevRoutes(m_router, m_ctx);
        // Called by POST /v1/dev/clock on a worker: the transitions are applied
        // before it answers; the provider and the hub are told on the event loop.
        m_ctx.clockMoved = [this] {
            const QDateTime now = m_ctx.now();
            if (PaymentProvider *provider = m_ctx.provider)
                QMetaObject::invokeMethod(provider, [provider, now] { provider->clockMoved(now); });
            applyTransitions();
        };
    }

    addMetricsRoute();

    m_transitionTimer.setInterval(config.transitionIntervalMs);
    connect(&m_transitionTimer, &QTimer::timeout, this, &HttpServer::applyTransitionsOnWorker);
}

HttpServer::~HttpServer()
{
    // Workers may still hold replies and call into the hub: stop them first.
    if (m_slowLane)
        m_slowLane->stop();
    if (m_workers)
        m_workers->stop();
    if (m_recorder)
        m_recorder->stop();
}

void HttpServer::addMetricsRoute()
{
    QList<QPair<QHostAddress, int>> allowed;
    for (const QString &entry : std::as_const(m_config.metricsAllow)) {
        const auto subnet = QHostAddress::parseSubnet(entry.contains(QLatin1Char('/')) ? entry : entry + (entry.contains(QLatin1Char(':')) ? QStringLiteral("/128") : QStringLiteral("/32")));
        if (subnet.first.isNull())
            qCWarning(lcHttp).noquote() << "metrics: ignoring the address" << entry;
        else
            allowed.append(subnet);
    }
    // The Prometheus text format, only for the configured addresses (others: 403).
    m_router.add(QHttpServerRequest::Method::Get, QStringLiteral("/metrics"), Auth::None,
                 [allowed](Request &req, const ReplyPtr &reply) {
                     QHostAddress remote = req.remote;
                     bool v4 = false;
                     const quint32 mapped = remote.toIPv4Address(&v4);
                     if (v4)
                         remote = QHostAddress(mapped);   // ::ffff:a.b.c.d is a.b.c.d
                     const bool ok = std::any_of(allowed.cbegin(), allowed.cend(),
                                                 [&](const auto &net) { return remote.isInSubnet(net); });
                     if (!ok)
                         return reply->error(ApiError::forbidden(QStringLiteral("metrics are not served to this address")));
                     Response r(200);
                     r.contentType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
                     r.body = service::Metrics::instance().render();
                     reply->send(std::move(r));
                 }, Runs::OnLoop);
}

bool HttpServer::start(QString *error)
{
    if (m_workers)
        return true;
    storage::Store *main = m_ctx.store.main();
    const bool postgres = main->dialect() == storage::Dialect::Postgres;
    // Every thread's Store announces its commits (SQLite); the hub hears them on the event loop.
    const auto watch = [hub = m_ctx.live](storage::Store *store) { hub->watch(store); };
    service::Workers::Config wc;
    wc.threads = m_config.workers > 0 ? m_config.workers : qBound(4, QThread::idealThreadCount() * 2, 16);
    m_workers = std::make_unique<service::Workers>(*main, wc, watch);
    service::Workers::Config sc;
    sc.threads = 1;
    sc.maxQueued = 256;
    sc.niceness = 10;
    m_slowLane = std::make_unique<service::Workers>(*main, sc, watch);
    service::UsageRecorder::Config rc;
    rc.writers = m_config.writers > 0 ? m_config.writers : (postgres ? 4 : 1);
    m_recorder = std::make_unique<service::UsageRecorder>(*main, *m_ctx.catalog, rc, watch,
                                                          [this](std::function<void()> answer) {
                                                              return m_workers && m_workers->post(std::move(answer));
                                                          });
    if (!m_workers->start(error) || !m_slowLane->start(error) || !m_recorder->start(error)) {
        m_workers.reset();
        m_slowLane.reset();
        m_recorder.reset();
        return false;
    }
    m_ctx.workers = m_workers.get();
    // Read when /metrics is scraped, on the event loop.
    service::Metrics &metrics = service::Metrics::instance();
    metrics.gauge(QStringLiteral("kliv_live_connections"), QStringLiteral("Authenticated and authenticating live WebSockets."),
                  [hub = QPointer<LiveHub>(m_ctx.live)] { return hub ? double(hub->clientCount()) : 0.0; });
    metrics.gauge(QStringLiteral("kliv_http_connections"), QStringLiteral("Open client connections (HTTP and WebSocket)."),
                  [this] { return double(m_edge.connectionCount()); });
    metrics.gauge(QStringLiteral("kliv_http_connections_max"), QStringLiteral("The connection cap (from RLIMIT_NOFILE)."),
                  [this] { return double(m_edge.maxConnections()); });
    metrics.gauge(QStringLiteral("kliv_db_workers"), QStringLiteral("Worker threads, each with its own database connection."),
                  [this] { return m_workers ? double(m_workers->threadCount()) : 0.0; });
    metrics.gauge(QStringLiteral("kliv_db_worker_queue"), QStringLiteral("Jobs waiting for a worker (503 server_busy when full)."),
                  [this] { return m_workers ? double(m_workers->queued()) : 0.0; });
    metrics.gauge(QStringLiteral("kliv_usage_queued_events"), QStringLiteral("Usage events waiting for the next group commit."),
                  [this] { return m_recorder ? double(m_recorder->queuedEvents()) : 0.0; });
    m_ctx.slowLane = m_slowLane.get();
    m_ctx.recorder = m_recorder.get();
    m_transitionTimer.start();
    return true;
}

void HttpServer::shutdown(int graceMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_transitionTimer.stop();
    // The edge stops accepting, lets what is in flight be answered, then drains.
    m_edge.shutdown(graceMs);
}

void HttpServer::finishShutdown()
{
    if (m_slowLane)
        m_slowLane->stop();
    if (m_workers)
        m_workers->stop();      // finishes what is queued (it may record usage)
    if (m_recorder)
        m_recorder->stop();     // records everything queued
    m_ctx.slowLane = nullptr;
    m_ctx.workers = nullptr;
    m_ctx.recorder = nullptr;
    m_ctx.live->closeAll();
    Q_EMIT stopped();
}

quint16 HttpServer::listenOn(const QHostAddress &host, quint16 port)
{
    QString error;
    if (!start(&error)) {
        qCCritical(lcHttp).noquote() << "cannot start the workers:" << error;
        return 0;
    }
    const quint16 bound = m_edge.listen(host, port);
    if (!bound)
        qCCritical(lcHttp) << "cannot listen on" << host.toString() << port;
    else if (m_ctx.publicBase.isEmpty())
        m_ctx.publicBase = QUrl(QStringLiteral("http://%1:%2")
                                    .arg(host.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + host.toString() + QLatin1Char(']')
                                                                                         : host.toString())
                                    .arg(bound));
    return bound;
}

void HttpServer::setPaymentProvider(PaymentProvider *provider)
{
    if (m_ctx.provider)
        disconnect(m_ctx.provider, nullptr, this, nullptr);
    m_ctx.provider = provider;
    if (provider) {
        connect(provider, &PaymentProvider::workspaceChanged, m_ctx.live, &LiveHub::pushCurrent);
        connect(provider, &QObject::destroyed, this, [this, provider] {
            if (m_ctx.provider == provider)
                m_ctx.provider = nullptr;
        });
    }
}

void HttpServer::applyTransitions()
{
    const QDateTime now = m_ctx.now();
    for (const storage::Workspace &ws : m_ctx.store->workspaces()) {
        const auto state = m_ctx.store->subscription(ws.id);
        if (state && !billing::advanceTo(*m_ctx.catalog, *state, now).steps.isEmpty())
            currentState(m_ctx, ws.id);
    }
    m_ctx.onMainThread([hub = QPointer<LiveHub>(m_ctx.live)] {
        if (hub)
            hub->checkRefills();
    });
}

void HttpServer::applyTransitionsOnWorker()
{
    // One sweep at a time: a slow database must not pile them up.
    if (!m_workers || m_sweeping.exchange(true))
        return;
    if (!m_workers->post([this] {
            applyTransitions();
            m_sweeping = false;
        }))
        m_sweeping = false;
}

void HttpServer::handleRequest(edge::HttpRequest &&request, edge::ResponderPtr responder)
{
    auto reply = makeReply(request, responder);
    Request req;
    req.method = methodOf(request.method);
    req.path = request.url.path();
    req.query = QUrlQuery(request.url);
    req.body = std::move(request.body);
    req.headers = std::move(request.headers);
    req.remote = request.remoteAddress;

    const Router::Match m = m_router.match(req.method, req.path, &req.params);
    if (m.route)
        reply->setRoute(m.route->pattern);
    if (!m.route) {
        if (m.pathKnown) {
            ApiError e = ApiError::badRequest(QStringLiteral("method not allowed on this path"));
            e.status = 405;
            reply->error(e);
        } else {
            reply->error(ApiError::notFound(QStringLiteral("no such route")));
        }
        return;
    }
    dispatch(m.route, std::move(req), reply);
}

void HttpServer::dispatch(const Router::Route *route, Request &&req, const ReplyPtr &reply)
{
    if (route->runs == Runs::OnLoop && route->auth == Auth::None) {
        route->handler(req, reply);
        return;
    }
    // Authentication reads the database too: it runs on the worker with the handler.
    auto job = [this, route, req = std::move(req), reply]() mutable {
        if (auto err = authenticate(req, route->auth))
            return reply->error(*err);
        route->handler(req, reply);
    };
    service::Workers *lane = route->runs == Runs::OnSlowLane ? m_slowLane.get() : m_workers.get();
    if (!lane || !lane->post(std::move(job))) {
        ApiError e{503, QStringLiteral("server_busy"), QStringLiteral("the server is busy; try again shortly"), {}, {}};
        reply->error(e);
    }
}

ReplyPtr HttpServer::makeReply(const edge::HttpRequest &request, edge::ResponderPtr responder)
{
    // The responder is thread-safe: a worker's answer is written by the
    // connection's thread, in request order (or dropped if the client is gone).
    auto write = [responder = std::move(responder)](Response &&response) {
        edge::HttpResponse out;
        out.status = response.status;
        out.headers = std::move(response.headers);
        if (!response.contentType.isEmpty())
            out.headers.prepend({QByteArrayLiteral("Content-Type"), response.contentType});
        out.body = std::move(response.body);
        responder->send(std::move(out));
    };
    return std::make_shared<Reply>(std::move(write), request.method, Reply::scrubbedPath(request.url));
}

std::optional<ApiError> HttpServer::authenticate(Request &req, Auth needed)
{
    if (needed == Auth::None)
        return std::nullopt;
    const QByteArray header = req.header(QByteArrayLiteral("authorization")).trimmed();
    if (header.isEmpty())
        return ApiError::unauthorized(QStringLiteral("an Authorization: Bearer token is required"));
    if (!header.toLower().startsWith("bearer ") || header.mid(7).trimmed().isEmpty())
        return ApiError::unauthorized(QStringLiteral("the Authorization header must be \"Bearer <token>\""));
    const QString token = QString::fromLatin1(header.mid(7).trimmed());
    ApiError error;
    const auto caller = authenticateToken(m_ctx, token, &error);
    if (!caller)
        return error;
    const bool isUser = caller->kind == Caller::User;
    if ((needed == Auth::User && !isUser) || (needed == Auth::Service && isUser))
        return ApiError::forbidden(isUser ? QStringLiteral("this route needs a service token")
                                          : QStringLiteral("this route needs a user access token"));
    req.caller = *caller;
    return std::nullopt;
}

} // namespace http

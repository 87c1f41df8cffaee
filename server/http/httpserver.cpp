#include "httpserver.h"
#include "bodylimitguard.h"
#include "livehub.h"
#include "logging.h"
#include "paymentprovider.h"
#include "routes.h"
#include "tokenauth.h"
#include "workspaceaccess.h"

#include "service/usagerecorder.h"
#include "service/workers.h"
#include "storage/store.h"

#include <QThread>

#include <QMetaEnum>
#include <QTcpServer>

Q_LOGGING_CATEGORY(lcHttp, "kliv.http")
Q_LOGGING_CATEGORY(lcAuth, "kliv.auth")
Q_LOGGING_CATEGORY(lcLive, "kliv.live")

namespace http {

static QByteArray methodName(QHttpServerRequest::Method m)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(m));
    return key ? QByteArray(key).toUpper() : QByteArrayLiteral("UNKNOWN");
}

static QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &h : request.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpServer::HttpServer(storage::Store *store, const billing::PlanCatalog *catalog, billing::Clock *clock,
                       billing::ManualClock *devClock, const Config &config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(config)
{
    m_ctx.store = service::StoreHandle(store);
    m_ctx.mainThread = this;
    m_ctx.catalog = catalog;
    m_ctx.clock = clock;
    m_ctx.devClock = config.dev ? devClock : nullptr;
    m_ctx.tokenTtl = config.tokenTtl;
    m_ctx.live = new LiveHub(&m_ctx, this);
    connect(this, &QAbstractHttpServer::newWebSocketConnection, m_ctx.live, [this] {
        while (hasPendingWebSocketConnections())
            m_ctx.live->accept(nextPendingWebSocketConnection());
    });

    addPublicRoutes(m_router, m_ctx);
    addWorkspaceRoutes(m_router, m_ctx);
    addUsageRoutes(m_router, m_ctx);
    addSubscriptionRoutes(m_router, m_ctx);
    addOAuthRoutes(m_router, m_ctx);
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
            m_ctx.onMainThread([this, now] {
                if (m_ctx.provider)
                    m_ctx.provider->clockMoved(now);
            });
            applyTransitions();
        };
    }

    m_transitionTimer.setInterval(config.transitionIntervalMs);
    connect(&m_transitionTimer, &QTimer::timeout, this, &HttpServer::applyTransitionsOnWorker);
}

HttpServer::~HttpServer()
{
    // Workers may still hold replies and call into the hub: stop them first.
    if (m_workers)
        m_workers->stop();
    if (m_recorder)
        m_recorder->stop();
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
    service::UsageRecorder::Config rc;
    rc.writers = m_config.writers > 0 ? m_config.writers : (postgres ? 4 : 1);
    m_recorder = std::make_unique<service::UsageRecorder>(*main, *m_ctx.catalog, rc, watch,
                                                          [this](std::function<void()> answer) {
                                                              return m_workers && m_workers->post(std::move(answer));
                                                          });
    if (!m_workers->start(error) || !m_recorder->start(error)) {
        m_workers.reset();
        m_recorder.reset();
        return false;
    }
    m_ctx.workers = m_workers.get();
    m_ctx.recorder = m_recorder.get();
    m_transitionTimer.start();
    return true;
}

void HttpServer::shutdown(int graceMs)
{
    for (QTcpServer *tcp : servers())
        tcp->close();
    m_transitionTimer.stop();
    auto *poll = new QTimer(this);
    QElapsedTimer waited;
    waited.start();
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [this, poll, waited, graceMs] {
        if (m_inFlight.load() > 0 && waited.elapsed() < graceMs)
            return;
        poll->deleteLater();
        if (m_workers)
            m_workers->stop();      // finishes what is queued (it may record usage)
        if (m_recorder)
            m_recorder->stop();     // records everything queued
        QTimer::singleShot(0, this, &HttpServer::stopped);   // the last answers are written first
    });
    poll->start();
}

quint16 HttpServer::listenOn(const QHostAddress &host, quint16 port)
{
    QString error;
    if (!start(&error)) {
        qCCritical(lcHttp).noquote() << "cannot start the workers:" << error;
        return 0;
    }
    auto *tcp = new GuardedTcpServer(MaxBodyBytes, this);
    if (!tcp->listen(host, port)) {
        qCCritical(lcHttp) << "cannot listen on" << host.toString() << port << tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
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

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    // A WebSocket upgrade: a matching route must write nothing; QAbstractHttpServer
    // then hands the socket to the hub (newWebSocketConnection).
    if (headerValue(request, QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0) {
        const bool live = LiveHub::workspaceFromPath(path).has_value();
        qCInfo(lcHttp).noquote() << "UPGRADE" << path << (live ? "websocket" : "refused");
        return live;
    }

    if (auto *guard = socket->findChild<BodyLimitGuard *>(QString(), Qt::FindDirectChildrenOnly))
        guard->requestHandled();
    auto reply = makeReply(request, socket);
    if (request.body().size() > MaxBodyBytes) {
        reply->error(ApiError::bodyTooLarge());
        return true;
    }
    Request req;
    req.method = request.method();
    req.path = path;
    req.query = request.query();
    req.body = request.body();
    req.headers = request.headers();
    req.remote = request.remoteAddress();

    const Router::Match m = m_router.match(req.method, path, &req.params);
    if (!m.route) {
        if (m.pathKnown) {
            ApiError e = ApiError::badRequest(QStringLiteral("method not allowed on this path"));
            e.status = 405;
            reply->error(e);
        } else {
            reply->error(ApiError::notFound(QStringLiteral("no such route")));
        }
        return true;
    }
    dispatch(m.route, std::move(req), reply);
    return true;
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
    if (!m_workers || !m_workers->post(std::move(job))) {
        ApiError e{503, QStringLiteral("server_busy"), QStringLiteral("the server is busy; try again shortly"), {}, {}};
        reply->error(e);
    }
}

ReplyPtr HttpServer::makeReply(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // The responder belongs to the socket's thread: an answer from a worker is
    // written there (or dropped if the client has gone meanwhile).
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    ++m_inFlight;
    auto write = [this, responder, guard](Response &&response) {
        auto out = std::make_shared<Response>(std::move(response));
        auto writeNow = [this, responder, guard, out] {
            --m_inFlight;
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return;
            QHttpServerResponse r(out->contentType, out->body, QHttpServerResponse::StatusCode(out->status));
            for (const auto &h : out->headers)
                r.addHeader(h.first, h.second);
            r.write(std::move(*responder));
        };
        if (QThread::currentThread() == thread())
            writeNow();
        else
            QMetaObject::invokeMethod(this, writeNow, Qt::QueuedConnection);
    };
    return std::make_shared<Reply>(write, methodName(request.method()), Reply::scrubbedPath(request.url()));
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeReply(request, socket)->error(ApiError::notFound(QStringLiteral("no such route")));
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

#include "httpserver.h"
#include "bodylimitguard.h"
#include "livehub.h"
#include "logging.h"
#include "paymentprovider.h"
#include "routes.h"
#include "tokenauth.h"
#include "workspaceaccess.h"

#include "storage/store.h"

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
    m_ctx.store = store;
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
        m_ctx.clockMoved = [this] {
            if (m_ctx.provider)
                m_ctx.provider->clockMoved(m_ctx.now());
            applyTransitions();
        };
    }

    m_transitionTimer.setInterval(config.transitionIntervalMs);
    connect(&m_transitionTimer, &QTimer::timeout, this, &HttpServer::applyTransitions);
    m_transitionTimer.start();
}

HttpServer::~HttpServer() = default;

quint16 HttpServer::listenOn(const QHostAddress &host, quint16 port)
{
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
    m_ctx.live->checkRefills();
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
    auto reply = std::make_shared<Reply>(makeResponder(request, socket), socket, methodName(request.method()),
                                         Reply::scrubbedPath(request.url()));
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
    if (auto err = authenticate(req, m.route->auth)) {
        reply->error(*err);
        return true;
    }
    m.route->handler(req, reply);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Reply reply(makeResponder(request, socket), socket, methodName(request.method()),
                Reply::scrubbedPath(request.url()));
    reply.error(ApiError::notFound(QStringLiteral("no such route")));
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

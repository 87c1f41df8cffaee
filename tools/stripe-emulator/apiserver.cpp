#include "apiserver.h"

#include "apierror.h"
#include "engine.h"
#include "formdecoder.h"
#include "store.h"
#include "webhooksender.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcApi, "kliv.emulator.api")

namespace {
constexpr qsizetype kMaxBody = 1024 * 1024;

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    default: return QStringLiteral("OTHER");
    }
}

HttpResponse jsonResponse(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.contentType = "application/json";
    r.body = QJsonDocument(body).toJson(QJsonDocument::Indented);
    return r;
}
} // namespace

ApiServer::ApiServer(Engine &engine, Store &store, WebhookSender *sender, QObject *parent)
    : QAbstractHttpServer(parent), m_engine(engine), m_store(store), m_sender(sender), m_pages(engine, store)
{
    connect(&m_pages, &Pages::committed, this, &ApiServer::afterCommit);
    // With the clock following real time, renewals still happen when they fall due.
    connect(&m_tick, &QTimer::timeout, this, &ApiServer::tick);
    m_tick.start(30000);
}

void ApiServer::tick()
{
    if (m_engine.globalClockFrozen())
        return;
    m_store.begin();
    try {
        m_engine.processDue();
        m_store.commit();
    } catch (const ApiError &e) {
        m_store.rollback();
        qCWarning(lcApi) << "processing due work failed:" << e.message;
    }
    afterCommit();
}

void ApiServer::afterCommit()
{
    if (m_sender)
        m_sender->kick();
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString method = methodName(request.method());
    const QString path = request.url().path();
    HttpResponse r;
    if (path.startsWith(QLatin1String("/v1/")) || path.startsWith(QLatin1String("/_emulator/")))
        r = api(request, method, path);
    else if (request.body().size() > kMaxBody)
        r = HttpResponse{413, "text/plain", "Request body too large\n", {}};
    else
        r = m_pages.handle(method, path, request.url().query(QUrl::FullyEncoded).toUtf8(), request.body());
    qCInfo(lcApi).noquote() << method << path << "->" << r.status; // never bodies: they carry card numbers

    auto responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    // A charset only for text (HTML, JSON): a PDF is bytes.
    responder.writeHeader("Content-Type", r.contentType.startsWith("application/pdf") ? r.contentType : r.contentType + "; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(r.body.size()));
    responder.writeHeader("Cache-Control", "no-cache, no-store");
    for (const auto &h : r.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(r.body);
    return true;
}

HttpResponse ApiServer::api(const QHttpServerRequest &request, const QString &method, const QString &path)
{
    const QString requestId = m_store.newId("req_");
    const auto finish = [&](HttpResponse r) {
        r.header("Request-Id", requestId.toUtf8());
        r.header("Stripe-Version", emu::kApiVersion);
        return r;
    };
    const QByteArray auth = request.value("Authorization");
    if (!auth.startsWith("Bearer sk_test_") || auth.size() <= 15) {
        const bool live = auth.startsWith("Bearer sk_live_");
        ApiError e{401, "invalid_request_error", {},
                   live ? QStringLiteral("The Stripe emulator accepts only test mode keys (sk_test_...).")
                        : QStringLiteral("You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."),
                   {}, {}};
        HttpResponse r = jsonResponse(401, e.toJson());
        r.header("WWW-Authenticate", "Bearer realm=\"Stripe\"");
        return finish(r);
    }
    Call call;
    call.method = method;
    call.segments = path.split('/', Qt::SkipEmptyParts);
    call.rawBody = request.body();
    const QByteArray idempotencyKey = request.value("Idempotency-Key");
    QByteArray fingerprint;
    try {
        if (call.rawBody.size() > kMaxBody)
            throw ApiError{413, "invalid_request_error", "request_too_large", "The request body is too large.", {}, {}};
        const QJsonObject query = FormDecoder::decode(request.url().query(QUrl::FullyEncoded).toUtf8());
        const bool jsonBody = request.value("Content-Type").startsWith("application/json");
        call.params = method == QLatin1String("POST") && !jsonBody ? FormDecoder::decode(call.rawBody) : query;
        for (const QJsonValue &v : call.params.take("expand").toArray())
            call.expand.append(v.toString());
        if (method == QLatin1String("POST") && !idempotencyKey.isEmpty()) {
            if (idempotencyKey.size() > 255)
                throw ApiError::invalid("Idempotency-Key", "Idempotency keys can be no longer than 255 characters.");
            fingerprint = method.toUtf8() + ' ' + path.toUtf8() + ' ' + FormDecoder::canonical(call.params)
                          + call.expand.join(',').toUtf8() + (jsonBody ? call.rawBody : QByteArray());
            if (const auto cached = m_store.idempotent(QString::fromUtf8(idempotencyKey))) {
                if (cached->fingerprint != fingerprint)
                    throw ApiError{400, "idempotency_error", "idempotency_key_in_use",
                                   QStringLiteral("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '%1' if you meant to execute a different request.")
                                       .arg(QString::fromUtf8(idempotencyKey)), {}, {}};
                HttpResponse r;
                r.status = cached->status;
                r.contentType = "application/json";
                r.body = cached->body;
                r.header("Idempotent-Replayed", "true");
                r.header("Idempotency-Key", idempotencyKey);
                return finish(r);
            }
        }
    } catch (const ApiError &e) {
        return finish(jsonResponse(e.status, e.toJson()));
    }

    HttpResponse r;
    m_store.begin();
    m_engine.setRequestContext(requestId, QString::fromUtf8(idempotencyKey));
    try {
        r = jsonResponse(200, route(call));
        m_store.commit();
    } catch (const ApiError &e) {
        m_store.rollback();
        r = jsonResponse(e.status, e.toJson());
    }
    m_engine.setRequestContext({}, {});
    if (!fingerprint.isEmpty() && r.status < 500) {
        m_store.putIdempotent(QString::fromUtf8(idempotencyKey), {fingerprint, r.status, r.body});
        r.header("Idempotency-Key", idempotencyKey);
    }
    afterCommit();
    return finish(r);
}

QJsonObject ApiServer::list(const QList<QJsonObject> &items, const QJsonObject &params, const QString &url) const
{
    const qint64 limit = emu::intParam(params, "limit", 10);
    if (limit < 1 || limit > 100)
        throw ApiError::invalid("limit", "Invalid integer: limit must be between 1 and 100.");
    qsizetype from = 0, to = items.size();
    const QString after = emu::str(params, "starting_after");
    const QString before = emu::str(params, "ending_before");
    auto indexOf = [&](const QString &id, const QString &param) {
        for (qsizetype i = 0; i < items.size(); ++i)
            if (items.at(i)["id"].toString() == id)
                return i;
        throw ApiError{400, "invalid_request_error", "resource_missing", QStringLiteral("No such object: '%1'").arg(id), param, {}};
    };
    if (!after.isEmpty())
        from = indexOf(after, "starting_after") + 1;
    if (!before.isEmpty()) {
        to = indexOf(before, "ending_before");
        from = std::max<qsizetype>(0, to - limit);
    }
    QJsonArray data;
    for (qsizetype i = from; i < to && data.size() < limit; ++i)
        data.append(Engine::publicView(items.at(i)));
    const bool hasMore = before.isEmpty() ? from + data.size() < to : from > 0;
    return QJsonObject{{"object", "list"}, {"data", data}, {"has_more", hasMore}, {"url", url}};
}

#include "apiclient.h"

#include "logging.h"
#include "startuptrace.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

struct ApiClient::Call
{
    QByteArray verb;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    bool bearer = true;
    bool json = true;
    QPointer<QObject> context;
    bool hadContext = false;
    ApiCallback cb;
    int attempt = 0;
    bool refreshed = false;
};

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_nam.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("KlivKonto/" KLIV_VERSION);
}

QUrl ApiClient::url(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_baseUrl;
    QString base = u.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    u.setPath(base + path);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

void ApiClient::send(const ApiRequest &request, QObject *context, ApiCallback cb)
{
    auto c = std::make_shared<Call>();
    c->verb = request.verb; c->path = request.path; c->query = request.query; c->json = !request.raw;
    if (request.verb == "POST" || request.verb == "PATCH" || request.verb == "PUT") {
        c->body = QJsonDocument(request.body).toJson(QJsonDocument::Compact);
        c->contentType = "application/json";
    }
    c->context = context; c->hadContext = context; c->cb = std::move(cb);
    start(c);
}

void ApiClient::postForm(const QString &path, const QUrlQuery &form, QObject *context, ApiCallback cb)
{
    auto c = std::make_shared<Call>();
    c->verb = "POST"; c->path = path; c->body = form.query(QUrl::FullyEncoded).toUtf8();
    c->contentType = "application/x-www-form-urlencoded"; c->bearer = false;
    c->context = context; c->hadContext = context; c->cb = std::move(cb);
    start(c);
}

void ApiClient::start(const std::shared_ptr<Call> &call)
{
    if (call->hadContext && !call->context)
        return;
    QNetworkRequest req(url(call->path, call->query));
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    req.setRawHeader("Accept", call->json ? "application/json" : "*/*");
    req.setTransferTimeout(m_timeoutMs);
    if (!call->contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, call->contentType);
    if (call->bearer && !m_accessToken.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    // The balance is what the first frame waits for: ahead of the page data in
    // QNetworkAccessManager's queue (six connections per host).
    if (call->path.endsWith(QLatin1String("/balance")) || call->path.startsWith(QLatin1String("/oauth/")))
        req.setPriority(QNetworkRequest::HighPriority);
    qCDebug(lcApi) << call->verb << req.url().path() << "attempt" << call->attempt + 1;
    StartupTrace::mark(QString::fromLatin1(call->verb) + QLatin1Char(' ') + StartupTrace::requestName(call->path) + QStringLiteral(" sent"));
    QNetworkReply *reply = call->body.isNull() && call->verb == "GET"
        ? m_nam.get(req)
        : m_nam.sendCustomRequest(req, call->verb, call->body);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
        reply->deleteLater();
        finished(call, reply);
    });
}

void ApiClient::finished(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    ApiResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    StartupTrace::mark(QString::fromLatin1(call->verb) + QLatin1Char(' ') + StartupTrace::requestName(call->path) + QStringLiteral(" answered"));
    r.body = reply->readAll();
    const auto netError = reply->error();

    if (r.status == 0) {
        const bool timedOut = netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError;
        r.error = ApiError::make(timedOut ? ApiError::Timeout : ApiError::Network);
        r.error.serverMessage = reply->errorString();
    } else if (r.status >= 200 && r.status < 300) {
        if (call->json && !r.body.trimmed().isEmpty()) {
            QJsonParseError pe;
            r.json = QJsonDocument::fromJson(r.body, &pe);
            if (pe.error != QJsonParseError::NoError || !r.json.isObject()) {
                r.error = ApiError::make(ApiError::InvalidResponse, r.status);
                r.error.serverMessage = pe.errorString();
            }
        }
    } else if (call->bearer || call->contentType != "application/x-www-form-urlencoded") {
        r.error = ApiError::fromResponse(r.status, r.body);
    } else {
        // OAuth (RFC 6749): {"error":"invalid_grant", ...}
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QString code = o.value(QLatin1String("error")).toString();
        r.error = ApiError::make(r.status >= 500 ? ApiError::Server
                                 : code == QLatin1String("invalid_grant") ? ApiError::Unauthorized
                                                                          : ApiError::SignIn,
                                 r.status, code);
        r.error.serverMessage = o.value(QLatin1String("error_description")).toString();
    }

    if (r.error.isError())
        qCWarning(lcApi).noquote() << call->verb << call->path << "failed:" << r.status
                                   << r.error.code << scrubSecrets(r.error.serverMessage);

    // A 401 on an authenticated call: refresh the access token once, then retry.
    if (r.error.kind == ApiError::Unauthorized && call->bearer && !call->refreshed && m_refresher) {
        call->refreshed = true;
        m_refresher([this, call, r](bool ok) {
            if (ok)
                start(call);
            else
                deliver(call, r);
        });
        return;
    }

    // Only idempotent requests are retried: network errors, 5xx, 429.
    const bool transient = r.error.kind == ApiError::Network || r.error.kind == ApiError::Timeout
        || r.status == 429 || (r.status >= 500 && r.error.kind != ApiError::PaymentsUnavailable);
    if (call->verb == "GET" && transient && call->attempt < m_retryDelays.size()) {
        int delay = m_retryDelays.at(call->attempt);
        const int retryAfter = reply->rawHeader("Retry-After").toInt();
        if (r.status == 429 && retryAfter > 0)
            delay = qMin(retryAfter * 1000, 10000);
        ++call->attempt;
        QTimer::singleShot(delay, this, [this, call] { start(call); });
        return;
    }
    deliver(call, r);
}

void ApiClient::deliver(const std::shared_ptr<Call> &call, const ApiResult &result)
{
    if (call->hadContext && !call->context)
        return;
    if (call->cb)
        call->cb(result);
}

#include "apierror.h"

#include <QJsonDocument>

namespace http {

QJsonObject ApiError::toJson() const
{
    QJsonObject err = extra;
    err.insert(QStringLiteral("code"), code);
    err.insert(QStringLiteral("message"), message);
    if (!fields.isEmpty()) {
        QJsonArray arr;
        for (const FieldError &f : fields)
            arr.append(QJsonObject{{QStringLiteral("field"), f.field}, {QStringLiteral("message"), f.message}});
        err.insert(QStringLiteral("fields"), arr);
    }
    return QJsonObject{{QStringLiteral("error"), err}};
}

static ApiError make(int status, const char *code, const QString &message)
{
    ApiError e;
    e.status = status;
    e.code = QString::fromLatin1(code);
    e.message = message;
    return e;
}

ApiError ApiError::badRequest(const QString &m) { return make(400, "bad_request", m); }
ApiError ApiError::invalidJson(const QString &m) { return make(400, "invalid_json", m); }
ApiError ApiError::validation(const QList<FieldError> &fields)
{
    ApiError e = make(400, "validation_failed", QStringLiteral("the request has invalid fields"));
    e.fields = fields;
    return e;
}
ApiError ApiError::unauthorized(const QString &m) { return make(401, "unauthorized", m); }
ApiError ApiError::tokenExpired() { return make(401, "token_expired", QStringLiteral("the access token has expired")); }
ApiError ApiError::forbidden(const QString &m) { return make(403, "forbidden", m); }
ApiError ApiError::notFound(const QString &m) { return make(404, "not_found", m); }
ApiError ApiError::conflict(const QString &code, const QString &m)
{
    ApiError e = make(409, "conflict", m);
    e.code = code;
    return e;
}
ApiError ApiError::paymentsUnavailable()
{
    return make(503, "payments_unavailable", QStringLiteral("no payment provider is configured"));
}
ApiError ApiError::bodyTooLarge() { return make(413, "body_too_large", QStringLiteral("the request body exceeds 1 MiB")); }
ApiError ApiError::internal(const QString &m) { return make(500, "internal", m); }

Response jsonResponse(const QJsonObject &body, int status)
{
    Response r(QByteArrayLiteral("application/json"),
                          QJsonDocument(body).toJson(QJsonDocument::Compact),
                          status);
    r.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

Response errorResponse(const ApiError &e)
{
    return jsonResponse(e.toJson(), e.status);
}

} // namespace http

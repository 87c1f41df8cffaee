#pragma once
// Every failure of the JSON API is {"error":{"code","message",...}} with a
// fitting status (api/openapi.yaml, components.schemas.Error).
#include "response.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace http {

struct FieldError {
    QString field;
    QString message;
};

struct ApiError {
    int status = 500;
    QString code;
    QString message;
    QList<FieldError> fields;   // with validation_failed
    QJsonObject extra;          // e.g. next_refill_at, remaining with insufficient_credits

    QJsonObject toJson() const;

    static ApiError badRequest(const QString &message);
    static ApiError invalidJson(const QString &message);
    static ApiError validation(const QList<FieldError> &fields);
    static ApiError unauthorized(const QString &message = QStringLiteral("missing or invalid access token"));
    static ApiError tokenExpired();
    static ApiError forbidden(const QString &message = QStringLiteral("missing permission"));
    static ApiError notFound(const QString &message = QStringLiteral("not found"));
    static ApiError conflict(const QString &code, const QString &message);
    static ApiError paymentsUnavailable();
    static ApiError bodyTooLarge();
    static ApiError internal(const QString &message = QStringLiteral("internal error"));
};

Response jsonResponse(const QJsonObject &body, int status = 200);
Response errorResponse(const ApiError &e);

} // namespace http

#pragma once
// A Stripe-shaped API error: thrown by handlers, turned into
// {"error":{"type","code","message","param",...}} with the HTTP status.
#include <QJsonObject>
#include <QString>

struct ApiError {
    int status = 400;
    QString type = QStringLiteral("invalid_request_error");
    QString code;
    QString message;
    QString param;
    QString declineCode;

    QJsonObject toJson() const
    {
        QJsonObject e{{"type", type},
                      {"message", message},
                      {"code", code.isEmpty() ? QJsonValue() : QJsonValue(code)},
                      {"param", param.isEmpty() ? QJsonValue() : QJsonValue(param)}};
        if (!declineCode.isEmpty())
            e.insert("decline_code", declineCode);
        if (!code.isEmpty())
            e.insert("doc_url", "https://stripe.com/docs/error-codes/" + code);
        return QJsonObject{{"error", e}};
    }

    static ApiError missing(const QString &id, const QString &what)
    {
        return {404, "invalid_request_error", "resource_missing",
                QStringLiteral("No such %1: '%2'").arg(what, id), "id", {}};
    }
    static ApiError paramMissing(const QString &param)
    {
        return {400, "invalid_request_error", "parameter_missing",
                QStringLiteral("Missing required param: %1.").arg(param), param, {}};
    }
    static ApiError invalid(const QString &param, const QString &message)
    {
        return {400, "invalid_request_error", "parameter_invalid", message, param, {}};
    }
    static ApiError request(const QString &message, const QString &code = {})
    {
        return {400, "invalid_request_error", code, message, {}, {}};
    }
};

#pragma once
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// Every failure the client can meet, mapped to one kind with a translated
// message. The server's own text is kept for logs only.
struct ApiError
{
    enum Kind {
        None,
        Network,
        Timeout,
        Unauthorized,
        Forbidden,
        NotFound,
        InsufficientCredits,
        MemberLimitReached, // the member's own limit this billing cycle (the server's text says which)
        Conflict,
        SeatLimitReached,
        PastDue,
        PaymentsUnavailable,
        PaymentProvider,
        CardDeclined,     // a charge (e.g. an upgrade's proration) was declined
        ManagedByAdmin,   // the plan is managed by Kliv's sales team, not self-service
        Validation,
        RateLimited,
        Server,
        InvalidResponse,
        Keychain,
        SignIn,
    };

    Kind kind = None;
    int status = 0;
    QString code;          // the server's error code, if any
    QString message;       // translated, plain text, for the user
    QString serverMessage; // for logs (English), but member_limit_reached's is Swedish for the user

    bool isError() const { return kind != None; }
    static ApiError make(Kind kind, int status = 0, const QString &code = {});
    // Maps an HTTP status and the body {"error":{"code","message"}}.
    static ApiError fromResponse(int status, const QByteArray &body);
    static QString messageFor(Kind kind);
};

// The outcome of one request: either a 2xx with its body, or an error.
struct ApiResult
{
    int status = 0;
    QByteArray body;
    QJsonDocument json;
    ApiError error;

    bool ok() const { return !error.isError(); }
    QJsonObject object() const { return json.object(); }
};

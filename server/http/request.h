#pragma once
// A request as the route handlers see it: a copy of what they need from the
// QHttpServerRequest (handlers may answer later, after the request object is
// gone), the path parameters and the authenticated caller.
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QString>
#include <QUrlQuery>

namespace http {

struct Caller {
    enum Kind { Anonymous, User, Service } kind = Anonymous;
    QString userId;
    QString tokenId;    // the access token's hash (for revoke/logging: never the token)
    QDateTime tokenExpiresAt;   // invalid: does not expire
};

struct Request {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QHostAddress remote;
    QHash<QString, QString> params;   // {ws}, {id}
    Caller caller;

    QByteArray header(const QByteArray &name) const;  // case-insensitive, first match
    QString param(const QString &name) const { return params.value(name); }
    QString queryValue(const QString &name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
};

} // namespace http

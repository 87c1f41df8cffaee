#pragma once
// An answer as the routes build it: status, content type, headers, body. The
// edge adds Content-Length, Date and Connection.
#include <QByteArray>
#include <QHttpServerResponse>
#include <QList>
#include <QPair>

namespace http {

struct Response {
    int status = 200;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    Response() = default;
    explicit Response(int statusCode) : status(statusCode) {}
    explicit Response(QHttpServerResponse::StatusCode statusCode) : status(int(statusCode)) {}
    Response(QByteArray type, QByteArray content, int statusCode = 200)
        : status(statusCode), contentType(std::move(type)), body(std::move(content)) {}
    Response(QByteArray type, QByteArray content, QHttpServerResponse::StatusCode statusCode)
        : status(int(statusCode)), contentType(std::move(type)), body(std::move(content)) {}

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
    int statusCode() const { return status; }
};

} // namespace http

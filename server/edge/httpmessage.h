#pragma once
// One request as the handler sees it, and the answer it gives.
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QUrl>

namespace edge {

struct HttpRequest {
    QByteArray method;                      // "GET", "POST", ...
    QByteArray target;                      // as sent, e.g. "/v1/x?month=2026-12"
    QUrl url;                               // parsed target (path + query)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;                        // decoded (chunked removed)
    QHostAddress remoteAddress;
    quint16 remotePort = 0;
    bool keepAlive = true;                  // HTTP/1.1 default, Connection: close, HTTP/1.0 rules
    bool http10 = false;                    // the request said HTTP/1.0

    QByteArray header(const QByteArray &name) const;   // case-insensitive, first match
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;     // Content-Length / Connection / Date are added by the edge
    QByteArray body;
};

QByteArray reasonPhrase(int status);        // "OK", "Not Found", ...; "" for unknown codes

// Status line, headers and body in one buffer (one socket write).
QByteArray serializeResponse(const HttpResponse &response, bool http10, bool keepAlive, bool headRequest);

} // namespace edge

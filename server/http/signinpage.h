#pragma once
// The Swedish sign-in page served by GET /oauth/authorize, and the error page
// for requests that cannot be redirected. Plain HTML + CSS, works without JS;
// every value that comes from the request or the user is HTML-escaped.
// The frame (page) and the response headers are shared by the server's other
// browser pages (returnpage.h).
#include <QByteArray>
#include "response.h"
#include <QList>
#include <QPair>
#include <QString>

namespace http {

struct SignInForm {
    QList<QPair<QString, QString>> hidden;  // the authorize parameters, posted back unchanged
    QString email;                          // prefilled after a failed attempt
    QString error;                          // Swedish message shown above the form
    QString ssoEmail;                       // prefilled in the "Logga in med SSO" form
    QString ssoError;                       // shown above that form
};

QByteArray renderSignInPage(const SignInForm &form);
// The Kliv frame around `bodyHtml` (already escaped); the title is escaped here.
QByteArray renderPage(const QString &title, const QString &bodyHtml);
QString htmlEscaped(const QString &s);   // also escapes ' (attribute values)
// text/html; no caching, no framing, no scripts.
Response htmlResponse(const QByteArray &body, int status);
QByteArray renderErrorPage(const QString &title, const QString &message);

} // namespace http

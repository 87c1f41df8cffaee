#pragma once
// The Swedish sign-in page served by GET /oauth/authorize, and the error page
// for requests that cannot be redirected. Plain HTML + CSS, works without JS;
// every value that comes from the request or the user is HTML-escaped.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace http {

struct SignInForm {
    QList<QPair<QString, QString>> hidden;  // the authorize parameters, posted back unchanged
    QString email;                          // prefilled after a failed attempt
    QString error;                          // Swedish message shown above the form
};

QByteArray renderSignInPage(const SignInForm &form);
QByteArray renderErrorPage(const QString &title, const QString &message);

} // namespace http

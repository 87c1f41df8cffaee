#include "signinpage.h"

namespace http {

QString htmlEscaped(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\''), QStringLiteral("&#39;"));
}

QByteArray renderPage(const QString &title, const QString &body)
{
    return QStringLiteral(R"(<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>%1 – Kliv</title>
<style>
  :root { --kliv: #1F9D6B; --ink: #1d2521; --muted: #5b6660; --line: #d9e0dc; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
         background: #f4f7f5; color: var(--ink);
         font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
  main { width: 100%; max-width: 380px; margin: 24px; padding: 32px; background: #fff;
         border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); border-top: 4px solid var(--kliv); }
  .brand { font-weight: 700; font-size: 22px; color: var(--kliv); letter-spacing: .02em; margin: 0 0 4px; }
  h1 { font-size: 20px; margin: 0 0 20px; }
  label { display: block; font-weight: 600; margin: 14px 0 6px; }
  input[type=email], input[type=password] { width: 100%; padding: 10px 12px; font: inherit;
         border: 1px solid var(--line); border-radius: 8px; }
  input:focus { outline: 2px solid var(--kliv); outline-offset: 1px; border-color: var(--kliv); }
  button { margin-top: 22px; width: 100%; padding: 11px; font: inherit; font-weight: 600; color: #fff;
           background: var(--kliv); border: 0; border-radius: 8px; cursor: pointer; }
  button:hover { background: #188459; }
  .error { margin: 0 0 12px; padding: 10px 12px; border-radius: 8px; background: #fdecec; color: #8a1f1f; }
  p.muted { color: var(--muted); font-size: 14px; margin: 18px 0 0; }
  h2.or { font-size: 14px; font-weight: 400; color: var(--muted); text-align: center; margin: 22px 0 0; }
  button.secondary { background: #fff; color: var(--kliv); border: 1px solid var(--kliv); }
  button.secondary:hover { background: #eef7f2; }
</style>
</head>
<body>
<main>
<p class="brand">Kliv</p>
%2
</main>
</body>
</html>
)").arg(htmlEscaped(title), body).toUtf8();
}

Response htmlResponse(const QByteArray &body, int status)
{
    Response r(QByteArrayLiteral("text/html; charset=utf-8"), body, status);
    r.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    r.addHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    r.addHeader(QByteArrayLiteral("Content-Security-Policy"),
                QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"));
    return r;
}

QByteArray renderSignInPage(const SignInForm &form)
{
    QString body = QStringLiteral("<h1>Logga in på ditt Kliv-konto</h1>\n");
    if (!form.error.isEmpty())
        body += QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>\n").arg(htmlEscaped(form.error));
    body += QStringLiteral("<form method=\"post\" action=\"/oauth/authorize\">\n");
    for (const auto &h : form.hidden)
        body += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n").arg(htmlEscaped(h.first), htmlEscaped(h.second));
    body += QStringLiteral(
        "<label for=\"email\">E-post</label>\n"
        "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required autofocus value=\"%1\">\n"
        "<label for=\"password\">Lösenord</label>\n"
        "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n"
        "<button type=\"submit\">Logga in</button>\n"
        "</form>\n")
                .arg(htmlEscaped(form.email));
    // Single sign-on: the e-mail's domain finds the organisation's IdP.
    body += QStringLiteral("<h2 class=\"or\">eller</h2>\n");
    if (!form.ssoError.isEmpty())
        body += QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>\n").arg(htmlEscaped(form.ssoError));
    body += QStringLiteral("<form method=\"post\" action=\"/oauth/sso\">\n");
    for (const auto &h : form.hidden)
        body += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n").arg(htmlEscaped(h.first), htmlEscaped(h.second));
    body += QStringLiteral(
        "<label for=\"sso_email\">E-post i din organisation</label>\n"
        "<input id=\"sso_email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\"%1\">\n"
        "<button type=\"submit\" class=\"secondary\">Logga in med SSO</button>\n"
        "</form>\n"
        "<p class=\"muted\">Du loggar in i Kliv Konto på den här datorn. När du är inloggad kan du stänga fliken.</p>\n")
                .arg(htmlEscaped(form.ssoEmail));
    return renderPage(QStringLiteral("Logga in"), body);
}

QByteArray renderErrorPage(const QString &title, const QString &message)
{
    const QString body = QStringLiteral("<h1>%1</h1>\n<p class=\"error\">%2</p>\n"
                                        "<p class=\"muted\">Gå tillbaka till Kliv Konto och försök logga in igen.</p>\n")
                             .arg(htmlEscaped(title), htmlEscaped(message));
    return renderPage(title, body);
}

} // namespace http

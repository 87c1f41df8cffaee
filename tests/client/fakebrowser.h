#pragma once
// Plays the browser for the client tests' sign-ins: posts the server's sign-in
// form for the authorize URL the app opens and follows the redirect to the
// app's loopback listener. Install it with QDesktopServices::setUrlHandler.
// Also: what the real keyring holds for a server.
#include "appsettings.h"
#include "serverfixture.h"
#include "session.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QTest>
#include <QUrlQuery>

class FakeBrowser : public QObject
{
    Q_OBJECT
public:
    explicit FakeBrowser(QString password = {}, QObject *parent = nullptr)
        : QObject(parent), password(std::move(password)) {}

    QString email;
    QString password;
    QList<QUrl> opened;
    QByteArray lastPage;
    int lastStatus = 0;

public Q_SLOTS:
    void openUrl(const QUrl &url)
    {
        opened << url;
        if (url.path() != QLatin1String("/oauth/authorize"))
            return;
        QUrlQuery form(url);
        form.addQueryItem(QStringLiteral("email"), QString::fromLatin1(QUrl::toPercentEncoding(email)));
        form.addQueryItem(QStringLiteral("password"), QString::fromLatin1(QUrl::toPercentEncoding(password)));
        QUrl post = url;
        post.setQuery(QString());
        QNetworkRequest req(post);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        // The 302 to http://127.0.0.1:PORT/callback is followed like a browser does.
        QNetworkReply *reply = m_nam.post(req, form.query(QUrl::FullyEncoded).toUtf8());
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            lastPage = reply->readAll();
            reply->deleteLater();
        });
    }

private:
    QNetworkAccessManager m_nam;
};

// The refresh token the real keyring holds for `server` ("" when none or no answer in 10 s).
inline QString keyringToken(const QUrl &server)
{
    QString token;
    bool done = false;
    QObject ctx;
    Session::instance()->tokenStore()->read(server, &ctx, [&](const QString &t, const ApiError &) {
        token = t;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return {};
    return token;
}

// The start of every client suite against the real server: skipped without the
// server binary or a D-Bus session with a keyring; settings of its own, in Swedish.
#define KLIV_CLIENT_SUITE_START(appName)                                                           \
    do {                                                                                           \
        if (!ServerFixture::binaryExists())                                                        \
            QSKIP("kliv-billingd is not built");                                                   \
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))                               \
            QSKIP("needs a D-Bus session with a Secret Service keyring (./dev test provides one)");\
        QCoreApplication::setOrganizationName(QStringLiteral("KlivTest"));                         \
        QCoreApplication::setApplicationName(QStringLiteral(appName));                             \
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));                              \
    } while (false)

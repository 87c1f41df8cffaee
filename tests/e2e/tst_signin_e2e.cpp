// tst_signin_e2e: the desktop client's sign-in, end to end. The real kliv-billingd,
// the client library's Session and LoopbackSignIn, and a real headless chromium that
// gets the authorize URL the app would hand to the system browser. The refresh token
// must land in the real Secret Service keyring (gnome-keyring under dbus-run-session)
// and work; the loopback listener must be bound to 127.0.0.1 only, take one callback
// and close. (tests/client covers the same sign-in without a browser, the QtKeychain
// side and that no file under HOME holds the token.)
#include "browser.h"
#include "urlcatcher.h"
#include "serverfixture.h"
#include "session.h"
#include "tokenstore.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

namespace {

const QString Email = QStringLiteral("anna@acme.test");
const QString Password = QStringLiteral("rätt häst batteri 42");

// Whether a TCP connection to host:port is accepted (refused, unreachable or timed out: false).
bool accepts(const QString &host, quint16 port)
{
    QTcpSocket s;
    bool done = false;
    bool connected = false;
    QObject::connect(&s, &QTcpSocket::connected, [&] { connected = done = true; });
    QObject::connect(&s, &QTcpSocket::errorOccurred, [&] { done = true; });
    s.connectToHost(host, port);
    (void)QTest::qWaitFor(   // bounded; the caller checks the outcome
        [&] { return done; }, 5000);
    s.abort();
    return connected;
}

} // namespace

class TestSignInE2E : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signInThroughTheBrowser();

private:
    ServerFixture m_fx;
    Browser m_browser;
    UrlCatcher m_catcher;   // the app's "open the system browser" lands here
};

void TestSignInE2E::initTestCase()
{
    if (const QString missing = UrlCatcher::missingForBrowserFlows(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    QVERIFY2(m_fx.start(ServerFixture::utc("2026-12-10T09:00:00Z")), qPrintable(m_fx.errorString()));
    const WorkspaceIds ws = m_fx.createWorkspace(QStringLiteral("Acme"), Email);
    QVERIFY2(ws.isValid(), qPrintable(m_fx.errorString()));
    const AdminResult pw = m_fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), Email,
                                       QStringLiteral("--password"), Password});
    QVERIFY2(pw.ok(), qPrintable(pw.describe()));
    QVERIFY2(m_browser.start(), qPrintable(m_browser.errorString()));
}

void TestSignInE2E::signInThroughTheBrowser()
{
    Session *session = Session::instance();
    session->setServerUrl(m_fx.baseUrl());
    session->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(m_catcher.urls.size(), 1, 5000);
    QCOMPARE(session->state(), Session::SigningIn);

    // The authorize URL: our server, PKCE S256, a loopback redirect on 127.0.0.1.
    const QUrl authorize = m_catcher.urls.first();
    QCOMPARE(authorize.host(), m_fx.baseUrl().host());
    QCOMPARE(authorize.port(), m_fx.baseUrl().port());
    QCOMPARE(authorize.path(), QStringLiteral("/oauth/authorize"));
    const QUrlQuery q(authorize);
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QVERIFY(q.queryItemValue(QStringLiteral("state")).size() >= 16);
    const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.scheme(), QStringLiteral("http"));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    const quint16 port = quint16(redirect.port());
    QVERIFY(port > 0);

    // The listener answers on 127.0.0.1 only: another loopback address is refused.
    QVERIFY2(!accepts(QStringLiteral("127.0.0.2"), port), "the sign-in listener accepts connections beyond 127.0.0.1");
    QVERIFY2(!accepts(QStringLiteral("::1"), port), "the sign-in listener accepts IPv6 connections");

    // The Swedish sign-in page, in the browser. A wrong password first: an error, no callback.
    Browser &b = m_browser;
    QVERIFY2(b.navigate(authorize), qPrintable(b.errorString()));
    QVERIFY2(b.waitForText(QStringLiteral("Logga in")), qPrintable(b.errorString()));
    QVERIFY2(b.fill(QStringLiteral("#email"), Email), qPrintable(b.errorString()));
    QVERIFY2(b.fill(QStringLiteral("#password"), QStringLiteral("fel lösenord")), qPrintable(b.errorString()));
    QVERIFY2(b.click(QStringLiteral("button[type=submit]")), qPrintable(b.errorString()));
    QVERIFY2(b.waitForSelector(QStringLiteral("[role=alert]")), qPrintable(b.errorString()));
    QCOMPARE(session->state(), Session::SigningIn);
    QVERIFY(b.url().startsWith(m_fx.baseUrl().toString()));

    QVERIFY2(b.fill(QStringLiteral("#email"), Email), qPrintable(b.errorString()));
    QVERIFY2(b.fill(QStringLiteral("#password"), Password), qPrintable(b.errorString()));
    QVERIFY2(b.click(QStringLiteral("button[type=submit]")), qPrintable(b.errorString()));
    // The browser is sent to the app's listener, which answers with its own page ...
    QVERIFY2(b.waitForUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), qPrintable(b.errorString()));
    QVERIFY2(b.waitForText(QStringLiteral("inloggad")), qPrintable(b.errorString()));
    // ... and the app exchanges the code: signed in as the right user.
    QTRY_VERIFY_WITH_TIMEOUT(session->state() != Session::SigningIn, 15000);
    QVERIFY2(session->state() == Session::SignedIn,
             qPrintable(QStringLiteral("the app did not sign in after the callback (state %1, error \"%2\")")
                            .arg(int(session->state())).arg(session->errorString())));
    QCOMPARE(session->userEmail(), Email);
    QVERIFY(!session->currentWorkspaceId().isEmpty());

    // One callback only: the listener is closed, a second try is refused (also for the browser).
    QTRY_VERIFY_WITH_TIMEOUT(!accepts(QStringLiteral("127.0.0.1"), port), 5000);
    QVERIFY(!b.navigate(QUrl(QStringLiteral("http://127.0.0.1:%1/?code=again&state=x").arg(port)), 5000));
    QVERIFY2(b.errorString().contains(QStringLiteral("ERR_CONNECTION_REFUSED")), qPrintable(b.errorString()));

    // The refresh token is in the real keyring, as libsecret itself reads it (QtKeychain's
    // schema: server = service, user = key). tests/client checks the QtKeychain side and
    // that no file under HOME holds it in plain text.
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"), TokenStore::service(),
                                               QStringLiteral("user"), TokenStore::keyFor(m_fx.baseUrl())});
    QVERIFY2(tool.waitForStarted(5000), "secret-tool is missing (Debian package libsecret-tools; ./dev deps)");
    QVERIFY(QTest::qWaitFor([&] { return tool.state() == QProcess::NotRunning; }, 10000));
    const QString stored = QString::fromUtf8(tool.readAllStandardOutput()).trimmed();
    QVERIFY2(stored.size() >= 16, qPrintable(QStringLiteral("no refresh token in the keyring: %1")
                                                 .arg(QString::fromUtf8(tool.readAllStandardError()))));

    // It is the real, working refresh token of this session.
    QNetworkAccessManager nam;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromLatin1(QUrl::toPercentEncoding(stored)));
    form.addQueryItem(QStringLiteral("client_id"), Session::clientId());
    QNetworkRequest req(m_fx.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token"))));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = nam.post(req, form.toString(QUrl::FullyEncoded).toUtf8());
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    reply->deleteLater();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("Kliv"));
    app.setApplicationName(QStringLiteral("tst_signin_e2e"));
    TestSignInE2E test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_signin_e2e.moc"

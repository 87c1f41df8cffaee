// tst_sso_e2e: SAML single sign-on end to end. The desktop client's Session
// (signInWithSso: the same loopback + PKCE sign-in with sso=1 and login_hint),
// the real kliv-billingd as the SAML SP, a real IdP (samlify, tests/e2e/idp/idp.js)
// and headless chromium following our redirect to the IdP and its auto-posting
// form back to our ACS. Then enforcement: the password form refuses an e-mail of
// the domain, the break-glass owner still signs in with a password.
#include "browser.h"
#include "urlcatcher.h"
#include "idpprocess.h"
#include "serverfixture.h"
#include "session.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QTest>
#include <QUrlQuery>

namespace {
const QString Owner = QStringLiteral("owner@acme.se");
const QString Password = QStringLiteral("rätt häst batteri 42");
} // namespace

class TestSsoE2E : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jitSignInThroughTheIdp();
    void enforcementRefusesPasswordsButBreakGlass();

private:
    QUrl startSignIn(const std::function<void()> &start);
    void waitSignedIn(const QString &email);

    ServerFixture m_fx;
    IdpProcess m_idp;
    Browser m_browser;
    UrlCatcher m_catcher;   // the app's "open the system browser" lands here
    WorkspaceIds m_ws;
};

void TestSsoE2E::initTestCase()
{
    if (const QString missing = UrlCatcher::missingForBrowserFlows(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    QVERIFY2(m_idp.start(), qPrintable(m_idp.errorString()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY2(m_fx.start(now.addMSecs(-now.time().msec())), qPrintable(m_fx.errorString()));
    m_ws = m_fx.createWorkspace(QStringLiteral("Acme"), Owner);
    QVERIFY2(m_ws.isValid(), qPrintable(m_fx.errorString()));
    QVERIFY2(!m_fx.setPlan(m_ws.id, QStringLiteral("enterprise"), 100000).isEmpty(), qPrintable(m_fx.errorString()));
    const AdminResult sso = m_fx.admin({QStringLiteral("set-sso"), m_ws.id, QStringLiteral("--metadata"), m_idp.metadataFile(),
                                        QStringLiteral("--domain"), QStringLiteral("acme.se"), QStringLiteral("--verify-domain")});
    QVERIFY2(sso.ok(), qPrintable(sso.describe()));
    QVERIFY2(m_browser.start(), qPrintable(m_browser.errorString()));
}

// The URL the app hands to the system browser.
QUrl TestSsoE2E::startSignIn(const std::function<void()> &start)
{
    m_catcher.urls.clear();
    Session *session = Session::instance();
    session->setServerUrl(m_fx.baseUrl());
    start();
    if (!QTest::qWaitFor([&] { return !m_catcher.urls.isEmpty(); }, 5000))
        return {};
    return m_catcher.urls.last();
}

void TestSsoE2E::waitSignedIn(const QString &email)
{
    Session *session = Session::instance();
    QTRY_VERIFY_WITH_TIMEOUT(session->state() != Session::SigningIn, 20000);
    QVERIFY2(session->state() == Session::SignedIn,
             qPrintable(QStringLiteral("not signed in (state %1, error \"%2\")").arg(int(session->state())).arg(session->errorString())));
    QCOMPARE(session->userEmail(), email);
}

void TestSsoE2E::jitSignInThroughTheIdp()
{
    QVERIFY(m_idp.control({{"email", "ann@acme.se"}, {"name", "Ann Andersson"}}));
    const QUrl authorize = startSignIn([] { Session::instance()->signInWithSso(QStringLiteral("ann@acme.se")); });
    QVERIFY(authorize.isValid());
    QCOMPARE(QUrlQuery(authorize).queryItemValue(QStringLiteral("sso")), QStringLiteral("1"));
    const quint16 port = quint16(QUrl(QUrlQuery(authorize).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)).port());
    // Our server sends chromium to the IdP, whose form posts to our ACS, which sends it to the app.
    Browser &b = m_browser;
    QVERIFY2(b.navigate(authorize, 30000), qPrintable(b.errorString()));
    QVERIFY2(b.waitForUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port), 30000),
             qPrintable(b.errorString() + QStringLiteral(" at ") + b.url() + QStringLiteral(": ") + b.text().left(300)));
    QVERIFY2(b.waitForText(QStringLiteral("inloggad")), qPrintable(b.errorString()));
    waitSignedIn(QStringLiteral("ann@acme.se"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(Session::instance()->currentWorkspaceId(), m_ws.id);
    // Just in time: a member of the Enterprise workspace with the default role.
    const HttpReply me = m_fx.get(QStringLiteral("/v1/me"), m_fx.issueUserToken(QStringLiteral("ann@acme.se")));
    QCOMPARE(me.status, 200);
    const QJsonArray memberships = me.jsonArray("memberships");
    QCOMPARE(memberships.size(), 1);
    QCOMPARE(memberships.first().toObject().value(QLatin1String("workspace_id")).toString(), m_ws.id);
    QCOMPARE(memberships.first().toObject().value(QLatin1String("role")).toString(), QStringLiteral("member"));
    QCOMPARE(me.json().value(QLatin1String("user")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Ann Andersson"));
    Session::instance()->signOut();
}

void TestSsoE2E::enforcementRefusesPasswordsButBreakGlass()
{
    QVERIFY(m_fx.addMember(m_ws.id, QStringLiteral("bob@acme.se")).contains(QLatin1String("member_id")));
    for (const QString &who : {Owner, QStringLiteral("bob@acme.se")})
        QVERIFY(m_fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), who, QStringLiteral("--password"), Password}).ok());
    const AdminResult on = m_fx.admin({QStringLiteral("set-sso"), m_ws.id, QStringLiteral("--break-glass"), Owner,
                                       QStringLiteral("--enforce"), QStringLiteral("on")});
    QVERIFY2(on.ok(), qPrintable(on.describe()));
    QTRY_VERIFY_WITH_TIMEOUT(Session::instance()->state() != Session::SignedIn, 10000);

    const QUrl authorize = startSignIn([] { Session::instance()->signIn(); });
    QVERIFY(authorize.isValid());
    Browser &b = m_browser;
    QVERIFY2(b.navigate(authorize), qPrintable(b.errorString()));
    QVERIFY2(b.fill(QStringLiteral("#email"), QStringLiteral("bob@acme.se")), qPrintable(b.errorString()));
    QVERIFY2(b.fill(QStringLiteral("#password"), Password), qPrintable(b.errorString()));
    QVERIFY2(b.click(QStringLiteral("button[type=submit]")), qPrintable(b.errorString()));
    QVERIFY2(b.waitForText(QStringLiteral("Din organisation kräver inloggning med SSO. Välj ”Logga in med SSO”.")),
             qPrintable(b.errorString() + QStringLiteral(": ") + b.text().left(300)));
    QCOMPARE(Session::instance()->state(), Session::SigningIn);
    // The break-glass owner, on the same page.
    QVERIFY2(b.fill(QStringLiteral("#email"), Owner), qPrintable(b.errorString()));
    QVERIFY2(b.fill(QStringLiteral("#password"), Password), qPrintable(b.errorString()));
    QVERIFY2(b.click(QStringLiteral("button[type=submit]")), qPrintable(b.errorString()));
    waitSignedIn(Owner);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("Kliv"));
    app.setApplicationName(QStringLiteral("tst_sso_e2e"));
    TestSsoE2E test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sso_e2e.moc"

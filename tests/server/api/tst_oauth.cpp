// Sign-in: the Swedish page, loopback-only redirects, PKCE S256 by posting the
// form, code replay, refresh rotation with reuse detection, revocation, expiry.
#include "apitestserver.h"
#include "secrets.h"

#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using Fields = QList<QPair<QString, QString>>;

static const QString Verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
static const QString Challenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
static const QString Redirect = QStringLiteral("http://127.0.0.1:53682/callback");

class TstOAuth : public QObject
{
    Q_OBJECT
private:
    ApiTestServer m_srv{false};

    static Fields authorizeParams(const QString &redirect = Redirect, const QString &state = QStringLiteral("st-1"))
    {
        return {{"response_type", "code"}, {"client_id", "kliv-konto"}, {"redirect_uri", redirect},
                {"state", state}, {"code_challenge", Challenge}, {"code_challenge_method", "S256"}};
    }
    static QString query(const Fields &f)
    {
        QUrlQuery q;
        for (const auto &p : f)
            q.addQueryItem(p.first, QString::fromLatin1(QUrl::toPercentEncoding(p.second)));
        return q.query(QUrl::FullyEncoded);
    }
    // Posts the sign-in form; returns the code from the redirect (empty if none).
    QString signIn(const QString &password = QStringLiteral("rätt-lösen"), const QString &state = QStringLiteral("st-1"))
    {
        Fields f = authorizeParams(Redirect, state);
        f.append(qMakePair(QStringLiteral("email"), QString("anna@oauth.test")));
        f.append(qMakePair(QStringLiteral("password"), QString(password)));
        const ApiReply r = m_srv.postForm(QStringLiteral("/oauth/authorize"), f);
        if (r.status != 302)
            return {};
        const QUrl location(QString::fromUtf8(r.header("Location")));
        if (!location.toString().startsWith(Redirect + QLatin1Char('?')))
            return {};
        const QUrlQuery q(location);
        if (q.queryItemValue("state", QUrl::FullyDecoded) != state)
            return {};
        return q.queryItemValue("code", QUrl::FullyDecoded);
    }
    ApiReply exchange(const QString &code, const QString &verifier = Verifier)
    {
        return m_srv.postForm(QStringLiteral("/oauth/token"),
                              {{"grant_type", "authorization_code"}, {"code", code}, {"code_verifier", verifier},
                               {"redirect_uri", Redirect}, {"client_id", "kliv-konto"}});
    }
    ApiReply refresh(const QString &token)
    {
        return m_srv.postForm(QStringLiteral("/oauth/token"),
                              {{"grant_type", "refresh_token"}, {"refresh_token", token}, {"client_id", "kliv-konto"}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_srv.start(&error), qPrintable(error));
        QVERIFY(!m_srv.createUser(QStringLiteral("anna@oauth.test"), QStringLiteral("rätt-lösen")).isEmpty());
        m_srv.createWorkspace(QStringLiteral("OAuth AB"), QStringLiteral("anna@oauth.test"));
    }

    void pkceTestVector()
    {
        QCOMPARE(http::secrets::pkceS256(Verifier), Challenge);   // RFC 7636 appendix B
    }

    void signInPageIsSwedishAndEscaped()
    {
        const ApiReply r = m_srv.get(QStringLiteral("/oauth/authorize?")
                                     + query(authorizeParams(Redirect, QStringLiteral("\"><script>alert(1)</script>"))));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        const QString html = QString::fromUtf8(r.body);
        QVERIFY(html.contains(QStringLiteral("Logga in")));
        QVERIFY(html.contains(QStringLiteral("Lösenord")));
        QVERIFY(html.contains(QStringLiteral("#1F9D6B")));
        QVERIFY(!html.contains(QStringLiteral("<script>alert(1)")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    }

    void refusesBadAuthorizeRequests_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("localhost") << "redirect_uri" << "http://localhost:53682/callback";
        QTest::newRow("remote host") << "redirect_uri" << "http://evil.example:53682/callback";
        QTest::newRow("https elsewhere") << "redirect_uri" << "https://127.0.0.1.evil.example/cb";
        QTest::newRow("no port") << "redirect_uri" << "http://127.0.0.1/callback";
        QTest::newRow("userinfo") << "redirect_uri" << "http://me@127.0.0.1:5000/cb";
        QTest::newRow("plain pkce") << "code_challenge_method" << "plain";
        QTest::newRow("no state") << "state" << "";
        QTest::newRow("token flow") << "response_type" << "token";
    }
    void refusesBadAuthorizeRequests()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        Fields f = authorizeParams();
        for (auto &p : f) {
            if (p.first == key)
                p.second = value;
        }
        const ApiReply get = m_srv.get(QStringLiteral("/oauth/authorize?") + query(f));
        QCOMPARE(get.status, 400);
        QVERIFY(get.header("Location").isEmpty());
        QVERIFY(get.header("Content-Type").startsWith("text/html"));
        f.append(qMakePair(QStringLiteral("email"), QString("anna@oauth.test")));
        f.append(qMakePair(QStringLiteral("password"), QString("rätt-lösen")));
        const ApiReply post = m_srv.postForm(QStringLiteral("/oauth/authorize"), f);
        QCOMPARE(post.status, 400);
        QVERIFY(post.header("Location").isEmpty());
    }

    void ipv6LoopbackAccepted()
    {
        const ApiReply r = m_srv.get(QStringLiteral("/oauth/authorize?")
                                     + query(authorizeParams(QStringLiteral("http://[::1]:40000/cb"))));
        QCOMPARE(r.status, 200);
    }

    void wrongPasswordShowsTheFormAgain()
    {
        Fields f = authorizeParams();
        f.append(qMakePair(QStringLiteral("email"), QString("anna@oauth.test")));
        f.append(qMakePair(QStringLiteral("password"), QString("fel")));
        const ApiReply r = m_srv.postForm(QStringLiteral("/oauth/authorize"), f);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Location").isEmpty());
        QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("Fel e-postadress eller lösenord")));
    }

    void repeatedFailuresAreThrottled()
    {
        m_srv.createUser(QStringLiteral("guess@oauth.test"), QStringLiteral("hemligt"));
        Fields f = authorizeParams();
        f.append(qMakePair(QStringLiteral("email"), QString("guess@oauth.test")));
        f.append(qMakePair(QStringLiteral("password"), QString("fel")));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(m_srv.postForm(QStringLiteral("/oauth/authorize"), f).status, 200);
        QCOMPARE(m_srv.postForm(QStringLiteral("/oauth/authorize"), f).status, 429);
        f.last().second = QStringLiteral("hemligt");   // even the right password waits now
        QCOMPARE(m_srv.postForm(QStringLiteral("/oauth/authorize"), f).status, 429);
    }

    void fullFlowAndReplayedCode()
    {
        const QString code = signIn(QStringLiteral("rätt-lösen"), QStringLiteral("a b&c=d"));
        QVERIFY(!code.isEmpty());
        const ApiReply tokens = exchange(code);
        QCOMPARE(tokens.status, 200);
        const QJsonObject t = tokens.json();
        QCOMPARE(t.value("token_type").toString(), QStringLiteral("Bearer"));
        QCOMPARE(t.value("expires_in").toInt(), 3600);
        QVERIFY(!t.value("refresh_token").toString().isEmpty());
        const ApiReply me = m_srv.get(QStringLiteral("/v1/me"), t.value("access_token").toString());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value("user").toObject().value("email").toString(), QStringLiteral("anna@oauth.test"));

        const ApiReply replay = exchange(code);
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.json().value("error").toString(), QStringLiteral("invalid_grant"));
    }

    void wrongVerifierIsRefused()
    {
        const QString code = signIn();
        QVERIFY(!code.isEmpty());
        const ApiReply r = exchange(code, QString(Verifier).replace(0, 1, QLatin1Char('X')));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toString(), QStringLiteral("invalid_grant"));
    }

    void badTokenRequests()
    {
        ApiReply r = m_srv.postForm(QStringLiteral("/oauth/token"), {{"grant_type", "password"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toString(), QStringLiteral("unsupported_grant_type"));
        r = m_srv.postForm(QStringLiteral("/oauth/token"), {{"grant_type", "authorization_code"}});
        QCOMPARE(r.json().value("error").toString(), QStringLiteral("invalid_request"));
    }

    void refreshRotatesAndReuseRevokesTheFamily()
    {
        const ApiReply first = exchange(signIn());
        QCOMPARE(first.status, 200);
        const QString r1 = first.json().value("refresh_token").toString();
        const ApiReply second = refresh(r1);
        QCOMPARE(second.status, 200);
        const QString r2 = second.json().value("refresh_token").toString();
        const QString a2 = second.json().value("access_token").toString();
        QVERIFY(r2 != r1);
        QCOMPARE(m_srv.get(QStringLiteral("/v1/me"), a2).status, 200);

        // r1 again: someone replayed a stolen token; the whole chain dies.
        const ApiReply reuse = refresh(r1);
        QCOMPARE(reuse.status, 400);
        QCOMPARE(reuse.json().value("error").toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(refresh(r2).status, 400);
        QCOMPARE(m_srv.get(QStringLiteral("/v1/me"), a2).status, 401);
    }

    void revokeEndsTheSession()
    {
        const ApiReply tokens = exchange(signIn());
        const QString refreshToken = tokens.json().value("refresh_token").toString();
        QCOMPARE(m_srv.postForm(QStringLiteral("/oauth/revoke"), {{"token", refreshToken}}).status, 200);
        QCOMPARE(refresh(refreshToken).status, 400);
        QCOMPARE(m_srv.postForm(QStringLiteral("/oauth/revoke"), {{"token", "unknown"}}).status, 200);
    }

    // Sign-ins clear used and expired codes and long-expired tokens.
    void usedCodesAndExpiredTokensAreDeleted()
    {
        const QString stale = m_srv.userToken(QStringLiteral("anna@oauth.test"), -2 * 86400);
        QVERIFY(!stale.isEmpty());
        for (int i = 0; i < 25; ++i)
            QCOMPARE(exchange(signIn()).status, 200);
        const auto count = [&](const QString &sql, const QVariant &arg = {}) {
            QSqlQuery q(m_srv.store()->database());
            q.prepare(sql);
            if (arg.isValid())
                q.addBindValue(arg);
            return q.exec() && q.next() ? q.value(0).toInt() : -1;
        };
        QVERIFY2(count(QStringLiteral("SELECT COUNT(*) FROM auth_codes")) <= 1,
                 qPrintable(QString::number(count(QStringLiteral("SELECT COUNT(*) FROM auth_codes")))));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM tokens WHERE hash = ?"),
                       QString::fromLatin1(storage::Store::hashToken(stale))), 0);
        // A fresh session is untouched.
        const ApiReply live = exchange(signIn());
        QCOMPARE(m_srv.get(QStringLiteral("/v1/me"), live.json().value("access_token").toString()).status, 200);
    }

    void expiredAccessToken()
    {
        const QString token = m_srv.userToken(QStringLiteral("anna@oauth.test"), -10);
        QVERIFY(!token.isEmpty());
        const ApiReply r = m_srv.get(QStringLiteral("/v1/me"), token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("token_expired"));
        QCOMPARE(m_srv.get(QStringLiteral("/v1/me"), QStringLiteral("nonsense")).errorCode(), QStringLiteral("unauthorized"));
    }
};

QTEST_GUILESS_MAIN(TstOAuth)
#include "tst_oauth.moc"

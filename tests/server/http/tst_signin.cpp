// Sign-in against the real binary (SQLite and PostgreSQL): throttling that
// slows guessing without locking the account's owner out, the same cost for
// unknown and known e-mails, code replay revoking what the code issued, and
// redirect URIs that would carry two codes.
#include "apitest.h"
#include "httpconnection.h"

#include <QCryptographicHash>
#include <QTcpSocket>
#include <QUrlQuery>
#include <algorithm>

namespace {
const QString Verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const QString Challenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
const QString Redirect = QStringLiteral("http://127.0.0.1:53682/callback");
const QString Password = QStringLiteral("rätt-lösen-42");
} // namespace

class SignIn : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;

    static QByteArray form(const QList<QPair<QString, QString>> &fields)
    {
        QUrlQuery q;
        for (const auto &f : fields)
            q.addQueryItem(f.first, QString::fromLatin1(QUrl::toPercentEncoding(f.second)));
        return q.query(QUrl::FullyEncoded).toUtf8();
    }
    static QList<QPair<QString, QString>> authorize(const QString &redirect = Redirect)
    {
        return {{"response_type", "code"}, {"client_id", "kliv-konto"}, {"redirect_uri", redirect},
                {"state", "st-1"}, {"code_challenge", Challenge}, {"code_challenge_method", "S256"}};
    }
    static QByteArray signInBody(const QString &email, const QString &password)
    {
        auto f = authorize();
        f.append({QStringLiteral("email"), email});
        f.append({QStringLiteral("password"), password});
        return form(f);
    }

    // One request from a chosen loopback source address (the whole 127/8 is local).
    HttpReply fromSource(const QString &source, const QByteArray &method, const QString &path, const QByteArray &body)
    {
        HttpReply r;
        QTcpSocket socket;
        if (!socket.bind(QHostAddress(source))) {
            r.error = QStringLiteral("cannot bind ") + source;
            return r;
        }
        socket.connectToHost(QHostAddress::LocalHost, fx->port());
        socket.write(HttpConnection::buildRequest(method, path.toUtf8(), body, {}, "application/x-www-form-urlencoded"));
        // Read until the whole answer is in (Content-Length; the server may keep the connection).
        QByteArray all;
        int end = -1;
        qint64 length = -1;
        const bool complete = QTest::qWaitFor([&] {
            all += socket.readAll();
            end = int(all.indexOf("\r\n\r\n"));
            if (end >= 0 && length < 0) {
                const QByteArray lower = all.left(end).toLower();
                const int at = int(lower.indexOf("content-length:"));
                length = at < 0 ? 0 : lower.mid(at + 15, lower.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            }
            return end >= 0 && all.size() - end - 4 >= length;
        }, 15000);
        const QList<QByteArray> head = all.left(end).split('\n');
        if (!complete || head.isEmpty()) {
            r.error = QStringLiteral("no complete answer within 15 s");
            return r;
        }
        r.status = head.first().split(' ').value(1).toInt();
        for (const QByteArray &line : head.mid(1)) {
            const int colon = int(line.indexOf(':'));
            if (colon > 0)
                r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        r.body = all.mid(end + 4, int(length));
        return r;
    }
    HttpReply signIn(const QString &email, const QString &password, const QString &source = QStringLiteral("127.0.0.1"))
    {
        return fromSource(source, "POST", QStringLiteral("/oauth/authorize"), signInBody(email, password));
    }
    QString codeOf(const HttpReply &r)
    {
        return QUrlQuery(QUrl(QString::fromUtf8(r.headers.value("location")))).queryItemValue("code", QUrl::FullyDecoded);
    }
    HttpReply exchange(const QString &code)
    {
        return fx->send(HttpConnection::buildRequest(
            "POST", "/oauth/token",
            form({{"grant_type", "authorization_code"}, {"code", code}, {"code_verifier", Verifier},
                  {"redirect_uri", Redirect}, {"client_id", "kliv-konto"}}),
            {}, "application/x-www-form-urlencoded"));
    }
    void makeUser(const QString &email)
    {
        QVERIFY2(fx->createWorkspace(QStringLiteral("WS ") + email, email).isValid(), qPrintable(fx->errorString()));
        const AdminResult r = fx->admin({QStringLiteral("set-password"), QStringLiteral("--user"), email,
                                         QStringLiteral("--password"), Password});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    // Ten wrong passwords from one place lock out that place, not the account's owner.
    void ownerStillSignsInFromElsewhere()
    {
        KLIV_START(fx, apitest::wallClock());
        makeUser(QStringLiteral("anna@signin.test"));
        for (int i = 0; i < 10; ++i) {
            const HttpReply wrong = signIn(QStringLiteral("anna@signin.test"), QStringLiteral("fel"));
            QVERIFY2(wrong.status == 200, qPrintable(QStringLiteral("attempt %1: HTTP %2").arg(i + 1).arg(wrong.status)));
        }
        KLIV_VERIFY_STATUS(signIn(QStringLiteral("anna@signin.test"), QStringLiteral("fel")), 429);
        KLIV_VERIFY_STATUS(signIn(QStringLiteral("anna@signin.test"), Password), 429);
        const HttpReply owner = signIn(QStringLiteral("Anna@signin.test"), Password, QStringLiteral("127.0.0.2"));
        KLIV_VERIFY_STATUS(owner, 302);
        QVERIFY(!codeOf(owner).isEmpty());
    }

    // One password tried on many accounts from one source is slowed as well.
    void sprayingAcrossAccountsIsThrottled()
    {
        KLIV_START(fx, apitest::wallClock());
        makeUser(QStringLiteral("bo@signin.test"));
        int refused = 0;
        for (int i = 0; i < 40 && !refused; ++i) {
            const HttpReply r = signIn(QStringLiteral("user%1@signin.test").arg(i), QStringLiteral("Sommar2026!"));
            if (r.status == 429)
                refused = i;
            else
                KLIV_VERIFY_STATUS(r, 200);
        }
        QVERIFY2(refused > 0 && refused <= 30, qPrintable(QString::number(refused)));
        KLIV_VERIFY_STATUS(signIn(QStringLiteral("bo@signin.test"), Password), 429);
        KLIV_VERIFY_STATUS(signIn(QStringLiteral("bo@signin.test"), Password, QStringLiteral("127.0.0.3")), 302);
    }

    // No answer time tells which e-mails have an account.
    void unknownEmailCostsWhatAKnownOneCosts()
    {
        KLIV_START(fx, apitest::wallClock());
        makeUser(QStringLiteral("cilla@signin.test"));
        QList<qint64> known, unknown;
        for (int i = 0; i < 5; ++i) {
            const QString source = QStringLiteral("127.0.1.%1").arg(i + 1);
            QElapsedTimer t;
            t.start();
            KLIV_VERIFY_STATUS(signIn(QStringLiteral("cilla@signin.test"), QStringLiteral("fel"), source), 200);
            known << t.nsecsElapsed();
            t.restart();
            KLIV_VERIFY_STATUS(signIn(QStringLiteral("nobody%1@signin.test").arg(i), QStringLiteral("fel"), source), 200);
            unknown << t.nsecsElapsed();
        }
        std::sort(known.begin(), known.end());
        std::sort(unknown.begin(), unknown.end());
        const double k = double(known.at(2)), u = double(unknown.at(2));
        qInfo("median wrong password: known e-mail %.1f ms, unknown %.1f ms", k / 1e6, u / 1e6);
        QVERIFY2(u * 2 >= k && k * 2 >= u, qPrintable(QStringLiteral("known %1 ns, unknown %2 ns").arg(k).arg(u)));
    }

    // RFC 6749 section 4.1.2: a replayed code revokes the tokens its first exchange issued.
    void replayedCodeRevokesItsTokens()
    {
        KLIV_START(fx, apitest::wallClock());
        makeUser(QStringLiteral("dan@signin.test"));
        const QString code = codeOf(signIn(QStringLiteral("dan@signin.test"), Password));
        QVERIFY(!code.isEmpty());
        const HttpReply first = exchange(code);
        KLIV_VERIFY_STATUS(first, 200);
        const QString access = first.json().value("access_token").toString();
        const QString refresh = first.json().value("refresh_token").toString();
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/v1/me"), access), 200);
        const HttpReply replay = exchange(code);
        KLIV_VERIFY_STATUS(replay, 400);
        QCOMPARE(replay.json().value("error").toString(), QStringLiteral("invalid_grant"));
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/v1/me"), access), 401);
        const HttpReply refreshed = fx->send(HttpConnection::buildRequest(
            "POST", "/oauth/token", form({{"grant_type", "refresh_token"}, {"refresh_token", refresh}, {"client_id", "kliv-konto"}}),
            {}, "application/x-www-form-urlencoded"));
        KLIV_VERIFY_STATUS(refreshed, 400);
        // A second sign-in is a new session, untouched by the replay.
        const HttpReply again = exchange(codeOf(signIn(QStringLiteral("dan@signin.test"), Password)));
        KLIV_VERIFY_STATUS(again, 200);
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/v1/me"), again.json().value("access_token").toString()), 200);
    }

    // We add code and state to the redirect URI: one that has them already is refused up front.
    void redirectUriWithCodeIsRefused()
    {
        KLIV_START(fx, apitest::wallClock());
        makeUser(QStringLiteral("eva@signin.test"));
        for (const QString &uri : {QStringLiteral("http://127.0.0.1:53682/callback?code=evil"),
                                   QStringLiteral("http://127.0.0.1:53682/callback?x=1&state=s")}) {
            QUrlQuery q;
            for (const auto &p : authorize(uri))
                q.addQueryItem(p.first, QString::fromLatin1(QUrl::toPercentEncoding(p.second)));
            const HttpReply page = fx->get(QStringLiteral("/oauth/authorize?") + q.query(QUrl::FullyEncoded));
            KLIV_VERIFY_STATUS(page, 400);
            QVERIFY(page.body.contains("invalid_request"));
            auto f = authorize(uri);
            f.append({QStringLiteral("email"), QStringLiteral("eva@signin.test")});
            f.append({QStringLiteral("password"), Password});
            const HttpReply r = fromSource(QStringLiteral("127.0.0.1"), "POST", QStringLiteral("/oauth/authorize"), form(f));
            KLIV_VERIFY_STATUS(r, 400);
            QVERIFY(r.headers.value("location").isEmpty());
        }
        // Other query parameters stay allowed.
        const HttpReply ok = fx->get(QStringLiteral("/oauth/authorize?") + [] {
            QUrlQuery q;
            for (const auto &p : authorize(QStringLiteral("http://127.0.0.1:53682/cb?app=1")))
                q.addQueryItem(p.first, QString::fromLatin1(QUrl::toPercentEncoding(p.second)));
            return q.query(QUrl::FullyEncoded);
        }());
        KLIV_VERIFY_STATUS(ok, 200);
    }
};

QTEST_GUILESS_MAIN(SignIn)
#include "tst_signin.moc"

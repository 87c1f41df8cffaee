// ApiClient, LoopbackSignIn and LiveChannel against small local servers: the
// error paths a real server rarely produces on demand.
#include "apiclient.h"
#include "livechannel.h"
#include "liveprotocol.h"
#include "loopbacksignin.h"
#include "scriptedserver.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

class TestClientApi : public QObject
{
    Q_OBJECT

    ApiResult call(ApiClient &api, const QString &verb, const QString &path)
    {
        ApiResult out;
        bool done = false;
        auto cb = [&](const ApiResult &r) { out = r; done = true; };
        if (verb == QLatin1String("GET"))
            api.get(path, {}, this, cb);
        else
            api.post(path, {{QStringLiteral("x"), 1}}, this, cb);
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qWarning("no answer");
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The messages under test are the Swedish source texts.
        QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
    }

    void connectionRefusedIsANetworkErrorAfterRetries()
    {
        quint16 port;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        ApiClient api;
        api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        api.setRetryDelays({10, 20});
        const ApiResult r = call(api, QStringLiteral("GET"), QStringLiteral("/v1/me"));
        QCOMPARE(r.error.kind, ApiError::Network);
        QCOMPARE(r.error.message, QStringLiteral("Kan inte nå Kliv. Kontrollera internetanslutningen och försök igen."));
    }

    void getIsRetriedAfter500ButPostIsNot()
    {
        ScriptedServer srv;
        srv.script = {ScriptedServer::response(500, R"({"error":{"code":"internal","message":"boom"}})"),
                      ScriptedServer::response(200, R"({"ok":true})")};
        ApiClient api;
        api.setBaseUrl(QUrl(srv.url()));
        api.setRetryDelays({10, 20});
        ApiResult r = call(api, QStringLiteral("GET"), QStringLiteral("/v1/plans"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.object().value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(srv.seen.size(), 2);

        srv.script = {ScriptedServer::response(500, R"({"error":{"code":"internal","message":"boom"}})"),
                      ScriptedServer::response(200, R"({"ok":true})")};
        r = call(api, QStringLiteral("POST"), QStringLiteral("/v1/workspaces/w/subscription/cancel"));
        QCOMPARE(r.error.kind, ApiError::Server);
        QCOMPARE(r.status, 500);
        QCOMPARE(srv.seen.size(), 3); // a POST is never repeated on its own
        QVERIFY(!r.error.message.contains(QLatin1String("boom"))); // server text stays in the log
    }

    void malformedJsonIsAnInvalidResponse_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("garbage") << ScriptedServer::response(200, "\x01\x02 not json <html>", "text/html");
        QTest::newRow("truncated") << ScriptedServer::response(200, R"({"remaining": 3,)");
        QTest::newRow("array") << ScriptedServer::response(200, "[1,2,3]");
    }
    void malformedJsonIsAnInvalidResponse()
    {
        QFETCH(QByteArray, raw);
        ScriptedServer srv;
        srv.script = {raw};
        ApiClient api;
        api.setBaseUrl(QUrl(srv.url()));
        const ApiResult r = call(api, QStringLiteral("GET"), QStringLiteral("/v1/workspaces/w/balance"));
        QCOMPARE(r.error.kind, ApiError::InvalidResponse);
        QCOMPARE(r.error.message, QStringLiteral("Kliv skickade ett svar som inte gick att läsa. Försök igen om en stund."));
    }

    void errorCodesMapToKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("402") << 402 << QByteArray("insufficient_credits") << int(ApiError::InsufficientCredits);
        QTest::newRow("403") << 403 << QByteArray("forbidden") << int(ApiError::Forbidden);
        QTest::newRow("404") << 404 << QByteArray("not_found") << int(ApiError::NotFound);
        QTest::newRow("409 seats") << 409 << QByteArray("seat_limit_reached") << int(ApiError::SeatLimitReached);
        QTest::newRow("409 past_due") << 409 << QByteArray("past_due") << int(ApiError::PastDue);
        QTest::newRow("409") << 409 << QByteArray("conflict") << int(ApiError::Conflict);
        QTest::newRow("503 payments") << 503 << QByteArray("payments_unavailable") << int(ApiError::PaymentsUnavailable);
        QTest::newRow("400 validation") << 400 << QByteArray("validation_failed") << int(ApiError::Validation);
    }
    void errorCodesMapToKinds()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(int, kind);
        ScriptedServer srv;
        srv.script = {ScriptedServer::response(status, R"({"error":{"code":")" + code + R"(","message":"<b>x</b>"}})")};
        ApiClient api;
        api.setBaseUrl(QUrl(srv.url()));
        const ApiResult r = call(api, QStringLiteral("POST"), QStringLiteral("/v1/x"));
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(r.error.code, QString::fromLatin1(code));
        QVERIFY(!r.error.message.isEmpty());
        QVERIFY(!r.error.message.contains(QLatin1Char('<')));
    }

    void unauthorizedRefreshesOnceThenRetries()
    {
        ScriptedServer srv;
        srv.script = {ScriptedServer::response(401, R"({"error":{"code":"token_expired","message":"expired"}})"),
                      ScriptedServer::response(200, R"({"user":{"email":"a@b.test"}})")};
        ApiClient api;
        api.setBaseUrl(QUrl(srv.url()));
        api.setAccessToken(QStringLiteral("old-token"));
        int refreshes = 0;
        api.setRefresher([&](std::function<void(bool)> done) {
            ++refreshes;
            api.setAccessToken(QStringLiteral("new-token"));
            done(true);
        });
        const ApiResult r = call(api, QStringLiteral("GET"), QStringLiteral("/v1/me"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(refreshes, 1);
        QCOMPARE(srv.seen.size(), 2);
        QCOMPARE(srv.header(0, "Authorization"), QByteArray("Bearer old-token"));
        QCOMPARE(srv.header(1, "Authorization"), QByteArray("Bearer new-token"));
        QVERIFY(srv.header(1, "User-Agent").startsWith("KlivKonto/"));

        // A refresh that fails ends in Unauthorized, and no third request.
        srv.script = {ScriptedServer::response(401, R"({"error":{"code":"unauthorized","message":"no"}})")};
        api.setRefresher([&](std::function<void(bool)> done) { ++refreshes; done(false); });
        const ApiResult r2 = call(api, QStringLiteral("GET"), QStringLiteral("/v1/me"));
        QCOMPARE(r2.error.kind, ApiError::Unauthorized);
        QCOMPARE(refreshes, 2);
        QCOMPARE(srv.seen.size(), 3);
    }

    void silentServerTimesOut()
    {
        ScriptedServer srv; // answers nothing
        ApiClient api;
        api.setBaseUrl(QUrl(srv.url()));
        api.setTimeout(300);
        api.setRetryDelays({});
        const ApiResult r = call(api, QStringLiteral("GET"), QStringLiteral("/v1/me"));
        QCOMPARE(r.error.kind, ApiError::Timeout);
    }

    void loopbackAcceptsOneCallbackWithTheRightState()
    {
        LoopbackSignIn signIn;
        QVERIFY(signIn.start());
        QVERIFY(signIn.redirectUri().startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(signIn.codeVerifier().size() >= 43 && signIn.codeVerifier().size() <= 128);
        QCOMPARE(signIn.codeChallenge(),
                 QString::fromLatin1(QCryptographicHash::hash(signIn.codeVerifier().toLatin1(), QCryptographicHash::Sha256)
                                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        const QUrl authorize = signIn.authorizeUrl(QUrl(QStringLiteral("http://kliv.test")), QStringLiteral("kliv-konto"));
        const QUrlQuery q(authorize);
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), signIn.state());
        QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), signIn.redirectUri());
        // Single sign-on adds its two parameters, the e-mail encoded (a '+' is not a space).
        const QUrlQuery sso(signIn.authorizeUrl(QUrl(QStringLiteral("http://kliv.test")), QStringLiteral("kliv-konto"),
                                                {{QStringLiteral("sso"), QStringLiteral("1")},
                                                 {QStringLiteral("login_hint"), QStringLiteral("ann+it@acme.se")}}));
        QCOMPARE(sso.queryItemValue(QStringLiteral("sso")), QStringLiteral("1"));
        QCOMPARE(sso.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), QStringLiteral("ann+it@acme.se"));
        QCOMPARE(sso.queryItemValue(QStringLiteral("state")), signIn.state());

        QSignalSpy code(&signIn, &LoopbackSignIn::codeReceived);
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(signIn.redirectUri() + QStringLiteral("?code=abc&state=") + signIn.state())));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(QString::fromUtf8(reply->readAll()).contains(QStringLiteral("Du är inloggad – gå tillbaka till Kliv Konto")));
        QCOMPARE(code.size(), 1);
        QCOMPARE(code.at(0).at(0).toString(), QStringLiteral("abc"));
        QVERIFY(!signIn.isListening()); // exactly one callback
        delete reply;
    }

    void loopbackRejectsAWrongStateAndCloses()
    {
        LoopbackSignIn signIn;
        QVERIFY(signIn.start());
        QSignalSpy code(&signIn, &LoopbackSignIn::codeReceived);
        QSignalSpy failed(&signIn, &LoopbackSignIn::failed);
        const QString redirect = signIn.redirectUri();
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(redirect + QStringLiteral("?code=abc&state=forged"))));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QCOMPARE(code.size(), 0);
        QCOMPARE(failed.size(), 1);
        QVERIFY(!signIn.isListening());
        delete reply;
        // A second try, even with the right state, finds nobody listening.
        reply = nam.get(QNetworkRequest(QUrl(redirect + QStringLiteral("?code=abc&state=") + signIn.state())));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
        QCOMPARE(code.size(), 0);
        delete reply;
    }

    void translationsAreEmbedded()
    {
        // main.cpp loads these; lrelease builds them from translations/*.ts.
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/kliv-konto_sv.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/kliv-konto_en.qm")));
    }

    void liveChannelAsksForAResyncOnAGap()
    {
        QWebSocketServer server(QStringLiteral("live"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> clients;
        QByteArray authorization;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *c = server.nextPendingConnection();
            authorization = c->request().rawHeader("Authorization");
            clients << c;
        });
        LiveChannel live;
        live.setTokenProvider([](std::function<void(const QString &)> go) { go(QStringLiteral("tok")); });
        QSignalSpy balance(&live, &LiveChannel::balanceReceived);
        QSignalSpy usage(&live, &LiveChannel::usageReceived);
        QSignalSpy resync(&live, &LiveChannel::resyncNeeded);
        live.open(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), QStringLiteral("ws1"));
        QTRY_COMPARE(clients.size(), 1);
        QTRY_VERIFY(live.isConnected());
        QCOMPARE(authorization, QByteArray("Bearer tok"));
        QCOMPARE(clients.at(0)->requestUrl().path(), QStringLiteral("/v1/workspaces/ws1/live"));
        QWebSocket *c = clients.at(0);
        c->sendTextMessage(QStringLiteral(R"({"type":"hello","seq":5,"data":{"remaining":3}})"));
        c->sendTextMessage(QStringLiteral(R"({"type":"usage","seq":6,"data":{"credits":1}})"));
        c->sendTextMessage(QStringLiteral(R"({"type":"balance","seq":7,"data":{"remaining":2}})"));
        QTRY_COMPARE(balance.size(), 2);
        QCOMPARE(usage.size(), 1);
        QCOMPARE(resync.size(), 0);
        c->sendTextMessage(QStringLiteral(R"({"type":"balance","seq":9,"data":{"remaining":1}})"));
        c->sendTextMessage(QStringLiteral("not json"));
        QTRY_COMPARE(resync.size(), 1);

        // The server goes away: the channel reconnects by itself.
        live.setMaxBackoff(200);
        c->close();
        QTRY_VERIFY(!live.isConnected());
        QTRY_COMPARE_WITH_TIMEOUT(clients.size(), 2, 5000);
        QTRY_VERIFY(live.isConnected());
        // hello after a reconnect with a later seq: something was missed.
        clients.at(1)->sendTextMessage(QStringLiteral(R"({"type":"hello","seq":12,"data":{"remaining":1}})"));
        QTRY_COMPARE(resync.size(), 2);
        live.close();
    }

    // api/live-protocol.json: the same cases the server's stream is checked against.
    void liveProtocolSharedCases()
    {
        QFile file(qEnvironmentVariable("KLIV_SOURCE_DIR") + QStringLiteral("/api/live-protocol.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("cases")).toArray();
        QVERIFY(cases.size() >= 10);
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            const auto action = liveprotocol::classify(c.value(QStringLiteral("last")).toInteger(),
                                                       c.value(QStringLiteral("type")).toString(),
                                                       c.value(QStringLiteral("seq")).toInteger());
            QVERIFY2(c.value(QStringLiteral("expect")).toString() == QLatin1String(liveprotocol::actionName(action)),
                     qPrintable(c.value(QStringLiteral("name")).toString()));
        }
    }

    // A refill snapshot repeats the current seq: the meter takes it, no refetch
    // (it used to be taken as a gap: data dropped and everything refetched).
    void liveChannelTakesASnapshotWithTheSameSeq()
    {
        QWebSocketServer server(QStringLiteral("live"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> clients;
        connect(&server, &QWebSocketServer::newConnection, this, [&] { clients << server.nextPendingConnection(); });
        LiveChannel live;
        live.setTokenProvider([](std::function<void(const QString &)> go) { go(QStringLiteral("tok")); });
        QSignalSpy balance(&live, &LiveChannel::balanceReceived);
        QSignalSpy usage(&live, &LiveChannel::usageReceived);
        QSignalSpy resync(&live, &LiveChannel::resyncNeeded);
        live.open(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), QStringLiteral("ws1"));
        QTRY_COMPARE(clients.size(), 1);
        QWebSocket *c = clients.at(0);
        c->sendTextMessage(QStringLiteral(R"({"type":"hello","seq":5,"data":{"remaining":3}})"));
        c->sendTextMessage(QStringLiteral(R"({"type":"balance","seq":5,"data":{"remaining":5}})"));   // refill
        c->sendTextMessage(QStringLiteral(R"({"type":"usage","seq":6,"data":{"credits":1}})"));
        c->sendTextMessage(QStringLiteral(R"({"type":"usage","seq":6,"data":{"credits":1}})"));       // repeated
        c->sendTextMessage(QStringLiteral(R"({"type":"balance","seq":7,"data":{"remaining":4}})"));
        // Another member's entry, for a member without team usage: the seq, no data.
        c->sendTextMessage(QStringLiteral(R"({"type":"usage","seq":8,"data":null})"));
        c->sendTextMessage(QStringLiteral(R"({"type":"balance","seq":9,"data":{"remaining":3}})"));
        QTRY_COMPARE(balance.size(), 4);
        QCOMPARE(balance.at(1).at(0).toJsonObject().value(QStringLiteral("remaining")).toInt(), 5);
        QCOMPARE(usage.size(), 1);
        QCOMPARE(resync.size(), 0);
        QCOMPARE(live.lastSeq(), 9);
        live.close();
    }

    // The server's close codes (api/openapi.yaml, LiveCloseCode): signed out and
    // removed stay closed and say so; an expired token or a new role reconnect at
    // once, without the backoff; any other close reconnects with backoff.
    void liveChannelActsOnTheServersCloseCodes_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("signal");
        QTest::addColumn<bool>("reconnects");
        QTest::newRow("revoked") << int(liveprotocol::SessionRevoked) << QStringLiteral("sessionRevoked") << false;
        QTest::newRow("removed") << int(liveprotocol::MembershipEnded) << QStringLiteral("membershipEnded") << false;
        QTest::newRow("expired") << int(liveprotocol::TokenExpired) << QStringLiteral("accessTokenExpired") << true;
        QTest::newRow("role") << int(liveprotocol::RoleChanged) << QStringLiteral("roleChanged") << true;
        QTest::newRow("going away") << 1001 << QString() << true;
    }
    void liveChannelActsOnTheServersCloseCodes()
    {
        QFETCH(int, code);
        QFETCH(QString, signal);
        QFETCH(bool, reconnects);
        QWebSocketServer server(QStringLiteral("live"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> clients;
        connect(&server, &QWebSocketServer::newConnection, this, [&] { clients << server.nextPendingConnection(); });
        LiveChannel live;
        live.setTokenProvider([](std::function<void(const QString &)> go) { go(QStringLiteral("tok")); });
        live.setMinBackoff(2500);   // a reconnect within 2 s is one without backoff
        QSignalSpy revoked(&live, &LiveChannel::sessionRevoked);
        QSignalSpy removed(&live, &LiveChannel::membershipEnded);
        QSignalSpy expired(&live, &LiveChannel::accessTokenExpired);
        QSignalSpy role(&live, &LiveChannel::roleChanged);
        const QHash<QString, QSignalSpy *> spies = {{QStringLiteral("sessionRevoked"), &revoked},
                                                    {QStringLiteral("membershipEnded"), &removed},
                                                    {QStringLiteral("accessTokenExpired"), &expired},
                                                    {QStringLiteral("roleChanged"), &role}};
        live.open(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), QStringLiteral("ws1"));
        QTRY_COMPARE(clients.size(), 1);
        QTRY_VERIFY(live.isConnected());
        clients.at(0)->sendTextMessage(QStringLiteral(R"({"type":"hello","seq":1,"data":{"remaining":3}})"));
        QSignalSpy connection(&live, &LiveChannel::connectedChanged);
        clients.at(0)->close(QWebSocketProtocol::CloseCode(code), QStringLiteral("test"));
        QTRY_VERIFY(!connection.isEmpty());
        QCOMPARE(connection.at(0).at(0).toBool(), false);
        for (auto it = spies.cbegin(); it != spies.cend(); ++it)
            QTRY_COMPARE(it.value()->size(), it.key() == signal ? 1 : 0);
        if (reconnects && !signal.isEmpty()) {
            QTRY_COMPARE_WITH_TIMEOUT(clients.size(), 2, 2000);   // at once, not after the 2.5 s backoff
        } else if (reconnects) {
            QTest::qWait(1000);
            QCOMPARE(clients.size(), 1);                         // backoff...
            QTRY_COMPARE_WITH_TIMEOUT(clients.size(), 2, 8000);  // ...then again
        } else {
            QTest::qWait(3500);   // longer than the first backoff step
            QCOMPARE(clients.size(), 1);
        }
        live.close();
    }
    // A credit_alert reaches alertReceived with its data; one whose seq was already seen does not.
    void liveChannelEmitsCreditAlerts()
    {
        QWebSocketServer server(QStringLiteral("live"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> clients;
        connect(&server, &QWebSocketServer::newConnection, this, [&] { clients << server.nextPendingConnection(); });
        LiveChannel live;
        live.setTokenProvider([](std::function<void(const QString &)> go) { go(QStringLiteral("tok")); });
        QSignalSpy alerts(&live, &LiveChannel::alertReceived);
        QSignalSpy balances(&live, &LiveChannel::balanceReceived);
        live.open(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), QStringLiteral("ws1"));
        QTRY_COMPARE(clients.size(), 1);
        clients.at(0)->sendTextMessage(QStringLiteral(R"({"type":"hello","seq":1,"data":{"remaining":3}})"));
        const QString alert = QStringLiteral(
            R"({"type":"credit_alert","seq":2,"data":{"scope":"cycle","threshold":75,"used":150,"allowance":200,)"
            R"("remaining":50,"period_start":"2026-12-17T00:00:00Z","resets_at":"2027-01-17T00:00:00Z","plan":"pro-200"}})");
        clients.at(0)->sendTextMessage(alert);
        QTRY_COMPARE(alerts.size(), 1);
        const QJsonObject data = alerts.at(0).at(0).toJsonObject();
        QCOMPARE(data.value(QLatin1String("threshold")).toInt(), 75);
        QCOMPARE(data.value(QLatin1String("scope")).toString(), QStringLiteral("cycle"));
        QCOMPARE(data.value(QLatin1String("remaining")).toInt(), 50);
        QCOMPARE(balances.size(), 1);   // the hello only: an alert is not a balance
        clients.at(0)->sendTextMessage(alert);   // seq 2 again: a duplicate
        clients.at(0)->sendTextMessage(QStringLiteral(R"({"type":"balance","seq":3,"data":{"remaining":2}})"));
        QTRY_COMPARE(balances.size(), 2);
        QCOMPARE(alerts.size(), 1);
        live.close();
    }

    // Quitting the app with the channel up destroys it with an open socket, whose
    // closing signals must not reach the half-destroyed channel (it crashed at exit).
    void liveChannelDestroyedWhileConnected()
    {
        QWebSocketServer server(QStringLiteral("live"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> clients;
        connect(&server, &QWebSocketServer::newConnection, this, [&] { clients << server.nextPendingConnection(); });
        auto live = std::make_unique<LiveChannel>();
        live->setTokenProvider([](std::function<void(const QString &)> go) { go(QStringLiteral("tok")); });
        QSignalSpy connected(live.get(), &LiveChannel::connectedChanged);
        live->open(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())), QStringLiteral("ws1"));
        QTRY_COMPARE(clients.size(), 1);
        clients.at(0)->sendTextMessage(QStringLiteral(R"({"type":"hello","seq":1,"data":{"remaining":3}})"));
        QTRY_VERIFY(!connected.isEmpty());
        live.reset();   // no close() first
        QTRY_COMPARE(clients.at(0)->state(), QAbstractSocket::UnconnectedState);
    }
};

QTEST_GUILESS_MAIN(TestClientApi)
#include "tst_client_api.moc"

// GET /v1/workspaces/{ws}/live: the hello with the balance, then a pushed
// usage + balance after a spend; first-message auth; refusals.
#include "apitestserver.h"
#include "livehub.h"
#include "liveprotocol.h"

#include <QFile>
#include <QJsonArray>

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using http::LiveHub;

class TstLive : public QObject
{
    Q_OBJECT
private:
    ApiTestServer m_srv;
    TestWorkspace m_ws;
    QString m_token;

    QUrl liveUrl(const QString &ws) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/workspaces/%2/live").arg(m_srv.port()).arg(ws));
    }
    static QList<QJsonObject> messages(const QSignalSpy &spy)
    {
        QList<QJsonObject> out;
        for (const auto &args : spy)
            out.append(QJsonDocument::fromJson(args.at(0).toString().toUtf8()).object());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_srv.start(&error), qPrintable(error));
        m_ws = m_srv.createWorkspace(QStringLiteral("Live AB"), QStringLiteral("owner@live.test"));
        QVERIFY(!m_ws.id.isEmpty());
        m_token = m_srv.userToken(QStringLiteral("owner@live.test"));
        QVERIFY(!m_token.isEmpty());
    }

    void helloThenPushedUsage()
    {
        QWebSocket socket;
        QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest req(liveUrl(m_ws.id));
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        socket.open(req);
        QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
        const QJsonObject hello = messages(texts).at(0);
        QCOMPARE(hello.value("type").toString(), QStringLiteral("hello"));
        QCOMPARE(hello.value("workspace_id").toString(), m_ws.id);
        QCOMPARE(hello.value("data").toObject().value("remaining").toInt(), 5);
        const qint64 helloSeq = hello.value("seq").toInteger();

        const QString service = m_srv.serviceToken();
        const ApiReply spent = m_srv.post(QStringLiteral("/v1/workspaces/%1/usage").arg(m_ws.id),
                                          {{"idempotency_key", "live-1"}, {"member_id", m_ws.ownerMemberId},
                                           {"project", "Webbshop"}, {"activity", "chat"}, {"credits", 2}},
                                          service);
        QCOMPARE(spent.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(texts.size() >= 3, 10000);
        const auto msgs = messages(texts);
        QJsonObject usage, balance;
        for (const auto &m : msgs) {
            if (m.value("type") == QLatin1String("usage"))
                usage = m;
            if (m.value("type") == QLatin1String("balance"))
                balance = m;
        }
        QCOMPARE(usage.value("data").toObject().value("credits").toInt(), 2);
        QCOMPARE(usage.value("data").toObject().value("project").toString(), QStringLiteral("Webbshop"));
        QVERIFY(usage.value("seq").toInteger() > helloSeq);
        QCOMPARE(balance.value("data").toObject().value("remaining").toInt(), 3);
        QVERIFY(balance.value("seq").toInteger() > helloSeq);
        QVERIFY(balance.value("seq").toInteger() != usage.value("seq").toInteger());
    }

    void tokenInFirstMessage()
    {
        QWebSocket socket;
        QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(liveUrl(m_ws.id));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{"type", "auth"}, {"token", m_token}}).toJson(QJsonDocument::Compact)));
        QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
        QCOMPARE(messages(texts).at(0).value("type").toString(), QStringLiteral("hello"));
    }

    void refusesBadTokenAndOtherWorkspaces()
    {
        const TestWorkspace other = m_srv.createWorkspace(QStringLiteral("Other AB"), QStringLiteral("x@other.test"));
        for (const auto &[ws, token] : {std::pair{m_ws.id, QStringLiteral("not-a-token")}, std::pair{other.id, m_token}}) {
            QWebSocket socket;
            QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
            QSignalSpy closed(&socket, &QWebSocket::disconnected);
            QNetworkRequest req(liveUrl(ws));
            req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            socket.open(req);
            QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
            for (const auto &m : messages(texts)) {
                QCOMPARE(m.value("type").toString(), QStringLiteral("error"));
                QVERIFY(!m.contains("data"));   // never the other workspace's balance
            }
        }
    }

    void silentSocketIsClosed()
    {
        m_srv.server()->liveHub()->setAuthTimeout(300);
        QWebSocket socket;
        QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        socket.open(liveUrl(m_ws.id));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 10000);
        QCOMPARE(messages(texts).size(), 1);
        QCOMPARE(messages(texts).at(0).value("error").toObject().value("code").toString(), QStringLiteral("unauthorized"));
        m_srv.server()->liveHub()->setAuthTimeout(LiveHub::DefaultAuthTimeoutMs);
    }

    // Free: the clock crossing midnight refills the day; connected clients hear it.
    void newDayPushesAFreshBalance()
    {
        QWebSocket socket;
        QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest req(liveUrl(m_ws.id));
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        socket.open(req);
        QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
        QVERIFY(messages(texts).at(0).value("data").toObject().value("remaining").toInt() < 5);
        const ApiReply moved = m_srv.post(QStringLiteral("/v1/dev/clock"), {{"now", "2026-12-02T00:00:01Z"}});
        QCOMPARE(moved.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(texts.size() >= 2, 10000);
        const QJsonObject refill = messages(texts).last();
        QCOMPARE(refill.value("type").toString(), QStringLiteral("balance"));
        QCOMPARE(refill.value("data").toObject().value("remaining").toInt(), 5);
        QCOMPARE(refill.value("data").toObject().value("next_refill_at").toString(), QStringLiteral("2026-12-03T00:00:00Z"));
    }

    // Every message of a real session, taken by the rule of api/liveprotocol.h
    // (the client's), is "apply": changes count up by one, snapshots (hello, a
    // refill, a push after a payment) repeat the current seq, nothing is a gap.
    void streamFollowsTheSharedRule()
    {
        QFile file(qEnvironmentVariable("KLIV_SOURCE_DIR") + QStringLiteral("/api/live-protocol.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("cases")).toArray()) {
            const QJsonObject c = v.toObject();
            const auto a = liveprotocol::classify(c.value("last").toInteger(), c.value("type").toString(), c.value("seq").toInteger());
            QVERIFY2(c.value("expect").toString() == QLatin1String(liveprotocol::actionName(a)), qPrintable(c.value("name").toString()));
        }

        QWebSocket socket;
        QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest req(liveUrl(m_ws.id));
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        socket.open(req);
        QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
        const QString service = m_srv.serviceToken();
        auto spend = [&](const QString &key) {
            const ApiReply r = m_srv.post(QStringLiteral("/v1/workspaces/%1/usage").arg(m_ws.id),
                                          {{"idempotency_key", key}, {"member_id", m_ws.ownerMemberId},
                                           {"project", "p"}, {"activity", "a"}, {"credits", 1}}, service);
            QCOMPARE(r.status, 201);
        };
        spend(QStringLiteral("rule-1"));
        QTRY_VERIFY_WITH_TIMEOUT(texts.size() >= 3, 10000);        // usage + balance
        QCOMPARE(m_srv.post(QStringLiteral("/v1/dev/clock"), {{"now", "2026-12-03T00:00:01Z"}}).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(texts.size() >= 4, 10000);        // the refill snapshot
        m_srv.server()->liveHub()->pushCurrent(m_ws.id);            // as after a payment
        QTRY_VERIFY_WITH_TIMEOUT(texts.size() >= 5, 10000);
        spend(QStringLiteral("rule-2"));
        QTRY_VERIFY_WITH_TIMEOUT(texts.size() >= 7, 10000);

        qint64 last = -1;
        int snapshots = 0;
        for (const QJsonObject &m : messages(texts)) {
            const qint64 seq = m.value("seq").toInteger(-1);
            const QString type = m.value("type").toString();
            const auto action = liveprotocol::classify(last, type, seq);
            QVERIFY2(action == liveprotocol::Action::Apply,
                     qPrintable(QStringLiteral("%1 seq %2 after %3: %4").arg(type).arg(seq).arg(last).arg(liveprotocol::actionName(action))));
            snapshots += type != QLatin1String("hello") && seq == last;
            last = seq;
        }
        QVERIFY(snapshots >= 2);   // the refill and the push repeated the seq
    }

    void plainMemberSeesOnlyOwnUsage()
    {
        // GET .../usage shows a plain member only their own entries; the socket must too,
        // yet every seq arrives (another member's usage with data null), so no refetch.
        // A Pro workspace: team usage exists on the plan, the member role just lacks it.
        const TestWorkspace ws = m_srv.createWorkspace(QStringLiteral("Live Pro AB"), QStringLiteral("pro@live.test"),
                                                       QStringLiteral("pro-100"));
        QVERIFY(!ws.id.isEmpty());
        const QString memberId = m_srv.addMember(ws.id, QStringLiteral("plain@live.test"), QStringLiteral("member"));
        QVERIFY(!memberId.isEmpty());
        const QString memberToken = m_srv.userToken(QStringLiteral("plain@live.test"));
        QWebSocket socket;
        QSignalSpy texts(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest req(liveUrl(ws.id));
        req.setRawHeader("Authorization", "Bearer " + memberToken.toLatin1());
        socket.open(req);
        QTRY_COMPARE_WITH_TIMEOUT(texts.size(), 1, 10000);
        QCOMPARE(messages(texts).at(0).value("type").toString(), QStringLiteral("hello"));

        const QString service = m_srv.serviceToken();
        const auto spend = [&](const QString &key, const QString &member, const QString &project) {
            return m_srv.post(QStringLiteral("/v1/workspaces/%1/usage").arg(ws.id),
                              {{"idempotency_key", key}, {"member_id", member}, {"project", project},
                               {"activity", "chat"}, {"credits", 1}}, service).status;
        };
        QCOMPARE(spend(QStringLiteral("plain-1"), ws.ownerMemberId, QStringLiteral("Hemligt")), 201);
        QCOMPARE(spend(QStringLiteral("plain-2"), memberId, QStringLiteral("Eget")), 201);
        QTRY_VERIFY_WITH_TIMEOUT(texts.size() >= 5, 10000);   // hello + 2 x (usage, balance)

        qint64 last = -1;
        QList<QJsonValue> usageData;
        for (const QJsonObject &m : messages(texts)) {
            const QString type = m.value("type").toString();
            QCOMPARE(liveprotocol::actionName(liveprotocol::classify(last, type, m.value("seq").toInteger())), "apply");
            last = m.value("seq").toInteger();
            if (type == QLatin1String("usage"))
                usageData.append(m.value("data"));
        }
        QCOMPARE(usageData.size(), 2);
        QVERIFY(usageData.at(0).isNull());   // the owner's entry: not this member's to see
        QCOMPARE(usageData.at(1).toObject().value("member_id").toString(), memberId);
        QCOMPARE(usageData.at(1).toObject().value("project").toString(), QStringLiteral("Eget"));
        for (const auto &args : std::as_const(texts))
            QVERIFY(!args.at(0).toString().contains(QLatin1String("Hemligt")));
    }

    void plainGetIsNotAnUpgrade()
    {
        const ApiReply r = m_srv.get(QStringLiteral("/v1/workspaces/%1/live").arg(m_ws.id), m_token);
        QCOMPARE(r.status, 426);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
    }
};

QTEST_GUILESS_MAIN(TstLive)
#include "tst_live.moc"

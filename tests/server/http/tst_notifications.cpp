// Outgoing notifications: a sales inquiry reaches the operator's URL signed,
// at least once, retried while the receiver fails, and not lost when the
// server is killed before it could send (the outbox is in the database).
#include "apitest.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QWebSocket>

namespace {
const QByteArray kSecret = "whsec_kliv_notify_test_0123456789";

struct Received {
    QByteArray body, signature, id;
};

// The operator's endpoint: records every delivery, answers `status` (500 = "try again").
class Receiver
{
public:
    int status = 200;
    QList<Received> got;

    bool listen(quint16 port = 0)
    {
        m_server = std::make_unique<QHttpServer>();
        m_server->route(QStringLiteral("/hooks/kliv"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &r) {
            got.append({r.body(), r.value("Kliv-Signature"), r.value("Kliv-Notification-Id")});
            return QHttpServerResponse(QHttpServerResponder::StatusCode(status));
        });
        m_port = m_server->listen(QHostAddress::LocalHost, port);
        return m_port != 0;
    }
    void close() { m_server.reset(); }
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/hooks/kliv").arg(m_port); }

private:
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
};

// Kliv-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")> — as README tells receivers to check it.
bool signatureValid(const Received &r)
{
    QByteArray t, v1;
    for (const QByteArray &part : r.signature.split(',')) {
        if (part.startsWith("t="))
            t = part.mid(2);
        else if (part.startsWith("v1="))
            v1 = part.mid(3);
    }
    const QByteArray mac = QMessageAuthenticationCode::hash(t + '.' + r.body, kSecret, QCryptographicHash::Sha256).toHex();
    return !t.isEmpty() && mac == v1 && qAbs(QDateTime::currentSecsSinceEpoch() - t.toLongLong()) < 300;
}
} // namespace

class Notifications : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;
    Receiver receiver;

    HttpReply ask(const WorkspaceIds &ws, const QString &token, const QString &contact)
    {
        return fx->post(QStringLiteral("/v1/workspaces/%1/enterprise-inquiry").arg(ws.id),
                        {{QStringLiteral("contact"), contact}, {QStringLiteral("seats"), 40},
                         {QStringLiteral("message"), QStringLiteral("SSO för 40 personer")}}, token);
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void init()
    {
        receiver.got.clear();
        receiver.status = 200;
        QVERIFY(receiver.listen());
        qputenv("KLIV_NOTIFY_URL", receiver.url().toUtf8());
        qputenv("KLIV_NOTIFY_SECRET", kSecret);
        qputenv("KLIV_NOTIFY_RETRY_SECS", "1");
    }
    void cleanup()
    {
        fx.reset();
        receiver.close();
    }

    void anInquiryReachesSalesSignedAndRetried()
    {
        KLIV_START(fx, apitest::at("2026-12-01T09:30:00Z"));
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("Frågar AB"), QStringLiteral("owner@fragar.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        const QString owner = fx->issueUserToken(ws.ownerEmail);

        // Refused input sends nothing.
        KLIV_VERIFY_STATUS(fx->post(QStringLiteral("/v1/workspaces/%1/enterprise-inquiry").arg(ws.id),
                                    {{QStringLiteral("seats"), -1}}, owner), 400);
        receiver.status = 500;   // the receiver fails first: the server tries again
        const HttpReply sent = ask(ws, owner, QStringLiteral("anna@fragar.test"));
        KLIV_VERIFY_STATUS(sent, 201);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.got.size() >= 1, 10000);
        receiver.status = 200;
        QTRY_VERIFY_WITH_TIMEOUT(receiver.got.size() >= 2, 10000);
        QTest::qWait(2500);      // delivered: no further attempt
        QCOMPARE(receiver.got.size(), 2);

        const Received &r = receiver.got.last();
        QCOMPARE(r.body, receiver.got.first().body);   // the same bytes every attempt
        QVERIFY2(signatureValid(r), r.signature.constData());
        const QJsonObject n = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(n.value("id").toString().toLatin1(), r.id);
        QCOMPARE(n.value("type").toString(), QStringLiteral("enterprise_inquiry.created"));
        QCOMPARE(apitest::instant(n.value("created")), apitest::at("2026-12-01T09:30:00Z"));
        const QJsonObject data = n.value("data").toObject();
        QCOMPARE(data.value("inquiry_id").toString(), sent.json().value("id").toString());
        QCOMPARE(data.value("workspace_name").toString(), QStringLiteral("Frågar AB"));
        QCOMPARE(data.value("contact").toString(), QStringLiteral("anna@fragar.test"));
        QCOMPARE(data.value("seats").toInt(), 40);
        QCOMPARE(data.value("message").toString(), QStringLiteral("SSO för 40 personer"));

        // A forged or altered body does not pass the receiver's check.
        Received forged = r;
        forged.body.replace("40", "400");
        QVERIFY(!signatureValid(forged));
    }

    void notLostWhenTheServerDiesFirst()
    {
        const quint16 port = receiver.port();
        receiver.close();        // the receiver is down while the inquiry is made
        KLIV_START(fx, apitest::at("2026-12-01T09:30:00Z"));
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("Kraschar AB"), QStringLiteral("owner@kraschar.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        KLIV_VERIFY_STATUS(ask(ws, fx->issueUserToken(ws.ownerEmail), QStringLiteral("it@kraschar.test")), 201);
        QTest::qWait(300);
        fx->kill9();
        QVERIFY(receiver.listen(port));
        QVERIFY2(fx->restart(), qPrintable(fx->errorString()));
        // Its lease from the killed run ran out at the latest 40 s later; the first
        // attempt failed (nobody listened), so the retry comes after about a second.
        QTRY_VERIFY_WITH_TIMEOUT(!receiver.got.isEmpty(), 60000);
        QVERIFY(signatureValid(receiver.got.first()));
        QCOMPARE(QJsonDocument::fromJson(receiver.got.first().body).object().value("data").toObject()
                     .value("contact").toString(), QStringLiteral("it@kraschar.test"));
    }

    // A Pro 100 cycle: 75, 90 and 100 % each announced once, live (to every
    // member's socket) and to the operator's URL; the next cycle announces again.
    void creditAlertsOncePerCycleAndThreshold()
    {
        KLIV_START(fx, apitest::at("2026-12-01T08:00:00Z"));
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("Larm AB"), QStringLiteral("owner@larm.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(ws.id, QStringLiteral("pro-100")).isEmpty(), qPrintable(fx->errorString()));
        const QString owner = fx->issueUserToken(ws.ownerEmail), service = fx->issueServiceToken();
        QList<QJsonObject> live;
        QWebSocket socket;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &m) {
            const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
            if (o.value("type").toString() == QLatin1String("credit_alert"))
                live.append(o.value("data").toObject());
        });
        QUrl url = fx->baseUrl();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/v1/workspaces/%1/live").arg(ws.id));
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + owner.toUtf8());
        bool open = false;
        connect(&socket, &QWebSocket::connected, this, [&] { open = true; });
        socket.open(req);
        QTRY_VERIFY_WITH_TIMEOUT(open, 10000);
        QTest::qWait(200);
        int key = 0;
        auto spend = [&](int credits) {
            return fx->spend(ws.id, service, ws.ownerMemberId, credits, QStringLiteral("alert-%1").arg(++key)).status;
        };
        QCOMPARE(spend(74), 201);      // 74 %: nothing
        QCOMPARE(spend(1), 201);       // 75 %
        QCOMPARE(spend(10), 201);      // 85 %: nothing new
        QCOMPARE(spend(15), 201);      // 100 %: 90 and 100 at once
        QCOMPARE(spend(1), 402);       // refused: no alert again
        QTRY_COMPARE_WITH_TIMEOUT(live.size(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.got.size(), 3, 10000);
        QTest::qWait(500);
        QCOMPARE(live.size(), 3);
        QCOMPARE(receiver.got.size(), 3);
        QList<int> thresholds;
        for (const QJsonObject &a : std::as_const(live))
            thresholds << a.value("threshold").toInt();
        QCOMPARE(thresholds, (QList<int>{75, 90, 100}));
        QCOMPARE(live.first().value("scope").toString(), QStringLiteral("cycle"));
        QCOMPARE(live.first().value("used").toInt(), 75);
        QCOMPARE(live.first().value("allowance").toInt(), 100);
        QCOMPARE(live.first().value("remaining").toInt(), 25);
        QCOMPARE(live.first().value("plan").toString(), QStringLiteral("pro-100"));
        const QDateTime resets = apitest::instant(live.first().value("resets_at"));
        QVERIFY(resets.isValid());
        QList<int> hooked;   // sent side by side: any order (receivers must not rely on it)
        for (const Received &r : std::as_const(receiver.got)) {
            QVERIFY(signatureValid(r));
            const QJsonObject hook = QJsonDocument::fromJson(r.body).object();
            QCOMPARE(hook.value("type").toString(), QStringLiteral("credits.threshold_reached"));
            QCOMPARE(hook.value("data").toObject().value("workspace_id").toString(), ws.id);
            hooked << hook.value("data").toObject().value("threshold").toInt();
        }
        std::sort(hooked.begin(), hooked.end());
        QCOMPARE(hooked, (QList<int>{75, 90, 100}));

        // The next cycle's allowance: its own alerts.
        QVERIFY(fx->setClock(resets.addSecs(3600)));
        QCOMPARE(spend(80), 201);
        QTRY_COMPARE_WITH_TIMEOUT(live.size(), 4, 10000);
        QCOMPARE(live.last().value("threshold").toInt(), 75);
        QVERIFY(apitest::instant(live.last().value("period_start")) > apitest::instant(live.first().value("period_start")));
        socket.close();
    }
};

QTEST_GUILESS_MAIN(Notifications)
#include "tst_notifications.moc"

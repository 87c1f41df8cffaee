// The API's answers to bad and unauthorised requests, and the usage contract
// (idempotent repeat, 402 with the refill instant, 409 on a reused key).
#include "apitestserver.h"

#include <QJsonArray>
#include <QTest>

class TstApiErrors : public QObject
{
    Q_OBJECT
private:
    ApiTestServer m_srv;
    TestWorkspace m_ws;
    QString m_owner, m_member, m_service, m_memberId;

    QString path(const QString &suffix, const QString &ws = {}) const
    {
        return QStringLiteral("/v1/workspaces/%1%2").arg(ws.isEmpty() ? m_ws.id : ws, suffix);
    }
    QJsonObject usage(const QString &key, int credits) const
    {
        return {{"idempotency_key", key}, {"member_id", m_memberId}, {"project", "Webbshop"},
                {"activity", "chat"}, {"credits", credits}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_srv.start(&error), qPrintable(error));
        m_ws = m_srv.createWorkspace(QStringLiteral("Fel AB"), QStringLiteral("owner@fel.test"));
        m_memberId = m_srv.addMember(m_ws.id, QStringLiteral("member@fel.test"), QStringLiteral("member"));
        QVERIFY(!m_memberId.isEmpty());
        m_owner = m_srv.userToken(QStringLiteral("owner@fel.test"));
        m_member = m_srv.userToken(QStringLiteral("member@fel.test"));
        m_service = m_srv.serviceToken();
    }

    void unknownRouteIsJson404()
    {
        const ApiReply r = m_srv.get(QStringLiteral("/v1/nothing-here"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        QVERIFY(!r.json().value("error").toObject().value("message").toString().isEmpty());
    }

    void malformedAndWronglyTypedBodies()
    {
        ApiReply r = m_srv.request("POST", path("/usage"), "{\"credits\": ", m_service);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_json"));
        r = m_srv.request("POST", path("/usage"), "[1,2]", m_service);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_json"));

        r = m_srv.post(path("/usage"), {{"idempotency_key", 7}, {"member_id", m_memberId}, {"project", ""},
                                        {"activity", "chat"}, {"credits", 1.5}}, m_service);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
        QStringList fields;
        for (const auto &f : r.json().value("error").toObject().value("fields").toArray())
            fields.append(f.toObject().value("field").toString());
        fields.sort();
        QCOMPARE(fields, (QStringList{"credits", "idempotency_key", "project"}));
    }

    void oversizedBodyIs413()
    {
        const QByteArray big = "{\"x\":\"" + QByteArray(1024 * 1024 + 10, 'a') + "\"}";
        const ApiReply r = m_srv.request("POST", path("/usage"), big, m_service);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("body_too_large"));
        QCOMPARE(m_srv.get(QStringLiteral("/healthz")).status, 200);   // still serving
    }

    void authenticationAndPermissions()
    {
        QCOMPARE(m_srv.get(path("/balance")).errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(m_srv.get(path("/balance")).status, 401);
        // A user token cannot record usage; a service token cannot read a user's workspace view.
        QCOMPARE(m_srv.post(path("/usage"), usage("p-1", 1), m_owner).status, 403);
        QCOMPARE(m_srv.get(path(QString()), m_service).status, 403);
        // A member may read but not change the plan or invite.
        QCOMPARE(m_srv.get(path("/balance"), m_member).status, 200);
        const ApiReply change = m_srv.post(path("/subscription/change"), {{"tier", "pro-200"}}, m_member);
        QCOMPARE(change.status, 403);
        QCOMPARE(change.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(m_srv.post(path("/members"), {{"email", "new@fel.test"}, {"role", "member"}}, m_member).status, 403);
        // Team usage is for Pro and Enterprise: on Free the owner sees its own scope.
        QCOMPARE(m_srv.get(path("/usage"), m_owner).json().value("scope").toString(), QStringLiteral("own"));
    }

    void anotherWorkspaceIs404WithoutItsData()
    {
        const TestWorkspace other = m_srv.createWorkspace(QStringLiteral("Annan AB"), QStringLiteral("boss@annan.test"));
        for (const QString &suffix : {QString(), QStringLiteral("/balance"), QStringLiteral("/members"), QStringLiteral("/usage")}) {
            const ApiReply r = m_srv.get(path(suffix, other.id), m_owner);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
            QVERIFY(!r.body.contains("Annan AB"));
            QVERIFY(!r.body.contains("boss@annan.test"));
        }
    }

    void usageIsIdempotentAndRefusedWhole()
    {
        const ApiReply first = m_srv.post(path("/usage"), usage("k-1", 3), m_service);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value("balance").toObject().value("remaining").toInt(), 2);
        const ApiReply again = m_srv.post(path("/usage"), usage("k-1", 3), m_service);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);

        const ApiReply tooMuch = m_srv.post(path("/usage"), usage("k-2", 3), m_service);
        QCOMPARE(tooMuch.status, 402);
        const QJsonObject err = tooMuch.json().value("error").toObject();
        QCOMPARE(err.value("code").toString(), QStringLiteral("insufficient_credits"));
        QCOMPARE(err.value("remaining").toInt(), 2);
        QCOMPARE(err.value("next_refill_at").toString(), QStringLiteral("2026-12-02T00:00:00Z"));

        const ApiReply reused = m_srv.post(path("/usage"), usage("k-1", 1), m_service);
        QCOMPARE(reused.status, 409);
        QCOMPARE(m_srv.get(path("/balance"), m_owner).json().value("remaining").toInt(), 2);
    }

    void batchAnswersEachEvent()
    {
        const QJsonArray events{usage("b-1", 1), usage("b-2", 5), usage("b-3", 1)};
        const ApiReply r = m_srv.post(path("/usage/batch"), {{"events", events}}, m_service);
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json().value("results").toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).toObject().value("status").toInt(), 201);
        QCOMPARE(results.at(1).toObject().value("status").toInt(), 402);
        QCOMPARE(results.at(2).toObject().value("status").toInt(), 201);
        QCOMPARE(r.json().value("balance").toObject().value("remaining").toInt(), 0);
        QCOMPARE(m_srv.post(path("/usage/batch"), {{"events", QJsonArray()}}, m_service).errorCode(),
                 QStringLiteral("validation_failed"));
    }

    void moneyRoutesWithoutProvider()
    {
        QCOMPARE(m_srv.post(path("/subscription/change"), {{"tier", "pro-200"}}, m_owner).errorCode(),
                 QStringLiteral("payments_unavailable"));
        QCOMPARE(m_srv.get(path("/invoices"), m_owner).status, 503);
        QCOMPARE(m_srv.post(path("/subscription/change"), {{"tier", "enterprise"}}, m_owner).status, 409);
        QCOMPARE(m_srv.post(path("/subscription/change"), {{"tier", "nope"}}, m_owner).errorCode(),
                 QStringLiteral("validation_failed"));
    }

    void previewProratesAnUpgrade()
    {
        // Pro 200 from 2026-12-01; ten days later a third of the cycle (31 days) is gone.
        const TestWorkspace pro = m_srv.createWorkspace(QStringLiteral("Pro AB"), QStringLiteral("pro@fel.test"), QStringLiteral("pro-200"));
        const QString token = m_srv.userToken(QStringLiteral("pro@fel.test"));
        QVERIFY(m_srv.clock().setNow(QDateTime(QDate(2026, 12, 11), QTime(0, 0), Qt::UTC)));
        const ApiReply r = m_srv.post(path("/subscription/preview", pro.id), {{"tier", "pro-400"}}, token);
        QCOMPARE(r.status, 200);
        const QJsonObject p = r.json();
        QCOMPARE(p.value("kind").toString(), QStringLiteral("upgrade"));
        // (100000 - 50000) öre * 21/31 days = 33871 öre.
        QCOMPARE(p.value("amount_due_now").toObject().value("amount").toInteger(), 33871);
        QCOMPARE(p.value("credits_after").toInt(), 400);
        const ApiReply down = m_srv.post(path("/subscription/preview", pro.id), {{"tier", "pro-100"}}, token);
        QCOMPARE(down.json().value("amount_due_now").toObject().value("amount").toInteger(), 0);
        // The period began when the workspace was created on the test clock (to the millisecond).
        const QDateTime effective = QDateTime::fromString(down.json().value("effective_at").toString(), Qt::ISODateWithMs);
        QVERIFY2(qAbs(effective.msecsTo(QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC))) < 1000,
                 qPrintable(down.json().value("effective_at").toString()));

        // Without a provider a downgrade of an admin-managed plan applies through the rules.
        const ApiReply applied = m_srv.post(path("/subscription/change", pro.id), {{"tier", "pro-100"}}, token);
        QCOMPARE(applied.status, 200);
        const QJsonObject pending = applied.json().value("workspace").toObject().value("subscription").toObject().value("pending_change").toObject();
        QCOMPARE(pending.value("tier").toString(), QStringLiteral("pro-100"));
        QCOMPARE(m_srv.post(path("/subscription/undo", pro.id), {}, token).status, 200);
        QCOMPARE(m_srv.post(path("/subscription/undo", pro.id), {}, token).status, 409);
    }

    void devClockOnlyForward()
    {
        const QDateTime now = m_srv.clock().now();
        QCOMPARE(m_srv.post(QStringLiteral("/v1/dev/clock"), {{"now", "2020-01-01T00:00:00Z"}}).status, 409);
        QCOMPARE(m_srv.post(QStringLiteral("/v1/dev/clock"), {{"now", "tomorrow"}}).errorCode(), QStringLiteral("validation_failed"));
        QCOMPARE(m_srv.clock().now(), now);
        const ApiReply moved = m_srv.post(QStringLiteral("/v1/dev/clock"), {{"now", "2027-02-01T00:00:00Z"}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(m_srv.get(QStringLiteral("/v1/dev/clock")).json().value("now").toString(), QStringLiteral("2027-02-01T00:00:00Z"));
    }

    void devRoutesAbsentInProduction()
    {
        ApiTestServer prod(false);
        QString error;
        QVERIFY2(prod.start(&error), qPrintable(error));
        QCOMPARE(prod.get(QStringLiteral("/v1/dev/clock")).status, 404);
        QCOMPARE(prod.post(QStringLiteral("/v1/dev/seed"), {}).status, 404);
    }
};

QTEST_GUILESS_MAIN(TstApiErrors)
#include "tst_apierrors.moc"

// The sales inbox: a contact-sales request reaches the operator's commands
// (admin inquiries, show-inquiry, handle-inquiry), and the customer can see that
// it was received, when, and when sales handled it.
#include "apitest.h"

class Inquiries : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;

    static QStringList ids(const AdminResult &r)
    {
        QStringList out;
        for (const QJsonValue &v : r.json.value(QLatin1String("inquiries")).toArray())
            out << v.toObject().value(QLatin1String("id")).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void requestReachesSalesAndTheCustomerSeesIt()
    {
        KLIV_START(fx, apitest::at("2026-12-01T09:30:00Z"));
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("Frågar AB"), QStringLiteral("owner@fragar.test"));
        const WorkspaceIds other = fx->createWorkspace(QStringLiteral("Annan AB"), QStringLiteral("owner@annan.test"));
        QVERIFY2(ws.isValid() && other.isValid(), qPrintable(fx->errorString()));
        const QString owner = fx->issueUserToken(ws.ownerEmail);
        const QString path = QStringLiteral("/v1/workspaces/%1/enterprise-inquiry").arg(ws.id);

        KLIV_VERIFY_STATUS(fx->get(path, owner), 404);   // nothing asked yet
        const HttpReply sent = fx->post(path, {{QStringLiteral("contact"), QStringLiteral("anna@fragar.test")},
                                               {QStringLiteral("seats"), 40},
                                               {QStringLiteral("message"), QStringLiteral("SSO för 40 personer")}}, owner);
        KLIV_VERIFY_STATUS(sent, 201);
        const QString id = sent.json().value(QLatin1String("id")).toString();
        QVERIFY(id.startsWith(QLatin1String("inq_")));
        QCOMPARE(apitest::instant(sent.json().value(QLatin1String("created_at"))), apitest::at("2026-12-01T09:30:00Z"));
        QVERIFY(sent.json().value(QLatin1String("handled_at")).isNull());

        const HttpReply seen = fx->get(path, owner);
        KLIV_VERIFY_STATUS(seen, 200);
        QCOMPARE(seen.json().value(QLatin1String("id")).toString(), id);
        QVERIFY(!seen.json().contains(QLatin1String("message")));   // the customer's own words stay with sales
        // Another workspace sees none of it.
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/v1/workspaces/%1/enterprise-inquiry").arg(other.id),
                                   fx->issueUserToken(other.ownerEmail)), 404);

        // The operator's inbox lists it with everything sales needs.
        const AdminResult open = fx->admin({QStringLiteral("inquiries")});
        QVERIFY2(open.ok(), open.out.constData());
        QCOMPARE(ids(open), QStringList{id});
        const QJsonObject listed = open.json.value(QLatin1String("inquiries")).toArray().first().toObject();
        QCOMPARE(listed.value(QLatin1String("workspace_name")).toString(), QStringLiteral("Frågar AB"));
        QCOMPARE(listed.value(QLatin1String("message")).toString(), QStringLiteral("SSO för 40 personer"));
        QCOMPARE(listed.value(QLatin1String("seats")).toInt(), 40);
        QCOMPARE(fx->admin({QStringLiteral("show-inquiry"), QStringLiteral("--id"), id}).json.value(QLatin1String("contact")).toString(),
                 QStringLiteral("anna@fragar.test"));

        const AdminResult handled = fx->admin({QStringLiteral("handle-inquiry"), QStringLiteral("--id"), id,
                                               QStringLiteral("--note"), QStringLiteral("Ringt, offert skickad")});
        QVERIFY2(handled.ok(), handled.out.constData());
        QCOMPARE(handled.json.value(QLatin1String("handled_note")).toString(), QStringLiteral("Ringt, offert skickad"));
        const AdminResult again = fx->admin({QStringLiteral("handle-inquiry"), QStringLiteral("--id"), id});
        QCOMPARE(again.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("conflict"));
        QCOMPARE(ids(fx->admin({QStringLiteral("inquiries")})), QStringList());              // open only
        QCOMPARE(ids(fx->admin({QStringLiteral("inquiries"), QStringLiteral("--all")})), QStringList{id});
        QVERIFY(!fx->get(path, owner).json().value(QLatin1String("handled_at")).isNull());
        const AdminResult unknown = fx->admin({QStringLiteral("handle-inquiry"), QStringLiteral("--id"), QStringLiteral("inq_nope")});
        QCOMPARE(unknown.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(Inquiries)
#include "tst_inquiries.moc"

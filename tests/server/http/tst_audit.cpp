// The audit log against the real kliv-billingd (SQLite and PostgreSQL): every
// recorded kind with its actor, before and after; refused changes record
// nothing; keyset paging and the filters; owners and admins only; the CSV.
#include "apitest.h"

namespace {
QJsonObject obj(const QJsonValue &v) { return v.toObject(); }
} // namespace

class Audit : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;
    WorkspaceIds m_ws;
    QString m_owner;

    QString path(const QString &tail = {}) const { return QStringLiteral("/v1/workspaces/%1").arg(m_ws.id) + tail; }

    QJsonArray entries(const QString &query = {}, const QString &token = {})
    {
        const HttpReply r = fx->get(path(QStringLiteral("/audit")) + query, token.isEmpty() ? m_owner : token);
        if (r.status != 200)
            qWarning("audit read: %s", qPrintable(r.describe()));
        return r.jsonArray("entries");
    }

    // The newest entry of `kind`, or {}.
    QJsonObject newest(const QString &kind)
    {
        for (const QJsonValue &e : entries(QStringLiteral("?kind=") + kind)) {
            if (e[QLatin1String("kind")].toString() == kind)
                return e.toObject();
        }
        return {};
    }

    void start()
    {
        KLIV_START(fx, apitest::at("2026-12-01T09:00:00Z"));
        m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        QVERIFY(!m_owner.isEmpty());
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void eachChangeIsRecordedWithItsActor()
    {
        start();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(entries().size(), 0);   // creating the workspace is not a change to it

        // The operator (admin command) puts it on Enterprise and adds an admin.
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("enterprise"), 500).isEmpty(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->addMember(m_ws.id, QStringLiteral("admin@acme.test"), QStringLiteral("admin")).isEmpty(),
                 qPrintable(fx->errorString()));
        QJsonObject e = newest(QStringLiteral("plan.changed"));
        QCOMPARE(obj(e[QLatin1String("actor")])[QLatin1String("kind")].toString(), QStringLiteral("operator"));
        QVERIFY2(obj(e[QLatin1String("actor")])[QLatin1String("email")].toString().startsWith(QLatin1String("operator:")),
                 qPrintable(apitest::compact(e)));
        QCOMPARE(obj(e[QLatin1String("before")])[QLatin1String("plan")].toString(), QStringLiteral("free"));
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("plan")].toString(), QStringLiteral("enterprise"));
        QCOMPARE(newest(QStringLiteral("member.invited"))[QLatin1String("target")].toString(), QStringLiteral("admin@acme.test"));

        // The owner, through the API.
        const HttpReply invited = fx->post(path(QStringLiteral("/members")),
                                           {{QStringLiteral("email"), QStringLiteral("ann@acme.test")},
                                            {QStringLiteral("role"), QStringLiteral("member")}}, m_owner);
        KLIV_VERIFY_STATUS(invited, 201);
        const QString ann = invited.json()[QLatin1String("id")].toString();
        e = newest(QStringLiteral("member.invited"));
        QCOMPARE(e[QLatin1String("target")].toString(), QStringLiteral("ann@acme.test"));
        QCOMPARE(obj(e[QLatin1String("actor")]),
                 (QJsonObject{{QStringLiteral("kind"), QStringLiteral("member")}, {QStringLiteral("user_id"), m_ws.ownerUserId},
                              {QStringLiteral("email"), m_ws.ownerEmail}}));
        QCOMPARE(obj(e[QLatin1String("after")]), (QJsonObject{{QStringLiteral("role"), QStringLiteral("member")}}));
        KLIV_COMPARE_AT(e[QLatin1String("at")], "2026-12-01T09:00:00Z");

        KLIV_VERIFY_STATUS(fx->patch(path(QStringLiteral("/members/") + ann), {{QStringLiteral("role"), QStringLiteral("admin")}}, m_owner), 200);
        e = newest(QStringLiteral("member.role_changed"));
        QCOMPARE(e[QLatin1String("target")].toString(), QStringLiteral("ann@acme.test"));
        QCOMPARE(obj(e[QLatin1String("before")]), (QJsonObject{{QStringLiteral("role"), QStringLiteral("member")}}));
        QCOMPARE(obj(e[QLatin1String("after")]), (QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}));

        const HttpReply role = fx->post(path(QStringLiteral("/roles")),
                                        {{QStringLiteral("name"), QStringLiteral("Ekonomi")},
                                         {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing")}}}, m_owner);
        KLIV_VERIFY_STATUS(role, 201);
        e = newest(QStringLiteral("role.created"));
        QCOMPARE(e[QLatin1String("target")].toString(), QStringLiteral("Ekonomi"));
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("permissions")].toArray(), QJsonArray{QStringLiteral("view_billing")});
        // Edited (renamed, one more permission), then deleted: before and after of each.
        KLIV_VERIFY_STATUS(fx->patch(path(QStringLiteral("/roles/Ekonomi")),
                                     {{QStringLiteral("name"), QStringLiteral("Ekonomi och plan")},
                                      {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing"), QStringLiteral("manage_plan")}}},
                                     m_owner), 200);
        e = newest(QStringLiteral("role.updated"));
        QCOMPARE(e[QLatin1String("target")].toString(), QStringLiteral("Ekonomi"));
        QCOMPARE(obj(e[QLatin1String("before")])[QLatin1String("name")].toString(), QStringLiteral("Ekonomi"));
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("name")].toString(), QStringLiteral("Ekonomi och plan"));
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("permissions")].toArray().size(), 2);
        QCOMPARE(obj(e[QLatin1String("actor")])[QLatin1String("user_id")].toString(), m_ws.ownerUserId);
        KLIV_VERIFY_STATUS(fx->del(path(QStringLiteral("/roles/Ekonomi%20och%20plan")), m_owner), 204);
        e = newest(QStringLiteral("role.deleted"));
        QCOMPARE(e[QLatin1String("target")].toString(), QStringLiteral("Ekonomi och plan"));
        QCOMPARE(obj(e[QLatin1String("before")])[QLatin1String("permissions")].toArray().size(), 2);

        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/transfer-ownership")),
                                    {{QStringLiteral("member_id"), ann}, {QStringLiteral("confirm"), true}}, m_owner), 200);
        e = newest(QStringLiteral("ownership.transferred"));
        QCOMPARE(e[QLatin1String("target")].toString(), QStringLiteral("ann@acme.test"));
        QCOMPARE(obj(e[QLatin1String("before")]), (QJsonObject{{QStringLiteral("owner"), m_ws.ownerEmail}}));
        QCOMPARE(obj(e[QLatin1String("after")]), (QJsonObject{{QStringLiteral("owner"), QStringLiteral("ann@acme.test")}}));

        // Ann, now the owner, removes the old one (an admin since the transfer).
        const QString annToken = fx->issueUserToken(QStringLiteral("ann@acme.test"));
        KLIV_VERIFY_STATUS(fx->del(path(QStringLiteral("/members/") + m_ws.ownerMemberId), annToken), 204);
        KLIV_VERIFY_STATUS(fx->get(path(QStringLiteral("/audit")), m_owner), 404);   // no longer a member
        m_owner = annToken;
        e = newest(QStringLiteral("member.removed"));
        QCOMPARE(e[QLatin1String("target")].toString(), m_ws.ownerEmail);
        QCOMPARE(obj(e[QLatin1String("actor")])[QLatin1String("email")].toString(), QStringLiteral("ann@acme.test"));
        QCOMPARE(obj(e[QLatin1String("before")]), (QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}));

        // Newest first, ids increasing in the order written; the removed owner's entries stay.
        const QJsonArray all = entries();
        QStringList kinds;
        for (const QJsonValue &v : all)
            kinds << v[QLatin1String("kind")].toString();
        QCOMPARE(kinds, (QStringList{QStringLiteral("member.removed"), QStringLiteral("ownership.transferred"),
                                     QStringLiteral("role.deleted"), QStringLiteral("role.updated"),
                                     QStringLiteral("role.created"), QStringLiteral("member.role_changed"),
                                     QStringLiteral("member.invited"), QStringLiteral("member.invited"),
                                     QStringLiteral("plan.changed")}));
        for (int i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1][QLatin1String("id")].toInteger() > all[i][QLatin1String("id")].toInteger());
    }

    // Without a payment provider, cancel and downgrade apply through the rules;
    // the period end then happens on its own: recorded as the system.
    void planChangesAndThePeriodEnd()
    {
        start();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("pro-400")).isEmpty(), qPrintable(fx->errorString()));
        const QString change = path(QStringLiteral("/subscription/change"));
        KLIV_VERIFY_STATUS(fx->post(change, {{QStringLiteral("tier"), QStringLiteral("pro-200")}}, m_owner), 200);
        QJsonObject e = newest(QStringLiteral("plan.change_requested"));
        QCOMPARE(obj(e[QLatin1String("actor")])[QLatin1String("kind")].toString(), QStringLiteral("member"));
        QCOMPARE(obj(e[QLatin1String("before")])[QLatin1String("plan")].toString(), QStringLiteral("pro-400"));
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("plan")].toString(), QStringLiteral("pro-200"));
        const QJsonObject sub = fx->get(path(), m_owner).json()[QLatin1String("subscription")].toObject();
        const QString periodEnd = sub[QLatin1String("period_end")].toString();
        QVERIFY(!periodEnd.isEmpty());
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("effective_at")].toString(), periodEnd);

        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/subscription/undo")), {}, m_owner), 200);
        QCOMPARE(obj(newest(QStringLiteral("plan.change_undone"))[QLatin1String("before")])[QLatin1String("plan")].toString(),
                 QStringLiteral("pro-200"));
        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/subscription/cancel")), {}, m_owner), 200);
        e = newest(QStringLiteral("plan.cancel_scheduled"));
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("effective_at")].toString(), periodEnd);
        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/subscription/undo")), {}, m_owner), 200);
        QVERIFY(!newest(QStringLiteral("plan.cancel_undone")).isEmpty());
        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/subscription/cancel")), {}, m_owner), 200);

        // A refused request (already cancelled: nothing to cancel twice) writes nothing.
        const int before = entries().size();
        KLIV_VERIFY_STATUS(fx->post(change, {{QStringLiteral("tier"), QStringLiteral("enterprise")}}, m_owner), 409);
        QCOMPARE(entries().size(), before);

        QVERIFY2(fx->setClock(apitest::instant(QJsonValue(periodEnd)).addSecs(60)), qPrintable(fx->errorString()));
        KLIV_VERIFY_STATUS(fx->get(path(QStringLiteral("/balance")), m_owner), 200);
        e = newest(QStringLiteral("subscription.ended"));
        QCOMPARE(obj(e[QLatin1String("actor")]),
                 (QJsonObject{{QStringLiteral("kind"), QStringLiteral("system")}, {QStringLiteral("user_id"), QJsonValue()},
                              {QStringLiteral("email"), QJsonValue()}}));
        QCOMPARE(obj(e[QLatin1String("before")])[QLatin1String("plan")].toString(), QStringLiteral("pro-400"));
        QCOMPARE(obj(e[QLatin1String("after")])[QLatin1String("plan")].toString(), QStringLiteral("free"));
        QCOMPARE(apitest::instant(e[QLatin1String("at")]), apitest::instant(QJsonValue(periodEnd)).addSecs(60));
    }

    void refusedChangesRecordNothing()
    {
        start();
        if (QTest::currentTestFailed())
            return;
        // Free: 10 seats. Nine more fill it.
        for (int i = 0; i < 9; ++i)
            QVERIFY2(!fx->addMember(m_ws.id, QStringLiteral("m%1@acme.test").arg(i)).isEmpty(), qPrintable(fx->errorString()));
        const QJsonObject admin = fx->addMember(m_ws.id, QStringLiteral("m9@acme.test"), QStringLiteral("admin"));
        QVERIFY(admin.isEmpty());   // the 11th: refused by the seat limit
        const int before = entries(QStringLiteral("?limit=200")).size();
        QCOMPARE(before, 9);

        const HttpReply full = fx->post(path(QStringLiteral("/members")),
                                        {{QStringLiteral("email"), QStringLiteral("late@acme.test")},
                                         {QStringLiteral("role"), QStringLiteral("member")}}, m_owner);
        KLIV_VERIFY_STATUS(full, 409);
        QCOMPARE(full.errorCode(), QStringLiteral("seat_limit_reached"));
        // The last owner cannot demote themselves; custom roles need Enterprise; an unknown role.
        KLIV_VERIFY_STATUS(fx->patch(path(QStringLiteral("/members/") + m_ws.ownerMemberId),
                                     {{QStringLiteral("role"), QStringLiteral("member")}}, m_owner), 403);
        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/roles")),
                                    {{QStringLiteral("name"), QStringLiteral("x")},
                                     {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing")}}}, m_owner), 403);
        // A member gives nobody anything.
        const QString memberToken = fx->issueUserToken(QStringLiteral("m0@acme.test"));
        const QJsonArray list = fx->get(path(QStringLiteral("/members")), m_owner).jsonArray("members");
        QString m1;
        for (const QJsonValue &m : list) {
            if (m[QLatin1String("email")].toString() == QLatin1String("m1@acme.test"))
                m1 = m[QLatin1String("id")].toString();
        }
        KLIV_VERIFY_STATUS(fx->patch(path(QStringLiteral("/members/") + m1), {{QStringLiteral("role"), QStringLiteral("admin")}}, memberToken), 403);
        // The same role again changes nothing.
        KLIV_VERIFY_STATUS(fx->patch(path(QStringLiteral("/members/") + m1), {{QStringLiteral("role"), QStringLiteral("member")}}, m_owner), 200);
        QCOMPARE(entries(QStringLiteral("?limit=200")).size(), before);
    }

    void pagingAndFilters()
    {
        start();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("pro-200")).isEmpty(), qPrintable(fx->errorString()));
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            const HttpReply r = fx->post(path(QStringLiteral("/members")),
                                         {{QStringLiteral("email"), QStringLiteral("p%1@acme.test").arg(i)},
                                          {QStringLiteral("role"), QStringLiteral("member")}}, m_owner);
            KLIV_VERIFY_STATUS(r, 201);
            ids << r.json()[QLatin1String("id")].toString();
        }
        KLIV_VERIFY_STATUS(fx->patch(path(QStringLiteral("/members/") + ids[0]), {{QStringLiteral("role"), QStringLiteral("admin")}}, m_owner), 200);
        // 7 entries: plan.changed, 5 x member.invited, member.role_changed. Pages of 3.
        QStringList targets;
        QString query = QStringLiteral("?limit=3");
        int pages = 0;
        for (;;) {
            const HttpReply r = fx->get(path(QStringLiteral("/audit")) + query, m_owner);
            KLIV_VERIFY_STATUS(r, 200);
            ++pages;
            for (const QJsonValue &e : r.jsonArray("entries"))
                targets << e[QLatin1String("kind")].toString() + QLatin1Char(' ') + e[QLatin1String("target")].toString();
            const QJsonValue next = r.json()[QLatin1String("next_before")];
            if (next.isNull())
                break;
            QVERIFY(pages < 5);
            query = QStringLiteral("?limit=3&before=%1").arg(next.toInteger());
        }
        QCOMPARE(pages, 3);
        QCOMPARE(targets, (QStringList{QStringLiteral("member.role_changed p0@acme.test"), QStringLiteral("member.invited p4@acme.test"),
                                       QStringLiteral("member.invited p3@acme.test"), QStringLiteral("member.invited p2@acme.test"),
                                       QStringLiteral("member.invited p1@acme.test"), QStringLiteral("member.invited p0@acme.test"),
                                       QStringLiteral("plan.changed pro-200")}));

        QCOMPARE(entries(QStringLiteral("?kind=member")).size(), 6);
        QCOMPARE(entries(QStringLiteral("?kind=member.")).size(), 6);
        QCOMPARE(entries(QStringLiteral("?kind=member.invited")).size(), 5);
        QCOMPARE(entries(QStringLiteral("?kind=member.invite")).size(), 0);   // a prefix is whole words
        QCOMPARE(entries(QStringLiteral("?kind=plan")).size(), 1);
        QCOMPARE(entries(QStringLiteral("?actor=") + m_ws.ownerUserId).size(), 6);   // the operator's plan change is not theirs
        QCOMPARE(entries(QStringLiteral("?actor=") + m_ws.ownerUserId + QStringLiteral("&kind=member.role_changed")).size(), 1);
        for (const QString &bad : {QStringLiteral("?limit=0"), QStringLiteral("?limit=201"), QStringLiteral("?before=x"),
                                   QStringLiteral("?kind=%25"), QStringLiteral("?kind=Member")})
            KLIV_VERIFY_STATUS(fx->get(path(QStringLiteral("/audit")) + bad, m_owner), 400);
    }

    void ownersAndAdminsOnly()
    {
        start();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("enterprise"), 100).isEmpty(), qPrintable(fx->errorString()));
        QVERIFY(!fx->addMember(m_ws.id, QStringLiteral("admin@acme.test"), QStringLiteral("admin")).isEmpty());
        QVERIFY(!fx->addMember(m_ws.id, QStringLiteral("member@acme.test"), QStringLiteral("member")).isEmpty());
        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/roles")),
                                    {{QStringLiteral("name"), QStringLiteral("hr")},
                                     {QStringLiteral("permissions"), QJsonArray{QStringLiteral("manage_members")}}}, m_owner), 201);
        QVERIFY(!fx->addMember(m_ws.id, QStringLiteral("hr@acme.test"), QStringLiteral("hr")).isEmpty());
        const WorkspaceIds other = fx->createWorkspace(QStringLiteral("Other"), QStringLiteral("owner@other.test"));
        QVERIFY(other.isValid());

        QCOMPARE(entries(QString(), fx->issueUserToken(QStringLiteral("admin@acme.test"))).size(), 5);
        for (const char *who : {"member@acme.test", "hr@acme.test"}) {
            const QString token = fx->issueUserToken(QString::fromLatin1(who));
            for (const QString &route : {QStringLiteral("/audit"), QStringLiteral("/audit.csv")}) {
                const HttpReply r = fx->get(path(route), token);
                KLIV_VERIFY_STATUS(r, 403);
                QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
                QVERIFY(!r.body.contains("member.invited"));
            }
        }
        KLIV_VERIFY_STATUS(fx->get(path(QStringLiteral("/audit")), fx->issueUserToken(QStringLiteral("owner@other.test"))), 404);
        KLIV_VERIFY_STATUS(fx->get(path(QStringLiteral("/audit"))), 401);
    }

    void csvExport()
    {
        start();
        if (QTest::currentTestFailed())
            return;
        // An e-mail a spreadsheet would run as a formula.
        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/members")),
                                    {{QStringLiteral("email"), QStringLiteral("=cmd@acme.test")},
                                     {QStringLiteral("role"), QStringLiteral("member")}}, m_owner), 201);
        KLIV_VERIFY_STATUS(fx->post(path(QStringLiteral("/members")),
                                    {{QStringLiteral("email"), QStringLiteral("bo@acme.test")},
                                     {QStringLiteral("role"), QStringLiteral("admin")}}, m_owner), 201);
        const HttpReply r = fx->get(path(QStringLiteral("/audit.csv?kind=member.invited")), m_owner);
        KLIV_VERIFY_STATUS(r, 200);
        QVERIFY2(r.headers.value("content-type").startsWith("text/csv"), r.headers.value("content-type").constData());
        QCOMPARE(r.headers.value("content-disposition"), QByteArray("attachment; filename=\"kliv-audit-2026-12-01.csv\""));
        const QList<QByteArray> lines = r.body.split('\n');
        QCOMPARE(lines.size(), 4);   // header, two rows, the empty tail after the last CRLF
        QCOMPARE(lines[0], QByteArray("at,actor_kind,actor,kind,target,before,after\r"));
        QCOMPARE(lines[1], QByteArray("2026-12-01T09:00:00Z,member,owner@acme.test,member.invited,bo@acme.test,,"
                                      "\"{\"\"role\"\":\"\"admin\"\"}\"\r"));
        QCOMPARE(lines[2], QByteArray("2026-12-01T09:00:00Z,member,owner@acme.test,member.invited,\"'=cmd@acme.test\",,"
                                      "\"{\"\"role\"\":\"\"member\"\"}\"\r"));
        KLIV_VERIFY_STATUS(fx->get(path(QStringLiteral("/audit.csv?kind=x y")), m_owner), 400);
    }
};

QTEST_GUILESS_MAIN(Audit)
#include "tst_audit.moc"

// GET .../usage?period=cycle: the usage of the current billing cycle, whose
// total is the balance's `used` (the app's chart used to count the calendar
// month and said 54 where the cycle had used 123). Entries and CSV follow the
// same window. SQLite and PostgreSQL rows.
#include "apitest.h"

using apitest::at;

class UsageCycle : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerFixture> fx;
    WorkspaceIds m_ws;
    QString m_owner, m_service;
    int m_key = 0;

    QString usagePath(const QString &query) const
    {
        return QStringLiteral("/v1/workspaces/%1/usage%2").arg(m_ws.id, query);
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void cycleWindowMatchesTheBalance()
    {
        KLIV_START(fx, at("2026-11-17T08:00:00Z"));
        m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        m_service = fx->issueServiceToken();
        QVERIFY(!m_owner.isEmpty() && !m_service.isEmpty());

        KLIV_SPEND_OK(2);                       // on Free, the morning before the cycle
        KLIV_CLOCK("2026-11-17T10:00:00Z");
        const QJsonObject w = fx->setPlan(m_ws.id, QStringLiteral("pro-200"));
        QVERIFY2(!w.isEmpty(), qPrintable(fx->errorString()));
        const QDateTime start = apitest::instant(w[QLatin1String("subscription")][QLatin1String("period_start")]);
        QCOMPARE(start, at("2026-11-17T10:00:00Z"));
        KLIV_CLOCK("2026-11-17T12:00:00Z");
        KLIV_SPEND_OK(3);                        // the cycle's first, partial day
        KLIV_CLOCK("2026-11-30T12:00:00Z");
        KLIV_SPEND_OK(5);
        KLIV_CLOCK("2026-12-05T09:30:00Z");
        KLIV_SPEND_OK(7);

        const QJsonObject b = fx->balance(m_ws.id, m_owner);
        QCOMPARE(b.value(QLatin1String("used")).toInt(), 15);

        const HttpReply cycle = fx->get(usagePath(QStringLiteral("?period=cycle")), m_owner);
        KLIV_VERIFY_STATUS(cycle, 200);
        const QJsonObject c = cycle.json();
        QCOMPARE(c.value(QLatin1String("period")).toString(), QStringLiteral("cycle"));
        QCOMPARE(apitest::instant(c.value(QLatin1String("from"))), start);
        QCOMPARE(apitest::instant(c.value(QLatin1String("to"))), start.addMonths(1));
        QCOMPARE(c.value(QLatin1String("month")).toString(), QStringLiteral("2026-11"));
        QCOMPARE(c.value(QLatin1String("total")).toInt(), b.value(QLatin1String("used")).toInt());
        const QJsonArray days = c.value(QLatin1String("days")).toArray();
        QCOMPARE(days.size(), 31);               // 17 nov .. 17 dec, both partial
        QCOMPARE(days.first()[QLatin1String("date")].toString(), QStringLiteral("2026-11-17"));
        QCOMPARE(days.first()[QLatin1String("credits")].toInt(), 3);   // not the 2 before the cycle
        QCOMPARE(days.last()[QLatin1String("date")].toString(), QStringLiteral("2026-12-17"));
        QCOMPARE(days.at(13)[QLatin1String("credits")].toInt(), 5);    // 30 nov
        QCOMPARE(days.at(18)[QLatin1String("credits")].toInt(), 7);    // 5 dec
        int sum = 0;
        for (const auto &d : days)
            sum += d[QLatin1String("credits")].toInt();
        QCOMPARE(sum, 15);
        const QJsonArray byActivity = c.value(QLatin1String("by_activity")).toArray();
        QCOMPARE(byActivity.size(), 1);
        QCOMPARE(byActivity.first()[QLatin1String("credits")].toInt(), 15);
        const QJsonArray byMember = c.value(QLatin1String("by_member")).toArray();
        QCOMPARE(byMember.size(), 1);
        QCOMPARE(byMember.first()[QLatin1String("member_id")].toString(), m_ws.ownerMemberId);
        QCOMPARE(byMember.first()[QLatin1String("credits")].toInt(), 15);
        QCOMPARE(byMember.first()[QLatin1String("email")].toString(), QStringLiteral("owner@acme.test"));

        // The calendar month stays a choice, and says what it is.
        const HttpReply month = fx->get(usagePath(QString()), m_owner);
        KLIV_VERIFY_STATUS(month, 200);
        QCOMPARE(month.json().value(QLatin1String("period")).toString(), QStringLiteral("month"));
        QCOMPARE(month.json().value(QLatin1String("total")).toInt(), 7);
        KLIV_COMPARE_AT(month.json().value(QLatin1String("from")), "2026-12-01T00:00:00Z");
        const HttpReply november = fx->get(usagePath(QStringLiteral("?month=2026-11")), m_owner);
        QCOMPARE(november.json().value(QLatin1String("total")).toInt(), 10);

        // Entries and the CSV read the same window.
        const HttpReply entries = fx->get(usagePath(QStringLiteral("/entries?period=cycle")), m_owner);
        KLIV_VERIFY_STATUS(entries, 200);
        QCOMPARE(entries.jsonArray("entries").size(), 3);
        const HttpReply csv = fx->get(QStringLiteral("/v1/workspaces/%1/usage.csv?period=cycle").arg(m_ws.id), m_owner);
        KLIV_VERIFY_STATUS(csv, 200);
        QCOMPARE(csv.body.count('\n'), 4);       // the header and three entries
        QVERIFY(csv.headers.value("content-disposition").contains("kliv-usage-2026-11-17.csv"));

        // period is month or cycle, and a cycle is not combined with a month.
        KLIV_VERIFY_STATUS(fx->get(usagePath(QStringLiteral("?period=year")), m_owner), 400);
        KLIV_VERIFY_STATUS(fx->get(usagePath(QStringLiteral("?period=cycle&month=2026-11")), m_owner), 400);
    }

    // Free has no cycle; its cap counts per UTC month, so that is what it gets.
    void freeAnswersTheMonth()
    {
        KLIV_START(fx, at("2026-12-03T08:00:00Z"));
        m_ws = fx->createWorkspace(QStringLiteral("Gratis"), QStringLiteral("free@acme.test"));
        QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        m_service = fx->issueServiceToken();
        KLIV_SPEND_OK(4);
        const HttpReply r = fx->get(usagePath(QStringLiteral("?period=cycle")), m_owner);
        KLIV_VERIFY_STATUS(r, 200);
        QCOMPARE(r.json().value(QLatin1String("period")).toString(), QStringLiteral("month"));
        QCOMPARE(r.json().value(QLatin1String("month")).toString(), QStringLiteral("2026-12"));
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 4);
        QCOMPARE(r.json().value(QLatin1String("days")).toArray().size(), 31);
    }

    // The demo's first screens: Demo AB's cycle has a bar on most days, and
    // Kliv Studio (Free) has usage on the 30 days before today, not only today;
    // Norrsken Enterprise has its two custom roles.
    void demoSeedSpreadsUsage()
    {
        KLIV_START(fx, at("2026-12-01T12:00:00Z"));
        const HttpReply seeded = fx->post(QStringLiteral("/v1/dev/seed"), {});
        KLIV_VERIFY_STATUS(seeded, 200);
        const QString anna = fx->issueUserToken(QStringLiteral("anna@demo-ab.se"));
        QVERIFY2(!anna.isEmpty(), qPrintable(fx->errorString()));
        const HttpReply me = fx->get(QStringLiteral("/v1/me"), anna);
        KLIV_VERIFY_STATUS(me, 200);
        QString demo, studio, enterprise;
        for (const auto &m : me.jsonArray("memberships")) {
            const QString name = m[QLatin1String("workspace_name")].toString();
            const QString id = m[QLatin1String("workspace_id")].toString();
            if (name == QLatin1String("Demo AB"))
                demo = id;
            else if (name == QLatin1String("Kliv Studio"))
                studio = id;
            else if (name == QLatin1String("Norrsken Enterprise"))
                enterprise = id;
        }
        QVERIFY(!demo.isEmpty() && !studio.isEmpty() && !enterprise.isEmpty());
        // The Enterprise workspace has its custom roles, held by demo people.
        const HttpReply roles = fx->get(QStringLiteral("/v1/workspaces/%1/roles").arg(enterprise), anna);
        KLIV_VERIFY_STATUS(roles, 200);
        QStringList custom;
        for (const auto &r : roles.jsonArray("roles")) {
            if (!r[QLatin1String("built_in")].toBool() && r[QLatin1String("members")].toInt() == 1)
                custom << r[QLatin1String("name")].toString();
        }
        QCOMPARE(custom, (QStringList{QStringLiteral("Ekonomi"), QStringLiteral("Projektledare")}));
        auto daysWithUsage = [](const QJsonArray &days) {
            int n = 0;
            for (const auto &d : days)
                n += d[QLatin1String("credits")].toInt() > 0;
            return n;
        };
        const HttpReply cycle = fx->get(QStringLiteral("/v1/workspaces/%1/usage?period=cycle").arg(demo), anna);
        KLIV_VERIFY_STATUS(cycle, 200);
        QCOMPARE(cycle.json().value(QLatin1String("period")).toString(), QStringLiteral("cycle"));
        QVERIFY(daysWithUsage(cycle.json().value(QLatin1String("days")).toArray()) >= 8);
        const QJsonObject b = fx->balance(demo, anna);
        QCOMPARE(cycle.json().value(QLatin1String("total")).toInt(), b.value(QLatin1String("used")).toInt());

        const HttpReply november = fx->get(QStringLiteral("/v1/workspaces/%1/usage?month=2026-11").arg(studio), anna);
        KLIV_VERIFY_STATUS(november, 200);
        const int studioDays = daysWithUsage(november.json().value(QLatin1String("days")).toArray());
        QVERIFY2(studioDays >= 8, qPrintable(apitest::compact(november.json())));
        QVERIFY(november.json().value(QLatin1String("total")).toInt() <= 30);   // inside Free's month
        const HttpReply today = fx->get(QStringLiteral("/v1/workspaces/%1/usage").arg(studio), anna);
        QCOMPARE(today.json().value(QLatin1String("total")).toInt(), 3);        // today's 3 of 5, as before
    }
};

QTEST_GUILESS_MAIN(UsageCycle)
#include "tst_usagecycle.moc"

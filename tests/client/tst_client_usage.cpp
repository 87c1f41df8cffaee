// The usage models: the y axis in 1-2-5 steps (a pure function), the CSV
// export's suggestion (Documents, "kliv-anvandning-2026-12.csv"), and against
// the real kliv-billingd the billing cycle by default on Pro (its total is the
// balance's used), the calendar month as a choice, "›" never past the current
// month, and whose usage the chart shows ("Din användning" / the team's).
#include "appsettings.h"
#include "auditlogmodel.h"
#include "membermodel.h"
#include "dailyusagemodel.h"
#include "fakebrowser.h"
#include "serverfixture.h"
#include "session.h"
#include "usagemodel.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {
const QString kPassword = QStringLiteral("rätt-häftig-hemlis-42");

}

class TestClientUsage : public QObject
{
    Q_OBJECT

    ServerFixture m_fx;
    WorkspaceIds m_pro;
    QString m_service;
    FakeBrowser m_browser{kPassword};
    const QString m_member = QStringLiteral("medlem@pro.test");
    const QString m_admin = QStringLiteral("admin@pro.test");
    bool m_serverUp = false;

    void spend(const QString &memberId, int credits)
    {
        static int n = 0;
        const HttpReply r = m_fx.spend(m_pro.id, m_service, memberId, credits, QStringLiteral("u-%1").arg(++n));
        QVERIFY2(r.status == 201, r.body.constData());
    }

    void signIn(const QString &email)
    {
        Session *s = Session::instance();
        if (s->state() == Session::SignedIn) {
            s->signOut();
            QTRY_COMPARE(s->state(), Session::SignedOut);
        }
        m_browser.email = email;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        s->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), Session::SignedIn, 15000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QTRY_VERIFY(s->isReady());
    }

    void requireServer()
    {
        if (!m_serverUp)
            QSKIP("needs kliv-billingd and a D-Bus session with a Secret Service keyring (./dev test provides both)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KlivTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_client_usage"));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
        if (!ServerFixture::binaryExists() || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return;
        // The cycle began on 17 nov. at 10:00; "today" on the server is 5 dec.
        QVERIFY2(m_fx.start(ServerFixture::utc("2026-11-17T10:00:00Z")), qPrintable(m_fx.errorString()));
        m_pro = m_fx.createWorkspace(QStringLiteral("Cykel AB"), QStringLiteral("agare@pro.test"));
        QVERIFY2(m_pro.isValid(), qPrintable(m_fx.errorString()));
        QVERIFY(!m_fx.setPlan(m_pro.id, QStringLiteral("pro-200")).isEmpty());
        const QString memberId = m_fx.addMember(m_pro.id, m_member, QStringLiteral("member")).value(QLatin1String("member_id")).toString();
        QVERIFY(!memberId.isEmpty());
        QVERIFY(!m_fx.addMember(m_pro.id, m_admin, QStringLiteral("admin")).isEmpty());
        for (const QString &email : {m_member, m_admin})
            QVERIFY(m_fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), email,
                                QStringLiteral("--password"), kPassword}).ok());
        m_service = m_fx.issueServiceToken();
        QVERIFY(!m_service.isEmpty());
        QVERIFY(m_fx.setClock(ServerFixture::utc("2026-11-20T12:00:00Z")));
        spend(m_pro.ownerMemberId, 40);   // November, in the cycle
        spend(memberId, 9);
        QVERIFY(m_fx.setClock(ServerFixture::utc("2026-12-01T09:00:00Z")));
        spend(m_pro.ownerMemberId, 11);   // December, in the cycle
        spend(memberId, 3);
        AppSettings::instance()->setServerUrl(m_fx.baseUrl());
        QSettings().setValue(QStringLiteral("session/currentWorkspace"), QString());
        m_serverUp = true;
    }

    void cleanupTestCase()
    {
        if (Session::instance()->state() == Session::SignedIn)
            Session::instance()->signOut();
    }

    void niceAxis_data()
    {
        QTest::addColumn<qint64>("maxValue");
        QTest::addColumn<qint64>("axisMax");
        QTest::addColumn<qint64>("step");
        QTest::newRow("nothing") << qint64(0) << qint64(5) << qint64(1);
        QTest::newRow("free day") << qint64(5) << qint64(5) << qint64(1);
        QTest::newRow("7") << qint64(7) << qint64(8) << qint64(2);
        QTest::newRow("33") << qint64(33) << qint64(40) << qint64(10);
        QTest::newRow("54") << qint64(54) << qint64(60) << qint64(20);
        QTest::newRow("100") << qint64(100) << qint64(100) << qint64(20);
        QTest::newRow("123") << qint64(123) << qint64(150) << qint64(50);
        QTest::newRow("132, not 33/66/99/132") << qint64(132) << qint64(150) << qint64(50);
        QTest::newRow("999") << qint64(999) << qint64(1000) << qint64(200);
        QTest::newRow("1 000 001") << qint64(1000001) << qint64(1500000) << qint64(500000);
    }

    void niceAxis()
    {
        QFETCH(qint64, maxValue);
        QFETCH(qint64, axisMax);
        QFETCH(qint64, step);
        const DailyUsageModel::Axis a = DailyUsageModel::niceAxis(maxValue);
        QCOMPARE(a.max, axisMax);
        QCOMPARE(a.step, step);
        QCOMPARE(a.tickCount(), int(axisMax / step) + 1);
        QVERIFY(a.tickCount() <= 6);
        QVERIFY(a.max >= maxValue);
        // 1, 2 or 5 times a power of ten
        qint64 m = a.step;
        while (m % 10 == 0)
            m /= 10;
        QVERIFY2(m == 1 || m == 2 || m == 5, qPrintable(QString::number(a.step)));
    }

    void dailyModelCarriesTheAxis()
    {
        DailyUsageModel daily;
        daily.set(QJsonArray{QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-12-01")}, {QStringLiteral("credits"), 132}},
                             QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-12-02")}, {QStringLiteral("credits"), 12}}});
        QCOMPARE(daily.axisMax(), 150);
        QCOMPARE(daily.axisStep(), 50);
        QCOMPARE(daily.axisTickCount(), 4);
    }

    void exportSuggestsDocumentsAndTheMonth()
    {
        UsageModel usage;
        usage.setMonth(QStringLiteral("2026-12"));
        QCOMPARE(usage.exportFileName(), QStringLiteral("kliv-anvandning-2026-12.csv"));
        const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QVERIFY(!docs.isEmpty());
        QCOMPARE(UsageModel::exportFolder(), QUrl::fromLocalFile(docs));
        QCOMPARE(usage.exportFileUrl(), QUrl::fromLocalFile(QDir(docs).filePath(QStringLiteral("kliv-anvandning-2026-12.csv"))));
    }

    void memberSeesTheCycleAndOwnUsageLabelled()
    {
        requireServer();
        QVERIFY(m_fx.setClock(ServerFixture::utc("2026-12-05T12:00:00Z")));
        signIn(m_member);
        UsageModel usage;
        usage.reload();
        QTRY_VERIFY(!usage.loading() && !usage.scope().isEmpty());
        QCOMPARE(usage.view(), QStringLiteral("cycle"));
        QVERIFY(usage.showingCycle());
        QVERIFY(usage.hasCycle());
        QCOMPARE(usage.scope(), QStringLiteral("own"));
        QCOMPARE(usage.scopeText(), QStringLiteral("Din användning"));
        QCOMPARE(usage.total(), 12);                       // 9 + 3 of their own in the cycle
        QCOMPARE(usage.daily()->rowCount(), 31);           // 17 nov. .. 17 dec.
        QVERIFY(usage.periodTitle().startsWith(QStringLiteral("17 nov")));
        QVERIFY(usage.periodTitle().contains(QStringLiteral("17 dec")));
        QVERIFY(!usage.canGoNext());
        QCOMPARE(usage.exportFileName(), QStringLiteral("kliv-anvandning-2026-11-17.csv"));
        // The calendar month is the other choice; "›" stays off at the current month.
        usage.setView(QStringLiteral("month"));
        QTRY_VERIFY(!usage.loading() && !usage.showingCycle());
        QTRY_COMPARE(usage.total(), 3);
        QCOMPARE(usage.month(), QDateTime::currentDateTimeUtc().date().toString(QStringLiteral("yyyy-MM")));
        QVERIFY(!usage.canGoNext());
        usage.previousMonth();
        QVERIFY(usage.canGoNext());
        usage.setView(QStringLiteral("cycle"));
        QTRY_VERIFY(!usage.loading() && usage.showingCycle());
        QTRY_COMPARE(usage.total(), 12);
    }

    void adminSeesTheTeamsCycleMatchingTheBalance()
    {
        requireServer();
        signIn(m_admin);
        UsageModel usage;
        usage.reload();
        QTRY_VERIFY(!usage.loading() && !usage.scope().isEmpty());
        QCOMPARE(usage.scope(), QStringLiteral("workspace"));
        QCOMPARE(usage.scopeText(), QStringLiteral("Teamets användning"));
        const QString token = m_fx.issueUserToken(m_admin);
        const QJsonObject b = m_fx.balance(m_pro.id, token);
        QCOMPARE(b.value(QLatin1String("used")).toInt(), 63);
        QCOMPARE(usage.total(), 63);                       // not December's 14
        QTRY_COMPARE(usage.entries()->rowCount(), 4);
    }

    // Händelselogg against the real server: the admin's own invite on top, the
    // operator's set-up below it, in Swedish; a kind filter narrows it.
    void adminReadsTheAuditLog()
    {
        requireServer();
        signIn(m_admin);
        MemberModel members;
        QSignalSpy done(&members, &MemberModel::actionDone);
        QTRY_VERIFY(!members.loading() && members.rowCount() > 0);
        members.invite(QStringLiteral("ny@pro.test"), QStringLiteral("Ny Person"), QStringLiteral("member"));
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(members.error(), QString());

        AuditLogModel log;
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(!log.loading() && log.rowCount() > 0);
        QCOMPARE(log.error(), QString());
        QCOMPARE(log.rowCount(), 4);   // plan.changed, two invites by the operator, the admin's
        const auto text = [&](int row, int role) { return log.data(log.index(row), role).toString(); };
        QCOMPARE(text(0, AuditLogModel::SentenceRole), QStringLiteral("Bjöd in ny@pro.test som Medlem"));
        QCOMPARE(text(0, AuditLogModel::ActorTextRole), m_admin);
        QCOMPARE(text(0, AuditLogModel::KindTextRole), QStringLiteral("Medlem inbjuden"));
        QCOMPARE(text(3, AuditLogModel::SentenceRole), QStringLiteral("Planen ändrades: Gratis → Pro\u00a0200"));
        QVERIFY2(text(3, AuditLogModel::ActorTextRole).startsWith(QLatin1String("Kliv (")), qPrintable(text(3, AuditLogModel::ActorTextRole)));
        QVERIFY(!log.canLoadMore());

        log.setKindFilter(QStringLiteral("plan.changed"));
        QTRY_VERIFY(!log.loading() && log.rowCount() == 1);
        QCOMPARE(text(0, AuditLogModel::KindTextRole), QStringLiteral("Plan ändrad"));
    }
};

QTEST_MAIN(TestClientUsage)
#include "tst_client_usage.moc"

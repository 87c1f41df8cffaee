// CreditMeter.forecastText against the real kliv-billingd and its dev clock:
// the server's forecast worded in Swedish, following spends that arrive on the
// live channel (the app never computes a pace itself). Pro and Free.
#include "appsettings.h"
#include "creditmeter.h"
#include "format.h"
#include "fakebrowser.h"
#include "serverfixture.h"
#include "session.h"
#include "workspacelistmodel.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QTest>
#include <QUrlQuery>

namespace {
const QString kPassword = QStringLiteral("prognosens-hemlis-42");

QDateTime utc(const char *iso) { return ServerFixture::utc(iso); }
const QChar kNbsp(0x00A0);
} // namespace

class TestForecast : public QObject
{
    Q_OBJECT

    ServerFixture m_fx;
    WorkspaceIds m_pro, m_free;
    QString m_service;
    FakeBrowser m_browser{kPassword};
    QString m_owner = QStringLiteral("agare@prognos.test");
    int m_key = 0;

    bool spend(const WorkspaceIds &ws, int credits)
    {
        return m_fx.spend(ws.id, m_service, ws.ownerMemberId, credits, QStringLiteral("fc-%1").arg(++m_key)).status == 201;
    }

private Q_SLOTS:
    void initTestCase()
    {
        KLIV_CLIENT_SUITE_START("tst_forecast");
        QVERIFY2(m_fx.start(utc("2026-12-01T00:00:00Z")), qPrintable(m_fx.errorString()));
        m_pro = m_fx.createWorkspace(QStringLiteral("Prognos AB"), m_owner);
        QVERIFY2(m_pro.isValid(), qPrintable(m_fx.errorString()));
        QVERIFY(!m_fx.setPlan(m_pro.id, QStringLiteral("pro-200")).isEmpty());   // cycle 12-01 -> 01-01
        m_free = m_fx.createWorkspace(QStringLiteral("Prognos Gratis"), m_owner);
        QVERIFY2(m_free.isValid(), qPrintable(m_fx.errorString()));
        QVERIFY(m_fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), m_owner,
                            QStringLiteral("--password"), kPassword}).ok());
        m_service = m_fx.issueServiceToken();
        QVERIFY(!m_service.isEmpty());
        AppSettings::instance()->setServerUrl(m_fx.baseUrl());
        QSettings().setValue(QStringLiteral("session/currentWorkspace"), m_pro.id);
    }

    void proForecastFollowsTheSpends()
    {
        m_browser.email = m_owner;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        Session::instance()->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(Session::instance()->state(), Session::SignedIn, 15000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        if (Session::instance()->currentWorkspaceId() != m_pro.id)
            Session::instance()->switchWorkspace(m_pro.id);
        CreditMeter *m = CreditMeter::instance();
        QTRY_VERIFY_WITH_TIMEOUT(m->live() && m->hasData() && !m->stale() && m->allowance() == 200, 10000);

        // Nothing used: the 200 last until the reset (01-01 00:00Z, 1 jan. in Stockholm).
        const QString reset = Format::shortDate(utc("2027-01-01T00:00:00Z"));
        QVERIFY(reset.contains(kNbsp));
        QTRY_COMPARE(m->forecastText(), QStringLiteral("Räcker till återställningen %1").arg(reset));

        // 50 on the first day: 150 left at 50 a day, out on 12-04 10:00Z. Pushed live.
        QVERIFY(m_fx.setClock(utc("2026-12-01T10:00:00Z")));
        QVERIFY(spend(m_pro, 50));
        QTRY_COMPARE_WITH_TIMEOUT(m->remaining(), 150, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m->forecastText(),
                                  QStringLiteral("Räcker till ca %1").arg(Format::shortDate(utc("2026-12-04T10:00:00Z"))), 5000);

        // Two days later 50 more: 100 over 3 days, the 100 left last until 12-06 10:00Z.
        QVERIFY(m_fx.setClock(utc("2026-12-03T10:00:00Z")));
        QVERIFY(spend(m_pro, 50));
        QTRY_COMPARE_WITH_TIMEOUT(m->remaining(), 100, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m->forecastText(),
                                  QStringLiteral("Räcker till ca %1").arg(Format::shortDate(utc("2026-12-06T10:00:00Z"))), 5000);

        // 95 more the same day: 5 left at 65 a day run out later today (local time).
        QVERIFY(spend(m_pro, 95));
        QTRY_COMPARE_WITH_TIMEOUT(m->remaining(), 5, 5000);
        // 5 x 3 / 195 days = 6 646 s after 10:00Z
        QTRY_COMPARE_WITH_TIMEOUT(m->forecastText(),
                                  QStringLiteral("Räcker till ca kl. %1 i\u00a0dag").arg(Format::time(utc("2026-12-03T11:50:46Z"))), 5000);
    }

    void freeSpeaksOfTodayAndTheMonth()
    {
        Session::instance()->switchWorkspace(m_free.id);
        CreditMeter *m = CreditMeter::instance();
        QTRY_VERIFY_WITH_TIMEOUT(m->live() && m->hasData() && !m->stale() && m->periodKind() == QLatin1String("day"), 10000);
        // 12-03 10:00, 3 used: today's 2 last the day; the month's 27 at 1 a day
        // (3 over 12-01..12-03) run out on 12-30 10:00Z.
        QVERIFY(spend(m_free, 3));
        QTRY_COMPARE_WITH_TIMEOUT(m->remaining(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m->forecastText(),
                                  QStringLiteral("Dagens krediter räcker i\u00a0dag · månadens 30 räcker till ca %1")
                                      .arg(Format::shortDate(utc("2026-12-30T10:00:00Z"))), 5000);
        // The day's 2 more: today's are out, the month's 25 at 5/3 a day last until 12-18 10:00Z.
        QVERIFY(spend(m_free, 2));
        QTRY_COMPARE_WITH_TIMEOUT(m->remaining(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m->forecastText(),
                                  QStringLiteral("Dagens krediter är slut · månadens 30 räcker till ca %1")
                                      .arg(Format::shortDate(utc("2026-12-18T10:00:00Z"))), 5000);

        // 5 a day until 12-07, then 3 on 12-08: 28 of the month's 30, the cap is
        // what limits (2 left), one sentence about the month: 28 over 8 days, the 2
        // run out 13:42:51 after 10:00Z.
        const char *days[] = {"2026-12-04T10:00:00Z", "2026-12-05T10:00:00Z", "2026-12-06T10:00:00Z", "2026-12-07T10:00:00Z"};
        for (const char *day : days) {
            QVERIFY(m_fx.setClock(utc(day)));
            QVERIFY(spend(m_free, 5));
        }
        QVERIFY(m_fx.setClock(utc("2026-12-08T10:00:00Z")));
        QVERIFY(spend(m_free, 3));
        QTRY_COMPARE_WITH_TIMEOUT(m->monthlyCapUsed(), 28, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m->forecastText(),
                                  QStringLiteral("Månadens 30 krediter räcker till ca %1")
                                      .arg(Format::shortDate(utc("2026-12-08T23:42:51Z"))), 5000);
    }

    void cleanupTestCase()
    {
        Session::instance()->signOut();
    }
};

QTEST_MAIN(TestForecast)
#include "tst_forecast.moc"

// The client models against the real kliv-billingd (kliv_testfixture): sign-in
// through the real OAuth pages and the app's loopback listener, the refresh
// token in the real keyring, the credit meter's texts, live updates, the cache,
// usage, plans, subscription previews, members, and the error paths.
#include "apiclient.h"
#include "appsettings.h"
#include "creditmeter.h"
#include "invoicemodel.h"
#include "membermodel.h"
#include "planmodel.h"
#include "fakebrowser.h"
#include "serverfixture.h"
#include "session.h"
#include "subscription.h"
#include "tokenstore.h"
#include "usagemodel.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QDirIterator>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kPassword = QStringLiteral("rätt-häftig-hemlis-42");
const QChar nbsp(0x00A0);



// Files under HOME that contain `needle` in plain text.
QStringList filesContaining(const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.size() < 4 * 1024 * 1024 && f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}
}

class TestClientModels : public QObject
{
    Q_OBJECT

    ServerFixture m_fx;
    WorkspaceIds m_free, m_pro;
    QString m_service;
    FakeBrowser m_browser{kPassword};
    QString m_owner = QStringLiteral("agare@fri.test");

    void spend(const QString &ws, const QString &member, int credits)
    {
        static int n = 0;
        const HttpReply r = m_fx.spend(ws, m_service, member, credits, QStringLiteral("k-%1").arg(++n));
        QVERIFY2(r.status == 201, r.body.constData());
    }

    void signIn(const QString &email)
    {
        m_browser.email = email;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        Session::instance()->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(Session::instance()->state(), Session::SignedIn, 15000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        KLIV_CLIENT_SUITE_START("tst_client_models");
        QVERIFY2(m_fx.start(ServerFixture::utc("2026-12-01T00:00:00Z")), qPrintable(m_fx.errorString()));
        m_free = m_fx.createWorkspace(QStringLiteral("Fri AB"), m_owner);
        QVERIFY2(m_free.isValid(), qPrintable(m_fx.errorString()));
        m_pro = m_fx.createWorkspace(QStringLiteral("Pro AB"), QStringLiteral("boss@pro.test"));
        QVERIFY2(m_pro.isValid(), qPrintable(m_fx.errorString()));
        QVERIFY(!m_fx.setPlan(m_pro.id, QStringLiteral("pro-200")).isEmpty());
        QVERIFY(!m_fx.addMember(m_pro.id, m_owner, QStringLiteral("admin")).isEmpty());
        QVERIFY(m_fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), m_owner,
                            QStringLiteral("--password"), kPassword}).ok());
        m_service = m_fx.issueServiceToken();
        QVERIFY(!m_service.isEmpty());
        AppSettings::instance()->setServerUrl(m_fx.baseUrl());
        QSettings().setValue(QStringLiteral("session/currentWorkspace"), QString());
    }

    void browserThatCannotOpenOffersTheLink()
    {
        // Under the offscreen platform openUrl fails: the link is offered to copy.
        Session *s = Session::instance();
        s->signIn();
        QCOMPARE(s->state(), Session::SigningIn);
        QVERIFY(s->browserOpenFailed());
        const QUrlQuery q(s->signInUrl());
        QCOMPARE(s->signInUrl().path(), QStringLiteral("/oauth/authorize"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QVERIFY(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded).startsWith(QLatin1String("http://127.0.0.1:")));
        s->cancelSignIn();
        QCOMPARE(s->state(), Session::SignedOut);
    }

    // "Logga in med SSO": the same loopback + PKCE sign-in, with sso=1 and the
    // e-mail as login_hint in the URL the browser is given (the server finds the IdP).
    void ssoSignInOpensTheBrowserWithTheHint()
    {
        Session *s = Session::instance();
        m_browser.email.clear();
        const qsizetype before = m_browser.opened.size();
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        s->signInWithSso(QStringLiteral(" ann+it@acme.se "));
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QCOMPARE(s->state(), Session::SigningIn);
        QVERIFY(!s->browserOpenFailed());
        QCOMPARE(m_browser.opened.size(), before + 1);
        const QUrl opened = m_browser.opened.last();
        QCOMPARE(opened, s->signInUrl());
        QCOMPARE(opened.path(), QStringLiteral("/oauth/authorize"));
        const QUrlQuery q(opened);
        QCOMPARE(q.queryItemValue(QStringLiteral("sso")), QStringLiteral("1"));
        QCOMPARE(q.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded), QStringLiteral("ann+it@acme.se"));
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QVERIFY(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded).startsWith(QLatin1String("http://127.0.0.1:")));
        s->cancelSignIn();
        QCOMPARE(s->state(), Session::SignedOut);
    }

    void signInThroughTheServerPagesStoresTheRefreshTokenInTheKeyring()
    {
        signIn(m_owner);
        Session *s = Session::instance();
        QVERIFY(m_browser.lastPage.contains("Du är inloggad"));
        QCOMPARE(s->userEmail(), m_owner);
        QCOMPARE(s->workspaces()->rowCount(), 2);
        QAbstractItemModelTester tester(s->workspaces(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString token = keyringToken(m_fx.baseUrl());
        QVERIFY(token.size() >= 16);
        // Only the keyring has it, never a file in plain text.
        QCOMPARE(filesContaining(token.toUtf8()), QStringList());
        s->switchWorkspace(m_free.id);
        QCOMPARE(s->currentWorkspaceName(), QStringLiteral("Fri AB"));
        QCOMPARE(s->role(), QStringLiteral("owner"));
        QVERIFY(s->canManagePlan());
        QVERIFY(s->canManageMembers());
        QVERIFY(s->canViewBilling());
    }

    void creditMeterFreeDay()
    {
        spend(m_free.id, m_free.ownerMemberId, 2);
        CreditMeter *m = CreditMeter::instance();
        m->refresh();
        QTRY_COMPARE(m->remaining(), 3);
        QCOMPARE(m->summary(), QStringLiteral("3 av 5 krediter i dag · fylls på i morgon 01:00"));
        QCOMPARE(m->periodKind(), QStringLiteral("day"));
        QCOMPARE(m->level(), CreditMeter::Normal);
        QCOMPARE(m->fraction(), 0.6);
        QVERIFY(!m->stale());
        QCOMPARE(m->error(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m->live(), 10000);
    }

    void creditMeterUpdatesLiveAfterUsage()
    {
        CreditMeter *m = CreditMeter::instance();
        QTRY_VERIFY_WITH_TIMEOUT(m->live(), 10000);
        spend(m_free.id, m_free.ownerMemberId, 1);
        QTRY_COMPARE(m->remaining(), 2); // pushed, nobody called refresh()
        QCOMPARE(m->summary(), QStringLiteral("2 av 5 krediter i dag · fylls på i morgon 01:00"));
        spend(m_free.id, m_free.ownerMemberId, 1);
        QTRY_COMPARE(m->remaining(), 1);
        spend(m_free.id, m_free.ownerMemberId, 1);
        QTRY_COMPARE(m->remaining(), 0);
        QCOMPARE(m->level(), CreditMeter::Empty);
        QCOMPARE(m->summary(), QStringLiteral("0 av 5 krediter i dag · fylls på i morgon 01:00"));
    }

    void creditMeterMonthlyCap()
    {
        // 5 a day from Dec 1st: on Dec 6th the month's 30 are used.
        for (int day = 2; day <= 6; ++day) {
            QVERIFY(m_fx.setClock(ServerFixture::utc(QStringLiteral("2026-12-0%1T09:00:00Z").arg(day).toLatin1())));
            spend(m_free.id, m_free.ownerMemberId, 5);
        }
        QVERIFY(m_fx.setClock(ServerFixture::utc("2026-12-07T09:00:00Z")));
        CreditMeter *m = CreditMeter::instance();
        m->refresh();
        QTRY_VERIFY(m->monthlyCapReached());
        QCOMPARE(m->level(), CreditMeter::CapReached);
        QCOMPARE(m->remaining(), 0);
        // Dates keep their words together (non-breaking spaces).
        const QString newMonth = QLocale(QLocale::Swedish, QLocale::Sweden).toString(QDate(2027, 1, 1), QStringLiteral("d MMM")).replace(QLatin1Char(' '), nbsp);
        QCOMPARE(m->summary(), QStringLiteral("Månadens 30 krediter är använda · nya ") + newMonth);
        QVERIFY(m->summary().startsWith(QStringLiteral("Månadens 30 krediter är använda · nya 1 jan")));
    }

    void usageModelMonthAndEntries()
    {
        UsageModel usage;
        usage.entries()->setPageSize(4);
        QAbstractItemModelTester t1(usage.daily(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(usage.byActivity(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(usage.byProject(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(usage.byMember(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        usage.reload();
        QTRY_COMPARE(usage.total(), 30);
        QCOMPARE(usage.month(), QStringLiteral("2026-12"));
        QCOMPARE(usage.monthTitle(), QStringLiteral("december 2026"));
        QCOMPARE(usage.scope(), Session::instance()->canViewTeamUsage() ? QStringLiteral("workspace") : QStringLiteral("own"));
        QCOMPARE(usage.daily()->rowCount(), 31);
        QCOMPARE(usage.daily()->columnCount(), 2);
        QCOMPARE(usage.daily()->index(0, 0).data().toInt(), 1);
        QCOMPARE(usage.daily()->index(0, 1).data().toInt(), 5);
        QCOMPARE(usage.daily()->index(6, 1).data().toInt(), 0);
        QCOMPARE(usage.maxDaily(), 5);
        QCOMPARE(usage.byActivity()->rowCount(), 1);
        QCOMPARE(usage.byActivity()->index(0).data(UsageBreakdownModel::CreditsRole).toInt(), 30);
        QCOMPARE(usage.byActivity()->index(0).data(UsageBreakdownModel::ShareRole).toDouble(), 1.0);

        // Entries come page by page: 4 + 4 + 1 (Dec 1st: 2,1,1,1; then five days of 5).
        UsageEntriesModel *e = usage.entries();
        QTRY_COMPARE(e->rowCount(), 4);
        QVERIFY(e->canFetchMore({}));
        e->fetchMore({});
        QTRY_COMPARE(e->rowCount(), 8);
        e->fetchMore({});
        QTRY_COMPARE(e->rowCount(), 9);
        QVERIFY(!e->canFetchMore({}));
        QCOMPARE(e->index(0).data(UsageEntriesModel::CreditsRole).toInt(), 5); // newest first
        QCOMPARE(e->index(0).data(UsageEntriesModel::ActivityRole).toString(), QStringLiteral("generate"));
        QVERIFY(e->index(0).data(UsageEntriesModel::AtTextRole).toString().contains(QStringLiteral("6 dec")));

        QTemporaryDir dir;
        QSignalSpy exported(&usage, &UsageModel::exportFinished);
        usage.exportCsv(QUrl::fromLocalFile(dir.filePath(QStringLiteral("dec.csv"))));
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));
        QFile csv(dir.filePath(QStringLiteral("dec.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.value(0).trimmed(), QByteArray("at,member,project,activity,credits"));
        QCOMPARE(lines.size(), 10);

        usage.previousMonth();
        QCOMPARE(usage.month(), QStringLiteral("2026-11"));
        QTRY_COMPARE(usage.daily()->rowCount(), 30);
        QCOMPARE(usage.total(), 0);
        QTRY_COMPARE(e->rowCount(), 0);
        QVERIFY(usage.canGoNext());
        usage.nextMonth();
        QTRY_COMPARE(usage.total(), 30);

        // A view that pulls every page as rows arrive gets each entry once.
        QAbstractItemModelTester t5(e, QAbstractItemModelTester::FailureReportingMode::QtTest);
        usage.reload();
        QTRY_VERIFY(!e->canFetchMore({}) && !e->loading());
        QCOMPARE(e->rowCount(), 9);
    }

    void breakdownStaysCheapWithAThousandMembers()
    {
        QJsonArray rows;
        for (int i = 0; i < 1000; ++i)
            rows.append(QJsonObject{{QStringLiteral("member_id"), QStringLiteral("m%1").arg(i)},
                                    {QStringLiteral("name"), QStringLiteral("Person %1").arg(i)},
                                    {QStringLiteral("email"), QStringLiteral("p%1@x.test").arg(i)},
                                    {QStringLiteral("credits"), (i * 37) % 101}});
        UsageBreakdownModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QElapsedTimer timer;
        timer.start();
        m.set(rows, QStringLiteral("name"), QStringLiteral("member_id"), QStringLiteral("email"));
        QVERIFY(timer.elapsed() < 500);
        QCOMPARE(m.rowCount(), 1000);
        QCOMPARE(m.index(0).data(UsageBreakdownModel::CreditsRole).toInt(), 100); // largest first
        QVERIFY(m.index(999).data(UsageBreakdownModel::CreditsRole).toInt() == 0);
    }

    void membersAndTheFreeSeatLimit()
    {
        MemberModel members;
        QAbstractItemModelTester tester(&members, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(members.rowCount(), 1);
        QCOMPARE(members.seatLimit(), 10);
        QVERIFY(members.canAdd());
        QCOMPARE(members.index(0).data(MemberModel::RoleTextRole).toString(), QStringLiteral("Ägare"));
        for (int i = 1; i < 10; ++i) {
            members.invite(QStringLiteral("m%1@fri.test").arg(i), QStringLiteral("Medlem %1").arg(i), QStringLiteral("member"));
            QTRY_COMPARE(members.rowCount(), i + 1);
            QCOMPARE(members.error(), QString());
        }
        QCOMPARE(members.seatsUsed(), 10);
        QVERIFY(!members.canAdd());
        QVERIFY2(members.addBlockedReason().contains(QStringLiteral("högst 10")), qPrintable(members.addBlockedReason()));
        members.invite(QStringLiteral("elva@fri.test"), QString(), QStringLiteral("member"));
        QTRY_VERIFY(!members.error().isEmpty());
        QCOMPARE(members.error(), ApiError::messageFor(ApiError::SeatLimitReached));
        QCOMPARE(members.rowCount(), 10);

        const QString id = members.index(9).data(MemberModel::MemberIdRole).toString();
        members.changeRole(id, QStringLiteral("admin"));
        QTRY_COMPARE(members.index(9).data(MemberModel::RoleTextRole).toString(), QStringLiteral("Administratör"));
        members.remove(id);
        QTRY_COMPARE(members.rowCount(), 9);
        QVERIFY(members.canAdd());
        QCOMPARE(members.addBlockedReason(), QString());
    }

    void plansAndSubscriptionOnPro()
    {
        Session *s = Session::instance();
        s->switchWorkspace(m_pro.id);
        Subscription *sub = Subscription::instance();
        QTRY_COMPARE(sub->tier(), QStringLiteral("pro-200"));
        QCOMPARE(sub->tierName(), QStringLiteral("Pro 200"));
        QVERIFY(!sub->periodEndText().isEmpty());
        CreditMeter *m = CreditMeter::instance();
        QTRY_COMPARE(m->allowance(), 200);
        QTRY_COMPARE(m->periodKind(), QStringLiteral("cycle"));
        // Just after the switch the meter is stale ("senast uppdaterad") until the live channel's hello.
        QTRY_VERIFY2(QRegularExpression(QStringLiteral("^200 av 200 krediter · återställs (\\d{1,2} \\w+\\.?|i morgon \\d\\d:\\d\\d)$"))
                         .match(m->summary()).hasMatch(), qPrintable(m->summary()));

        PlanModel plans;
        QAbstractItemModelTester tester(&plans, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(plans.rowCount() >= 6);
        // The kinds are the server's previews: wait until every card has one.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (int i = 0; i < plans.rowCount(); ++i)
                if (plans.index(i).data(PlanModel::ChangeKindRole).toString().isEmpty())
                    return false;
            return true;
        }(), 10000);
        QHash<QString, QString> kinds;
        for (int i = 0; i < plans.rowCount(); ++i) {
            const QModelIndex idx = plans.index(i);
            kinds.insert(idx.data(PlanModel::PlanIdRole).toString(), idx.data(PlanModel::ChangeKindRole).toString());
            if (idx.data(PlanModel::PlanIdRole).toString() == QLatin1String("pro-100")) {
                QCOMPARE(idx.data(PlanModel::PriceTextRole).toString(), QStringLiteral("250") + nbsp + QStringLiteral("kr/mån"));
                QVERIFY(idx.data(PlanModel::FeaturesRole).toStringList().contains(QStringLiteral("Anpassad domän")));
            }
            if (idx.data(PlanModel::PlanIdRole).toString() == QLatin1String("pro-400"))
                QCOMPARE(idx.data(PlanModel::PriceTextRole).toString(), QStringLiteral("1") + nbsp + QStringLiteral("000") + nbsp + QStringLiteral("kr/mån"));
        }
        QCOMPARE(kinds.value(QStringLiteral("pro-200")), QStringLiteral("current"));
        QCOMPARE(kinds.value(QStringLiteral("pro-100")), QStringLiteral("downgrade"));
        QCOMPARE(kinds.value(QStringLiteral("pro-400")), QStringLiteral("upgrade"));
        QCOMPARE(kinds.value(QStringLiteral("free")), QStringLiteral("cancel"));
        QCOMPARE(kinds.value(QStringLiteral("enterprise")), QStringLiteral("contact_sales"));

        QSignalSpy preview(sub, &Subscription::previewReady);
        const QString end = sub->periodEndText();
        sub->preview(QStringLiteral("pro-100"));
        QTRY_COMPARE(preview.size(), 1);
        QCOMPARE(preview.at(0).at(0).toString(), QStringLiteral("downgrade"));
        QCOMPARE(preview.at(0).at(2).toString(),
                 QStringLiteral("Du byter till Pro 100 den %1. Till dess har du kvar Pro 200 och dina krediter.").arg(end));
        QCOMPARE(preview.at(0).at(3).toString(), QStringLiteral("Nedgradera"));
        sub->preview(QStringLiteral("free"));
        QTRY_COMPARE(preview.size(), 2);
        QCOMPARE(preview.at(1).at(0).toString(), QStringLiteral("cancel"));
        QCOMPARE(preview.at(1).at(2).toString(),
                 QStringLiteral("Din prenumeration avslutas den %1. Du behåller Pro till dess, sedan går arbetsytan över till Gratis. Dina projekt finns kvar.").arg(end));
        QCOMPARE(preview.at(1).at(3).toString(), QStringLiteral("Avsluta prenumeration"));
        sub->preview(QStringLiteral("pro-400"));
        QTRY_COMPARE(preview.size(), 3);
        QCOMPARE(preview.at(2).at(0).toString(), QStringLiteral("upgrade"));
        QVERIFY2(QRegularExpression(QStringLiteral("^Du uppgraderas till Pro 400 nu\\. Du debiteras [\\d\u00a0]+(,\\d\\d)?\u00a0kr i dag "
                                                   "för resten av perioden och får 200 krediter till direkt\\.$"))
                     .match(preview.at(2).at(2).toString()).hasMatch(), qPrintable(preview.at(2).at(2).toString()));

        // No payment provider in this server: money routes answer 503.
        sub->change(QStringLiteral("pro-400"));
        QTRY_VERIFY(!sub->busy());
        QTRY_COMPARE(sub->error(), ApiError::messageFor(ApiError::PaymentsUnavailable));
        InvoiceModel invoices;
        QTRY_COMPARE(invoices.error(), ApiError::messageFor(ApiError::PaymentsUnavailable));
        QCOMPARE(invoices.loading(), false);
    }

    // Member limits on Pro against the real server, as an admin: the limit and
    // the use this cycle per member; above the plan's credits and an owner's
    // limit (only an owner's to set) are refused in the dialog's error.
    void memberLimitsOnPro()
    {
        QCOMPARE(Session::instance()->currentWorkspaceId(), m_pro.id);
        MemberModel members;
        QAbstractItemModelTester tester(&members, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(members.rowCount(), 2);
        QVERIFY(members.limitsShown());
        int self = -1, owner = -1;
        for (int i = 0; i < members.rowCount(); ++i)
            (members.index(i).data(MemberModel::EmailRole).toString() == m_owner ? self : owner) = i;
        QVERIFY(self >= 0 && owner >= 0);
        QCOMPARE(members.index(self).data(MemberModel::LimitTextRole).toString(), QStringLiteral("Ingen gräns"));
        const QString selfId = members.index(self).data(MemberModel::MemberIdRole).toString();
        QSignalSpy done(&members, &MemberModel::actionDone);

        members.setLimit(selfId, 500);
        QTRY_COMPARE(members.limitError(), QStringLiteral("Gränsen kan vara högst 200 krediter per period."));
        QCOMPARE(members.error(), QString());
        members.setLimit(members.index(owner).data(MemberModel::MemberIdRole).toString(), 10);
        QTRY_COMPARE(members.limitError(), ApiError::messageFor(ApiError::Forbidden));

        members.setLimit(selfId, 20);
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(members.limitError(), QString());
        QTRY_COMPARE(members.index(self).data(MemberModel::LimitTextRole).toString(), QStringLiteral("0 av 20 krediter"));
        members.clearLimit(selfId);
        QTRY_COMPARE(done.size(), 2);
        QTRY_COMPARE(members.index(self).data(MemberModel::LimitTextRole).toString(), QStringLiteral("Ingen gräns"));
    }

    void cachedStateIsShownStaleUntilTheServerAnswers()
    {
        Session *s = Session::instance();
        CreditMeter *m = CreditMeter::instance();
        QTRY_VERIFY(!m->stale());
        s->switchWorkspace(m_free.id);
        // At once, from the cache: marked stale, with the time of the last update.
        QVERIFY(m->stale());
        QCOMPARE(m->remaining(), 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^0 av 5 krediter · senast uppdaterad \\d\\d:\\d\\d$")).match(m->summary()).hasMatch(),
                 qPrintable(m->summary()));
        QTRY_VERIFY(!m->stale());
        QCOMPARE(m->summary(), QStringLiteral("Månadens 30 krediter är använda · nya ")
                                   + QLocale(QLocale::Swedish, QLocale::Sweden).toString(QDate(2027, 1, 1), QStringLiteral("d MMM")).replace(QLatin1Char(' '), nbsp));
    }

    void signOutRevokesAndForgets()
    {
        Session *s = Session::instance();
        const QString token = keyringToken(m_fx.baseUrl());
        QVERIFY(!token.isEmpty());
        s->signOut();
        QCOMPARE(s->state(), Session::SignedOut);
        QTRY_VERIFY(keyringToken(m_fx.baseUrl()).isEmpty());
        QCOMPARE(s->workspaces()->rowCount(), 0);
        // The server no longer takes the old refresh token.
        QTest::qWait(300);
        QByteArray body = "grant_type=refresh_token&client_id=kliv-konto&refresh_token=" + QUrl::toPercentEncoding(token);
        const HttpReply r = m_fx.send("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                      "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QCOMPARE(r.status, 400);
    }

    void serverDownKeepsTheCacheStaleWithAClearError()
    {
        signIn(m_owner);
        Session *s = Session::instance();
        CreditMeter *m = CreditMeter::instance();
        s->switchWorkspace(m_pro.id);
        QTRY_VERIFY(!m->stale());
        Session::instance()->api()->setRetryDelays({10});
        m_fx.kill9();
        s->switchWorkspace(m_free.id);
        QVERIFY(m->stale());
        QTRY_COMPARE_WITH_TIMEOUT(m->error(), ApiError::messageFor(ApiError::Network), 10000);
        QVERIFY(m->stale());
        QVERIFY(m->summary().startsWith(QStringLiteral("0 av 5 krediter · senast uppdaterad ")));
        QTRY_VERIFY_WITH_TIMEOUT(!m->live(), 10000);
        QVERIFY(m_fx.restart());
    }

    void checkoutInTheBrowserIsConfirmedByTheServer()
    {
        const QString emulatorBin = qEnvironmentVariable("KLIV_BUILD_DIR") + QStringLiteral("/tools/stripe-emulator/stripe-emulator");
        if (!QFile::exists(emulatorBin))
            QSKIP("stripe-emulator is not built");
        // The emulator must know where to send webhooks before the server starts: pick its port.
        quint16 port;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QTemporaryDir emuData;
        QProcess emulator;
        emulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        emulator.start(emulatorBin, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data"), emuData.path(),
                                     QStringLiteral("--webhook-url"), QStringLiteral("http://127.0.0.1:%1/webhooks/stripe").arg(port),
                                     QStringLiteral("--webhook-secret"), QStringLiteral("whsec_client_test")});
        QVERIFY(emulator.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(emulator.canReadLine(), 10000);
        const QString line = QString::fromUtf8(emulator.readLine()).trimmed();
        const QString emulatorUrl = line.mid(line.indexOf(QLatin1String("http://")));
        QVERIFY2(emulatorUrl.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(line));

        qputenv("STRIPE_SECRET_KEY", "sk_test_client");
        qputenv("STRIPE_WEBHOOK_SECRET", "whsec_client_test");
        qputenv("STRIPE_API_BASE", emulatorUrl.toUtf8());
        ServerFixture fx;
        const bool started = fx.start(QDateTime::currentDateTimeUtc(), {QStringLiteral("--port"), QString::number(port)});
        qunsetenv("STRIPE_SECRET_KEY");
        qunsetenv("STRIPE_WEBHOOK_SECRET");
        qunsetenv("STRIPE_API_BASE");
        QVERIFY2(started, qPrintable(fx.errorString()));
        QCOMPARE(fx.port(), port);
        const QString email = QStringLiteral("kund@betalar.test");
        const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("Betalar AB"), email);
        QVERIFY(fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), email, QStringLiteral("--password"), kPassword}).ok());
        AppSettings::instance()->setServerUrl(fx.baseUrl());
        signIn(email);
        Subscription *sub = Subscription::instance();
        CreditMeter *m = CreditMeter::instance();
        QTRY_COMPARE(sub->tier(), QStringLiteral("free"));
        QTRY_VERIFY_WITH_TIMEOUT(m->live(), 10000);

        // No browser under offscreen: Checkout's link is offered instead.
        QSignalSpy opened(sub, &Subscription::checkoutOpened);
        sub->change(QStringLiteral("pro-100"));
        QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1 || !sub->error().isEmpty(), 15000);
        if (sub->error() == ApiError::messageFor(ApiError::PaymentsUnavailable)) {
            Session::instance()->signOut();
            AppSettings::instance()->setServerUrl(m_fx.baseUrl());
            emulator.kill();
            emulator.waitForFinished(5000);
            QSKIP("this kliv-billingd has no Stripe payment provider wired (STRIPE_* ignored)");
        }
        QCOMPARE(opened.size(), 1);
        QCOMPARE(sub->error(), QString());
        const QUrl checkout = sub->pendingUrl();
        QVERIFY2(checkout.toString().startsWith(emulatorUrl + QStringLiteral("/c/pay/")), qPrintable(checkout.toString()));
        QCOMPARE(sub->tier(), QStringLiteral("free")); // nothing changes until the server knows

        // Pay on the hosted page like a user would; the client learns it from the server.
        QNetworkAccessManager nam;
        QNetworkRequest req(checkout);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *paid = nam.post(req, QByteArray("cardnumber=4242+4242+4242+4242&line1=Storgatan+1&postal_code=111+22&city=Stockholm&email=")
                                                     + QUrl::toPercentEncoding(email));
        QTRY_VERIFY_WITH_TIMEOUT(paid->isFinished(), 15000);
        const int status = paid->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(status == 200 || status == 302 || status == 303, paid->readAll().constData());
        delete paid;
        QTRY_COMPARE_WITH_TIMEOUT(sub->tier(), QStringLiteral("pro-100"), 20000); // pushed live
        QCOMPARE(sub->status(), QStringLiteral("active"));
        QTRY_COMPARE_WITH_TIMEOUT(m->allowance(), 100, 10000);
        QCOMPARE(m->periodKind(), QStringLiteral("cycle"));

        Session::instance()->signOut();
        AppSettings::instance()->setServerUrl(m_fx.baseUrl());
        emulator.terminate();
        emulator.waitForFinished(5000);
    }

    // The server ends what it no longer allows over the live channel (close codes
    // 4409, 4403, 4401): a new role shows at once, a removal moves the app to the
    // user's other workspace and says why, a session revoked elsewhere signs out
    // with a message and forgets the keyring entry.
    void theServerEndingTheSessionIsActedOnAtOnce()
    {
        Session *s = Session::instance();
        if (s->state() != Session::SignedIn) {
            s->cancelSignIn();   // whatever the last test left half done
            signIn(m_owner);
        }
        s->switchWorkspace(m_pro.id);
        QTRY_VERIFY_WITH_TIMEOUT(s->live()->isConnected(), 10000);
        QCOMPARE(s->role(), QStringLiteral("admin"));
        const QString boss = m_fx.issueUserToken(QStringLiteral("boss@pro.test"));
        QString memberId;
        for (const QJsonValue &v : m_fx.get(QStringLiteral("/v1/workspaces/%1/members").arg(m_pro.id), boss).jsonArray("members"))
            if (v.toObject().value(QLatin1String("email")).toString() == m_owner)
                memberId = v.toObject().value(QLatin1String("id")).toString();
        QVERIFY(!memberId.isEmpty());
        const QString memberPath = QStringLiteral("/v1/workspaces/%1/members/%2").arg(m_pro.id, memberId);

        QCOMPARE(m_fx.patch(memberPath, {{QStringLiteral("role"), QStringLiteral("member")}}, boss).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(s->role(), QStringLiteral("member"), 5000);
        QVERIFY(!s->canManageMembers());
        QCOMPARE(s->state(), Session::SignedIn);

        QCOMPARE(m_fx.del(memberPath, boss).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(s->currentWorkspaceId(), m_free.id, 5000);
        QCOMPARE(s->notice(), QStringLiteral("Du är inte längre medlem i Pro AB."));
        QCOMPARE(s->state(), Session::SignedIn);
        QCOMPARE(s->workspaces()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(s->live()->isConnected(), 10000);   // on Fri AB now
        s->dismissNotice();
        QCOMPARE(s->notice(), QString());
        QVERIFY(!m_fx.addMember(m_pro.id, m_owner, QStringLiteral("admin")).isEmpty());

        // Signed out on another computer: the refresh token's family is revoked.
        const QString refresh = keyringToken(m_fx.baseUrl());
        QVERIFY(!refresh.isEmpty());
        QCOMPARE(m_fx.request("POST", QStringLiteral("/oauth/revoke"), "token=" + QUrl::toPercentEncoding(refresh)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), Session::SignedOut, 5000);
        QVERIFY2(s->errorString().contains(QStringLiteral("avslutades på servern")), qPrintable(s->errorString()));
        QCOMPARE(s->workspaces()->rowCount(), 0);
        QTRY_VERIFY(keyringToken(m_fx.baseUrl()).isEmpty());
    }

    void expiredAccessTokenIsRefreshedOnce()
    {
        ServerFixture fx;
        QVERIFY2(fx.start(ServerFixture::utc("2026-12-01T00:00:00Z"), {QStringLiteral("--token-ttl"), QStringLiteral("2")}),
                 qPrintable(fx.errorString()));
        const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("Kort AB"), QStringLiteral("kort@ttl.test"));
        QVERIFY(fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), QStringLiteral("kort@ttl.test"),
                          QStringLiteral("--password"), kPassword}).ok());
        AppSettings::instance()->setServerUrl(fx.baseUrl());
        QCOMPARE(Session::instance()->state(), Session::SignedOut);
        signIn(QStringLiteral("kort@ttl.test"));
        CreditMeter *m = CreditMeter::instance();
        QTRY_COMPARE(m->remaining(), 5);
        const QString first = keyringToken(fx.baseUrl());
        QTest::qWait(2500); // the access token expires
        QSignalSpy errors(m, &CreditMeter::errorChanged);
        m->refresh();
        QTRY_VERIFY(!m->loading());
        QCOMPARE(m->error(), QString());
        QCOMPARE(Session::instance()->state(), Session::SignedIn);
        const QString rotated = keyringToken(fx.baseUrl());
        QVERIFY(!rotated.isEmpty());
        QVERIFY(rotated != first); // refresh tokens rotate, the keyring follows

        // Another server and back: the keyring signs in again without a browser.
        AppSettings::instance()->setServerUrl(m_fx.baseUrl());
        QCOMPARE(Session::instance()->state(), Session::SignedOut);
        AppSettings::instance()->setServerUrl(fx.baseUrl());
        Session::instance()->restore();
        QTRY_COMPARE(Session::instance()->state(), Session::SignedIn);
        QCOMPARE(Session::instance()->userEmail(), QStringLiteral("kort@ttl.test"));
        Session::instance()->signOut();
        AppSettings::instance()->setServerUrl(m_fx.baseUrl());
    }

    void lockedKeyringIsAClearErrorAndNothingInPlainText()
    {
        // Locking cannot be undone without a prompt: only in a D-Bus session of its own
        // (ctest's tst_client_models_locked_keyring), never in the one the suite shares.
        if (qEnvironmentVariableIsEmpty("KLIV_CLIENT_LOCK_KEYRING"))
            QSKIP("runs as tst_client_models_locked_keyring in its own keyring session");
        // org.freedesktop.Secret.Service.Lock (secret-tool lock crashes in libsecret 0.20.5).
        QProcess lock;
        lock.start(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.secrets"),
                    QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
        QVERIFY(lock.waitForFinished(10000));
        QVERIFY2(lock.exitCode() == 0, lock.readAllStandardError().constData());
        QVERIFY(lock.readAllStandardOutput().contains("/org/freedesktop/secrets/collection/login"));
        const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
        m_browser.email = m_owner;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        Session *s = Session::instance();
        s->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), Session::Error, 20000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        const QStringList keychainMessages = {
            QStringLiteral("Nyckelringen är låst eller svarar inte. Lås upp den och försök igen."),
            QStringLiteral("Kliv Konto fick inte tillgång till nyckelringen. Tillåt åtkomst och logga in igen."),
            QStringLiteral("Ingen nyckelring hittades. Kliv Konto sparar aldrig inloggningen i klartext: "
                           "starta en nyckelring (t.ex. GNOME Nyckelring eller KWallet) och logga in igen.")};
        QVERIFY2(keychainMessages.contains(s->errorString()), qPrintable(s->errorString()));
        QCOMPARE(s->workspaces()->rowCount(), 0);
        QCOMPARE(keyringToken(m_fx.baseUrl()), QString());
        // No fallback: nothing written under HOME holds a token.
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (QFileInfo(path).lastModified() < before || path.contains(QLatin1String("/keyrings/")))
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains("token"), qPrintable(path));
        }
    }
};

QTEST_MAIN(TestClientModels)
#include "tst_client_models.moc"

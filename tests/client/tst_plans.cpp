// tst_plans: the plans page's models against the real kliv-billingd (no payment
// provider): a plan sales manages is said up front, the change kinds are the
// server's previews, an error belongs to its action, every change says what it
// did, the dialog's lines on the next cycle and on a pending cancellation, and
// the billing history refetched when the live channel reports a change.
#include "apierror.h"
#include "appsettings.h"
#include "creditmeter.h"
#include "invoicemodel.h"
#include "planmodel.h"
#include "fakebrowser.h"
#include "serverfixture.h"
#include "session.h"
#include "subscription.h"

#include <QDesktopServices>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {
const QString kPassword = QStringLiteral("planer-och-priser-42");
const QChar nbsp(0x00A0);


QHash<QString, QString> roleByPlan(const PlanModel &plans, int role)
{
    QHash<QString, QString> out;
    for (int i = 0; i < plans.rowCount(); ++i)
        out.insert(plans.index(i).data(PlanModel::PlanIdRole).toString(), plans.index(i).data(role).toString());
    return out;
}
} // namespace

class TestPlans : public QObject
{
    Q_OBJECT

    ServerFixture m_fx;
    WorkspaceIds m_pro, m_enterprise;
    FakeBrowser m_browser{kPassword};
    const QString m_owner = QStringLiteral("agare@planer.test");

    void switchTo(const WorkspaceIds &ws, const QString &tier)
    {
        Session::instance()->switchWorkspace(ws.id);
        QTRY_COMPARE_WITH_TIMEOUT(Subscription::instance()->tier(), tier, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(Session::instance()->isReady(), 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        KLIV_CLIENT_SUITE_START("tst_plans");
        QVERIFY2(m_fx.start(ServerFixture::utc("2026-12-01T00:00:00Z")), qPrintable(m_fx.errorString()));
        m_pro = m_fx.createWorkspace(QStringLiteral("Pro AB"), m_owner);
        QVERIFY2(m_pro.isValid(), qPrintable(m_fx.errorString()));
        QVERIFY(!m_fx.setPlan(m_pro.id, QStringLiteral("pro-200")).isEmpty());
        m_enterprise = m_fx.createWorkspace(QStringLiteral("Stor AB"), m_owner);
        QVERIFY2(m_enterprise.isValid(), qPrintable(m_fx.errorString()));
        QVERIFY(!m_fx.setPlan(m_enterprise.id, QStringLiteral("enterprise"), 5000).isEmpty());
        QVERIFY(m_fx.admin({QStringLiteral("set-password"), QStringLiteral("--user"), m_owner,
                            QStringLiteral("--password"), kPassword}).ok());
        AppSettings::instance()->setServerUrl(m_fx.baseUrl());
        QSettings().setValue(QStringLiteral("session/currentWorkspace"), QString());

        m_browser.email = m_owner;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        Session::instance()->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(Session::instance()->state(), Session::SignedIn, 15000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    }

    void salesManagedPlanIsSaidUpFront()
    {
        switchTo(m_enterprise, QStringLiteral("enterprise"));
        Subscription *sub = Subscription::instance();
        // The workspace JSON says so: nothing to click to find out.
        QVERIFY(sub->managedBySales());
        PlanModel plans;
        QTRY_VERIFY(plans.rowCount() >= 6);
        const QString sales = ApiError::messageFor(ApiError::ManagedByAdmin);
        QTRY_VERIFY_WITH_TIMEOUT(roleByPlan(plans, PlanModel::BlockedReasonRole).value(QStringLiteral("pro-400")) == sales, 10000);
        const auto reasons = roleByPlan(plans, PlanModel::BlockedReasonRole);
        const auto kinds = roleByPlan(plans, PlanModel::ChangeKindRole);
        for (const QString &id : {QStringLiteral("free"), QStringLiteral("pro-100"), QStringLiteral("pro-800")}) {
            QCOMPARE(reasons.value(id), sales);
            QCOMPARE(kinds.value(id), QString()); // no action to offer
        }
        QCOMPARE(kinds.value(QStringLiteral("enterprise")), QStringLiteral("current"));
        QCOMPARE(reasons.value(QStringLiteral("enterprise")), QString());
    }

    void changeKindsAreTheServersPreviews()
    {
        switchTo(m_pro, QStringLiteral("pro-200"));
        QVERIFY(!Subscription::instance()->managedBySales());
        PlanModel plans;
        QTRY_VERIFY(plans.rowCount() >= 6);
        QTRY_VERIFY_WITH_TIMEOUT(!roleByPlan(plans, PlanModel::ChangeKindRole).values().contains(QString()), 10000);
        const auto kinds = roleByPlan(plans, PlanModel::ChangeKindRole);
        QCOMPARE(kinds.value(QStringLiteral("pro-200")), QStringLiteral("current"));
        QCOMPARE(kinds.value(QStringLiteral("pro-100")), QStringLiteral("downgrade"));
        QCOMPARE(kinds.value(QStringLiteral("pro-400")), QStringLiteral("upgrade"));
        QCOMPARE(kinds.value(QStringLiteral("free")), QStringLiteral("cancel"));
        QCOMPARE(kinds.value(QStringLiteral("enterprise")), QStringLiteral("contact_sales"));
        QCOMPARE(plans.vatNote(), QStringLiteral("Priserna är inklusive moms."));
    }

    void plansListOnlyWhatDiffers()
    {
        PlanModel plans;
        QTRY_VERIFY(plans.rowCount() >= 6);
        QHash<QString, int> row;
        for (int i = 0; i < plans.rowCount(); ++i)
            row.insert(plans.index(i).data(PlanModel::PlanIdRole).toString(), i);
        const auto at = [&](const char *id, int role) { return plans.index(row.value(QLatin1String(id))).data(role); };
        QCOMPARE(at("free", PlanModel::MonthlyCapRole).toInt(), 30);
        const QString badge = QStringLiteral("Märkningen ”Made with Kliv” visas på webbplatsen");
        QCOMPARE(at("free", PlanModel::LimitationsRole).toStringList(), QStringList{badge});
        QVERIFY(!at("free", PlanModel::AddedFeaturesRole).toStringList().contains(badge));
        QVERIFY(at("pro-100", PlanModel::AddedFeaturesRole).toStringList().contains(QStringLiteral("Anpassad domän")));
        QVERIFY(!at("pro-100", PlanModel::AddedFeaturesRole).toStringList().contains(QStringLiteral("Publicering")));
        QCOMPARE(at("pro-100", PlanModel::PreviousNameRole).toString(), QStringLiteral("Gratis"));
        QCOMPARE(at("pro-200", PlanModel::AddedFeaturesRole).toStringList(), QStringList());
        QVERIFY(at("enterprise", PlanModel::AddedFeaturesRole).toStringList().contains(QStringLiteral("SAML SSO")));
        QCOMPARE(at("pro-100", PlanModel::LimitationsRole).toStringList(), QStringList());
    }

    void anErrorBelongsToItsAction()
    {
        switchTo(m_pro, QStringLiteral("pro-200"));
        Subscription *sub = Subscription::instance();
        const QString unavailable = ApiError::messageFor(ApiError::PaymentsUnavailable);
        sub->change(QStringLiteral("pro-400")); // no payment provider: 503
        QTRY_COMPARE(sub->error(), unavailable);
        QCOMPARE(sub->portalError(), QString()); // never on Fakturering
        sub->openPortal();
        QTRY_COMPARE(sub->portalError(), unavailable);
        QCOMPARE(sub->error(), QString()); // the next action took it away
        sub->clearMessages(); // a page change
        QCOMPARE(sub->portalError(), QString());
        QCOMPARE(sub->error(), QString());
    }

    void planChangesSayWhatHappened()
    {
        switchTo(m_pro, QStringLiteral("pro-200"));
        Subscription *sub = Subscription::instance();
        const QString end = sub->periodEndText();
        QVERIFY(!end.isEmpty());
        QSignalSpy preview(sub, &Subscription::previewReady);

        sub->preview(QStringLiteral("pro-100"));
        QTRY_COMPARE(preview.size(), 1);
        QCOMPARE(preview.at(0).at(6).toString(),
                 QStringLiteral("Från den %1 betalar du 250%2kr i månaden.").arg(end, nbsp));
        QCOMPARE(preview.at(0).at(7).toString(), QString()); // nothing pending
        sub->change(QStringLiteral("pro-100"));
        QTRY_COMPARE(sub->outcomeText(),
                     QStringLiteral("Klart: du byter till Pro 100 den %1. Till dess har du kvar Pro 200.").arg(end));
        QCOMPARE(sub->error(), QString());

        sub->undo();
        QTRY_COMPARE(sub->outcomeText(), QStringLiteral("Klart: den planerade ändringen är ångrad. Du fortsätter med Pro 200."));

        sub->preview(QStringLiteral("free"));
        QTRY_COMPARE(preview.size(), 2);
        QCOMPARE(sub->outcomeText(), QString()); // the next action: the last outcome is history
        QCOMPARE(preview.at(1).at(6).toString(), QStringLiteral("Från den %1 betalar du ingenting.").arg(end));
        sub->cancel();
        QTRY_COMPARE(sub->outcomeText(), QStringLiteral("Klart: prenumerationen avslutas den %1. Till dess har du kvar Pro 200.").arg(end));
        QVERIFY(sub->cancelAtPeriodEnd());

        // With the cancellation pending, the dialogs say whether it stands.
        sub->preview(QStringLiteral("pro-400"));
        QTRY_COMPARE(preview.size(), 3);
        QCOMPARE(preview.at(2).at(0).toString(), QStringLiteral("upgrade"));
        QCOMPARE(preview.at(2).at(7).toString(),
                 QStringLiteral("Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den %1.").arg(end));
        sub->preview(QStringLiteral("pro-100"));
        QTRY_COMPARE(preview.size(), 4);
        QCOMPARE(preview.at(3).at(7).toString(),
                 QStringLiteral("Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den %1.").arg(end));
        sub->undo();
        QTRY_VERIFY(!sub->cancelAtPeriodEnd());
    }

    // Issue 12: a request to sales is seen as received (and when), then as handled
    // once an operator marks it (admin handle-inquiry); another workspace sees none.
    void aRequestToSalesIsSeenReceivedThenHandled()
    {
        switchTo(m_pro, QStringLiteral("pro-200"));
        Subscription *sub = Subscription::instance();
        sub->loadInquiry();
        QTest::qWait(300);
        QCOMPARE(sub->inquiryText(), QString());   // nothing asked yet
        QSignalSpy sent(sub, &Subscription::inquirySent);
        sub->sendEnterpriseInquiry(QStringLiteral("anna@pro.test"), 40, QStringLiteral("SSO för 40"));
        QTRY_COMPARE(sent.size(), 1);
        QVERIFY2(sub->inquiryText().startsWith(QStringLiteral("Säljteamet tog emot din förfrågan ")), qPrintable(sub->inquiryText()));
        QVERIFY2(sub->inquiryText().endsWith(QStringLiteral(" och hör av sig.")), qPrintable(sub->inquiryText()));
        const AdminResult listed = m_fx.admin({QStringLiteral("inquiries")});
        const QString id = listed.json.value(QLatin1String("inquiries")).toArray().last().toObject().value(QLatin1String("id")).toString();
        QVERIFY2(!id.isEmpty(), listed.out.constData());
        QVERIFY(m_fx.admin({QStringLiteral("handle-inquiry"), QStringLiteral("--id"), id}).ok());
        sub->loadInquiry();
        QTRY_VERIFY2(sub->inquiryText().contains(QStringLiteral("och hanterade den ")), qPrintable(sub->inquiryText()));
        // Another workspace: not this request.
        switchTo(m_enterprise, QStringLiteral("enterprise"));
        QCOMPARE(sub->inquiryText(), QString());
        switchTo(m_pro, QStringLiteral("pro-200"));
    }

    void invoicesAreRefetchedWhenTheLiveChannelReportsAChange()
    {
        switchTo(m_pro, QStringLiteral("pro-200"));
        QTRY_VERIFY_WITH_TIMEOUT(CreditMeter::instance()->live(), 10000);
        InvoiceModel invoices;
        // No payment provider: the list answers 503, but each fetch is seen.
        QTRY_COMPARE(invoices.error(), ApiError::messageFor(ApiError::PaymentsUnavailable));
        QTRY_VERIFY(!invoices.loading());
        QSignalSpy loading(&invoices, &InvoiceModel::loadingChanged);
        Subscription *sub = Subscription::instance();
        sub->change(QStringLiteral("pro-100")); // a subscription change, announced on the live channel
        QTRY_VERIFY(!sub->pendingTier().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(loading.size() >= 2, 15000);
        sub->undo();
        QTRY_VERIFY(sub->pendingTier().isEmpty());
    }
};

QTEST_MAIN(TestPlans)
#include "tst_plans.moc"

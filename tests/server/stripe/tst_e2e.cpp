// End to end against the real stripe-emulator binary: Checkout, prorated
// upgrade (amounts to the öre), downgrade and cancel with their undo, renewal
// through the shared clock, and a failing card (0341) going past_due -> unpaid
// -> Free. The emulator delivers signed webhooks to a local endpoint that
// hands them to the provider, which writes a real SQLite store.
#include "emulatorprocess.h"
#include "stripe/stripeledger.h"
#include "stripe/stripepaymentprovider.h"
#include "storage/store.h"

#include <QFile>
#include <QJsonDocument>
#include <QHttpServer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <type_traits>

using billing::SubscriptionState;
using http::ProviderError;

static const QByteArray kWebhookSecret = "whsec_kliv_e2e";

static QDateTime utc(const char *s) { return QDateTime::fromString(QString::fromLatin1(s), Qt::ISODate); }

// Stripe's proration: each line rounded half up on its own.
static qint64 prorate(qint64 amount, qint64 remaining, qint64 period) { return (2 * amount * remaining + period) / (2 * period); }

class TestStripeE2E : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    EmulatorProcess m_emulator;
    QUrl m_emulatorUrl;
    QHttpServer m_hooks;
    std::unique_ptr<storage::Store> m_store;
    std::optional<billing::PlanCatalog> m_catalog;
    billing::ManualClock m_clock{utc("2026-12-10T09:00:00Z")};
    std::unique_ptr<stripe::StripePaymentProvider> m_provider;
    QNetworkAccessManager m_nam;
    http::WorkspaceRef m_ws;
    int m_webhooks = 0;

    SubscriptionState state() { return m_store->subscription(m_ws.workspaceId).value(); }
    const billing::Plan &plan(const char *id) { return *m_catalog->find(QString::fromLatin1(id)); }

    template<typename... Args>
    static auto waitFor(const std::type_identity_t<std::function<void(std::function<void(Args...)>)>> &start)
    {
        std::optional<std::tuple<std::decay_t<Args>...>> out;
        start([&out](Args... a) { out.emplace(a...); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            qFatal("no answer from the provider");
        return *out;
    }

    ProviderError run(const std::function<void(std::function<void(ProviderError)>)> &op)
    {
        return std::get<0>(waitFor<ProviderError>(op));
    }

    QList<http::Invoice> invoices()
    {
        auto [e, list] = waitFor<ProviderError, QList<http::Invoice>>([this](auto done) { m_provider->invoices(m_ws, done); });
        if (!e.ok())
            qFatal("invoices: %s", qPrintable(e.message));
        return list;
    }

    bool moveClock(const QDateTime &to)
    {
        m_clock.setNow(to);
        m_provider->clockMoved(to);
        // Wait until the emulator has applied it (renewals run inside that request).
        return QTest::qWaitFor([&] {
            QNetworkRequest req(m_emulatorUrl.resolved(QUrl(QStringLiteral("/_emulator/clock"))));
            req.setRawHeader("Authorization", "Bearer sk_test_kliv_e2e");
            QNetworkReply *r = m_nam.get(req);
            (void)QTest::qWaitFor(   // bounded; the caller checks the outcome
                [r] { return r->isFinished(); }, 5000);
            r->deleteLater();
            return QJsonDocument::fromJson(r->readAll()).object().value(QLatin1String("now")).toInteger() == to.toSecsSinceEpoch();
        }, 10000);
    }

    // Submits a hosted page form (Checkout, Portal) like a browser would.
    int submit(const QUrl &url, const QList<QPair<QString, QString>> &fields)
    {
        QUrlQuery form;
        for (const auto &[k, v] : fields)
            form.addQueryItem(k, v);
        if (url.path().startsWith(QLatin1String("/c/pay/"))) {   // Checkout asks for the billing address
            form.addQueryItem(QStringLiteral("line1"), QStringLiteral("Storgatan 1"));
            form.addQueryItem(QStringLiteral("postal_code"), QStringLiteral("111 22"));
            form.addQueryItem(QStringLiteral("city"), QStringLiteral("Stockholm"));
        }
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *r = m_nam.post(req, form.toString(QUrl::FullyEncoded).toUtf8());
        if (!QTest::qWaitFor([r] { return r->isFinished(); }, 15000))
            return 0;
        r->deleteLater();
        return r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!EmulatorProcess::exists())
            QSKIP("the stripe-emulator binary is not built (tools/stripe-emulator)");
        QVERIFY(m_dir.isValid());
        const QString plansFile = QString::fromLocal8Bit(qgetenv("KLIV_PLANS_FILE"));
        QFile plans(plansFile);
        QVERIFY(plans.open(QIODevice::ReadOnly));
        QString error;
        m_catalog = billing::PlanCatalog::fromJson(plans.readAll(), &error);
        QVERIFY2(m_catalog, qPrintable(error));

        m_hooks.route(QStringLiteral("/webhooks/stripe"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
            ++m_webhooks;
            const auto res = m_provider->handleWebhook(req.body(), req.value("Stripe-Signature"));
            return QHttpServerResponse(res.body, QHttpServerResponse::StatusCode(res.httpStatus));
        });
        const int hookPort = m_hooks.listen(QHostAddress::LocalHost, 0);
        QVERIFY(hookPort > 0);

        const QString started = m_emulator.start(QStringLiteral("http://127.0.0.1:%1/webhooks/stripe").arg(hookPort),
                                                 QString::fromLatin1(kWebhookSecret));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_emulatorUrl = m_emulator.url();

        stripe::StripePaymentProvider::registerMigrations();
        m_store = storage::Store::open(m_dir.filePath(QStringLiteral("kliv")), &error);
        QVERIFY2(m_store, qPrintable(error));
        m_clock.setFrozen(true);
        stripe::StripeConfig config;
        config.secretKey = "sk_test_kliv_e2e";
        config.webhookSecret = kWebhookSecret;
        config.apiBase = m_emulatorUrl;
        config.publicBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(hookPort));
        config.backoffScale = 0.05;
        m_provider = std::make_unique<stripe::StripePaymentProvider>(config, m_store.get(), *m_catalog, m_clock);
        QVERIFY(moveClock(m_clock.now()));

        const auto user = m_store->createUser(QStringLiteral("agare@example.se"), QStringLiteral("Åsa Ägare"), QStringLiteral(""), m_clock.now());
        QVERIFY(user);
        const auto ws = m_store->createWorkspace(QStringLiteral("Studio Kliv"), user->id, m_clock.now());
        QVERIFY(ws);
        m_ws = {ws->workspace.id, ws->workspace.name, user->email};
    }

    void checkoutStartsPro()
    {
        // Enterprise is never sold through Checkout.
        auto [refused, none] = waitFor<ProviderError, QString>([this](auto done) { m_provider->startCheckout(m_ws, plan("enterprise"), done); });
        QCOMPARE(refused.httpStatus, 409);

        auto [e, url] = waitFor<ProviderError, QString>([this](auto done) { m_provider->startCheckout(m_ws, plan("pro-200"), done); });
        QVERIFY2(e.ok(), qPrintable(e.message));
        QVERIFY(url.startsWith(m_emulatorUrl.toString()));
        QCOMPARE(state().planId, QStringLiteral("free"));   // nothing before payment

        // A declined card changes nothing.
        QCOMPARE(submit(QUrl(url), {{QStringLiteral("cardnumber"), QStringLiteral("4000000000000002")}}), 402);
        QTest::qWait(300);
        QCOMPARE(state().planId, QStringLiteral("free"));

        const int s = submit(QUrl(url), {{QStringLiteral("cardnumber"), QStringLiteral("4242424242424242")}});
        QVERIFY2(s == 302 || s == 303, qPrintable(QString::number(s)));
        QTRY_COMPARE_WITH_TIMEOUT(state().planId, QStringLiteral("pro-200"), 10000);
        const SubscriptionState st = state();
        QVERIFY(st.cycleFunded);
        QCOMPARE(st.status, billing::SubscriptionStatus::Active);
        QCOMPARE(st.renewal, billing::Renewal::Invoice);
        QCOMPARE(st.periodStart, utc("2026-12-10T09:00:00Z"));
        QCOMPARE(st.periodEnd, utc("2027-01-10T09:00:00Z"));
        const auto b = m_store->balance(m_ws.workspaceId, m_clock.now(), *m_catalog);
        QCOMPARE(b->balance.remaining, 200);

        const QList<http::Invoice> list = invoices();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].total.amount, 50000);
        QCOMPARE(list[0].total.currency, QStringLiteral("SEK"));
        QCOMPARE(list[0].status, QStringLiteral("paid"));

        // Never a second live subscription.
        auto [again, url2] = waitFor<ProviderError, QString>([this](auto done) { m_provider->startCheckout(m_ws, plan("pro-400"), done); });
        QCOMPARE(again.httpStatus, 409);
    }

    void upgradeIsProratedAndAppliesOnConfirmation()
    {
        QVERIFY(moveClock(utc("2026-12-20T09:00:00Z")));
        const qint64 period = utc("2026-12-10T09:00:00Z").secsTo(utc("2027-01-10T09:00:00Z"));
        const qint64 remaining = utc("2026-12-20T09:00:00Z").secsTo(utc("2027-01-10T09:00:00Z"));
        const qint64 expected = prorate(100000, remaining, period) - prorate(50000, remaining, period);
        QCOMPARE(expected, 33871);   // 677,42 kr for Pro 400's 21 of 31 days minus 338,71 kr unused Pro 200

        auto [pe, preview] = waitFor<ProviderError, http::Preview>([this](auto done) { m_provider->preview(m_ws, plan("pro-400"), m_clock.now(), done); });
        QVERIFY2(pe.ok(), qPrintable(pe.message));
        QCOMPARE(preview.amountDueNow.amount, expected);
        QCOMPARE(preview.effectiveAt, utc("2026-12-20T09:00:00Z"));

        QVERIFY(run([this](auto done) { m_provider->upgrade(m_ws, plan("pro-400"), QDateTime(), done); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(state().planId, QStringLiteral("pro-400"), 10000);
        QCOMPARE(state().periodStart, utc("2026-12-10T09:00:00Z"));   // same cycle
        const QList<http::Invoice> list = invoices();
        QCOMPARE(list.size(), 2);
        const auto upgradeInvoice = std::find_if(list.cbegin(), list.cend(), [](const http::Invoice &i) { return i.total.amount != 50000; });
        QVERIFY(upgradeInvoice != list.cend());
        QCOMPARE(upgradeInvoice->total.amount, expected);
        QCOMPARE(upgradeInvoice->status, QStringLiteral("paid"));
    }

    void downgradeAtPeriodEndAndUndo()
    {
        auto [pe, preview] = waitFor<ProviderError, http::Preview>([this](auto done) { m_provider->preview(m_ws, plan("pro-200"), m_clock.now(), done); });
        QVERIFY(pe.ok());
        QCOMPARE(preview.amountDueNow.amount, 0);
        QCOMPARE(preview.effectiveAt, utc("2027-01-10T09:00:00Z"));

        QVERIFY(run([this](auto done) { m_provider->scheduleDowngrade(m_ws, plan("pro-200"), done); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(state().pendingDowngrade.has_value(), 10000);
        QCOMPARE(state().pendingDowngrade->tier, QStringLiteral("pro-200"));
        QCOMPARE(state().pendingDowngrade->effectiveAt, utc("2027-01-10T09:00:00Z"));
        QCOMPARE(state().planId, QStringLiteral("pro-400"));   // unchanged until then

        QVERIFY(run([this](auto done) { m_provider->undo(m_ws, done); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!state().pendingDowngrade.has_value(), 10000);
        QTest::qWait(300);   // late webhooks of the schedule must not bring it back
        QVERIFY(!state().pendingDowngrade.has_value());
        QCOMPARE(invoices().size(), 2);   // nothing charged
    }

    void cancelAtPeriodEndAndUndo()
    {
        QVERIFY(run([this](auto done) { m_provider->cancelAtPeriodEnd(m_ws, done); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(state().cancelAtPeriodEnd, 10000);
        QCOMPARE(state().planId, QStringLiteral("pro-400"));
        QVERIFY(run([this](auto done) { m_provider->undo(m_ws, done); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!state().cancelAtPeriodEnd, 10000);
        QCOMPARE(run([this](auto done) { m_provider->undo(m_ws, done); }).httpStatus, 409);   // nothing left to undo
    }

    void portalCancelIsReflected()
    {
        // Canceling in the Portal arrives as a webhook, exactly like canceling in the app.
        auto [e, portal] = waitFor<ProviderError, QString>([this](auto done) { m_provider->portalSession(m_ws, done); });
        QVERIFY2(e.ok(), qPrintable(e.message));
        const QString sub = stripe::StripeLedger(m_store->database()).subscriptionsOf(m_ws.workspaceId).last().id;
        const int s = submit(QUrl(portal + QStringLiteral("/cancel")), {{QStringLiteral("subscription"), sub}});
        QVERIFY2(s == 302 || s == 303, qPrintable(QString::number(s)));
        QTRY_VERIFY_WITH_TIMEOUT(state().cancelAtPeriodEnd, 10000);
        QVERIFY(run([this](auto done) { m_provider->undo(m_ws, done); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!state().cancelAtPeriodEnd, 10000);
    }

    void renewalThroughTheClock()
    {
        QVERIFY(moveClock(utc("2027-01-10T10:00:00Z")));
        QTRY_COMPARE_WITH_TIMEOUT(state().periodStart, utc("2027-01-10T09:00:00Z"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(state().cycleFunded, 10000);
        QCOMPARE(state().planId, QStringLiteral("pro-400"));
        QCOMPARE(state().periodEnd, utc("2027-02-10T09:00:00Z"));
        const QList<http::Invoice> list = invoices();
        QCOMPARE(list.size(), 3);
        QCOMPARE(std::count_if(list.cbegin(), list.cend(), [](const http::Invoice &i) { return i.total.amount == 100000 && i.status == QLatin1String("paid"); }), 1);
    }

    void failingCardGoesPastDueThenFree()
    {
        auto [e, portal] = waitFor<ProviderError, QString>([this](auto done) { m_provider->portalSession(m_ws, done); });
        QVERIFY2(e.ok(), qPrintable(e.message));
        // In the Portal the customer switches to a card that attaches but fails to charge.
        const int s = submit(QUrl(portal + QStringLiteral("/payment-method")), {{QStringLiteral("cardnumber"), QStringLiteral("4000000000000341")}});
        QVERIFY2(s == 302 || s == 303, qPrintable(QString::number(s)));

        // An upgrade with that card is declined at once and changes nothing.
        const ProviderError declined = run([this](auto done) { m_provider->upgrade(m_ws, plan("pro-800"), QDateTime(), done); });
        QCOMPARE(declined.httpStatus, 402);
        QCOMPARE(declined.code, QStringLiteral("card_declined"));
        QVERIFY(!declined.message.contains(QLatin1String("sk_")));
        QCOMPARE(state().planId, QStringLiteral("pro-400"));

        QVERIFY(moveClock(utc("2027-02-10T10:00:00Z")));
        QTRY_COMPARE_WITH_TIMEOUT(state().status, billing::SubscriptionStatus::PastDue, 10000);
        QCOMPARE(state().planId, QStringLiteral("pro-400"));   // features stay
        QVERIFY(!state().cycleFunded);                          // no new allowance
        QCOMPARE(state().periodStart, utc("2027-02-10T09:00:00Z"));

        // Stripe retries, then gives up: the workspace becomes Free.
        QDateTime t = utc("2027-02-10T10:00:00Z");
        for (int i = 0; i < 6 && state().planId != QLatin1String("free"); ++i) {
            t = t.addDays(3);
            QVERIFY(moveClock(t));
            QTest::qWait(500);
        }
        QTRY_COMPARE_WITH_TIMEOUT(state().planId, QStringLiteral("free"), 10000);
        QVERIFY(m_webhooks > 10);
    }

    void resubscribeWithTheSameCustomer()
    {
        const QString customer = stripe::StripeLedger(m_store->database()).customerOf(m_ws.workspaceId);
        const QString oldSub = stripe::StripeLedger(m_store->database()).subscriptionsOf(m_ws.workspaceId).last().id;
        auto [e, url] = waitFor<ProviderError, QString>([this](auto done) { m_provider->startCheckout(m_ws, plan("pro-100"), done); });
        QVERIFY2(e.ok(), qPrintable(e.message));
        const int s = submit(QUrl(url), {{QStringLiteral("cardnumber"), QStringLiteral("4242424242424242")}});
        QVERIFY2(s == 302 || s == 303, qPrintable(QString::number(s)));
        QTRY_COMPARE_WITH_TIMEOUT(state().planId, QStringLiteral("pro-100"), 10000);
        QVERIFY(state().cycleFunded);
        const stripe::StripeLedger ledger(m_store->database());
        QCOMPARE(ledger.customerOf(m_ws.workspaceId), customer);
        const QList<stripe::SubscriptionFacts> subs = ledger.subscriptionsOf(m_ws.workspaceId);
        QCOMPARE(subs.size(), 2);
        QCOMPARE(subs.first().id, oldSub);
        QVERIFY(subs.first().isTerminal());   // the unpaid one was ended first: one live subscription
        QCOMPARE(subs.last().status, QStringLiteral("active"));
    }
};

QTEST_GUILESS_MAIN(TestStripeE2E)
#include "tst_e2e.moc"

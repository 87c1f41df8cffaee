// tst_checkout_e2e: buying Pro the way a customer does, end to end. The real
// kliv-billingd talks to the real stripe-emulator, a real headless chromium fills
// the hosted Checkout and Portal pages, and every outcome is asked from the SERVER
// (REST and the live WebSocket), never taken from a browser redirect.
#include "browser.h"
#include "liveclient.h"
#include "paymentstack.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

namespace {

const QDateTime T0 = ServerFixture::utc("2026-12-10T09:00:00Z");
const QString ProTier = QStringLiteral("pro-200");

QString str(const QJsonObject &o, const char *path)
{
    // "a.b.c" into nested objects.
    QJsonValue v = o;
    for (const QString &key : QString::fromLatin1(path).split(QLatin1Char('.')))
        v = v.toObject().value(key);
    return v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toInteger()) : v.isBool() ? (v.toBool() ? "true" : "false") : QString();
}

bool isType(const QJsonObject &m, const char *type)
{
    return m.value(QLatin1String("type")).toString() == QLatin1String(type);
}

} // namespace

class TestCheckoutE2E : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void declinedCardThenPaidCheckout();
    void renewalResetsAllowanceWithoutRollover();
    void failingRenewalGoesPastDueThenFree();

private:
    QJsonObject workspace() { return m_stack.server().get(QStringLiteral("/v1/workspaces/") + m_ws.id, m_token).json(); }
    QJsonObject balance() { return m_stack.server().get(QStringLiteral("/v1/workspaces/%1/balance").arg(m_ws.id), m_token).json(); }
    QJsonArray invoices()
    {
        return m_stack.server().get(QStringLiteral("/v1/workspaces/%1/invoices").arg(m_ws.id), m_token).json()
            .value(QLatin1String("invoices")).toArray();
    }
    bool moveClock(const QDateTime &to);
    bool fillCard(const QString &formSelector, const QString &number);
    QString state()
    {
        const QJsonObject w = workspace(), b = balance();
        return QStringLiteral("workspace plan %1, status %2, period %3..%4, funded %5; balance %6/%7 (%8) period %9")
            .arg(str(w, "plan.id"), str(w, "subscription.status"), str(w, "subscription.period_start"),
                 str(w, "subscription.period_end"), str(w, "subscription.cycle_funded"), str(b, "remaining"),
                 str(b, "allowance"), str(b, "plan_id"), str(b, "period.start"));
    }

    PaymentStack m_stack;
    Browser m_browser;
    LiveClient m_live;
    WorkspaceIds m_ws;
    QString m_token, m_service;
    QString m_clockError;
};

void TestCheckoutE2E::initTestCase()
{
    if (!Browser::available())
        QSKIP("chromium is not installed (/usr/bin/chromium; ./dev deps installs it)");
    QVERIFY2(m_stack.start(T0), qPrintable(m_stack.errorString()));
    ServerFixture &fx = m_stack.server();
    // The server moves the emulator's clock with its own: renewals happen at the same instants.
    QVERIFY2(moveClock(T0), qPrintable(m_clockError));

    m_ws = fx.createWorkspace(QStringLiteral("Studio Kliv"), QStringLiteral("agare@studio.test"));
    QVERIFY2(m_ws.isValid(), qPrintable(fx.errorString()));
    m_token = fx.issueUserToken(m_ws.ownerEmail.isEmpty() ? QStringLiteral("agare@studio.test") : m_ws.ownerEmail);
    m_service = fx.issueServiceToken();
    QVERIFY2(!m_token.isEmpty() && !m_service.isEmpty(), qPrintable(fx.errorString()));
    QCOMPARE(str(workspace(), "plan.id"), QStringLiteral("free"));

    QVERIFY2(m_live.connectTo(fx.baseUrl(), m_ws.id, m_token), qPrintable(m_live.errorString()));
    QVERIFY2(m_browser.start(), qPrintable(m_browser.errorString()));
}

void TestCheckoutE2E::cleanup()
{
    if (!QTest::currentTestFailed())
        return;
    // Debugging artifacts: what the browser showed, what the emulator and server said.
    const QString dir = qEnvironmentVariable("KLIV_BUILD_DIR") + QStringLiteral("/tests/e2e/artifacts");
    QDir().mkpath(dir);
    const QString shot = QStringLiteral("%1/%2.png").arg(dir, QLatin1String(QTest::currentTestFunction()));
    if (m_browser.screenshot(shot))
        qWarning("screenshot: %s (at %s)", qPrintable(shot), qPrintable(m_browser.url()));
    qWarning("live messages: %s", qPrintable(m_live.describe()));
    qWarning("emulator log (tail): %s", m_stack.emulatorLog().right(3000).constData());
    qWarning("server log (tail): %s", m_stack.server().serverStderr().right(3000).constData());
}

bool TestCheckoutE2E::moveClock(const QDateTime &to)
{
    if (!m_stack.server().setClock(to)) {
        m_clockError = m_stack.server().errorString();
        return false;
    }
    if (QTest::qWaitFor([&] { return m_stack.emulatorNow() == to; }, 10000))
        return true;
    m_clockError = QStringLiteral("the server's clock is at %1 but the Stripe emulator's reads %2: "
                                  "the server did not move it (POST /_emulator/clock)")
                       .arg(ServerFixture::rfc3339(to), ServerFixture::rfc3339(m_stack.emulatorNow()));
    return false;
}

bool TestCheckoutE2E::fillCard(const QString &form, const QString &number)
{
    // Checkout asks for the billing address (billing_address_collection=required).
    const bool address = m_browser.evaluate(QStringLiteral("!!document.querySelector('%1 #line1')").arg(form)).toBool();
    if (address && !(m_browser.fill(form + QStringLiteral(" #line1"), QStringLiteral("Storgatan 1"))
                     && m_browser.fill(form + QStringLiteral(" #postal_code"), QStringLiteral("111 22"))
                     && m_browser.fill(form + QStringLiteral(" #city"), QStringLiteral("Stockholm"))))
        return false;
    return m_browser.fill(form + QStringLiteral(" #cardnumber"), number)
        && m_browser.fill(form + QStringLiteral(" #exp"), QStringLiteral("12 / 34"))
        && m_browser.fill(form + QStringLiteral(" #cvc"), QStringLiteral("123"));
}

void TestCheckoutE2E::declinedCardThenPaidCheckout()
{
    ServerFixture &fx = m_stack.server();
    const HttpReply change = fx.post(QStringLiteral("/v1/workspaces/%1/subscription/change").arg(m_ws.id),
                                     {{QStringLiteral("tier"), ProTier}}, m_token);
    QVERIFY2(change.status == 200, qPrintable(change.describe()));
    QCOMPARE(change.json().value(QLatin1String("kind")).toString(), QStringLiteral("checkout"));
    const QUrl checkoutUrl(change.json().value(QLatin1String("checkout_url")).toString());
    QVERIFY2(checkoutUrl.toString().startsWith(m_stack.emulatorUrl().toString()), qPrintable(checkoutUrl.toString()));
    QCOMPARE(str(workspace(), "plan.id"), QStringLiteral("free")); // nothing changes before payment

    Browser &b = m_browser;
    QVERIFY2(b.navigate(checkoutUrl), qPrintable(b.errorString()));
    QVERIFY2(b.waitForText(QStringLiteral("Pro 200")), qPrintable(b.errorString()));
    if (b.evaluate(QStringLiteral("!!document.querySelector('#email') && !document.querySelector('#email').value")).toBool())
        QVERIFY(b.fill(QStringLiteral("#email"), QStringLiteral("agare@studio.test")));

    // The declined card: a clear message on the page, and the server still says Free.
    const int mark = m_live.count();
    QVERIFY2(fillCard(QStringLiteral("form"), QStringLiteral("4000 0000 0000 0002")), qPrintable(b.errorString()));
    QVERIFY2(b.click(QStringLiteral("#pay")), qPrintable(b.errorString()));
    QVERIFY2(b.waitForSelector(QStringLiteral("[role=alert]")), qPrintable(b.errorString()));
    QVERIFY2(b.text().contains(QStringLiteral("Kortet nekades")), qPrintable(b.text()));
    QVERIFY2(b.url().startsWith(m_stack.emulatorUrl().toString()), qPrintable(b.url())); // still on the payment page
    QTest::qWait(1000); // room for a (wrong) webhook to arrive
    QCOMPARE(str(workspace(), "plan.id"), QStringLiteral("free"));
    QCOMPARE(str(balance(), "plan_id"), QStringLiteral("free"));
    QVERIFY2(m_live.since(mark, [](const QJsonObject &m) { return isType(m, "subscription"); }).isEmpty(),
             qPrintable(m_live.describe(mark)));
    QCOMPARE(invoices().size(), 0);

    // The same page, a good card: the browser lands on the server's thank-you page ...
    QVERIFY2(fillCard(QStringLiteral("form"), QStringLiteral("4242 4242 4242 4242")), qPrintable(b.errorString()));
    QVERIFY2(b.click(QStringLiteral("#pay")), qPrintable(b.errorString()));
    QVERIFY2(b.waitForUrl(fx.baseUrl().toString()), qPrintable(b.errorString()));
    QVERIFY2(b.waitFor(QStringLiteral("document.readyState === 'complete' && document.body && document.body.innerText.length > 0"),
                       15000, QStringLiteral("the return page")), qPrintable(b.errorString()));
    QVERIFY2(b.url().startsWith(fx.baseUrl().toString() + QStringLiteral("/billing/return?result=success")), qPrintable(b.url()));
    QVERIFY2(b.text().contains(QStringLiteral("Tack för din betalning")), qPrintable(b.url() + QStringLiteral(": ") + b.text()));

    // ... and the server, told by signed webhooks, reports Pro 200 with its allowance.
    QTRY_VERIFY2_WITH_TIMEOUT(str(workspace(), "plan.id") == ProTier && str(balance(), "allowance") == QLatin1String("200"),
                              qPrintable(state()), 15000);
    const QJsonObject w = workspace();
    QCOMPARE(str(w, "subscription.status"), QStringLiteral("active"));
    QCOMPARE(str(w, "subscription.period_start"), QStringLiteral("2026-12-10T09:00:00Z"));
    QCOMPARE(str(w, "subscription.period_end"), QStringLiteral("2027-01-10T09:00:00Z"));
    const QJsonObject bal = balance();
    QCOMPARE(str(bal, "remaining"), QStringLiteral("200"));
    QCOMPARE(str(bal, "plan_id"), ProTier);
    QCOMPARE(str(bal, "period.kind"), QStringLiteral("cycle"));
    const QJsonArray inv = invoices();
    QCOMPARE(inv.size(), 1);
    QCOMPARE(str(inv[0].toObject(), "status"), QStringLiteral("paid"));
    QCOMPARE(str(inv[0].toObject(), "total.amount"), QStringLiteral("50000"));

    // The open live channel was told without asking.
    QTRY_VERIFY2_WITH_TIMEOUT(!m_live.since(mark, [](const QJsonObject &m) {
        return isType(m, "subscription") && str(m, "data.plan.id") == QLatin1String("pro-200");
    }).isEmpty(), qPrintable(m_live.describe(mark)), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(!m_live.since(mark, [](const QJsonObject &m) {
        return isType(m, "balance") && str(m, "data.allowance") == QLatin1String("200");
    }).isEmpty(), qPrintable(m_live.describe(mark)), 10000);
}

void TestCheckoutE2E::renewalResetsAllowanceWithoutRollover()
{
    ServerFixture &fx = m_stack.server();
    if (str(workspace(), "plan.id") != ProTier)
        QSKIP("needs the Pro workspace of the checkout test");
    const HttpReply spent = fx.spend(m_ws.id, m_service, m_ws.ownerMemberId, 50, QStringLiteral("e2e-spend-1"));
    QVERIFY2(spent.status == 201, qPrintable(spent.describe()));
    QCOMPARE(str(balance(), "remaining"), QStringLiteral("150"));

    const int mark = m_live.count();
    QVERIFY2(moveClock(ServerFixture::utc("2027-01-10T09:00:00Z")), qPrintable(m_clockError));
    // The renewal invoice is paid by the saved card: a new cycle with the full allowance, no rollover.
    QTRY_VERIFY2_WITH_TIMEOUT(str(balance(), "period.start") == QLatin1String("2027-01-10T09:00:00Z")
                                  && str(balance(), "allowance") == QLatin1String("200"),
                              qPrintable(state()), 15000);
    const QJsonObject bal = balance();
    QCOMPARE(str(bal, "remaining"), QStringLiteral("200")); // not 350
    QCOMPARE(str(bal, "used"), QStringLiteral("0"));
    const QJsonObject w = workspace();
    QCOMPARE(str(w, "plan.id"), ProTier);
    QCOMPARE(str(w, "subscription.status"), QStringLiteral("active"));
    QCOMPARE(str(w, "subscription.period_end"), QStringLiteral("2027-02-10T09:00:00Z"));
    QTRY_COMPARE_WITH_TIMEOUT(invoices().size(), 2, 10000);
    for (const QJsonValue &i : invoices())
        QCOMPARE(str(i.toObject(), "status"), QStringLiteral("paid"));
    QTRY_VERIFY2_WITH_TIMEOUT(!m_live.since(mark, [](const QJsonObject &m) {
        return isType(m, "balance") && str(m, "data.remaining") == QLatin1String("200")
            && str(m, "data.period.start") == QLatin1String("2027-01-10T09:00:00Z");
    }).isEmpty(), qPrintable(m_live.describe(mark)), 10000);
}

void TestCheckoutE2E::failingRenewalGoesPastDueThenFree()
{
    ServerFixture &fx = m_stack.server();
    if (str(workspace(), "plan.id") != ProTier)
        QSKIP("needs the Pro workspace of the checkout test");

    // The owner saves the 0341 card in the Portal: it attaches, but every charge fails.
    const HttpReply portal = fx.post(QStringLiteral("/v1/workspaces/%1/billing-portal").arg(m_ws.id), {}, m_token);
    QVERIFY2(portal.status == 200, qPrintable(portal.describe()));
    Browser &b = m_browser;
    QVERIFY2(b.navigate(QUrl(portal.json().value(QLatin1String("url")).toString())), qPrintable(b.errorString()));
    const QString cardForm = QStringLiteral("form[action$='/payment-method']");
    QVERIFY2(fillCard(cardForm, QStringLiteral("4000 0000 0000 0341")), qPrintable(b.errorString()));
    QVERIFY2(b.click(cardForm + QStringLiteral(" button[type=submit]")), qPrintable(b.errorString()));
    QVERIFY2(b.waitForText(QStringLiteral("Kortet har sparats")), qPrintable(b.errorString()));
    QVERIFY2(b.text().contains(QStringLiteral("0341")), qPrintable(b.text()));

    // Renewal: the charge fails -> past_due, the new cycle unfunded, plan changes refused.
    const int mark = m_live.count();
    QVERIFY2(moveClock(ServerFixture::utc("2027-02-10T09:00:00Z")), qPrintable(m_clockError));
    QTRY_VERIFY2_WITH_TIMEOUT(str(workspace(), "subscription.status") == QLatin1String("past_due"), qPrintable(state()), 15000);
    QCOMPARE(str(workspace(), "plan.id"), ProTier);               // features stay while Stripe retries
    QCOMPARE(str(workspace(), "subscription.cycle_funded"), QStringLiteral("false"));
    QCOMPARE(str(balance(), "allowance"), QStringLiteral("0"));  // no allowance until that invoice is paid
    const HttpReply refused = fx.post(QStringLiteral("/v1/workspaces/%1/subscription/change").arg(m_ws.id),
                                      {{QStringLiteral("tier"), QStringLiteral("pro-400")}}, m_token);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), QStringLiteral("past_due"));
    QTRY_VERIFY2_WITH_TIMEOUT(!m_live.since(mark, [](const QJsonObject &m) {
        return isType(m, "subscription") && str(m, "data.subscription.status") == QLatin1String("past_due");
    }).isEmpty(), qPrintable(m_live.describe(mark)), 10000);

    // Stripe retries (every 3 days, twice here) and gives up: unpaid -> the workspace is Free.
    QVERIFY2(moveClock(ServerFixture::utc("2027-02-13T09:00:00Z")), qPrintable(m_clockError));
    QTest::qWait(500);
    QCOMPARE(str(workspace(), "plan.id"), ProTier);
    QVERIFY2(moveClock(ServerFixture::utc("2027-02-16T09:00:00Z")), qPrintable(m_clockError));
    QTRY_VERIFY2_WITH_TIMEOUT(str(workspace(), "plan.id") == QLatin1String("free"), qPrintable(state()), 15000);
    const QJsonObject bal = balance();
    QCOMPARE(str(bal, "plan_id"), QStringLiteral("free"));
    QCOMPARE(str(bal, "period.kind"), QStringLiteral("day"));
    QCOMPARE(str(bal, "allowance"), QStringLiteral("5"));
    QVERIFY2(str(workspace(), "subscription.status") != QLatin1String("active")
                 && str(workspace(), "subscription.status") != QLatin1String("past_due"), qPrintable(state()));
    // The live channel saw past_due first, then Free.
    QTRY_VERIFY2_WITH_TIMEOUT(!m_live.since(mark, [](const QJsonObject &m) {
        return isType(m, "subscription") && str(m, "data.plan.id") == QLatin1String("free");
    }).isEmpty(), qPrintable(m_live.describe(mark)), 10000);
    int pastDueAt = -1, freeAt = -1;
    const QList<QJsonObject> msgs = m_live.messages();
    for (int i = mark; i < msgs.size(); ++i) {
        if (pastDueAt < 0 && str(msgs[i], "data.subscription.status") == QLatin1String("past_due"))
            pastDueAt = i;
        if (freeAt < 0 && isType(msgs[i], "subscription") && str(msgs[i], "data.plan.id") == QLatin1String("free"))
            freeAt = i;
    }
    QVERIFY2(pastDueAt >= 0 && pastDueAt < freeAt, qPrintable(m_live.describe(mark)));
}

QTEST_GUILESS_MAIN(TestCheckoutE2E)
#include "tst_checkout_e2e.moc"

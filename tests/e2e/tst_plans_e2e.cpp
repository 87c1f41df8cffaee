// tst_plans_e2e: what the plans and billing pages are told, through the real
// kliv-billingd wired to the real stripe-emulator (no browser: the Checkout form
// is posted directly). The amount an upgrade's preview shows is the amount its
// invoice charges, even when the clocks moved between the two; each invoice
// says what it was for and links a PDF; a plan an operator set says up front
// that sales manages it.
#include "paymentstack.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

namespace {
const QDateTime T0 = ServerFixture::utc("2026-12-10T09:00:00Z");

QString str(const QJsonObject &o, const char *path)
{
    QJsonValue v = o;
    for (const QString &key : QString::fromLatin1(path).split(QLatin1Char('.')))
        v = v.toObject().value(key);
    return v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toInteger()) : v.isBool() ? (v.toBool() ? "true" : "false") : QString();
}

struct Fetched { int status = 0; QByteArray contentType, body; };

Fetched fetch(const QUrl &url, const QByteArray &form = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = form.isNull() ? nam.get(req) : [&] {
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        return nam.post(req, form);
    }();
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000))
        qWarning("no answer from %s", qPrintable(url.toString()));
    Fetched f{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
              reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll()};
    reply->deleteLater();
    return f;
}
} // namespace

class TestPlansE2E : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stripeManagedPlanIsNotManagedBySales();
    void previewedUpgradeIsWhatIsCharged();
    void invoicesSayWhatTheyWereForAndLinkAPdf();
    void operatorSetPlanIsManagedBySales();

private:
    QString path(const char *suffix) const { return QStringLiteral("/v1/workspaces/%1%2").arg(m_ws.id, QLatin1String(suffix)); }
    QJsonObject workspace() { return m_stack.server().get(path(""), m_token).json(); }
    QJsonArray invoices() { return m_stack.server().get(path("/invoices"), m_token).json().value(QLatin1String("invoices")).toArray(); }
    bool moveClock(const QDateTime &to)
    {
        return m_stack.server().setClock(to) && QTest::qWaitFor([&] { return m_stack.emulatorNow() == to; }, 10000);
    }

    PaymentStack m_stack;
    WorkspaceIds m_ws;
    QString m_token;
    qint64 m_previewed = -1;
};

void TestPlansE2E::initTestCase()
{
    QVERIFY2(m_stack.start(T0), qPrintable(m_stack.errorString()));
    QVERIFY(moveClock(T0));
    ServerFixture &fx = m_stack.server();
    m_ws = fx.createWorkspace(QStringLiteral("Studio Planer"), QStringLiteral("agare@planer-e2e.test"));
    QVERIFY2(m_ws.isValid(), qPrintable(fx.errorString()));
    m_token = fx.issueUserToken(QStringLiteral("agare@planer-e2e.test"));
    QVERIFY(!m_token.isEmpty());

    // Free -> Pro 200 through Checkout, the form posted as a browser would.
    const HttpReply change = fx.post(path("/subscription/change"), {{QStringLiteral("tier"), QStringLiteral("pro-200")}}, m_token);
    QVERIFY2(change.status == 200, qPrintable(change.describe()));
    const QUrl checkout(change.json().value(QLatin1String("checkout_url")).toString());
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("email"), QStringLiteral("agare%40planer-e2e.test"));
    form.addQueryItem(QStringLiteral("cardnumber"), QStringLiteral("4242424242424242"));
    form.addQueryItem(QStringLiteral("line1"), QStringLiteral("Storgatan+1"));   // the billing address Checkout asks for
    form.addQueryItem(QStringLiteral("postal_code"), QStringLiteral("111+22"));
    form.addQueryItem(QStringLiteral("city"), QStringLiteral("Stockholm"));
    form.addQueryItem(QStringLiteral("exp"), QStringLiteral("12%2F34"));
    form.addQueryItem(QStringLiteral("cvc"), QStringLiteral("123"));
    const Fetched paid = fetch(checkout, form.query(QUrl::FullyEncoded).toUtf8());
    QVERIFY2(paid.status == 302 || paid.status == 303, paid.body.left(500).constData());
    QTRY_COMPARE_WITH_TIMEOUT(str(workspace(), "plan.id"), QStringLiteral("pro-200"), 15000);
}

void TestPlansE2E::stripeManagedPlanIsNotManagedBySales()
{
    const QJsonObject w = workspace();
    QCOMPARE(str(w, "managed_by_sales"), QStringLiteral("false"));
    QCOMPARE(str(w, "plan.price_includes_vat"), QStringLiteral("true"));
}

void TestPlansE2E::previewedUpgradeIsWhatIsCharged()
{
    ServerFixture &fx = m_stack.server();
    QVERIFY(moveClock(ServerFixture::utc("2026-12-20T09:00:00Z")));
    const HttpReply preview = fx.post(path("/subscription/preview"), {{QStringLiteral("tier"), QStringLiteral("pro-400")}}, m_token);
    QVERIFY2(preview.status == 200, qPrintable(preview.describe()));
    const QJsonObject p = preview.json();
    QCOMPARE(str(p, "kind"), QStringLiteral("upgrade"));
    QCOMPARE(str(p, "quoted_at"), QStringLiteral("2026-12-20T09:00:00Z"));
    QCOMPARE(str(p, "price_from_next_cycle.amount"), QStringLiteral("100000"));
    QCOMPARE(str(p, "cancel_at_period_end_after"), QStringLiteral("false"));
    m_previewed = p.value(QLatin1String("amount_due_now")).toObject().value(QLatin1String("amount")).toInteger();
    QVERIFY(m_previewed > 0);

    // The customer reads the dialog for 25 minutes: both clocks move on.
    QVERIFY(moveClock(ServerFixture::utc("2026-12-20T09:25:00Z")));
    const HttpReply change = fx.post(path("/subscription/change"),
                                     {{QStringLiteral("tier"), QStringLiteral("pro-400")}, {QStringLiteral("quoted_at"), str(p, "quoted_at")}},
                                     m_token);
    QVERIFY2(change.status == 200, qPrintable(change.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(str(workspace(), "plan.id"), QStringLiteral("pro-400"), 15000);
    const QJsonArray list = invoices();
    QCOMPARE(list.size(), 2);
    qint64 charged = -1;
    for (const auto &v : list)
        if (v.toObject().value(QLatin1String("proration")).toBool())
            charged = v.toObject().value(QLatin1String("total")).toObject().value(QLatin1String("amount")).toInteger();
    QCOMPARE(charged, m_previewed);

    // A quoted_at that is no instant is refused, not ignored.
    const HttpReply bad = fx.post(path("/subscription/change"),
                                  {{QStringLiteral("tier"), QStringLiteral("pro-800")}, {QStringLiteral("quoted_at"), QStringLiteral("yesterday")}},
                                  m_token);
    QCOMPARE(bad.status, 400);
    QCOMPARE(str(bad.json(), "error.code"), QStringLiteral("validation_failed"));
}

void TestPlansE2E::invoicesSayWhatTheyWereForAndLinkAPdf()
{
    const QJsonArray list = invoices();
    QCOMPARE(list.size(), 2);
    bool sawFirst = false, sawUpgrade = false;
    for (const auto &v : list) {
        const QJsonObject i = v.toObject();
        if (i.value(QLatin1String("proration")).toBool()) {
            sawUpgrade = true;
            QCOMPARE(str(i, "plan_id"), QStringLiteral("pro-400"));
            QCOMPARE(str(i, "period_start"), QStringLiteral("2026-12-20T09:00:00Z"));
            QCOMPARE(str(i, "period_end"), QStringLiteral("2027-01-10T09:00:00Z"));
        } else {
            sawFirst = true;
            QCOMPARE(str(i, "plan_id"), QStringLiteral("pro-200"));
            QCOMPARE(str(i, "period_start"), QStringLiteral("2026-12-10T09:00:00Z"));
            QCOMPARE(str(i, "period_end"), QStringLiteral("2027-01-10T09:00:00Z"));
        }
        const QUrl pdf(str(i, "pdf_url"));
        QVERIFY2(pdf.toString().startsWith(m_stack.emulatorUrl().toString()), qPrintable(pdf.toString()));
        const Fetched f = fetch(pdf);
        QCOMPARE(f.status, 200);
        QCOMPARE(f.contentType, QByteArray("application/pdf"));
        QVERIFY(f.body.startsWith("%PDF-1."));
        QVERIFY(f.body.contains(str(i, "number").toLatin1()));
        QVERIFY(f.body.trimmed().endsWith("%%EOF"));
        // The hosted page links it.
        QVERIFY(fetch(QUrl(str(i, "hosted_url"))).body.contains("/pdf\""));
    }
    QVERIFY(sawFirst && sawUpgrade);
}

void TestPlansE2E::operatorSetPlanIsManagedBySales()
{
    ServerFixture &fx = m_stack.server();
    const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("Sälj AB"), QStringLiteral("agare@salj-e2e.test"));
    QVERIFY(ws.isValid());
    QVERIFY(!fx.setPlan(ws.id, QStringLiteral("pro-200")).isEmpty());
    const QString token = fx.issueUserToken(QStringLiteral("agare@salj-e2e.test"));
    const QJsonObject w = fx.get(QStringLiteral("/v1/workspaces/") + ws.id, token).json();
    QCOMPARE(str(w, "managed_by_sales"), QStringLiteral("true"));
    // ... and the server refuses changes for the same reason.
    const HttpReply preview = fx.post(QStringLiteral("/v1/workspaces/%1/subscription/preview").arg(ws.id),
                                      {{QStringLiteral("tier"), QStringLiteral("pro-100")}}, token);
    QCOMPARE(preview.status, 409);
    QCOMPARE(str(preview.json(), "error.code"), QStringLiteral("managed_by_admin"));
}

QTEST_MAIN(TestPlansE2E)
#include "tst_plans_e2e.moc"

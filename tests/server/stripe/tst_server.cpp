// The whole chain: the real kliv-billingd started with STRIPE_* pointing at
// the real stripe-emulator, which delivers signed webhooks to the server's
// /webhooks/stripe. Checkout, a prorated upgrade moved by the dev clock, cancel
// and undo, the Portal and invoices, all through the public API.
#include "emulatorprocess.h"
#include "serverfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

class TestStripeServer : public QObject
{
    Q_OBJECT

    EmulatorProcess m_emulator;
    QString m_emulatorUrl;
    std::unique_ptr<ServerFixture> m_fx;   // declared last: stopped before the emulator
    WorkspaceIds m_ws;
    QString m_token;

    QJsonObject workspace() { return m_fx->get("/v1/workspaces/" + m_ws.id, m_token).json(); }
    // The seller's invoice fields ([invoice] in the configuration); "" unsets them.
    static void setSellerEnvironment(const QByteArray &orgNumber)
    {
        const QList<QPair<const char *, QByteArray>> vars{
            {"KLIV_INVOICE_SELLER_NAME", "Kliv AB"}, {"KLIV_INVOICE_ORG_NUMBER", orgNumber},
            {"KLIV_INVOICE_VAT_NUMBER", "SE556036079301"}, {"KLIV_INVOICE_ADDRESS", "Storgatan 1, 111 22 Stockholm"}};
        for (const auto &[name, value] : vars) {
            if (orgNumber.isEmpty())
                qunsetenv(name);
            else
                qputenv(name, value);
        }
    }
    // The admin process talks to Stripe itself: it gets the same settings as the server.
    AdminResult adminWithStripe(const QStringList &args)
    {
        qputenv("STRIPE_SECRET_KEY", "sk_test_kliv_server");
        qputenv("STRIPE_API_BASE", m_emulatorUrl.toUtf8());
        const AdminResult r = m_fx->admin(args);
        qunsetenv("STRIPE_SECRET_KEY");
        qunsetenv("STRIPE_API_BASE");
        return r;
    }
    // Stripe's own API (the emulator), as an operator's bookkeeping would call it.
    QJsonObject stripePost(const QString &path, const QByteArray &form)
    {
        QNetworkAccessManager nam;
        QNetworkRequest req{QUrl(m_emulatorUrl + path)};
        req.setRawHeader("Authorization", "Bearer sk_test_kliv_server");
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *r = nam.post(req, form);
        if (!QTest::qWaitFor([r] { return r->isFinished(); }, 15000))
            return {};
        r->deleteLater();
        return QJsonDocument::fromJson(r->readAll()).object();
    }
    QString planId() { return workspace().value("plan").toObject().value("id").toString(); }
    QJsonObject subscription() { return workspace().value("subscription").toObject(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!EmulatorProcess::exists() || !ServerFixture::binaryExists())
            QSKIP("kliv-billingd or stripe-emulator is not built");
        QTcpServer probe;   // a free port for the server, known before it starts
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString port = QString::number(probe.serverPort());
        probe.close();

        const QString emulatorError = m_emulator.start("http://127.0.0.1:" + port + "/webhooks/stripe", "whsec_kliv_server_test");
        QVERIFY2(emulatorError.isEmpty(), qPrintable(emulatorError));
        m_emulatorUrl = m_emulator.url().toString();

        qputenv("STRIPE_SECRET_KEY", "sk_test_kliv_server");
        qputenv("STRIPE_WEBHOOK_SECRET", "whsec_kliv_server_test");
        qputenv("STRIPE_API_BASE", m_emulatorUrl.toUtf8());
        setSellerEnvironment("556036-0793");
        m_fx = std::make_unique<ServerFixture>();
        const bool started = m_fx->start(ServerFixture::utc("2026-12-10T09:00:00Z"), {"--port", port});
        qunsetenv("STRIPE_SECRET_KEY");
        qunsetenv("STRIPE_WEBHOOK_SECRET");
        qunsetenv("STRIPE_API_BASE");
        setSellerEnvironment({});
        QVERIFY2(started, qPrintable(m_fx->errorString()));
        m_ws = m_fx->createWorkspace("Studio Kliv", "agare@studio.test");
        QVERIFY2(m_ws.isValid(), qPrintable(m_fx->errorString()));
        m_token = m_fx->issueUserToken("agare@studio.test");
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase() { m_fx.reset(); }

    void checkoutThroughTheApi()
    {
        const QString change = "/v1/workspaces/" + m_ws.id + "/subscription/change";
        QCOMPARE(m_fx->post(change, {{"tier", "enterprise"}}, m_token).status, 409);
        const HttpReply r = m_fx->post(change, {{"tier", "pro-200"}}, m_token);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.json().value("kind").toString(), QStringLiteral("checkout"));
        const QString url = r.json().value("checkout_url").toString();
        QVERIFY2(url.startsWith(m_emulatorUrl + "/c/pay/"), qPrintable(url));

        // The browser pays on the hosted page and is sent back to the server's return page.
        QNetworkAccessManager nam;
        QNetworkRequest req{QUrl(url)};
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        // Checkout asks for the billing address and takes a VAT number: kept on the customer, shown on the invoice.
        QNetworkReply *pay = nam.post(req, QByteArrayLiteral("cardnumber=4242424242424242&line1=Kungsgatan+2&postal_code=411+19"
                                                             "&city=G%C3%B6teborg&vat_number=SE556703748501"));
        QVERIFY(QTest::qWaitFor([pay] { return pay->isFinished(); }, 15000));
        pay->deleteLater();
        QCOMPARE(pay->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 303);
        const QString back = pay->header(QNetworkRequest::LocationHeader).toUrl().toString();
        QVERIFY2(back.startsWith(m_fx->baseUrl().toString() + "/billing/return?result=success"), qPrintable(back));
        const HttpReply page = m_fx->get(back.mid(m_fx->baseUrl().toString().size()));
        QCOMPARE(page.status, 200);
        QVERIFY2(page.body.contains("Tack för din betalning"), page.body.constData());

        QTRY_COMPARE_WITH_TIMEOUT(planId(), QStringLiteral("pro-200"), 15000);
        const QJsonObject sub = subscription();
        QCOMPARE(sub.value("period_start").toString(), QStringLiteral("2026-12-10T09:00:00Z"));
        QCOMPARE(sub.value("period_end").toString(), QStringLiteral("2027-01-10T09:00:00Z"));
        QVERIFY(sub.value("cycle_funded").toBool());
        QCOMPARE(m_fx->balance(m_ws.id, m_token).value("remaining").toInt(), 200);

        // The invoice carries 25 % moms in its price (Stripe's figure, passed through) and the seller's fields.
        const QJsonObject invoice = m_fx->get("/v1/workspaces/" + m_ws.id + "/invoices", m_token).jsonArray("invoices").first().toObject();
        QCOMPARE(invoice.value("total").toObject().value("amount").toInteger(), 50000);
        QCOMPARE(invoice.value("tax").toObject().value("amount").toInteger(), 10000);
        QNetworkReply *hosted = nam.get(QNetworkRequest(QUrl(invoice.value("hosted_url").toString())));
        QVERIFY(QTest::qWaitFor([hosted] { return hosted->isFinished(); }, 15000));
        hosted->deleteLater();
        const QByteArray html = hosted->readAll();
        QVERIFY2(html.contains("varav moms 100,00 kr"), html.constData());
        QVERIFY(html.contains("Org.nr: 556036-0793") && html.contains("Momsreg.nr: SE556036079301"));
        QVERIFY(html.contains("Kliv AB, Storgatan 1, 111 22 Stockholm"));
        QVERIFY(html.contains("Kungsgatan 2") && html.contains("Momsreg.nr SE556703748501"));
    }

    void upgradeOnTheDevClock()
    {
        QVERIFY(m_fx->setClock(ServerFixture::utc("2026-12-20T09:00:00Z")));   // moves the emulator too
        const QString base = "/v1/workspaces/" + m_ws.id + "/subscription/";
        const HttpReply preview = m_fx->post(base + "preview", {{"tier", "pro-400"}}, m_token);
        QVERIFY2(preview.status == 200, qPrintable(preview.describe()));
        QCOMPARE(preview.json().value("amount_due_now").toObject().value("amount").toInteger(), 33871);
        const HttpReply up = m_fx->post(base + "change", {{"tier", "pro-400"}}, m_token);
        QVERIFY2(up.status == 200, qPrintable(up.describe()));
        QCOMPARE(up.json().value("kind").toString(), QStringLiteral("upgrade"));
        QTRY_COMPARE_WITH_TIMEOUT(planId(), QStringLiteral("pro-400"), 15000);

        QList<qint64> totals, taxes;
        for (const QJsonValue &v : m_fx->get("/v1/workspaces/" + m_ws.id + "/invoices", m_token).jsonArray("invoices")) {
            totals.append(v.toObject().value("total").toObject().value("amount").toInteger());
            taxes.append(v.toObject().value("tax").toObject().value("amount").toInteger());
        }
        std::sort(totals.begin(), totals.end());
        std::sort(taxes.begin(), taxes.end());
        QCOMPARE(totals, (QList<qint64>{33871, 50000}));
        QCOMPARE(taxes, (QList<qint64>{6774, 10000}));   // the proration's lines: 13548 - 6774
    }

    void cancelUndoAndPortal()
    {
        const QString base = "/v1/workspaces/" + m_ws.id;
        QVERIFY(m_fx->post(base + "/subscription/cancel", {}, m_token).status == 200);
        QTRY_VERIFY_WITH_TIMEOUT(subscription().value("cancel_at_period_end").toBool(), 15000);
        const HttpReply undo = m_fx->post(base + "/subscription/undo", {}, m_token);
        QVERIFY2(undo.status == 200, qPrintable(undo.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(!subscription().value("cancel_at_period_end").toBool(), 15000);
        // Downgrade at period end, then undo: the API's answer and Stripe's webhooks agree.
        const HttpReply down = m_fx->post(base + "/subscription/change", {{"tier", "pro-200"}}, m_token);
        QVERIFY2(down.status == 200, qPrintable(down.describe()));
        QCOMPARE(down.json().value("kind").toString(), QStringLiteral("downgrade"));
        QCOMPARE(subscription().value("pending_change").toObject().value("tier").toString(), QStringLiteral("pro-200"));
        QTest::qWait(300);   // the schedule's webhooks arrive: still pending
        QCOMPARE(subscription().value("pending_change").toObject().value("effective_at").toString(),
                 QStringLiteral("2027-01-10T09:00:00Z"));
        const HttpReply undoDown = m_fx->post(base + "/subscription/undo", {}, m_token);
        QVERIFY2(undoDown.status == 200, qPrintable(undoDown.describe()));
        QTest::qWait(300);
        QVERIFY(subscription().value("pending_change").isNull());
        QCOMPARE(planId(), QStringLiteral("pro-400"));

        const HttpReply portal = m_fx->post(base + "/billing-portal", {}, m_token);
        QVERIFY2(portal.status == 200, qPrintable(portal.describe()));
        QVERIFY(portal.json().value("url").toString().startsWith(m_emulatorUrl));
    }

    // The audit log of the above: each request by the owner, each outcome that
    // Stripe's webhooks brought by the system, in order.
    void auditLogHasRequestsAndOutcomes()
    {
        const HttpReply r = m_fx->get("/v1/workspaces/" + m_ws.id + "/audit?limit=200", m_token);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QStringList story;
        const QJsonArray entries = r.jsonArray("entries");
        for (qsizetype i = entries.size() - 1; i >= 0; --i) {   // oldest first
            const QJsonObject e = entries.at(i).toObject();
            story << QStringLiteral("%1 by %2: %3 -> %4").arg(e.value("kind").toString(),
                                                              e.value("actor").toObject().value("kind").toString(),
                                                              e.value("before").toObject().value("plan").toString(),
                                                              e.value("after").toObject().value("plan").toString());
        }
        const QStringList expected{
            "plan.change_requested by member: free -> pro-200",   // checkout started
            "plan.changed by system: free -> pro-200",            // paid: the webhook
            "plan.change_requested by member: pro-200 -> pro-400",
            "plan.changed by system: pro-200 -> pro-400",
            "plan.cancel_scheduled by member: pro-400 -> free",
            "plan.cancel_undone by member: free -> pro-400",
            "plan.change_requested by member: pro-400 -> pro-200", // the downgrade, at period end
        };
        if (story.mid(0, expected.size()) != expected)
            qInfo().noquote() << "the log says:\n" + story.join(QLatin1Char('\n'));
        QCOMPARE(story.mid(0, expected.size()), expected);
        // Its undo: by the owner, unless a webhook re-derived the state first
        // (a schedule's event can briefly clear the pending change: then the
        // system is the one that changed it, and the owner's undo changed nothing).
        QCOMPARE(story.size(), expected.size() + 1);
        QVERIFY2(story.last().startsWith(QLatin1String("plan.change_undone by ")) && story.last().endsWith(QLatin1String("pro-200 -> pro-400")),
                 qPrintable(story.last()));
        const QJsonObject requested = entries.at(1).toObject();
        QCOMPARE(requested.value("actor").toObject().value("email").toString(), QStringLiteral("agare@studio.test"));
        QCOMPARE(requested.value("after").toObject().value("effective_at").toString(), QStringLiteral("2027-01-10T09:00:00Z"));
    }

    void adminManagedPlanChangesThroughSales()
    {
        // A Pro plan set by an operator has no Stripe subscription: with payments
        // configured every change says so instead of failing at Stripe.
        const WorkspaceIds ws = m_fx->createWorkspace("Sälj AB", "agare@salj.test");
        QVERIFY2(ws.isValid(), qPrintable(m_fx->errorString()));
        QVERIFY2(!m_fx->setPlan(ws.id, "pro-200").isEmpty(), qPrintable(m_fx->errorString()));
        const QString token = m_fx->issueUserToken("agare@salj.test");
        const QString base = "/v1/workspaces/" + ws.id + "/subscription/";
        const QList<QPair<QString, QJsonObject>> requests = {
            {"preview", {{"tier", "pro-400"}}}, {"change", {{"tier", "pro-400"}}},
            {"change", {{"tier", "pro-100"}}}, {"change", {{"tier", "free"}}}, {"cancel", {}},
        };
        for (const auto &[path, body] : requests) {
            const HttpReply r = m_fx->post(base + path, body, token);
            QVERIFY2(r.status == 409 && r.errorCode() == "managed_by_admin", qPrintable(path + ": " + r.describe()));
            QVERIFY(r.json().value("error").toObject().value("message").toString().contains("sales"));
        }
        const QJsonObject after = m_fx->get("/v1/workspaces/" + ws.id, token).json();
        QCOMPARE(after.value("plan").toObject().value("id").toString(), QStringLiteral("pro-200"));
        QVERIFY(!after.value("subscription").toObject().value("cancel_at_period_end").toBool());
    }

    // Invoiced Enterprise (docs/billing-rules.md): the operator's set-plan sends
    // the invoice through Stripe; the allowance is there before payment; past
    // the due date the app is warned, past the grace period the allowance is
    // withheld; paid out of band (a bank transfer) it is back at once.
    void invoicedEnterprise()
    {
        const WorkspaceIds ws = m_fx->createWorkspace("Acme AB", "agare@acme.test");
        QVERIFY2(ws.isValid(), qPrintable(m_fx->errorString()));
        const QString token = m_fx->issueUserToken("agare@acme.test");
        const QString service = m_fx->issueServiceToken();
        const HttpReply asked = m_fx->post("/v1/workspaces/" + ws.id + "/enterprise-inquiry",
                                           {{"contact", "agare@acme.test"}, {"seats", 40}, {"message", "Faktura, tack"}}, token);
        QVERIFY2(asked.status == 201, qPrintable(asked.describe()));
        const QString inquiry = asked.json().value("id").toString();

        const QStringList setPlan{"set-plan", "--workspace", ws.id, "--plan", "enterprise", "--credits", "5000",
                                  "--price", "12000000", "--interval", "year", "--invoice-days", "30", "--inquiry", inquiry};
        // Refused before anything changes: no Stripe, a bad price, a bad term.
        const AdminResult noStripe = m_fx->admin(setPlan);
        QCOMPARE(noStripe.json.value("error").toObject().value("code").toString(), QStringLiteral("payments_unavailable"));
        for (const auto &[option, bad] : QList<QPair<QString, QString>>{{"--price", "0"}, {"--price", "12,5"}, {"--interval", "week"},
                                                                        {"--invoice-days", "91"}}) {
            QStringList args = setPlan;
            args[args.indexOf(option) + 1] = bad;
            const AdminResult r = adminWithStripe(args);
            QVERIFY2(r.json.value("error").toObject().value("code").toString() == "validation_failed", qPrintable(r.describe()));
        }
        QCOMPARE(m_fx->get("/v1/workspaces/" + ws.id, token).json().value("plan").toObject().value("id").toString(), QStringLiteral("free"));

        const AdminResult set = adminWithStripe(setPlan);
        QVERIFY2(set.ok(), qPrintable(set.describe()));
        const QJsonObject invoicing = set.json.value("invoicing").toObject();
        QCOMPARE(invoicing.value("collection_method").toString(), QStringLiteral("send_invoice"));
        const QJsonObject invoice = invoicing.value("invoice").toObject();
        QCOMPARE(invoice.value("status").toString(), QStringLiteral("open"));
        QCOMPARE(invoice.value("amount_due").toInteger(), 12000000);
        QCOMPARE(invoice.value("due_date").toString(), QStringLiteral("2027-01-19T09:00:00Z"));   // the dev clock + 30 days
        QVERIFY(!set.json.value("inquiry").toObject().value("handled_at").isNull());
        QCOMPARE(adminWithStripe(setPlan).json.value("error").toObject().value("code").toString(), QStringLiteral("conflict"));

        // The allowance starts with the plan, before the invoice is paid.
        QCOMPARE(m_fx->balance(ws.id, token).value("remaining").toInt(), 5000);
        const QString invoices = "/v1/workspaces/" + ws.id + "/invoices";
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->get(invoices, token).jsonArray("invoices").size(), 1, 15000);
        const QJsonObject listed = m_fx->get(invoices, token).jsonArray("invoices").first().toObject();
        QCOMPARE(listed.value("tax").toObject().value("amount").toInteger(), 2400000);   // 25 % moms included
        QCOMPARE(listed.value("due_date").toString(), QStringLiteral("2027-01-19T09:00:00Z"));
        QVERIFY(m_fx->get(invoices, token).json().value("overdue").isNull());

        // Past the due date: the warning with the invoice's page; nothing withheld.
        QVERIFY(m_fx->setClock(ServerFixture::utc("2027-01-20T10:00:00Z")));
        const QJsonObject overdue = m_fx->get(invoices, token).json().value("overdue").toObject();
        QCOMPARE(overdue.value("amount_due").toObject().value("amount").toInteger(), 12000000);
        QCOMPARE(overdue.value("due_date").toString(), QStringLiteral("2027-01-19T09:00:00Z"));
        QCOMPARE(overdue.value("grace_ends_at").toString(), QStringLiteral("2027-02-02T09:00:00Z"));
        QVERIFY(overdue.value("hosted_url").toString().startsWith(m_emulatorUrl + "/i/"));
        QVERIFY(!overdue.value("allowance_withheld").toBool());
        QCOMPARE(m_fx->balance(ws.id, token).value("remaining").toInt(), 5000);

        // Past the grace period: the allowance is withheld; spending is refused.
        QVERIFY(m_fx->setClock(ServerFixture::utc("2027-02-03T10:00:00Z")));
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->balance(ws.id, token).value("remaining").toInt(), 0, 15000);
        QVERIFY(m_fx->get(invoices, token).json().value("overdue").toObject().value("allowance_withheld").toBool());
        QCOMPARE(m_fx->spend(ws.id, service, ws.ownerMemberId, 10, "acme-late-1").status, 402);
        QCOMPARE(m_fx->get("/v1/workspaces/" + ws.id, token).json().value("plan").toObject().value("id").toString(),
                 QStringLiteral("enterprise"));   // plan and features stay

        // Paid by bank transfer (marked paid out of band): invoice.paid restores it at once.
        const QJsonObject paid = stripePost("/v1/invoices/" + invoice.value("id").toString() + "/pay", "paid_out_of_band=true");
        QCOMPARE(paid.value("status").toString(), QStringLiteral("paid"));
        QTRY_COMPARE_WITH_TIMEOUT(m_fx->balance(ws.id, token).value("remaining").toInt(), 5000, 15000);
        QVERIFY(m_fx->get(invoices, token).json().value("overdue").isNull());
        QCOMPARE(m_fx->spend(ws.id, service, ws.ownerMemberId, 10, "acme-paid-1").status, 201);
    }

    // A wrong organisationsnummer is refused when the server starts, by name.
    void badInvoiceFieldsRefuseToStart()
    {
        setSellerEnvironment("556036-0794");
        ServerFixture fx;
        const bool started = fx.start();
        setSellerEnvironment({});
        QVERIFY(!started);
        QVERIFY2(fx.errorString().contains("org_number \"556036-0794\""), qPrintable(fx.errorString()));
    }

    void forgedWebhookRefused()
    {
        const HttpReply r = m_fx->request("POST", "/webhooks/stripe", R"({"id":"evt_forged","type":"invoice.paid"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(planId(), QStringLiteral("pro-400"));
    }
};

QTEST_GUILESS_MAIN(TestStripeServer)
#include "tst_server.moc"

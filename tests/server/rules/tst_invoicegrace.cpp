// Invoiced Enterprise (docs/billing-rules.md, "Invoiced Enterprise"): the
// allowance starts with the plan, an unpaid invoice past its due date is a
// warning, past the grace period the allowance is withheld until it is paid.
#include "billing/invoicegrace.h"
#include "rulesfixture.h"

using namespace billing;
using namespace rulestest;

namespace {
const QDateTime kStart = utc("2026-12-04T09:00:00Z");   // the plan starts; invoice sent
const QDateTime kDue = utc("2027-01-03T09:00:00Z");     // 30 days to pay

qint64 remaining(const SubscriptionState &s, const QDateTime &now)
{
    const Plan *p = catalog().find(s.planId);
    return computeBalance(*p, s, UsageTotals{}, now).remaining;
}
} // namespace

Q_DECLARE_METATYPE(billing::InvoiceStanding)

class TestInvoiceGrace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void standingAgainstDueDateAndGrace_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("grace");
        QTest::addColumn<InvoiceStanding>("expected");
        QTest::newRow("open, before due") << "open" << utc("2027-01-02T09:00:00Z") << 14 << InvoiceStanding::Current;
        QTest::newRow("open, at the due instant") << "open" << kDue << 14 << InvoiceStanding::Current;
        QTest::newRow("open, a second late") << "open" << kDue.addSecs(1) << 14 << InvoiceStanding::Overdue;
        QTest::newRow("open, last second of grace") << "open" << kDue.addDays(14) << 14 << InvoiceStanding::Overdue;
        QTest::newRow("open, past grace") << "open" << kDue.addDays(14).addSecs(1) << 14 << InvoiceStanding::PastGrace;
        QTest::newRow("no grace") << "open" << kDue.addSecs(1) << 0 << InvoiceStanding::PastGrace;
        QTest::newRow("uncollectible is unpaid") << "uncollectible" << kDue.addDays(20) << 14 << InvoiceStanding::PastGrace;
        QTest::newRow("paid late is current") << "paid" << kDue.addDays(40) << 14 << InvoiceStanding::Current;
        QTest::newRow("void is current") << "void" << kDue.addDays(40) << 14 << InvoiceStanding::Current;
    }
    void standingAgainstDueDateAndGrace()
    {
        QFETCH(QString, status);
        QFETCH(QDateTime, now);
        QFETCH(int, grace);
        QFETCH(InvoiceStanding, expected);
        QCOMPARE(invoiceStanding(status, kDue, grace, now), expected);
    }

    void worstOfSeveral()
    {
        QCOMPARE(worstStanding({}), InvoiceStanding::Current);
        QCOMPARE(worstStanding({InvoiceStanding::Overdue, InvoiceStanding::Current}), InvoiceStanding::Overdue);
        QCOMPARE(worstStanding({InvoiceStanding::Overdue, InvoiceStanding::PastGrace}), InvoiceStanding::PastGrace);
    }

    // The whole story on a moving clock: the allowance is there before payment,
    // stays while overdue, is withheld past grace (also after a renewal), and
    // comes back the moment the invoice is paid.
    void allowanceFollowsTheInvoice()
    {
        const SubscriptionState set = setPlanByAdmin(catalog(), SubscriptionState{}, QStringLiteral("enterprise"), 5000, kStart);
        const auto at = [&](const SubscriptionState &s, const char *status, const QDateTime &now) {
            return applyInvoiceStanding(catalog(), s, invoiceStanding(QLatin1String(status), kDue, 14, now));
        };
        QCOMPARE(remaining(at(set, "open", kStart), kStart), 5000);                     // before any payment
        const QDateTime overdue = utc("2027-01-10T09:00:00Z");
        QCOMPARE(remaining(at(set, "open", overdue), overdue), 5000);                   // a warning only
        const QDateTime late = utc("2027-01-17T09:00:01Z");
        const SubscriptionState withheld = at(advanceTo(catalog(), set, late).state, "open", late);
        QCOMPARE(withheld.planId, QStringLiteral("enterprise"));                        // plan and features stay
        QVERIFY(!withheld.cycleFunded);
        QCOMPARE(remaining(withheld, late), 0);
        const QDateTime paid = late.addSecs(3600);
        QCOMPARE(remaining(at(withheld, "paid", paid), paid), 5000);                    // paid: at once
    }

    void selfServeUntouched()
    {
        SubscriptionState pro = paid(QStringLiteral("pro-200"), kStart);
        pro.cycleFunded = false;   // a renewal waiting for its card payment
        QCOMPARE(applyInvoiceStanding(catalog(), pro, InvoiceStanding::Current), pro);
        const SubscriptionState free;
        QCOMPARE(applyInvoiceStanding(catalog(), free, InvoiceStanding::PastGrace), free);
    }
};

QTEST_GUILESS_MAIN(TestInvoiceGrace)
#include "tst_invoicegrace.moc"

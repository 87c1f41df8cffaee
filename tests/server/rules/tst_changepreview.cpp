// The "preview" answer: what a change requested now would do, to the öre.
#include "billing/changepreview.h"
#include "rulesfixture.h"

using namespace billing;
using namespace rulestest;

namespace {
const QDateTime kStart = utc("2026-12-10T00:00:00Z");
const QDateTime kEnd = utc("2027-01-10T00:00:00Z"); // a 31-day cycle
}

class TestChangePreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void preview_data()
    {
        QTest::addColumn<QString>("from");      // "free", a tier, or "past_due:<tier>"
        QTest::addColumn<QString>("target");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<ChangeError>("error");
        QTest::addColumn<ChangeKind>("kind");
        QTest::addColumn<QDateTime>("effectiveAt");
        QTest::addColumn<qint64>("amountDue");
        QTest::addColumn<qint64>("creditsAfter");
        QTest::addColumn<qint64>("allowanceAfter");
        const auto E = ChangeError::None;
        const QDateTime dec20 = utc("2026-12-20T00:00:00Z");
        // Worked example 3: 21 of 31 days left, (1 000 kr - 500 kr) * 21/31 = 338,71 kr.
        QTest::newRow("example 3 upgrade") << "pro-200" << "pro-400" << dec20 << 150LL << E << ChangeKind::Upgrade << dec20 << 33871LL << 250LL << 400LL;
        QTest::newRow("upgrade at period start") << "pro-200" << "pro-400" << kStart << 0LL << E << ChangeKind::Upgrade << kStart << 50000LL << 400LL << 400LL;
        QTest::newRow("upgrade in the last second") << "pro-200" << "pro-800" << kEnd.addSecs(-1) << 0LL << E << ChangeKind::Upgrade << kEnd.addSecs(-1) << 0LL << 800LL << 800LL;
        QTest::newRow("upgrade after overuse") << "pro-100" << "pro-200" << dec20 << 100LL << E << ChangeKind::Upgrade << dec20 << 16935LL << 100LL << 200LL;
        QTest::newRow("checkout") << "free" << "pro-200" << dec20 << 0LL << E << ChangeKind::Checkout << dec20 << 50000LL << 200LL << 200LL;
        // Worked example 4: downgrade at period end, no charge now.
        QTest::newRow("example 4 downgrade") << "pro-400" << "pro-200" << utc("2026-12-15T00:00:00Z") << 100LL << E << ChangeKind::Downgrade << kEnd << 0LL << 200LL << 200LL;
        // Worked example 5: cancel at period end, then a Free day.
        QTest::newRow("example 5 cancel") << "pro-200" << "free" << utc("2026-12-15T00:00:00Z") << 100LL << E << ChangeKind::Cancel << kEnd << 0LL << 5LL << 5LL;
        QTest::newRow("cancel while past_due") << "past_due:pro-200" << "free" << dec20 << 0LL << E << ChangeKind::Cancel << kEnd << 0LL << 5LL << 5LL;
        QTest::newRow("same tier") << "pro-200" << "pro-200" << dec20 << 150LL << E << ChangeKind::Same << dec20 << 0LL << 50LL << 200LL;
        QTest::newRow("past_due upgrade") << "past_due:pro-200" << "pro-400" << dec20 << 0LL << ChangeError::PastDue << ChangeKind::Same << QDateTime() << 0LL << 0LL << 0LL;
        QTest::newRow("unknown tier") << "pro-200" << "pro-999" << dec20 << 0LL << ChangeError::UnknownTier << ChangeKind::Same << QDateTime() << 0LL << 0LL << 0LL;
        QTest::newRow("enterprise target") << "free" << "enterprise" << dec20 << 0LL << ChangeError::NotPurchasable << ChangeKind::Same << QDateTime() << 0LL << 0LL << 0LL;
    }
    void preview()
    {
        QFETCH(QString, from);
        QFETCH(QString, target);
        QFETCH(QDateTime, now);
        QFETCH(qint64, used);
        QFETCH(ChangeError, error);
        QFETCH(ChangeKind, kind);
        QFETCH(QDateTime, effectiveAt);
        QFETCH(qint64, amountDue);
        QFETCH(qint64, creditsAfter);
        QFETCH(qint64, allowanceAfter);

        SubscriptionState s;
        const bool pastDue = from.startsWith(QLatin1String("past_due:"));
        const QString tier = pastDue ? from.mid(9) : from;
        if (tier != QLatin1String("free"))
            s = startPaidCycle({}, tier, kStart, kEnd, Renewal::Invoice);
        if (pastDue)
            s = markPaymentFailed(s);
        UsageTotals t;
        t.usedThisCycle = used;
        const ChangePreview p = previewChange(catalog(), s, t, target, now);
        QCOMPARE(p.error, error);
        if (!p.ok())
            return;
        QCOMPARE(p.kind, kind);
        QCOMPARE(p.tier, kind == ChangeKind::Cancel ? QStringLiteral("free") : target);
        QCOMPARE(p.effectiveAt, effectiveAt);
        QCOMPARE(p.amountDueNow, (Money{amountDue, QStringLiteral("SEK")}));
        QCOMPARE(p.creditsAfter, creditsAfter);
        QCOMPARE(p.allowanceAfter, allowanceAfter);
    }

    void proration_data()
    {
        QTest::addColumn<qint64>("oldPrice");
        QTest::addColumn<qint64>("newPrice");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("half way") << 0LL << 1000LL << kStart.addSecs(kStart.secsTo(kEnd) / 2) << 500LL;
        QTest::newRow("rounds half up") << 0LL << 1LL << kStart.addSecs(kStart.secsTo(kEnd) / 2) << 1LL;
        QTest::newRow("before the period: full") << 25000LL << 50000LL << kStart.addDays(-3) << 25000LL;
        QTest::newRow("at the end: nothing") << 25000LL << 50000LL << kEnd << 0LL;
        QTest::newRow("after the end: nothing") << 25000LL << 50000LL << kEnd.addDays(2) << 0LL;
        QTest::newRow("cheaper: nothing") << 50000LL << 25000LL << kStart << 0LL;
        QTest::newRow("equal: nothing") << 50000LL << 50000LL << kStart << 0LL;
        QTest::newRow("no overflow") << 0LL << (qint64(1) << 53) << kStart.addSecs(kStart.secsTo(kEnd) / 2) << (qint64(1) << 52);
    }
    void proration()
    {
        QFETCH(qint64, oldPrice);
        QFETCH(qint64, newPrice);
        QFETCH(QDateTime, now);
        QFETCH(qint64, expected);
        QCOMPARE(proratedUpgradeAmount(oldPrice, newPrice, kStart, kEnd, now), expected);
        QCOMPARE(proratedUpgradeAmount(oldPrice, newPrice, kEnd, kStart, now), 0);       // inverted period
        QCOMPARE(proratedUpgradeAmount(oldPrice, newPrice, QDateTime(), kEnd, now), 0);  // no period
    }
};

QTEST_GUILESS_MAIN(TestChangePreview)
#include "tst_changepreview.moc"

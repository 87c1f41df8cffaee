// The sign-in throttle's table stays bounded under a flood of unique e-mails,
// and the flood does not wash out the counters that matter.
#include "signinthrottle.h"

#include <QFile>
#include <QTest>

// Resident memory in kB (Linux; 0 elsewhere), for the report line only.
static qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

class TstSignInThrottle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void floodOfUniqueEmailsIsBounded()
    {
        http::SignInThrottle t;   // the server's limits
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 before = rssKb();
        for (int i = 0; i < 60000; ++i)
            t.fail(QStringLiteral("guess%1@example.se").arg(i), QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250), now);
        qInfo("60,000 unique failures: %d counters, resident memory +%lld kB", t.size(), rssKb() - before);
        QVERIFY2(t.size() <= 10000, qPrintable(QString::number(t.size())));
        QVERIFY(t.size() >= 9000);
    }

    void recentCountersSurviveEviction()
    {
        http::SignInThrottle t;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // One spraying source among a flood of single failures elsewhere: it stays the most recent.
        for (int i = 0; i < 30000; ++i) {
            t.fail(QStringLiteral("x%1@example.se").arg(i), QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250), now);
            if (i % 1000 == 0)
                t.fail(QStringLiteral("spray%1@example.se").arg(i), QStringLiteral("192.0.2.7"), now);
        }
        QVERIFY(t.check(QStringLiteral("new@example.se"), QStringLiteral("192.0.2.7"), now).refused);
        QVERIFY(!t.check(QStringLiteral("new@example.se"), QStringLiteral("192.0.2.8"), now).refused);
        // The window passes: nothing is refused any more.
        QVERIFY(!t.check(QStringLiteral("new@example.se"), QStringLiteral("192.0.2.7"), now.addSecs(601)).refused);
    }

    void accountUnderAttackIsDelayedNotRefused()
    {
        http::SignInThrottle t;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 20; ++i)
            t.fail(QStringLiteral("anna@example.se"), QStringLiteral("203.0.113.%1").arg(i), now);
        const auto d = t.check(QStringLiteral("anna@example.se"), QStringLiteral("198.51.100.1"), now);
        QVERIFY(!d.refused);
        QVERIFY(d.delayMs > 0 && d.delayMs <= 4000);
        QCOMPARE(http::SignInThrottle::sourceOf(QHostAddress(QStringLiteral("2001:db8:1:2:3:4:5:6"))),
                 http::SignInThrottle::sourceOf(QHostAddress(QStringLiteral("2001:db8:1:2:ffff::1"))));
        QCOMPARE(http::SignInThrottle::sourceOf(QHostAddress(QStringLiteral("::ffff:192.0.2.1"))), QStringLiteral("192.0.2.1"));
    }
};

QTEST_GUILESS_MAIN(TstSignInThrottle)
#include "tst_signinthrottle.moc"

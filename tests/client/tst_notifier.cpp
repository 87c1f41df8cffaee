// DesktopNotifier against a notification service this test registers on the test
// session bus (./dev test runs under dbus-run-session): what a user would see in
// the notification, the thresholds switched off, nothing twice (also after a restart).
#include "appsettings.h"
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

namespace {
const auto kService = QStringLiteral("org.freedesktop.Notifications");
const auto kPath = QStringLiteral("/org/freedesktop/Notifications");
}

// org.freedesktop.Notifications as a daemon implements it, recording each Notify.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call { QString app, icon, summary, body; QStringList actions; QVariantMap hints; uint id; };
    QList<Call> calls;
    uint nextId = 41;

public Q_SLOTS:
    uint Notify(const QString &app, uint, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({app, icon, summary, body, actions, hints, ++nextId});
        return nextId;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    QString GetServerInformation(QString &vendor, QString &version, QString &spec)
    {
        vendor = QStringLiteral("Kliv tests");
        version = QStringLiteral("1");
        spec = QStringLiteral("1.2");
        return QStringLiteral("fake-notifications");
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
};

class TestNotifier : public QObject
{
    Q_OBJECT

    // Its own connection: the service and the app are two peers on the bus, as in real life.
    QDBusConnection m_serviceBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notifications"));
    FakeNotifications m_fake;

    static QJsonObject alert(const QString &scope, int threshold, int used, int allowance,
                             const QString &periodStart = QStringLiteral("2026-12-17T00:00:00Z"),
                             const QString &resetsAt = QStringLiteral("2027-01-17T00:00:00Z"))
    {
        return {{QStringLiteral("scope"), scope}, {QStringLiteral("threshold"), threshold},
                {QStringLiteral("used"), used}, {QStringLiteral("allowance"), allowance},
                {QStringLiteral("remaining"), allowance - used}, {QStringLiteral("period_start"), periodStart},
                {QStringLiteral("resets_at"), resetsAt}, {QStringLiteral("plan"), QStringLiteral("pro-200")}};
    }
    // The formats keep "17 jan." together with a non-breaking space.
    static QString plain(QString s) { return s.replace(QChar(0x00A0), QLatin1Char(' ')); }

    bool registerService()
    {
        return m_serviceBus.registerObject(kPath, &m_fake, QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)
            && m_serviceBus.registerService(kService);
    }
    void unregisterService()
    {
        m_serviceBus.unregisterService(kService);
        m_serviceBus.unregisterObject(kPath);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KlivTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_notifier"));
        QVERIFY2(m_serviceBus.isConnected(), "no session bus: run under dbus-run-session (./dev test)");
        QVERIFY(registerService());
    }
    void init()
    {
        QSettings().clear();
        m_fake.calls.clear();
    }

    void ownerSeesBalanceResetAndUpgrade()
    {
        DesktopNotifier notifier(QDBusConnection::sessionBus());
        QVERIFY(notifier.available());
        QSignalSpy upgrade(&notifier, &DesktopNotifier::upgradeRequested);
        QVERIFY(notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 75, 150, 200), true));
        QTRY_COMPARE(m_fake.calls.size(), 1);
        const auto c = m_fake.calls.at(0);
        QCOMPARE(c.app, QStringLiteral("Kliv Konto"));
        QCOMPARE(c.icon, QStringLiteral("se.kliv.konto"));
        QCOMPARE(c.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("se.kliv.konto"));
        QCOMPARE(c.summary, QStringLiteral("75 % av krediterna är använda"));
        QCOMPARE(plain(c.body), QStringLiteral("50 av 200 krediter kvar · återställs 17 jan."));
        QCOMPARE(c.actions, (QStringList{QStringLiteral("upgrade"), QStringLiteral("Uppgradera")}));

        // Another app's notification with the same action key is not ours.
        QTest::qWait(200);   // the reply with our id has arrived
        Q_EMIT m_fake.ActionInvoked(c.id + 100, QStringLiteral("upgrade"));
        Q_EMIT m_fake.ActionInvoked(c.id, QStringLiteral("upgrade"));
        QTRY_COMPARE(upgrade.size(), 1);
        QTest::qWait(200);
        QCOMPARE(upgrade.size(), 1);

        QVERIFY(notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 100, 200, 200), true));
        QTRY_COMPARE(m_fake.calls.size(), 2);
        QCOMPARE(m_fake.calls.at(1).summary, QStringLiteral("Krediterna är slut"));
        QCOMPARE(plain(m_fake.calls.at(1).body), QStringLiteral("0 av 200 krediter kvar · återställs 17 jan."));
        QCOMPARE(m_fake.calls.at(1).hints.value(QStringLiteral("urgency")).value<uchar>(), uchar(2));
    }

    void memberGetsNoUpgrade()
    {
        DesktopNotifier notifier(QDBusConnection::sessionBus());
        QSignalSpy upgrade(&notifier, &DesktopNotifier::upgradeRequested);
        QVERIFY(notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 90, 180, 200), false));
        QTRY_COMPARE(m_fake.calls.size(), 1);
        QCOMPARE(m_fake.calls.at(0).summary, QStringLiteral("90 % av krediterna är använda"));
        QCOMPARE(plain(m_fake.calls.at(0).body), QStringLiteral("20 av 200 krediter kvar · återställs 17 jan."));
        QVERIFY(m_fake.calls.at(0).actions.isEmpty());
        QTest::qWait(200);
        Q_EMIT m_fake.ActionInvoked(m_fake.calls.at(0).id, QStringLiteral("upgrade"));
        QTest::qWait(300);
        QCOMPARE(upgrade.size(), 0);
    }

    void freeSpeaksOfTheDayAndTheMonth()
    {
        DesktopNotifier notifier(QDBusConnection::sessionBus());
        const QDateTime tomorrow = QDateTime(QDate::currentDate().addDays(1), QTime(0, 0)).toUTC();
        QVERIFY(notifier.notify(QStringLiteral("ws1"),
                                alert(QStringLiteral("day"), 100, 5, 5, QDateTime(QDate::currentDate(), QTime(0, 0)).toUTC().toString(Qt::ISODate),
                                      tomorrow.toString(Qt::ISODate)), false));
        QVERIFY(notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("month"), 90, 27, 30,
                                QStringLiteral("2026-12-01T00:00:00Z"), QStringLiteral("2027-01-01T00:00:00Z")), false));
        QTRY_COMPARE(m_fake.calls.size(), 2);
        QCOMPARE(m_fake.calls.at(0).summary, QStringLiteral("Dagens krediter är slut"));
        QCOMPARE(plain(m_fake.calls.at(0).body), QStringLiteral("0 av 5 krediter kvar i dag · fylls på i morgon 00:00"));
        QCOMPARE(m_fake.calls.at(1).summary, QStringLiteral("90 % av månadens krediter är använda"));
        QCOMPARE(plain(m_fake.calls.at(1).body), QStringLiteral("3 av månadens 30 krediter kvar · nya 1 jan."));
    }

    void aThresholdSwitchedOffShowsNothing()
    {
        AppSettings::instance()->setAlertEnabled(90, false);
        QVERIFY(!AppSettings::instance()->alertEnabled(90));
        QVERIFY(AppSettings::instance()->alertEnabled(75));   // on by default
        DesktopNotifier notifier(QDBusConnection::sessionBus());
        QVERIFY(!notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 90, 180, 200), true));
        QVERIFY(notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 100, 200, 200), true));
        QTRY_COMPARE(m_fake.calls.size(), 1);
        QCOMPARE(m_fake.calls.at(0).summary, QStringLiteral("Krediterna är slut"));
        QTest::qWait(300);
        QCOMPARE(m_fake.calls.size(), 1);
        QCOMPARE(QSettings().value(QStringLiteral("alerts/enabled_90")).toBool(), false);   // persisted
    }

    void nothingRepeatsAlsoAfterARestart()
    {
        const QJsonObject a = alert(QStringLiteral("cycle"), 75, 150, 200);
        {
            DesktopNotifier notifier(QDBusConnection::sessionBus());
            QVERIFY(notifier.notify(QStringLiteral("ws1"), a, true));
            QVERIFY(!notifier.notify(QStringLiteral("ws1"), a, true));
        }
        DesktopNotifier restarted(QDBusConnection::sessionBus());
        QVERIFY(!restarted.notify(QStringLiteral("ws1"), a, true));
        // Another workspace, and the next cycle, are new alerts.
        QVERIFY(restarted.notify(QStringLiteral("ws2"), a, true));
        QVERIFY(restarted.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 75, 150, 200,
                                 QStringLiteral("2027-01-17T00:00:00Z"), QStringLiteral("2027-02-17T00:00:00Z")), true));
        QTRY_COMPARE(m_fake.calls.size(), 3);
        QTest::qWait(300);
        QCOMPARE(m_fake.calls.size(), 3);
    }

    void theShownListIsBounded()
    {
        for (int i = 0; i < AppSettings::kMaxShownAlerts + 10; ++i)
            QVERIFY(AppSettings::instance()->markAlertShown(QStringLiteral("k%1").arg(i)));
        QCOMPARE(QSettings().value(QStringLiteral("alerts/shown")).toStringList().size(), AppSettings::kMaxShownAlerts);
        QVERIFY(!AppSettings::instance()->markAlertShown(QStringLiteral("k%1").arg(AppSettings::kMaxShownAlerts + 9)));
        QVERIFY(AppSettings::instance()->markAlertShown(QStringLiteral("k0")));   // the oldest went first
    }

    void noServiceIsNoCrashAndSaysSo()
    {
        // A machine with a notification daemon installed (dunst, a desktop's
        // own) lets D-Bus start it on demand: then there is always a service.
        if (QDBusConnection::sessionBus().interface()->activatableServiceNames().value().contains(kService))
            QSKIP("a notification daemon is installed and D-Bus starts it on demand: no machine without one to test here");
        unregisterService();
        QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService).value());
        {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no desktop notification service")));
            DesktopNotifier notifier(QDBusConnection::sessionBus());
            QVERIFY(!notifier.available());
            QVERIFY(!notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 75, 150, 200), true));
            QVERIFY(!notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 90, 180, 200), true));   // logged once
            // A daemon that starts later is used.
            QSignalSpy availability(&notifier, &DesktopNotifier::availableChanged);
            QVERIFY(registerService());
            QTRY_VERIFY(notifier.available());
            QVERIFY(notifier.notify(QStringLiteral("ws1"), alert(QStringLiteral("cycle"), 75, 150, 200), true));
            QTRY_COMPARE(m_fake.calls.size(), 1);
        }
        QVERIFY(QSettings().value(QStringLiteral("alerts/shown")).toStringList().size() == 1);
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"

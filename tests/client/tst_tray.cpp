// The tray meter: the ring's pixels, the autostart entry, and the tray itself
// through QSystemTrayIcon. Two runs (tests/client/CMakeLists.txt):
//  - without a tray host (offscreen, and Xvfb with no StatusNotifierWatcher):
//    not available, closing the window closes it, Inställningar says so;
//  - KLIV_TRAY_HOST=1, under Xvfb in a D-Bus session of its own: this test is
//    the panel (org.kde.StatusNotifierWatcher) and reads the app's item over
//    D-Bus as a panel does: its tooltip, its icon, its menu, and the menu's clicks.
#include "appsettings.h"
#include "autostart.h"
#include "creditmeter.h"
#include "scriptedserver.h"
#include "scriptedsession.h"
#include "scriptedtransport.h"
#include "session.h"
#include "trayiconpainter.h"
#include "traymeter.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QJsonArray>
#include <QMutex>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtMath>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Kliv_KontoPlugin)

namespace {
const auto kWatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
const auto kItemPath = QStringLiteral("/StatusNotifierItem");
const auto kItemInterface = QStringLiteral("org.kde.StatusNotifierItem");
const QString kBalance = QStringLiteral("/v1/workspaces/ws1/balance");

bool withHost() { return qEnvironmentVariableIntValue("KLIV_TRAY_HOST") == 1; }

// The pixel on the ring at `degrees` clockwise from twelve o'clock, for the ring
// TrayIconPainter draws into `size` (line width 20 %, inset 4 % + half the line).
QColor ringPixel(const QImage &image, qreal degrees)
{
    const qreal size = image.width();
    const qreal lineWidth = size * 0.2;
    const qreal r = size / 2 - (lineWidth / 2 + size * 0.04);
    const qreal a = qDegreesToRadians(degrees);
    return image.pixelColor(int(size / 2 + r * qSin(a)), int(size / 2 - r * qCos(a)));
}

bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
        && qAbs(a.blue() - b.blue()) <= tolerance && qAbs(a.alpha() - b.alpha()) <= tolerance;
}

QByteArray describe(const QColor &c)
{
    return c.name(QColor::HexArgb).toLatin1();
}

const QColor kGreen(0x1F, 0x9D, 0x6B), kAmber(0xD9, 0x8E, 0x04), kRed(0xD6, 0x45, 0x45);

// The server's forecast for 150 of 200: gone around 12 Dec, before the reset.
QJsonObject forecast()
{
    return {{QStringLiteral("runs_out_at"), QStringLiteral("2026-12-12T10:00:00Z")},
            {QStringLiteral("lasts_until_reset"), false}, {QStringLiteral("reset_at"), QStringLiteral("2026-12-17T10:00:00Z")}};
}

// One item of a com.canonical.dbusmenu layout, (ia{sv}av), with its children.
struct MenuItem
{
    int id = 0;
    QVariantMap properties;
    QList<MenuItem> children;
};

MenuItem readMenuItem(const QDBusArgument &arg)
{
    MenuItem item;
    arg.beginStructure();
    arg >> item.id >> item.properties;
    arg.beginArray();
    while (!arg.atEnd()) {
        QDBusVariant child;
        arg >> child;
        item.children << readMenuItem(child.variant().value<QDBusArgument>());
    }
    arg.endArray();
    arg.endStructure();
    return item;
}
}

// The panel's side: org.kde.StatusNotifierWatcher with a host registered,
// recording each item that registers. It lives in a thread of its own, as a
// panel is a process of its own: Qt asks it with blocking calls from the app's thread.
class FakeWatcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)

public:
    bool isHostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const
    {
        QMutexLocker lock(&m_mutex);
        return m_items;
    }

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_items << service;
        }
        Q_EMIT StatusNotifierItemRegistered(service);
    }
    void RegisterStatusNotifierHost(const QString &) {}

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierItemUnregistered(const QString &service);
    void StatusNotifierHostRegistered();

private:
    mutable QMutex m_mutex;
    QStringList m_items;
};

class TestTray : public QObject
{
    Q_OBJECT
    ScriptedServer m_server;   // the live channel's attempts, the revoke
    ScriptedTransport m_t;     // /v1/me and the balance
    QThread m_hostThread;
    FakeWatcher *m_watcher = nullptr;
    QDBusConnection m_hostBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-panel"));
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;

    // A call from the panel's connection, waited for without blocking the app's thread.
    QDBusMessage call(const QString &service, const QString &path, const QString &interface, const QString &method,
                      const QVariantList &args = {})
    {
        QDBusMessage m = QDBusMessage::createMethodCall(service, path, interface, method);
        m.setArguments(args);
        QDBusPendingCallWatcher pending(m_hostBus.asyncCall(m));
        if (!QTest::qWaitFor([&] { return pending.isFinished(); }, 10000))
            return {};
        return pending.reply();
    }
    QVariant itemProperty(const QString &name)
    {
        const QDBusMessage reply = call(itemService(), kItemPath, QStringLiteral("org.freedesktop.DBus.Properties"),
                                        QStringLiteral("Get"), {kItemInterface, name});
        return reply.type() == QDBusMessage::ReplyMessage ? reply.arguments().value(0).value<QDBusVariant>().variant() : QVariant();
    }
    // The item registered last: hidden and shown again, Qt registers anew.
    QString itemService() const
    {
        const QStringList items = m_watcher->items();
        return items.isEmpty() ? QString() : items.constLast();
    }

    // ToolTip: (sa(iiay)ss), the icon name, its pixmaps, the title and the text.
    QString toolTipTitle()
    {
        const QDBusArgument arg = itemProperty(QStringLiteral("ToolTip")).value<QDBusArgument>();
        QString icon, title, text;
        arg.beginStructure();
        arg >> icon;
        largestPixmap(arg);
        arg >> title >> text;
        arg.endStructure();
        return title;
    }
    // An a(iiay) pixmap list (IconPixmap, the ToolTip's icons): ARGB32 in
    // network byte order; the largest one.
    static QImage largestPixmap(const QDBusArgument &arg)
    {
        QImage best;
        arg.beginArray();
        while (!arg.atEnd()) {
            int w = 0, h = 0;
            QByteArray data;
            arg.beginStructure();
            arg >> w >> h >> data;
            arg.endStructure();
            if (w <= best.width() || data.size() != w * h * 4)
                continue;
            QImage image(w, h, QImage::Format_ARGB32);
            for (int i = 0; i < w * h; ++i) {
                const auto *p = reinterpret_cast<const uchar *>(data.constData()) + i * 4;
                image.setPixel(i % w, i / w, qRgba(p[1], p[2], p[3], p[0]));
            }
            best = image;
        }
        arg.endArray();
        return best;
    }
    QImage iconPixmap()
    {
        return largestPixmap(itemProperty(QStringLiteral("IconPixmap")).value<QDBusArgument>());
    }
    // The menu as a panel shows it: visible entries, separators left out.
    QList<MenuItem> menuEntries()
    {
        const QDBusObjectPath path = itemProperty(QStringLiteral("Menu")).value<QDBusObjectPath>();
        const QDBusMessage reply = call(itemService(), path.path(), QStringLiteral("com.canonical.dbusmenu"),
                                        QStringLiteral("GetLayout"), {0, -1, QStringList()});
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() < 2)
            return {};
        QList<MenuItem> shown;
        for (const MenuItem &i : readMenuItem(reply.arguments().at(1).value<QDBusArgument>()).children)
            if (i.properties.value(QStringLiteral("visible"), true).toBool()
                && i.properties.value(QStringLiteral("type")).toString() != QLatin1String("separator"))
                shown << i;
        return shown;
    }
    // The labels as a panel shows them: in dbusmenu "_" marks the mnemonic, "__" is an underscore.
    static QStringList labels(const QList<MenuItem> &items)
    {
        QStringList l;
        for (const MenuItem &i : items) {
            const QString wire = i.properties.value(QStringLiteral("label")).toString();
            QString shown;
            for (qsizetype c = 0; c < wire.size(); ++c) {
                if (wire.at(c) == QLatin1Char('_') && ++c >= wire.size())
                    break;
                shown += wire.at(c);
            }
            l << shown;
        }
        return l;
    }
    // A click on a menu entry, as the panel sends it.
    void click(const QString &label)
    {
        const QList<MenuItem> items = menuEntries();
        const int i = labels(items).indexOf(label);
        QVERIFY2(i >= 0, qPrintable(label));
        const QDBusObjectPath path = itemProperty(QStringLiteral("Menu")).value<QDBusObjectPath>();
        const QDBusMessage reply = call(itemService(), path.path(), QStringLiteral("com.canonical.dbusmenu"), QStringLiteral("Event"),
                                        {items.at(i).id, QStringLiteral("clicked"), QVariant::fromValue(QDBusVariant(0)), 0u});
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    }

    void loadWindow()
    {
        m_engine = new QQmlApplicationEngine(this);
        m_window = loadMainWindow(m_engine);
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    // Inställningar on its own (the page needs no sign-in to be built).
    std::unique_ptr<QQuickItem> settingsPage()
    {
        QQmlComponent component(m_engine, QUrl(QStringLiteral("qrc:/Kliv/Konto/qml/pages/SettingsPage.qml")));
        std::unique_ptr<QObject> page(component.create());
        if (!page)
            qWarning() << component.errorString();
        return std::unique_ptr<QQuickItem>(qobject_cast<QQuickItem *>(page.release()));
    }
    // The panel goes away or comes back (a restart of the desktop's panel).
    bool setHostRunning(bool running)
    {
        bool ok = false;
        QMetaObject::invokeMethod(m_watcher, [this, running, &ok] {
            ok = running ? m_hostBus.registerService(kWatcherService) : m_hostBus.unregisterService(kWatcherService);
        }, Qt::BlockingQueuedConnection);
        return ok;
    }

    void signIn(int remaining)
    {
        Session::instance()->signInWithAccessToken(QStringLiteral("at-test"));
        m_t.answer(QStringLiteral("/v1/me"), scriptedOk(scriptedMe(QStringLiteral("Berg & Dal AB"))));
        m_t.answer(kBalance, scriptedOk(scriptedBalance(remaining, forecast())));
        QTRY_COMPARE(Session::instance()->state(), Session::SignedIn);
        QTRY_COMPARE(CreditMeter::instance()->remaining(), remaining);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Three ctest entries run this binary at once (offscreen, Xvfb with and
        // without a panel): each its own settings file, or one clears another's
        // "keep in tray".
        QCoreApplication::setOrganizationName(QStringLiteral("KlivTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_tray-%1").arg(QCoreApplication::applicationPid()));
        QSettings().clear();
        AppSettings::instance()->overrideServerUrl(QUrl(m_server.url()));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
        Session::instance()->setTransport(&m_t);
        // Before anything asks Qt about a tray: Qt's D-Bus tray looks for the watcher once.
        if (withHost()) {
            QVERIFY2(m_hostBus.isConnected(), "no session bus: run under dbus-run-session");
            m_watcher = new FakeWatcher;
            m_watcher->moveToThread(&m_hostThread);
            connect(&m_hostThread, &QThread::finished, m_watcher, &QObject::deleteLater);
            m_hostThread.start();
            // Registered from its thread: the signal relay QtDBus makes is the object's child.
            bool registered = false;
            QMetaObject::invokeMethod(m_watcher, [this, &registered] {
                registered = m_hostBus.registerObject(QStringLiteral("/StatusNotifierWatcher"), m_watcher,
                                                      QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
                                                          | QDBusConnection::ExportAllProperties)
                    && m_hostBus.registerService(kWatcherService);
            }, Qt::BlockingQueuedConnection);
            QVERIFY(registered);
        }
    }

    void cleanupTestCase()
    {
        TrayMeter::instance()->setEnabled(false);
        delete m_engine;
        m_hostThread.quit();
        m_hostThread.wait();
    }

    // The ring at a known angle: the share left in the level's colour, the rest
    // the faint track, all of it red when nothing is left, grey and dimmed when stale.
    void theRingShowsWhatIsLeft()
    {
        const QImage quarter = TrayIconPainter::paint(0.25, CreditMeter::Normal, false, 64);
        QCOMPARE(quarter.size(), QSize(64, 64));
        QVERIFY2(near(ringPixel(quarter, 45), kGreen), describe(ringPixel(quarter, 45)));
        const QColor track = ringPixel(quarter, 180);
        QVERIFY2(track.alpha() > 60 && track.alpha() < 120, describe(track));   // grey at 35 %
        QVERIFY(!near(ringPixel(quarter, 270), kGreen, 60));
        QCOMPARE(quarter.pixelColor(32, 32).alpha(), 0);   // the centre is the panel's

        const QImage most = TrayIconPainter::paint(0.8, CreditMeter::Normal, false, 64);
        QVERIFY2(near(ringPixel(most, 270), kGreen), describe(ringPixel(most, 270)));
        QVERIFY2(ringPixel(most, 330).alpha() < 120, describe(ringPixel(most, 330)));

        const QImage low = TrayIconPainter::paint(0.1, CreditMeter::Low, false, 64);
        QVERIFY2(near(ringPixel(low, 18), kAmber), describe(ringPixel(low, 18)));
        QVERIFY2(ringPixel(low, 180).alpha() < 120, describe(ringPixel(low, 180)));

        const QImage empty = TrayIconPainter::paint(0, CreditMeter::Empty, false, 64);
        for (qreal deg : {0, 90, 180, 270})
            QVERIFY2(near(ringPixel(empty, deg), kRed), describe(ringPixel(empty, deg)));
        const QImage cap = TrayIconPainter::paint(0, CreditMeter::CapReached, false, 64);
        QVERIFY2(near(ringPixel(cap, 180), kRed), describe(ringPixel(cap, 180)));

        // Stale: the same 80 % in grey, see-through; never the level's colour.
        const QImage stale = TrayIconPainter::paint(0.8, CreditMeter::Normal, true, 64);
        const QColor s = ringPixel(stale, 270);
        QVERIFY2(s.alpha() > 120 && s.alpha() < 200, describe(s));
        QVERIFY2(qAbs(s.red() - 0x8A) <= 3 && qAbs(s.green() - 0x8F) <= 3 && qAbs(s.blue() - 0x98) <= 3, describe(s));
        QVERIFY2(ringPixel(stale, 330).alpha() < s.alpha(), describe(ringPixel(stale, 330)));
        const QImage staleEmpty = TrayIconPainter::paint(0, CreditMeter::Empty, true, 64);
        QVERIFY2(!near(ringPixel(staleEmpty, 180), kRed, 60), describe(ringPixel(staleEmpty, 180)));

        // Every size a panel asks for, drawn at that size.
        const QIcon icon = TrayIconPainter::icon(0.25, CreditMeter::Normal, false);
        for (int size : {16, 22, 24, 32, 48, 64})
            QVERIFY2(icon.availableSizes().contains(QSize(size, size)), qPrintable(QString::number(size)));
        const QImage small = icon.pixmap(QSize(16, 16)).toImage();
        QVERIFY2(near(ringPixel(small, 45), kGreen, 40), describe(ringPixel(small, 45)));
    }

    // Start at login: a valid XDG autostart entry for this binary, removed when off;
    // a file system that says no is an error on the page and the switch stays off.
    void startAtLoginWritesAnAutostartEntry()
    {
        QTemporaryDir config;
        QVERIFY(config.isValid());
        qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
        const QString path = config.path() + QStringLiteral("/autostart/se.kliv.konto.desktop");
        QCOMPARE(Autostart::entryPath(), path);
        AppSettings *settings = AppSettings::instance();
        QVERIFY(!settings->startAtLogin());
        QSignalSpy changed(settings, &AppSettings::startAtLoginChanged);

        settings->setStartAtLogin(true);
        QCOMPARE(changed.size(), 1);
        QVERIFY(settings->startAtLogin());
        QVERIFY(settings->startAtLoginError().isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("\nExec=\"%1\"\n").arg(QCoreApplication::applicationFilePath())), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\nX-GNOME-Autostart-enabled=true\n")));
        QVERIFY(text.contains(QStringLiteral("\nName=Kliv Konto\n")));

        const QString validate = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        QVERIFY2(!validate.isEmpty(), "desktop-file-validate (desktop-file-utils) is needed");
        auto validates = [&](const QString &file) {
            QProcess p;
            p.start(validate, {file});
            if (!p.waitForFinished(20000) || p.exitCode() != 0 || !p.readAll().trimmed().isEmpty()) {
                qWarning() << "desktop-file-validate" << file << p.exitCode() << p.readAllStandardError();
                return false;
            }
            return true;
        };
        QVERIFY(validates(path));
        // A binary in a folder with a space, a quote and a dollar is quoted as the spec says.
        const QString odd = config.path() + QStringLiteral("/odd.desktop");
        QFile oddFile(odd);
        QVERIFY(oddFile.open(QIODevice::WriteOnly));
        oddFile.write(Autostart::entry(QStringLiteral("/opt/Kliv \"Konto\" $x/100%/kliv-konto")).toUtf8());
        oddFile.close();
        QVERIFY(validates(odd));
        QVERIFY(Autostart::entry(QStringLiteral("/opt/a b/100%/k")).contains(QStringLiteral("Exec=\"/opt/a b/100%%/k\"\n")));

        settings->setStartAtLogin(false);
        QCOMPARE(changed.size(), 2);
        QVERIFY(!settings->startAtLogin());
        QVERIFY(!QFile::exists(path));

        // XDG_CONFIG_HOME is a file: no folder can be made there.
        const QString blocker = config.path() + QStringLiteral("/blocker");
        QFile b(blocker);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.close();
        qputenv("XDG_CONFIG_HOME", blocker.toUtf8());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("autostart: cannot create")));
        settings->setStartAtLogin(true);
        QCOMPARE(changed.size(), 3);
        QVERIFY(!settings->startAtLogin());
        QVERIFY2(settings->startAtLoginError().startsWith(QStringLiteral("Kunde inte skapa mappen")), qPrintable(settings->startAtLoginError()));
        settings->setStartAtLogin(false);
        QVERIFY(settings->startAtLoginError().isEmpty());
        qunsetenv("XDG_CONFIG_HOME");
    }

    // No tray host: no icon, the window closes as always even with "keep in tray"
    // on, and Inställningar says why the switch is off.
    void withoutAHostTheWindowIsANormalOne()
    {
        if (withHost())
            QSKIP("this run has a tray host");
        TrayMeter *tray = TrayMeter::instance();
        QTest::ignoreMessage(QtInfoMsg, "system tray available: false");
        tray->setEnabled(true);
        QVERIFY(!tray->available());
        auto *icon = tray->findChild<QSystemTrayIcon *>();
        QVERIFY(icon);
        QVERIFY(!icon->isVisible());
        AppSettings::instance()->setKeepInTray(true);
        QVERIFY(AppSettings::instance()->keepInTray());
        QVERIFY(!tray->hidesOnClose());
        QVERIFY(QGuiApplication::quitOnLastWindowClosed());

        loadWindow();
        QVERIFY(m_window->isVisible());
        // The app would quit here (quitOnLastWindowClosed); the test only looks at the window.
        QGuiApplication::setQuitOnLastWindowClosed(false);
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());

        const std::unique_ptr<QQuickItem> page = settingsPage();
        QVERIFY(page);
        QQuickItem *unavailable = visualChild(page.get(), QStringLiteral("trayUnavailable"));
        QVERIFY(unavailable);
        QVERIFY(unavailable->isVisible());
        QVERIFY(unavailable->property("text").toString().startsWith(QStringLiteral("Inget systemfält hittades på skrivbordet")));
        QVERIFY(!visualChild(page.get(), QStringLiteral("keepInTraySwitch"))->isEnabled());
        QVERIFY(visualChild(page.get(), QStringLiteral("startAtLoginSwitch"))->isEnabled());
        AppSettings::instance()->setKeepInTray(false);
        tray->setEnabled(false);
    }

    // A panel is there: the app's item registers with it and shows the meter.
    void thePanelShowsTheMeter()
    {
        if (!withHost())
            QSKIP("needs KLIV_TRAY_HOST=1 (the Xvfb run with a StatusNotifierWatcher)");
        TrayMeter *tray = TrayMeter::instance();
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(!tray->available());   // not asked before the icon is switched on
        QSignalSpy availability(tray, &TrayMeter::availableChanged);
        tray->setEnabled(true);
        QVERIFY(tray->available());
        QCOMPARE(availability.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_watcher->items().size(), 1, 10000);
        // Qt 6.4 registers the unique name of the tray's own bus connection; the item there is ours.
        QVERIFY2(itemService().startsWith(QLatin1Char(':')), qPrintable(itemService()));
        QCOMPARE(itemProperty(QStringLiteral("Title")).toString(), QCoreApplication::applicationName());
        QCOMPARE(itemProperty(QStringLiteral("Status")).toString(), QStringLiteral("Active"));

        // Signed out: it says so, the ring is grey.
        QCOMPARE(toolTipTitle(), QStringLiteral("Kliv Konto · inte inloggad"));
        QCOMPARE(labels(menuEntries()), (QStringList{QStringLiteral("Öppna Kliv Konto"), QStringLiteral("Avsluta")}));

        signIn(150);
        CreditMeter *meter = CreditMeter::instance();
        QVERIFY(!meter->forecastText().isEmpty());
        QTRY_COMPARE(toolTipTitle(), meter->summary() + QLatin1Char('\n') + meter->forecastText());
        QVERIFY2(toolTipTitle().contains(QStringLiteral("150")), qPrintable(toolTipTitle()));
        QVERIFY2(toolTipTitle().contains(QStringLiteral("Räcker till ca 12")), qPrintable(toolTipTitle()));
        const QImage before = iconPixmap();
        QCOMPARE(before.size(), QSize(64, 64));
        QVERIFY2(near(ringPixel(before, 45), kGreen), describe(ringPixel(before, 45)));   // 75 % left
        QVERIFY2(near(ringPixel(before, 250), kGreen), describe(ringPixel(before, 250)));

        // The balance drops to 10 of 200: the panel's icon follows (amber, a short arc).
        meter->refresh();
        m_t.answer(kBalance, scriptedOk(scriptedBalance(10, forecast())));
        QTRY_COMPARE(meter->remaining(), 10);
        QTRY_VERIFY(iconPixmap() != before);
        const QImage after = iconPixmap();
        QVERIFY2(near(ringPixel(after, 10), kAmber), describe(ringPixel(after, 10)));
        QVERIFY2(ringPixel(after, 250).alpha() < 120, describe(ringPixel(after, 250)));
        QVERIFY2(toolTipTitle().startsWith(meter->summary()), qPrintable(toolTipTitle()));
        QVERIFY2(toolTipTitle().contains(QStringLiteral("10")), qPrintable(toolTipTitle()));

        // The menu: open, the workspace (a label, its "&" no mnemonic), sign out, quit.
        const QList<MenuItem> entries = menuEntries();
        QCOMPARE(labels(entries), (QStringList{QStringLiteral("Öppna Kliv Konto"), QStringLiteral("Berg & Dal AB"),
                                               QStringLiteral("Logga ut"), QStringLiteral("Avsluta")}));
        QCOMPARE(entries.at(1).properties.value(QStringLiteral("enabled"), true).toBool(), false);
        QCOMPARE(entries.at(0).properties.value(QStringLiteral("enabled"), true).toBool(), true);
    }

    // Keep in tray: closing hides the window and the app goes on; the menu's
    // Öppna brings it back, a click on the icon too.
    void closingKeepsTheAppInTheTray()
    {
        if (!withHost())
            QSKIP("needs KLIV_TRAY_HOST=1");
        TrayMeter *tray = TrayMeter::instance();
        QVERIFY(tray->enabled());
        QVERIFY(!tray->hidesOnClose());
        AppSettings::instance()->setKeepInTray(true);
        QVERIFY(tray->hidesOnClose());
        QVERIFY(!QGuiApplication::quitOnLastWindowClosed());

        loadWindow();
        QSignalSpy quitting(qApp, &QCoreApplication::aboutToQuit);
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());
        QTest::qWait(200);
        QCOMPARE(quitting.size(), 0);

        click(QStringLiteral("Öppna Kliv Konto"));
        QTRY_VERIFY(m_window->isVisible());

        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());
        const QDBusMessage activate = call(itemService(), kItemPath, kItemInterface, QStringLiteral("Activate"), {0, 0});
        QCOMPARE(activate.type(), QDBusMessage::ReplyMessage);
        QTRY_VERIFY(m_window->isVisible());

        // Inställningar offers the switch and says nothing about a missing tray.
        const std::unique_ptr<QQuickItem> page = settingsPage();
        QVERIFY(page);
        QVERIFY(visualChild(page.get(), QStringLiteral("keepInTraySwitch"))->isEnabled());
        QVERIFY(visualChild(page.get(), QStringLiteral("keepInTraySwitch"))->property("checked").toBool());
        QVERIFY(!visualChild(page.get(), QStringLiteral("trayUnavailable"))->isVisible());

        // Switched off again: closing is closing.
        AppSettings::instance()->setKeepInTray(false);
        QVERIFY(!tray->hidesOnClose());
        QVERIFY(QGuiApplication::quitOnLastWindowClosed());
        QVERIFY(!visualChild(page.get(), QStringLiteral("keepInTraySwitch"))->property("checked").toBool());
    }

    // The panel restarts: a window hidden in the tray comes back, while the panel
    // is gone closing the window closes it (and Inställningar says so); when it
    // is back the icon registers again.
    void aPanelRestartIsFollowed()
    {
        if (!withHost())
            QSKIP("needs KLIV_TRAY_HOST=1");
        TrayMeter *tray = TrayMeter::instance();
        AppSettings::instance()->setKeepInTray(true);
        QVERIFY(tray->hidesOnClose());
        const std::unique_ptr<QQuickItem> page = settingsPage();
        QVERIFY(page);
        QSignalSpy availability(tray, &TrayMeter::availableChanged);
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());

        // Hidden in the tray when the panel goes: the window comes back by itself.
        QVERIFY(setHostRunning(false));
        QTRY_VERIFY(!tray->available());
        QTRY_VERIFY(m_window->isVisible());
        QVERIFY(!tray->hidesOnClose());
        QVERIFY(QGuiApplication::quitOnLastWindowClosed());
        QTRY_VERIFY(visualChild(page.get(), QStringLiteral("trayUnavailable"))->isVisible());
        QVERIFY(!visualChild(page.get(), QStringLiteral("keepInTraySwitch"))->isEnabled());

        const qsizetype registrations = m_watcher->items().size();
        QVERIFY(setHostRunning(true));
        QTRY_VERIFY(tray->available());
        QCOMPARE(availability.size(), 2);
        QVERIFY(tray->hidesOnClose());
        QTRY_VERIFY_WITH_TIMEOUT(m_watcher->items().size() > registrations, 10000);
        QVERIFY(!visualChild(page.get(), QStringLiteral("trayUnavailable"))->isVisible());
        QTRY_VERIFY(toolTipTitle().startsWith(CreditMeter::instance()->summary()));
        AppSettings::instance()->setKeepInTray(false);
    }

    // Logga ut in the tray's menu signs out; the tooltip and the menu follow.
    void signOutFromTheTray()
    {
        if (!withHost())
            QSKIP("needs KLIV_TRAY_HOST=1");
        QCOMPARE(Session::instance()->state(), Session::SignedIn);
        click(QStringLiteral("Logga ut"));
        QTRY_COMPARE(Session::instance()->state(), Session::SignedOut);
        QTRY_COMPARE(toolTipTitle(), QStringLiteral("Kliv Konto · inte inloggad"));
        QCOMPARE(labels(menuEntries()), (QStringList{QStringLiteral("Öppna Kliv Konto"), QStringLiteral("Avsluta")}));
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"

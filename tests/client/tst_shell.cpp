// The window as a whole (qml/Main.qml against a scripted server): sign-in
// states, keyboard (Tab order, Ctrl+1…7, F5), pages built when first shown,
// the workspace switcher's texts, the default size, icons and languages.
#include "appsettings.h"
#include "desktopnotifier.h"
#include "format.h"
#include "iconprovider.h"
#include "scriptedserver.h"
#include "scriptedsession.h"
#include "session.h"
#include "workspacelistmodel.h"

#include <QApplication>
#include <QDesktopServices>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

Q_IMPORT_QML_PLUGIN(Kliv_KontoPlugin)

namespace {
const QChar nbsp(0x00A0);

// One answer that serves both GET /v1/plans and GET /v1/me, whichever comes first.
QByteArray plansAndMe()
{
    return ScriptedServer::response(200, R"({
        "plans": [{"id": "free", "kind": "free", "name": "Gratis", "rank": 0},
                  {"id": "pro-200", "kind": "pro", "name": "Pro 200", "rank": 200}],
        "user": {"id": "u1", "email": "anna@demo-ab.se", "name": "Anna"},
        "memberships": [
            {"workspace_id": "ws1", "workspace_name": "Demo AB", "member_id": "m1", "role": "owner",
             "permissions": ["view_billing", "manage_plan", "manage_members", "view_team_usage"], "plan_id": "pro-200"},
            {"workspace_id": "ws2", "workspace_name": "Kliv Studio", "member_id": "m2", "role": "member",
             "permissions": [], "plan_id": "free"}]})");
}

bool isInside(const QQuickItem *item, const QQuickItem *ancestor)
{
    for (; item; item = item->parentItem())
        if (item == ancestor)
            return true;
    return false;
}
}

class TestShell : public QObject
{
    Q_OBJECT
    ScriptedServer m_server;
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    QList<QUrl> m_opened;

    QQuickItem *child(const char *name) const { return m_window->findChild<QQuickItem *>(QString::fromLatin1(name)); }
    // By the item tree: a Repeater's delegates are not the window's QObject children.
    static QQuickItem *find(QQuickItem *in, const QString &name)
    {
        if (in->objectName() == name)
            return in;
        for (QQuickItem *c : in->childItems())
            if (QQuickItem *hit = find(c, name))
                return hit;
        return nullptr;
    }
    QQuickItem *item(const char *name) const { return find(m_window->contentItem(), QString::fromLatin1(name)); }

public Q_SLOTS:
    // QDesktopServices::setUrlHandler: openUrl "succeeds", yet no browser shows up.
    void openUrl(const QUrl &url) { m_opened << url; }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // The workspace used last time, before the session exists.
        QSettings().setValue(QStringLiteral("session/currentWorkspace"), QStringLiteral("ws2"));
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("sv"));
        AppSettings::instance()->overrideServerUrl(QUrl(m_server.url()));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");

        m_engine = new QQmlApplicationEngine(this);
        m_window = loadMainWindow(m_engine);   // as main.cpp
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    }

    void defaultWindowFitsTheScreen()
    {
        // A 1080p screen at 150 %: 1280x720 logical, minus a 32 px panel.
        const QSize s = AppSettings::defaultWindowSize(QSize(1280, 688));
        QVERIFY2(s.height() <= 688 - 40, qPrintable(QString::number(s.height())));
        QVERIFY(s.width() <= 1280);
        QCOMPARE(AppSettings::defaultWindowSize(QSize(2560, 1400)), QSize(1280, 800));
        // The window itself asks the screen.
        QCOMPARE(QSize(m_window->width(), m_window->height()), AppSettings::instance()->defaultWindowSize());
        QVERIFY(m_window->minimumHeight() <= m_window->height());
    }

    void signsInAndReopensTheLastWorkspace()
    {
        Session *s = Session::instance();
        // Signed out, the focus is on Logga in (the way a keyboard user signs in).
        QQuickItem *signInButton = child("signInButton");
        QVERIFY(signInButton);
        QTRY_VERIFY(signInButton->hasActiveFocus());
        m_server.script = {plansAndMe(), plansAndMe()};
        s->signInWithAccessToken(QStringLiteral("token-for-this-run"));
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), Session::SignedIn, 20000);
        QCOMPARE(s->currentWorkspaceId(), QStringLiteral("ws2"));
        QTRY_VERIFY(!s->plans().isEmpty());
    }

    void switcherShowsPlanAndRole()
    {
        WorkspaceListModel *ws = Session::instance()->workspaces();
        QCOMPARE(ws->rowCount(), 2);
        QCOMPARE(ws->index(0).data(WorkspaceListModel::DetailRole).toString(),
                 QStringLiteral("Pro") + nbsp + QStringLiteral("200 · Ägare"));
        QCOMPARE(ws->index(1).data(WorkspaceListModel::DetailRole).toString(), QStringLiteral("Gratis · Medlem"));
        QVERIFY(ws->roleNames().values().contains("detail"));

        AppSettings::instance()->applyLanguage(QStringLiteral("en"));
        QCOMPARE(ws->index(1).data(WorkspaceListModel::DetailRole).toString(), QStringLiteral("Free · Member"));
        QCOMPARE(Session::instance()->planName(QStringLiteral("free")), QStringLiteral("Free"));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
    }

    void pagesAreBuiltWhenFirstShown()
    {
        QQuickItem *stack = child("pageStack");
        QVERIFY(stack);
        auto built = [stack] {
            int n = 0;
            for (QQuickItem *page : stack->childItems())
                n += page->property("item").value<QObject *>() ? 1 : 0;
            return n;
        };
        QCOMPARE(stack->childItems().size(), 8);   // six in the navigation, Säkerhet and Händelselogg for staff
        QTRY_COMPARE(built(), 1);   // the signed-in view is incubated after the header
        QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, 3));
        QTRY_COMPARE(built(), 2);
        QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, 0));
        QCOMPARE(built(), 2); // kept once built
    }

    // Översikt's buttons reach the window: "Visa användning" opens the meter's
    // popup, "Jämför planer" shows Planer.
    void overviewButtonsReachTheWindow()
    {
        QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, 0));
        QTRY_VERIFY(item("overviewShowUsage") && item("overviewComparePlans"));
        QObject *popup = m_window->findChild<QObject *>(QStringLiteral("usagePopup"));
        QVERIFY(popup);
        QVERIFY(!popup->property("opened").toBool());
        QMetaObject::invokeMethod(item("overviewShowUsage"), "clicked");
        QTRY_VERIFY(popup->property("opened").toBool());
        QMetaObject::invokeMethod(m_window, "closePopups");
        QTRY_VERIFY(!popup->property("opened").toBool());
        QMetaObject::invokeMethod(item("overviewComparePlans"), "clicked");
        QTRY_COMPARE(m_window->property("currentPage").toInt(), 2);
        QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, 0));
    }

    // Inställningar → Aviseringar: a switch per threshold, on by default, saved; the
    // notifications' "Uppgradera" shows Planer.
    void alertSwitchesAndUpgradeFromANotification()
    {
        QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, 5));
        // The page may still be incubating (it is built asynchronously with the signed-in view).
        for (const char *name : {"alertSwitch75", "alertSwitch90", "alertSwitch100"})
            QTRY_VERIFY2(item(name) && item(name)->property("checked").toBool(), name);
        QQuickItem *s90 = item("alertSwitch90");
        s90->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(!s90->property("checked").toBool());
        QVERIFY(!AppSettings::instance()->alertEnabled(90));
        QCOMPARE(QSettings().value(QStringLiteral("alerts/enabled_90")).toBool(), false);
        QVERIFY(AppSettings::instance()->alertEnabled(75));
        AppSettings::instance()->setAlertEnabled(90, true);
        // No notification service on this test bus unless one is activatable: the page says so.
        QQuickItem *unavailable = item("notificationsUnavailable");
        QVERIFY(unavailable);
        QCOMPARE(unavailable->isVisible(), !DesktopNotifier::instance()->available());

        Q_EMIT DesktopNotifier::instance()->upgradeRequested();
        QTRY_COMPARE(m_window->property("currentPage").toInt(), 2);
        QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, 0));
    }

    void headerComesFirstInTabOrder()
    {
        QQuickItem *header = child("header");
        QVERIFY(header);
        // Right after signing in (the focus was on Logga in), Tab goes to the header first...
        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY2(isInside(m_window->activeFocusItem(), header),
                 m_window->activeFocusItem() ? m_window->activeFocusItem()->metaObject()->className() : "nothing");
        // ...and so it does from the top of the window.
        m_window->contentItem()->forceActiveFocus();
        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY2(isInside(m_window->activeFocusItem(), header),
                 m_window->activeFocusItem() ? m_window->activeFocusItem()->metaObject()->className() : "nothing");
        // Through the header, then on to the navigation (not back to the header).
        for (int i = 0; i < 4 && isInside(m_window->activeFocusItem(), header); ++i)
            QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY(!isInside(m_window->activeFocusItem(), header));
        QCOMPARE(QString::fromLatin1(m_window->activeFocusItem()->metaObject()->className()).left(9), QStringLiteral("NavButton"));
    }

    void ctrlDigitOpensPagesAndF5Refreshes()
    {
        // Ctrl+7 and Ctrl+8 (Säkerhet, Händelselogg) only for owners and admins: others stay put.
        const bool staff = m_window->property("staff").toBool();
        for (int i = 1; i <= 8; ++i) {
            const int before = m_window->property("currentPage").toInt();
            QTest::keyClick(m_window, Qt::Key(Qt::Key_0 + i), Qt::ControlModifier);
            QCOMPARE(m_window->property("currentPage").toInt(), i <= 6 || staff ? i - 1 : before);
        }
        QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
        QSignalSpy ready(Session::instance(), &Session::workspaceReady);
        QTest::keyClick(m_window, Qt::Key_F5);
        QCOMPARE(ready.size(), 1);
    }

    // Säkerhet is in the navigation (after Team) for owners and admins only; a
    // switch to a workspace where the user is a member leaves the page.
    void securityPageIsForOwnersAndAdmins()
    {
        Session *s = Session::instance();
        // A switch rebuilds the signed-in view: look the buttons up each time.
        auto nav = [this](const char *name) { return visualChild(m_window->contentItem(), QString::fromLatin1(name)); };
        QCOMPARE(s->currentWorkspaceId(), QStringLiteral("ws2"));   // a member there
        QVERIFY(nav("nav_security"));
        QVERIFY(!nav("nav_security")->isVisible());
        s->switchWorkspace(QStringLiteral("ws1"));
        QTRY_VERIFY(nav("nav_security") && nav("nav_security")->isVisible());
        QVERIFY(nav("nav_team") && nav("nav_settings"));
        const qreal y = nav("nav_security")->mapToScene({}).y();
        QVERIFY(y > nav("nav_team")->mapToScene({}).y());       // after Team
        QVERIFY(y < nav("nav_settings")->mapToScene({}).y());   // Inställningar stays at the bottom
        QMetaObject::invokeMethod(m_window, "showPage", Q_ARG(QVariant, 6));
        QCOMPARE(m_window->property("currentPage").toInt(), 6);
        s->switchWorkspace(QStringLiteral("ws2"));
        QCOMPARE(m_window->property("currentPage").toInt(), 0);
        QTRY_VERIFY(nav("nav_security") && !nav("nav_security")->isVisible());
    }

    void browserSignInAlwaysShowsTheLinkAndEscapeCancels()
    {
        Session *s = Session::instance();
        s->signOut();
        QCOMPARE(s->state(), Session::SignedOut);
        s->signIn();
        QCOMPARE(s->state(), Session::SigningIn);
        QVERIFY(!s->restoring());
        QCOMPARE(m_opened.size(), 1);           // the "browser" was asked and said yes
        QVERIFY(!s->browserOpenFailed());
        QCOMPARE(s->signInUrl(), m_opened.first());
        QQuickItem *link = child("signInLink");
        QVERIFY(link);
        QTRY_VERIFY(link->isVisible());         // shown although openUrl succeeded
        QCOMPARE(link->property("url").toString(), m_opened.first().toString());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QCOMPARE(s->state(), Session::SignedOut);
        QVERIFY(!link->isVisible());
    }

    void restoringIsNotTheBrowserSignIn()
    {
        Session *s = Session::instance();
        QSignalSpy state(s, &Session::stateChanged);
        s->restore();
        QCOMPARE(s->state(), Session::SigningIn);
        QVERIFY(s->restoring());
        QQuickItem *card = child("signInCard");
        QVERIFY(card);
        QCOMPARE(card->property("restoring").toBool(), true);
        QCOMPARE(card->property("signingIn").toBool(), false);
        QVERIFY(!child("browserRow")->isVisible());
        QVERIFY(child("restoringRow")->isVisible());
        // Pressing Logga in meanwhile is a browser sign-in, no longer a restore.
        s->signIn();
        QVERIFY(!s->restoring());
        QCOMPARE(card->property("signingIn").toBool(), true);
        s->cancelSignIn();
        QVERIFY(!s->restoring());
    }

    void formatsFollowTheUiLanguage()
    {
        const QDateTime t = QDateTime(QDate(2026, 12, 17), QTime(12, 0), Qt::UTC);
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
        QCOMPARE(Format::date(t), QStringLiteral("17") + nbsp + QStringLiteral("dec.") + nbsp + QStringLiteral("2026"));
        QCOMPARE(Format::money(100000, QStringLiteral("SEK")), QStringLiteral("1") + nbsp + QStringLiteral("000") + nbsp + QStringLiteral("kr"));
        QVERIFY(Format::relative(t.addSecs(86400), t).startsWith(QStringLiteral("i") + nbsp + QStringLiteral("morgon ")));
        QVERIFY(Format::relative(t, t).startsWith(QStringLiteral("i") + nbsp + QStringLiteral("dag ")));
        QCOMPARE(Format::planName(QStringLiteral("pro-200"), QStringLiteral("Pro 200")), QStringLiteral("Pro") + nbsp + QStringLiteral("200"));
        AppSettings::instance()->applyLanguage(QStringLiteral("en"));
        QCOMPARE(Format::money(100000, QStringLiteral("SEK")), QStringLiteral("1,000") + nbsp + QStringLiteral("kr"));
        QCOMPARE(Format::date(t), QStringLiteral("17") + nbsp + QStringLiteral("Dec") + nbsp + QStringLiteral("2026"));
        QCOMPARE(Format::planName(QStringLiteral("free"), QStringLiteral("Gratis")), QStringLiteral("Free"));
        QVERIFY(Format::relative(t.addSecs(86400), t).startsWith(QStringLiteral("tomorrow")));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
    }

    void qtsOwnStringsAreSwedish()
    {
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
        QCOMPARE(QCoreApplication::translate("QFileDialog", "Back"), QStringLiteral("Tillbaka"));
        AppSettings::instance()->applyLanguage(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("QFileDialog", "Back"), QStringLiteral("Back"));
        AppSettings::instance()->applyLanguage(QStringLiteral("sv"));
    }

    void navigationIconsAreTintedSvg()
    {
        IconProvider icons;
        for (const char *name : {"overview", "usage", "plans", "billing", "team", "settings"}) {
            QSize size;
            const QImage img = icons.requestImage(QString::fromLatin1(name) + QStringLiteral("/1f9d6b"), &size, QSize(40, 40));
            QVERIFY2(!img.isNull(), name);
            QCOMPARE(size, QSize(40, 40));
            int tinted = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    const QColor c = img.pixelColor(x, y);
                    if (c.alpha() == 255) {
                        QCOMPARE(c.name(), QStringLiteral("#1f9d6b"));
                        ++tinted;
                    }
                }
            QVERIFY2(tinted > 40, name);
        }
        QVERIFY(icons.requestImage(QStringLiteral("nosuchicon/000000"), nullptr, {}).isNull());
    }
};

int main(int argc, char **argv)
{
    // Qt Charts' QML types need a QApplication.
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KlivTest"));
    QApplication::setApplicationName(QStringLiteral("tst_shell"));
    TestShell t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_shell.moc"

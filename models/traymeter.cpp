#include "traymeter.h"

#include "appsettings.h"
#include "creditmeter.h"
#include "logging.h"
#include "session.h"
#include "trayiconpainter.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QElapsedTimer>
#include <QMenu>

namespace {
const auto kWatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
}

TrayMeter::TrayMeter(QObject *parent)
    : QObject(parent)
{
    // Nothing is asked of D-Bus here: QML creates this while the window loads,
    // and the tray host is looked for when main.cpp switches the icon on.
    auto *meter = CreditMeter::instance();
    auto *session = Session::instance();
    auto *settings = AppSettings::instance();
    connect(meter, &CreditMeter::changed, this, &TrayMeter::update);
    connect(session, &Session::stateChanged, this, &TrayMeter::update);
    connect(session, &Session::currentWorkspaceIdChanged, this, &TrayMeter::update);
    connect(session->workspaces(), &QAbstractItemModel::modelReset, this, &TrayMeter::update);
    connect(settings, &AppSettings::languageChanged, this, &TrayMeter::retranslate);
    connect(settings, &AppSettings::keepInTrayChanged, this, &TrayMeter::updateHidesOnClose);
    // The menu is a widget: it must go while the QApplication still exists.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] { setEnabled(false); });
}

TrayMeter::~TrayMeter() = default;

TrayMeter *TrayMeter::instance()
{
    static TrayMeter *self = new TrayMeter(QCoreApplication::instance());
    return self;
}

TrayMeter *TrayMeter::create(QQmlEngine *, QJSEngine *)
{
    auto *self = instance();
    QQmlEngine::setObjectOwnership(self, QQmlEngine::CppOwnership);
    return self;
}

void TrayMeter::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (enabled) {
        if (!m_watcher) {
            // A panel that quits, restarts or starts after the app. Qt's D-Bus
            // tray decides once per process whether a watcher exists, so one
            // that only comes later is used from the next start; one that goes
            // away (and comes back) is followed at once.
            m_watcher = new QDBusServiceWatcher(kWatcherService, QDBusConnection::sessionBus(),
                                                QDBusServiceWatcher::WatchForOwnerChange, this);
            connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &TrayMeter::recheck);
        }
        QElapsedTimer took;
        took.start();
        ensureIcon();
        recheck();
        m_icon->setVisible(m_available);
        qCDebug(lcTray) << "tray icon switched on in" << took.elapsed() << "ms";
    } else {
        delete m_icon;
        m_menu.reset();
    }
    Q_EMIT enabledChanged();
    updateHidesOnClose();
}

void TrayMeter::recheck()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    const bool first = !m_checked;
    m_checked = true;
    if (first || available != m_available)
        qCInfo(lcTray) << "system tray available:" << available;
    if (available == m_available)
        return;
    m_available = available;
    if (m_icon)
        m_icon->setVisible(m_enabled && m_available);
    Q_EMIT availableChanged();
    updateHidesOnClose();
}

void TrayMeter::ensureIcon()
{
    if (m_icon)
        return;
    m_menu = std::make_unique<QMenu>();
    m_open = m_menu->addAction(QString(), this, &TrayMeter::openRequested);
    m_menu->addSeparator();
    // The current workspace, as a label: switching happens in the window.
    m_workspace = m_menu->addAction(QString());
    m_workspace->setEnabled(false);
    m_menu->addSeparator();
    m_signOut = m_menu->addAction(QString(), Session::instance(), &Session::signOut);
    m_quit = m_menu->addAction(QString(), qApp, &QCoreApplication::quit, Qt::QueuedConnection);

    m_icon = new QSystemTrayIcon(this);
    m_icon->setContextMenu(m_menu.get());
    connect(m_icon, &QSystemTrayIcon::activated, this, &TrayMeter::onActivated);
    retranslate();
}

void TrayMeter::retranslate()
{
    if (!m_icon)
        return;
    m_open->setText(tr("Öppna Kliv Konto"));
    m_signOut->setText(tr("Logga ut"));
    m_quit->setText(tr("Avsluta"));
    update();
}

QString TrayMeter::toolTip() const
{
    if (Session::instance()->state() != Session::SignedIn)
        return tr("Kliv Konto · inte inloggad");
    const CreditMeter *meter = CreditMeter::instance();
    if (!meter->hasData())
        return tr("Kliv Konto · hämtar saldot…");
    const QString forecast = meter->forecastText();
    return forecast.isEmpty() ? meter->summary() : meter->summary() + QLatin1Char('\n') + forecast;
}

void TrayMeter::update()
{
    if (!m_icon)
        return;
    const CreditMeter *meter = CreditMeter::instance();
    const Session *session = Session::instance();
    const bool signedIn = session->state() == Session::SignedIn;
    // Nothing known (signed out, not fetched yet) draws as stale: a grey ring, no level colour.
    const bool known = signedIn && meter->hasData();
    m_icon->setIcon(TrayIconPainter::icon(known ? meter->fraction() : 0, meter->level(), !known || meter->stale()));
    m_icon->setToolTip(toolTip());
    // A workspace's name is the user's text: "A&B" is not a mnemonic.
    m_workspace->setText(QString(session->currentWorkspaceName()).replace(QLatin1Char('&'), QStringLiteral("&&")));
    m_workspace->setVisible(signedIn && !session->currentWorkspaceName().isEmpty());
    m_signOut->setVisible(signedIn);
}

void TrayMeter::updateHidesOnClose()
{
    const bool hides = m_enabled && m_available && AppSettings::instance()->keepInTray();
    if (m_enabled) {
        // Hidden in the tray the app has no visible window; it ends through Avsluta.
        QGuiApplication::setQuitOnLastWindowClosed(!hides);
    }
    if (hides == m_hidesOnClose)
        return;
    m_hidesOnClose = hides;
    Q_EMIT hidesOnCloseChanged();
}

void TrayMeter::onActivated(QSystemTrayIcon::ActivationReason reason)
{
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
        Q_EMIT openRequested();
}

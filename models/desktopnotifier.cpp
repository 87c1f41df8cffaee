#include "desktopnotifier.h"

#include "appsettings.h"
#include "format.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

namespace {
const auto kService = QStringLiteral("org.freedesktop.Notifications");
const auto kPath = QStringLiteral("/org/freedesktop/Notifications");
const auto kInterface = QStringLiteral("org.freedesktop.Notifications");
// The installed .desktop file and icon are named by the AppStream id (resources/).
const auto kDesktopId = QStringLiteral("se.kliv.konto");
const auto kUpgradeAction = QStringLiteral("upgrade");

QString text(const QJsonObject &alert, const char *key) { return alert.value(QLatin1String(key)).toString(); }
int number(const QJsonObject &alert, const char *key) { return alert.value(QLatin1String(key)).toInt(); }
}

DesktopNotifier *DesktopNotifier::instance()
{
    static DesktopNotifier *self = new DesktopNotifier(QDBusConnection::sessionBus(), QCoreApplication::instance());
    return self;
}

DesktopNotifier *DesktopNotifier::create(QQmlEngine *, QJSEngine *)
{
    auto *self = instance();
    QQmlEngine::setObjectOwnership(self, QQmlEngine::CppOwnership);
    return self;
}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected()) {
        setAvailable(false);
        return;
    }
    // A daemon may start (or go) after the app: follow it rather than decide once.
    auto *watcher = new QDBusServiceWatcher(kService, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) { setAvailable(!newOwner.isEmpty()); });
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint,QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint,uint)));
    QDBusConnectionInterface *bi = m_bus.interface();
    // Most daemons are D-Bus activated: not running until the first notification.
    setAvailable(bi && (bi->isServiceRegistered(kService).value() || bi->activatableServiceNames().value().contains(kService)));
}

void DesktopNotifier::setAvailable(bool a)
{
    if (!a && !m_loggedUnavailable) {
        m_loggedUnavailable = true;
        qCWarning(lcNotify) << "no desktop notification service (org.freedesktop.Notifications) on the session bus:"
                            << "credit alerts are not shown";
    }
    if (a == m_available)
        return;
    m_available = a;
    Q_EMIT availableChanged();
}

QString DesktopNotifier::summaryFor(const QJsonObject &alert)
{
    const QString scope = text(alert, "scope");
    const int threshold = number(alert, "threshold");
    if (scope == QLatin1String("day")) {
        return threshold >= 100 ? tr("Dagens krediter är slut")
             : threshold >= 90  ? tr("90 % av dagens krediter är använda")
                                : tr("75 % av dagens krediter är använda");
    }
    if (scope == QLatin1String("month")) {
        return threshold >= 100 ? tr("Månadens krediter är slut")
             : threshold >= 90  ? tr("90 % av månadens krediter är använda")
                                : tr("75 % av månadens krediter är använda");
    }
    return threshold >= 100 ? tr("Krediterna är slut")
         : threshold >= 90  ? tr("90 % av krediterna är använda")
                            : tr("75 % av krediterna är använda");
}

QString DesktopNotifier::bodyFor(const QJsonObject &alert)
{
    const QLocale l = Format::locale();
    const QString remaining = l.toString(number(alert, "remaining"));
    const QString allowance = l.toString(number(alert, "allowance"));
    const QDateTime resets = Format::parseInstant(text(alert, "resets_at"));
    const QString scope = text(alert, "scope");
    // The meter's words: the day's credits are refilled, the month's and a cycle's reset.
    if (scope == QLatin1String("day"))
        return tr("%1 av %2 krediter kvar i dag · fylls på %3")
            .arg(remaining, allowance, Format::relative(resets, QDateTime::currentDateTimeUtc()));
    if (scope == QLatin1String("month"))
        return tr("%1 av månadens %2 krediter kvar · nya %3").arg(remaining, allowance, Format::shortDate(resets));
    return tr("%1 av %2 krediter kvar · återställs %3").arg(remaining, allowance, Format::shortDate(resets));
}

bool DesktopNotifier::notify(const QString &workspaceId, const QJsonObject &alert, bool canUpgrade)
{
    const int threshold = number(alert, "threshold");
    if (!AppSettings::instance()->alertEnabled(threshold)) {
        qCDebug(lcNotify) << "threshold" << threshold << "is switched off";
        return false;
    }
    if (!m_available) {
        setAvailable(false);   // logs once
        return false;
    }
    const QString key = QStringList{workspaceId, text(alert, "scope"), text(alert, "period_start"),
                                    QString::number(threshold)}.join(QLatin1Char('|'));
    if (!AppSettings::instance()->markAlertShown(key)) {
        qCDebug(lcNotify) << "already shown" << key;
        return false;
    }
    QStringList actions;
    if (canUpgrade)
        actions << kUpgradeAction << tr("Uppgradera");
    const QVariantMap hints{{QStringLiteral("desktop-entry"), kDesktopId},
                            {QStringLiteral("urgency"), QVariant::fromValue<uchar>(threshold >= 100 ? 2 : 1)}};
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QStringLiteral("Kliv Konto") << uint(0) << kDesktopId << summaryFor(alert) << bodyFor(alert)
         << actions << hints << int(-1);
    auto *watch = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watch, &QDBusPendingCallWatcher::finished, this, [this, canUpgrade](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCWarning(lcNotify) << "Notify failed:" << reply.error().name() << reply.error().message();
            if (reply.error().type() == QDBusError::ServiceUnknown)
                setAvailable(false);
            return;
        }
        if (canUpgrade)
            m_withUpgrade.insert(reply.value());
    });
    return true;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    // The signal is broadcast: other apps' notifications share the ids' space.
    if (action == kUpgradeAction && m_withUpgrade.contains(id))
        Q_EMIT upgradeRequested();
}

void DesktopNotifier::onClosed(uint id, uint)
{
    m_withUpgrade.remove(id);
}

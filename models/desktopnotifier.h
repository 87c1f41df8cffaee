#pragma once
#include <QDBusConnection>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QSet>

// The server's credit alerts (LiveChannel::alertReceived) as desktop notifications:
// org.freedesktop.Notifications on the session bus. Each (workspace, scope,
// period_start, threshold) is shown once, also across restarts (AppSettings), and
// only when its threshold is switched on in Inställningar.
class DesktopNotifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // False when no notification service is on the session bus (Inställningar says so).
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)

public:
    // The app's one, on the session bus; tests make their own (a restart is a new one).
    static DesktopNotifier *instance();
    static DesktopNotifier *create(QQmlEngine *, QJSEngine *);
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    bool available() const { return m_available; }

    // Shows the alert unless its threshold is off or it was shown before; true if sent.
    // canUpgrade: the workspace's permissions allow changing the plan ("Uppgradera").
    bool notify(const QString &workspaceId, const QJsonObject &alert, bool canUpgrade);

    // The texts a notification for the alert has (UI language).
    static QString summaryFor(const QJsonObject &alert);
    static QString bodyFor(const QJsonObject &alert);

Q_SIGNALS:
    void availableChanged();
    // The user chose "Uppgradera" in a notification: show Planer.
    void upgradeRequested();

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void setAvailable(bool a);

    QDBusConnection m_bus;
    QSet<uint> m_withUpgrade;   // our notifications that carry "Uppgradera"
    bool m_available = false;
    bool m_loggedUnavailable = false;
};

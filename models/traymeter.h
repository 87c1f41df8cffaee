#pragma once
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSystemTrayIcon>
#include <memory>

class QAction;
class QDBusServiceWatcher;
class QMenu;

// The credit meter in the system tray: the balance drawn as a ring
// (TrayIconPainter), the meter's sentence and forecast as the tooltip, and a
// menu (open, the workspace, sign out, quit). Through QSystemTrayIcon: the
// StatusNotifierItem D-Bus protocol where a host (org.kde.StatusNotifierWatcher)
// runs, else the XEmbed tray of an X11 panel. Where there is neither it stays
// hidden and the window behaves as a normal one (Inställningar says so).
class TrayMeter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // A tray host is there: asked when the icon is switched on, again when a
    // StatusNotifierWatcher comes or goes; false before.
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // Whether this run shows a tray icon at all: main.cpp switches it on, a
    // screenshot run and the QML tests leave it off.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
    // Closing the window hides it to the tray: the user chose so and the icon is there.
    Q_PROPERTY(bool hidesOnClose READ hidesOnClose NOTIFY hidesOnCloseChanged)

public:
    static TrayMeter *instance();
    static TrayMeter *create(QQmlEngine *, QJSEngine *);
    ~TrayMeter() override;

    bool available() const { return m_available; }
    bool enabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    bool hidesOnClose() const { return m_hidesOnClose; }

    // The icon's tooltip: the meter's sentence, then the forecast (UI language).
    QString toolTip() const;

    // Asks the platform again whether a tray host exists (also done on D-Bus changes).
    Q_INVOKABLE void recheck();

Q_SIGNALS:
    void availableChanged();
    void enabledChanged();
    void hidesOnCloseChanged();
    // "Öppna Kliv Konto" or a click on the icon: the window shows and raises itself.
    void openRequested();

private:
    explicit TrayMeter(QObject *parent = nullptr);
    void ensureIcon();
    void update();
    void retranslate();
    void updateHidesOnClose();
    void onActivated(QSystemTrayIcon::ActivationReason reason);

    std::unique_ptr<QMenu> m_menu;   // QMenu has no parent QObject of ours: a widget
    QPointer<QSystemTrayIcon> m_icon;
    QAction *m_open = nullptr;
    QAction *m_workspace = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_quit = nullptr;
    QDBusServiceWatcher *m_watcher = nullptr;
    bool m_available = false;
    bool m_checked = false;     // the platform was asked once (when switched on)
    bool m_enabled = false;
    bool m_hidesOnClose = false;
};

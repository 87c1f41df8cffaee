#pragma once
#include <QObject>
#include <QQmlEngine>
#include <QSize>

#include <QQuickWindow>

// For `kliv-konto --screenshots DIR`: the QML walks its pages and calls grab()
// for each, then finish(). Inactive in normal runs.
class ScreenshotDriver : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool active READ active CONSTANT)
    Q_PROPERTY(bool enabled READ active CONSTANT)
    Q_PROPERTY(QString directory READ directory CONSTANT)
    Q_PROPERTY(QSize size READ size CONSTANT)
    // Which pictures: "owner" (every page, two sizes), "member" (a member's view),
    // "offline" (the server stopped under a running app; see tools/demo.sh),
    // "desktop" (the tray icon on, for a picture of the whole screen).
    Q_PROPERTY(QString set READ set CONSTANT)
public:
    static ScreenshotDriver *instance();
    static ScreenshotDriver *create(QQmlEngine *, QJSEngine *);

    void configure(const QString &directory, const QSize &size, const QString &set = QStringLiteral("owner"));
    QString set() const { return m_set; }
    // Tells the script driving the run that a step is reached: writes DIR/.<name>.
    Q_INVOKABLE void signal(const QString &name);
    bool active() const { return !m_directory.isEmpty(); }
    QString directory() const { return m_directory; }
    QSize size() const { return m_size; }

    // Saves the window as DIR/<name>.png; returns the path, or "" on failure.
    Q_INVOKABLE QString grab(QQuickWindow *window, const QString &name);
    // The same with a file name ("01-oversikt.png").
    Q_INVOKABLE QString capture(QQuickWindow *window, const QString &fileName);
    // Ends the run: exit code 0 if every grab worked.
    Q_INVOKABLE void finish();

private:
    explicit ScreenshotDriver(QObject *parent = nullptr);
    QString m_directory;
    QSize m_size {1280, 800};
    QString m_set = QStringLiteral("owner");
    int m_failures = 0;
};

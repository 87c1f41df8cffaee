#pragma once
#include <QLocale>
#include <QObject>
#include <QSize>
#include <QPointer>
#include <QQmlEngine>
#include <QTranslator>
#include <QUrl>
#include <memory>
#include <vector>

// Non-secret preferences (QSettings) and the UI language. Tokens never come here.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
    // Systemfältet: closing the window hides it to the tray (TrayMeter honours it
    // only where a tray host exists), and an XDG autostart entry.
    Q_PROPERTY(bool keepInTray READ keepInTray WRITE setKeepInTray NOTIFY keepInTrayChanged)
    Q_PROPERTY(bool startAtLogin READ startAtLogin WRITE setStartAtLogin NOTIFY startAtLoginChanged)
    Q_PROPERTY(QString startAtLoginError READ startAtLoginError NOTIFY startAtLoginChanged)

public:
    static AppSettings *instance();
    static AppSettings *create(QQmlEngine *engine, QJSEngine *);

    QString language() const { return m_language; }
    // Persists the choice and retranslates a running engine at once.
    void setLanguage(const QString &language);
    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl &url); // persisted
    // --server: used for this run only, not persisted.
    void overrideServerUrl(const QUrl &url);
    QStringList languages() const { return {QStringLiteral("sv"), QStringLiteral("en")}; }

    // Language for this run: explicit (--lang), else the saved one, else the
    // system locale, Swedish by default. Installs the embedded translator.
    void applyLanguage(const QString &explicitLanguage = {});
    QLocale locale() const;
    // The window's first size: 1280x800 when the screen has room, else what fits
    // its available geometry (a 1080p screen at 150 % has about 1280x690).
    Q_INVOKABLE QSize defaultWindowSize() const;
    static QSize defaultWindowSize(const QSize &available);
    // The engine to retranslate; it also gets the navigation icons' provider.
    void setEngine(QQmlEngine *engine);

    // Aviseringar: one switch per threshold (75, 90, 100 %), on by default.
    // Read from QSettings each time, so a second process or a restart sees the same.
    Q_INVOKABLE bool alertEnabled(int threshold) const;
    Q_INVOKABLE void setAlertEnabled(int threshold, bool enabled);
    // The alerts already shown (workspace, scope, period_start, threshold), the
    // newest kMaxShownAlerts kept: records key and answers true unless it was there.
    bool markAlertShown(const QString &key);
    static constexpr int kMaxShownAlerts = 200;

    bool keepInTray() const;
    void setKeepInTray(bool keep);   // persisted
    // Read back from the autostart file each time: it is the setting.
    bool startAtLogin() const;
    // Writes the entry for this binary (QCoreApplication::applicationFilePath) or removes it.
    void setStartAtLogin(bool on);
    QString startAtLoginError() const { return m_startAtLoginError; }

Q_SIGNALS:
    void languageChanged();
    void serverUrlChanged();
    void alertsChanged();
    void keepInTrayChanged();
    void startAtLoginChanged();

private:
    explicit AppSettings(QObject *parent = nullptr);
    void installTranslator();
    void installQtTranslators();

    QString m_language = QStringLiteral("sv");
    QUrl m_serverUrl;
    std::unique_ptr<QTranslator> m_translator;
    std::vector<std::unique_ptr<QTranslator>> m_qtTranslators; // Qt's own (dialogs, standard buttons)
    QPointer<QQmlEngine> m_engine;
    QString m_startAtLoginError;
};

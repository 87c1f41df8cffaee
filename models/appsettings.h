#pragma once
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTranslator>
#include <QUrl>
#include <memory>

// Non-secret preferences (QSettings) and the UI language. Tokens never come here.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)

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
    void setEngine(QQmlEngine *engine) { m_engine = engine; }

Q_SIGNALS:
    void languageChanged();
    void serverUrlChanged();

private:
    explicit AppSettings(QObject *parent = nullptr);
    void installTranslator();

    QString m_language = QStringLiteral("sv");
    QUrl m_serverUrl;
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
};

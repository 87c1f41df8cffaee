#include "appsettings.h"

#include "autostart.h"
#include "iconprovider.h"
#include "logging.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QLibraryInfo>
#include <QSettings>

namespace {
const auto kLanguageKey = QStringLiteral("ui/language");
const auto kServerKey = QStringLiteral("server/url");
const auto kShownAlertsKey = QStringLiteral("alerts/shown");
const auto kKeepInTrayKey = QStringLiteral("tray/keepInTray");
const auto kDefaultServer = QStringLiteral("http://127.0.0.1:8080");

QString normalized(const QString &lang)
{
    const QString l = lang.left(2).toLower();
    return l == QLatin1String("en") ? QStringLiteral("en") : l == QLatin1String("sv") ? QStringLiteral("sv") : QString();
}
}

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{
    QSettings s;
    m_serverUrl = QUrl(s.value(kServerKey, kDefaultServer).toString());
    const QString saved = normalized(s.value(kLanguageKey).toString());
    if (!saved.isEmpty())
        m_language = saved;
}

AppSettings *AppSettings::instance()
{
    static AppSettings *self = new AppSettings(QCoreApplication::instance());
    return self;
}

AppSettings *AppSettings::create(QQmlEngine *engine, QJSEngine *)
{
    auto *self = instance();
    QQmlEngine::setObjectOwnership(self, QQmlEngine::CppOwnership);
    if (!self->m_engine)
        self->setEngine(engine);
    return self;
}

void AppSettings::setEngine(QQmlEngine *engine)
{
    m_engine = engine;
    if (engine && !engine->imageProvider(IconProvider::providerId()))
        engine->addImageProvider(IconProvider::providerId(), new IconProvider);
}

void AppSettings::setLanguage(const QString &language)
{
    const QString lang = normalized(language);
    if (lang.isEmpty())
        return;
    QSettings().setValue(kLanguageKey, lang);
    if (lang == m_language)
        return;
    m_language = lang;
    installTranslator();
    Q_EMIT languageChanged();
}

void AppSettings::setServerUrl(const QUrl &url)
{
    QSettings().setValue(kServerKey, url.toString());
    overrideServerUrl(url);
}

void AppSettings::overrideServerUrl(const QUrl &url)
{
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    Q_EMIT serverUrlChanged();
}

void AppSettings::applyLanguage(const QString &explicitLanguage)
{
    QString lang = normalized(explicitLanguage);
    if (lang.isEmpty())
        lang = normalized(QSettings().value(kLanguageKey).toString());
    if (lang.isEmpty())
        lang = QLocale::system().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("sv");
    const bool changed = lang != m_language;
    m_language = lang;
    installTranslator();
    if (changed)
        Q_EMIT languageChanged();
}

QLocale AppSettings::locale() const
{
    return m_language == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                             : QLocale(QLocale::Swedish, QLocale::Sweden);
}

void AppSettings::installTranslator()
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    auto t = std::make_unique<QTranslator>();
    // The source strings are Swedish; the embedded .qm files (built from
    // translations/*.ts) carry the translations.
    if (t->load(QStringLiteral(":/i18n/kliv-konto_%1.qm").arg(m_language))) {
        QCoreApplication::installTranslator(t.get());
        m_translator = std::move(t);
    }
    installQtTranslators();
    QLocale::setDefault(locale());
    if (m_engine)
        m_engine->retranslate();
}

void AppSettings::installQtTranslators()
{
    for (auto &t : m_qtTranslators)
        QCoreApplication::removeTranslator(t.get());
    m_qtTranslators.clear();
    // Qt's source strings are English: only Swedish needs a catalogue, so the
    // file dialogs and standard buttons speak the app's language. Qt 6.4 on
    // Debian ships Swedish as the legacy qt_sv.qm (no qtbase_sv.qm): take
    // qtbase_ when it exists, else qt_.
    if (m_language != QLatin1String("sv"))
        return;
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const QLocale sv(QLocale::Swedish, QLocale::Sweden);
    for (const auto &names : {QStringList{QStringLiteral("qtbase"), QStringLiteral("qt")},
                              QStringList{QStringLiteral("qtdeclarative")}}) {
        for (const QString &name : names) {
            auto t = std::make_unique<QTranslator>();
            if (t->load(sv, name, QStringLiteral("_"), dir)) {
                QCoreApplication::installTranslator(t.get());
                m_qtTranslators.push_back(std::move(t));
                break;
            }
        }
    }
    if (m_qtTranslators.empty())
        qCInfo(lcModels) << "no Swedish Qt translations in" << dir;
}

QSize AppSettings::defaultWindowSize(const QSize &available)
{
    const QSize preferred(1280, 800);
    if (!available.isValid() || available.isEmpty())
        return preferred;
    // Leave room for the title bar and the frame, which the available
    // geometry does not include.
    return QSize(qMin(preferred.width(), available.width() * 92 / 100),
                 qMin(preferred.height(), available.height() * 92 / 100));
}

QSize AppSettings::defaultWindowSize() const
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    return defaultWindowSize(screen ? screen->availableGeometry().size() : QSize());
}

bool AppSettings::alertEnabled(int threshold) const
{
    return QSettings().value(QStringLiteral("alerts/enabled_%1").arg(threshold), true).toBool();
}

void AppSettings::setAlertEnabled(int threshold, bool enabled)
{
    if (alertEnabled(threshold) == enabled)
        return;
    QSettings().setValue(QStringLiteral("alerts/enabled_%1").arg(threshold), enabled);
    Q_EMIT alertsChanged();
}

bool AppSettings::markAlertShown(const QString &key)
{
    QSettings s;
    QStringList shown = s.value(kShownAlertsKey).toStringList();
    if (shown.contains(key))
        return false;
    shown.append(key);
    // Bounded: the server sends each key once, so only recent ones can come again.
    if (shown.size() > kMaxShownAlerts)
        shown.erase(shown.begin(), shown.end() - kMaxShownAlerts);
    s.setValue(kShownAlertsKey, shown);
    s.sync();   // a crash right after the notification must not show it again
    return true;
}

bool AppSettings::keepInTray() const
{
    return QSettings().value(kKeepInTrayKey, false).toBool();
}

void AppSettings::setKeepInTray(bool keep)
{
    if (keepInTray() == keep)
        return;
    QSettings().setValue(kKeepInTrayKey, keep);
    Q_EMIT keepInTrayChanged();
}

bool AppSettings::startAtLogin() const
{
    return Autostart::isEnabled();
}

void AppSettings::setStartAtLogin(bool on)
{
    QString error;
    if (on ? !Autostart::enable(QCoreApplication::applicationFilePath(), &error) : !Autostart::disable(&error))
        m_startAtLoginError = error;
    else
        m_startAtLoginError.clear();
    // Always: a failed write leaves the switch where the file says it is.
    Q_EMIT startAtLoginChanged();
}

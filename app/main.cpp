// Kliv Konto: command line, language, QML engine. Everything else lives in the
// Kliv.Konto module (models/).
#include "appsettings.h"
#include "screenshotdriver.h"
#include "session.h"
#include "startuptrace.h"
#include "traymeter.h"
#include "windowloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTimer>
#include <atomic>

Q_IMPORT_QML_PLUGIN(Kliv_KontoPlugin)

static int usageError(const QString &message)
{
    fprintf(stderr, "kliv-konto: %s\n", qPrintable(message));
    return 2;
}

int main(int argc, char *argv[])
{
    StartupTrace::begin();
    // Qt Charts' QML types need a QApplication.
    QApplication app(argc, argv);
    StartupTrace::mark(QStringLiteral("app.constructed"));
    app.setOrganizationName(QStringLiteral("Kliv"));
    app.setOrganizationDomain(QStringLiteral("kliv.se"));
    app.setApplicationName(QStringLiteral("kliv-konto"));
    app.setApplicationDisplayName(QStringLiteral("Kliv Konto"));
    app.setApplicationVersion(QStringLiteral(KLIV_VERSION));
    app.setDesktopFileName(QStringLiteral("se.kliv.konto"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kliv Konto"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Billing server URL for this run."), QStringLiteral("URL"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language: sv or en."), QStringLiteral("LANG"));
    const QCommandLineOption shots(QStringLiteral("screenshots"), QStringLiteral("Save a screenshot of each page to DIR and quit."), QStringLiteral("DIR"));
    const QCommandLineOption shotSize(QStringLiteral("screenshot-size"), QStringLiteral("Window size for screenshots, WxH."), QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption shotSet(QStringLiteral("screenshot-set"), QStringLiteral("Which screenshots: owner, member, offline or desktop."),
                                     QStringLiteral("SET"), QStringLiteral("owner"));
    parser.addOptions({server, lang, shots, shotSize, shotSet});
    parser.process(app);

    AppSettings *settings = AppSettings::instance();
    if (parser.isSet(server)) {
        const QUrl url = QUrl::fromUserInput(parser.value(server));
        if (!url.isValid() || !url.scheme().startsWith(QLatin1String("http")))
            return usageError(QStringLiteral("--server: not an http(s) URL"));
        settings->overrideServerUrl(url);
    }
    if (parser.isSet(lang) && parser.value(lang) != QLatin1String("sv") && parser.value(lang) != QLatin1String("en"))
        return usageError(QStringLiteral("--lang: sv or en"));
    settings->applyLanguage(parser.value(lang));

    if (parser.isSet(shots)) {
        const QStringList wh = parser.value(shotSize).split(QLatin1Char('x'));
        const QSize size(wh.value(0).toInt(), wh.value(1).toInt());
        if (!size.isValid() || size.isEmpty())
            return usageError(QStringLiteral("--screenshot-size: WxH"));
        const QString set = parser.value(shotSet);
        if (set != QLatin1String("owner") && set != QLatin1String("member") && set != QLatin1String("offline")
            && set != QLatin1String("desktop"))
            return usageError(QStringLiteral("--screenshot-set: owner, member, offline or desktop"));
        ScreenshotDriver::instance()->configure(parser.value(shots), size, set);
    }

    WindowLoader::prepare();   // the meter and the notifier work while the QML compiles
    // A screenshot run (./dev run --screenshots) may be handed an operator-issued
    // access token; it is used for this run only and never stored. Either way the
    // session starts before the window, so its first frame already says
    // "Återställer inloggningen…" rather than offering Logga in for a moment.
    const QString shotToken = qEnvironmentVariable("KLIV_SCREENSHOT_TOKEN");
    // The workspace the pictures show (the demo's "Demo AB"), whatever the last run used.
    if (ScreenshotDriver::instance()->active() && !qEnvironmentVariableIsEmpty("KLIV_SCREENSHOT_WORKSPACE"))
        Session::instance()->switchWorkspace(qEnvironmentVariable("KLIV_SCREENSHOT_WORKSPACE"));
    if (ScreenshotDriver::instance()->active() && !shotToken.isEmpty())
        Session::instance()->signInWithAccessToken(shotToken);
    else
        Session::instance()->restore();

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
                     Qt::QueuedConnection);
    const bool shooting = ScreenshotDriver::instance()->active();
    if (shooting) {
        // A screenshot run that the QML never finishes must not hang a CI job.
        QTimer::singleShot(120000, &app, [] { QCoreApplication::exit(3); });
    }
    WindowLoader::load(&engine, [shooting](QQuickWindow *window) {
        if (!window)   // the QML's errors are printed; exit once the loop runs
            return QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(1); });
        if (lcStartup().isInfoEnabled())
            QObject::connect(window, &QQuickWindow::frameSwapped, window, [] {
                static std::atomic_bool once{false};
                if (!once.exchange(true))
                    StartupTrace::mark(QStringLiteral("frame.first"));
            }, Qt::DirectConnection);
        if (!shooting || ScreenshotDriver::instance()->set() == QLatin1String("desktop")) {
            // The tray icon once the first frame is out: looking for a tray host
            // takes D-Bus round trips. Not in a screenshot run, whose pictures are
            // the window's, except the desktop one (the tray and a notification).
            // (A window that never draws gets it after 3 s.)
            const auto enableTray = [] { TrayMeter::instance()->setEnabled(true); };
            QObject::connect(window, &QQuickWindow::frameSwapped, qApp, enableTray,
                             Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
            QTimer::singleShot(3000, qApp, enableTray);
        }
    });
    return app.exec();
}

// kliv-bench-client: one measured process per run, driven by bench/client/run.sh.
//   hello                      Controls + one ChartView: time to the first frame.
//   signin --server URL        the real OAuth sign-in (form posted like a browser), once.
//   cold   --server URL [--offline]  the app's QML as app/main.cpp loads it: time to the
//                              first frame that shows a balance (from the server, or with
//                              --offline, the server stopped, from the cache).
//   live   --server URL --count N   (env KLIV_BENCH_SERVICE_TOKEN, KLIV_BENCH_MEMBER_ID)
//                              usage POSTed at the server -> CreditMeter's summary changed.
// Times are from KLIV_BENCH_T0 (ns, CLOCK_REALTIME, taken by run.sh just before exec) when
// set, and from main() entry. Prints one "RESULT key=value ..." line; bounded in time.
#include "appsettings.h"
#include "creditmeter.h"
#include "session.h"
#include "startuptrace.h"
#include "windowloader.h"

#include <QApplication>
#include <QDesktopServices>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <atomic>
#include <ctime>

Q_IMPORT_QML_PLUGIN(Kliv_KontoPlugin)

namespace {
qint64 nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

const qint64 g_mainNs = nowNs();

QString peakRssKib()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                return QString::fromLatin1(line.mid(6).trimmed().split(' ').first());
    return QStringLiteral("?");
}

QString sinceStart(qint64 ns)
{
    const qint64 t0 = qEnvironmentVariable("KLIV_BENCH_T0").toLongLong();
    return QStringLiteral("ms_exec=%1 ms_main=%2")
        .arg(t0 > 0 ? QString::number((ns - t0) / 1e6, 'f', 2) : QStringLiteral("?"))
        .arg((ns - g_mainNs) / 1e6, 0, 'f', 2);
}

void result(const QString &fields)
{
    printf("RESULT %s rss_kib=%s\n", qPrintable(fields), qPrintable(peakRssKib()));
    // The start-up marks (kliv.startup on), in ms since exec like the result: "TRACE\t12.3\tme".
    const qint64 t0 = qEnvironmentVariable("KLIV_BENCH_T0").toLongLong();
    const double offset = t0 > 0 ? (g_mainNs - t0) / 1e6 : 0;
    for (const auto &[name, ms] : StartupTrace::marks())
        printf("TRACE\t%.2f\t%s\n", ms + offset, qPrintable(name));
    fflush(stdout);
}

const char *kHelloQml = R"(
import QtQuick
import QtQuick.Controls
import QtCharts
ApplicationWindow {
    width: 1280; height: 800; visible: true; title: "hello"
    Label { id: l; text: "Hej"; anchors.top: parent.top }
    ChartView {
        anchors { top: l.bottom; left: parent.left; right: parent.right; bottom: parent.bottom }
        LineSeries { XYPoint { x: 0; y: 0 } XYPoint { x: 1; y: 2 } XYPoint { x: 2; y: 1 } }
    }
}
)";

// Plays the browser for the one real sign-in: posts the server's sign-in form for
// the authorize URL and follows the redirect to the app's loopback listener.
class FormBrowser : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void openUrl(const QUrl &url)
    {
        if (url.path() != QLatin1String("/oauth/authorize"))
            return;
        QUrlQuery form(url);
        form.addQueryItem(QStringLiteral("email"), QStringLiteral("anna%40demo-ab.se"));
        form.addQueryItem(QStringLiteral("password"), qEnvironmentVariable("KLIV_BENCH_PASSWORD", QStringLiteral("kliv-demo")));
        QUrl post = url;
        post.setQuery(QString());
        QNetworkRequest req(post);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply *reply = m_nam.post(req, form.query(QUrl::FullyEncoded).toUtf8());
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }

private:
    QNetworkAccessManager m_nam;
};

// The balance is on screen once a frame swaps that synchronized while the meter in the
// header was visible with a text: not while the window still says "Återställer inloggningen…".
struct BalanceFrame {
    std::atomic_bool hasBalance{false}, synced{false}, done{false}, first{false};
    void watch(QQuickWindow *w, const std::function<void(qint64)> &onFrame)
    {
        QQuickItem *meter = w->findChild<QQuickItem *>(QStringLiteral("creditMeter"));
        if (!meter)
            qFatal("kliv-bench-client: no creditMeter item in the window");
        auto check = [this, meter] { hasBalance = meter->isVisible() && !meter->property("summary").toString().isEmpty(); };
        QObject::connect(CreditMeter::instance(), &CreditMeter::changed, meter, check, Qt::QueuedConnection);
        QObject::connect(meter, &QQuickItem::visibleChanged, meter, check);
        check();
        QObject::connect(w, &QQuickWindow::afterSynchronizing, w, [this] { if (hasBalance) synced = true; }, Qt::DirectConnection);
        QObject::connect(w, &QQuickWindow::frameSwapped, w, [this, w, onFrame] {
            if (!first.exchange(true))
                StartupTrace::mark(QStringLiteral("frame.first"));
            if (!synced || done.exchange(true))
                return;
            const qint64 t = nowNs();
            StartupTrace::mark(QStringLiteral("frame.balance"));
            QMetaObject::invokeMethod(w, [onFrame, t] { onFrame(t); }, Qt::QueuedConnection);
        }, Qt::DirectConnection);
    }
};

bool settledLive()
{
    const CreditMeter *m = CreditMeter::instance();
    return Session::instance()->isReady() && m->hasData() && !m->stale() && m->live();
}

// Calls `then` once the session is signed in with fresh, live data (or gives up).
void whenSettled(QObject *ctx, std::function<void(bool)> then, int budgetMs = 15000)
{
    auto *poll = new QTimer(ctx);
    auto left = std::make_shared<int>(budgetMs / 20);
    QObject::connect(poll, &QTimer::timeout, ctx, [poll, left, then] {
        const bool ok = settledLive();
        if (ok || --*left <= 0) {
            poll->deleteLater();
            then(ok);
        }
    });
    poll->start(20);
}

class LiveRun : public QObject
{
public:
    LiveRun(int count) : m_count(count) {}
    void start()
    {
        connect(CreditMeter::instance(), &CreditMeter::changed, this, [this] {
            const QString s = CreditMeter::instance()->summary();
            if (m_waiting && s != m_last && !CreditMeter::instance()->stale()) {
                m_lat << (nowNs() - m_postNs) / 1e6;
                m_waiting = false;
                m_last = s;
                QTimer::singleShot(5, this, [this] { next(); });
            }
        });
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] { ++m_lost; m_waiting = false; next(); });
        next();
    }

private:
    void next()
    {
        m_timeout.stop();
        if (m_sent == m_count)
            return finish();
        m_last = CreditMeter::instance()->summary();
        const QUrl url = Session::instance()->serverUrl().resolved(QUrl(Session::instance()->workspacePath(QStringLiteral("/usage"))));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        req.setRawHeader("Authorization", "Bearer " + qgetenv("KLIV_BENCH_SERVICE_TOKEN"));
        const QJsonObject body{{QStringLiteral("idempotency_key"), QStringLiteral("bench-%1-%2").arg(QCoreApplication::applicationPid()).arg(m_sent)},
                               {QStringLiteral("member_id"), qEnvironmentVariable("KLIV_BENCH_MEMBER_ID")},
                               {QStringLiteral("project"), QStringLiteral("bench")},
                               {QStringLiteral("activity"), QStringLiteral("generate")},
                               {QStringLiteral("credits"), 1}};
        ++m_sent;
        m_waiting = true;
        m_postNs = nowNs();
        m_timeout.start(2000);
        QNetworkReply *r = m_nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(r, &QNetworkReply::finished, this, [this, r] {
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status / 100 != 2 && m_errors++ == 0)
                fprintf(stderr, "usage POST: HTTP %d %s\n", status, r->readAll().constData());
            r->deleteLater();
        });
    }
    void finish()
    {
        std::sort(m_lat.begin(), m_lat.end());
        auto pct = [this](double p) {
            return m_lat.isEmpty() ? QStringLiteral("?")
                                   : QString::number(m_lat.at(qMin<qsizetype>(m_lat.size() - 1, qsizetype(p * m_lat.size()))), 'f', 2);
        };
        result(QStringLiteral("mode=live events=%1 changed=%2 lost=%3 http_errors=%4 p50_ms=%5 p99_ms=%6 max_ms=%7")
                   .arg(m_count).arg(m_lat.size()).arg(m_lost).arg(m_errors).arg(pct(0.5), pct(0.99), pct(1.0)));
        QCoreApplication::exit(m_lat.size() == m_count ? 0 : 4);
    }

    QNetworkAccessManager m_nam;
    QTimer m_timeout;
    QList<double> m_lat;
    QString m_last;
    qint64 m_postNs = 0;
    int m_count, m_sent = 0, m_lost = 0, m_errors = 0;
    bool m_waiting = false;
};
}

int main(int argc, char *argv[])
{
    StartupTrace::begin();
    StartupTrace::mark(QStringLiteral("main"));
    // The same application identity as app/main.cpp: settings, cache and keyring entries match.
    QApplication app(argc, argv);
    StartupTrace::mark(QStringLiteral("app.constructed"));
    app.setOrganizationName(QStringLiteral("Kliv"));
    app.setOrganizationDomain(QStringLiteral("kliv.se"));
    app.setApplicationName(QStringLiteral("kliv-konto"));
    app.setApplicationDisplayName(QStringLiteral("Kliv Konto"));
    app.setDesktopFileName(QStringLiteral("se.kliv.konto"));

    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    auto opt = [&](const QString &name, const QString &def = {}) {
        const int i = args.indexOf(name);
        return i > 0 ? args.value(i + 1) : def;
    };
    // Nothing here may hang a benchmark run.
    QTimer::singleShot(opt(QStringLiteral("--timeout"), QStringLiteral("60")).toInt() * 1000, &app, [] {
        fprintf(stderr, "kliv-bench-client: timed out\n");
        QCoreApplication::exit(3);
    });

    QQmlApplicationEngine engine;
    StartupTrace::mark(QStringLiteral("engine.constructed"));
    if (mode == QLatin1String("hello")) {
        StartupTrace::mark(QStringLiteral("engine.load"));
        engine.loadData(kHelloQml);
        StartupTrace::mark(QStringLiteral("engine.loaded"));
        auto *w = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        if (!w)
            return 1;
        static std::atomic_bool done{false};
        QObject::connect(w, &QQuickWindow::frameSwapped, w, [w] {
            if (done.exchange(true))
                return;
            const qint64 t = nowNs();
            StartupTrace::mark(QStringLiteral("frame.first"));
            QMetaObject::invokeMethod(w, [t] { result(QStringLiteral("mode=hello ") + sinceStart(t)); QCoreApplication::exit(0); }, Qt::QueuedConnection);
        }, Qt::DirectConnection);
        return app.exec();
    }

    const QUrl server = QUrl::fromUserInput(opt(QStringLiteral("--server")));
    if (!server.isValid() || (mode != QLatin1String("signin") && mode != QLatin1String("cold") && mode != QLatin1String("live"))) {
        fprintf(stderr, "usage: kliv-bench-client hello | signin|cold|live --server URL [--count N] [--timeout S]\n");
        return 2;
    }
    // As app/main.cpp does it for `--server URL --lang sv`.
    AppSettings *settings = AppSettings::instance();
    settings->overrideServerUrl(server);
    settings->applyLanguage(QStringLiteral("sv"));
    StartupTrace::mark(QStringLiteral("language.applied"));
    WindowLoader::prepare();   // the meter and the notifier work while the QML compiles
    // The session starts before the window, as in app/main.cpp.
    if (mode != QLatin1String("signin"))
        Session::instance()->restore();
    StartupTrace::mark(QStringLiteral("session.restore started"));
    FormBrowser browser;
    BalanceFrame frame;
    LiveRun live(opt(QStringLiteral("--count"), QStringLiteral("200")).toInt());
    // As app/main.cpp loads the window: the event loop runs while the QML compiles.
    const bool offline = args.contains(QStringLiteral("--offline"));
    WindowLoader::load(&engine, [&frame, &app, mode, offline](QQuickWindow *w) {
        if (!w)
            return QTimer::singleShot(0, &app, [] { QCoreApplication::exit(1); });
        if (mode == QLatin1String("cold"))
            frame.watch(w, [&app, offline](qint64 t) {
                const bool stale = CreditMeter::instance()->stale();
                if (offline) {   // nothing to settle: the server is down
                    result(QStringLiteral("mode=cold stale=%1 settled=0 ").arg(stale) + sinceStart(t));
                    return QCoreApplication::exit(0);
                }
                // Let the silent sign-in finish (it rotates the keyring's refresh token) before exiting.
                whenSettled(&app, [t, stale](bool ok) {
                    result(QStringLiteral("mode=cold stale=%1 settled=%2 ").arg(stale).arg(ok) + sinceStart(t));
                    QCoreApplication::exit(ok ? 0 : 5);
                });
            });
    });
    if (mode == QLatin1String("signin")) {
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "openUrl");
        Session::instance()->signIn();
        whenSettled(&app, [](bool ok) {
            printf("RESULT mode=signin ok=%d workspace=%s\n", ok, qPrintable(Session::instance()->currentWorkspaceId()));
            fflush(stdout);
            QCoreApplication::exit(ok ? 0 : 5);
        }, 30000);
        return app.exec();
    }

    if (mode == QLatin1String("live")) {
        whenSettled(&app, [&live](bool ok) {
            if (!ok) {
                fprintf(stderr, "kliv-bench-client: not signed in / not live\n");
                return QCoreApplication::exit(5);
            }
            live.start();
        });
    }
    return app.exec();
}

#include "main.moc"

#include "browser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>
#include <QWebSocket>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcBrowser, "kliv.test.browser")

// Every wait below is QTest::qWaitFor: it serves the thread's event loop, so servers
// living in the test's own thread (QHttpServer, the app's loopback listener) keep answering.

namespace {

const QRegularExpression &devToolsLine()
{
    static const QRegularExpression re(QStringLiteral("DevTools listening on (ws://\\S+)"));
    return re;
}

} // namespace

Browser::Browser(QObject *parent) : QObject(parent) {}

Browser::~Browser()
{
    close();
}

QString Browser::executable()
{
    const QString env = qEnvironmentVariable("KLIV_CHROMIUM");
    return env.isEmpty() ? QStringLiteral("/usr/bin/chromium") : env;
}

bool Browser::available()
{
    return QFileInfo(executable()).isExecutable();
}

bool Browser::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcBrowser).noquote() << message;
    return false;
}

QString Browser::profileDir() const
{
    return m_profile ? m_profile->path() : QString();
}

qint64 Browser::processId() const
{
    return m_proc ? m_proc->processId() : 0;
}

bool Browser::isRunning() const
{
    return m_proc && m_proc->state() != QProcess::NotRunning;
}

bool Browser::readDevToolsUrl(QString *wsUrl)
{
    // Chromium writes "PORT\n/devtools/browser/ID" into the profile once it listens.
    QFile f(m_profile->filePath(QStringLiteral("DevToolsActivePort")));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = f.readAll().split('\n');
        if (lines.size() >= 2 && !lines[0].trimmed().isEmpty() && lines[1].startsWith("/devtools/")) {
            *wsUrl = QStringLiteral("ws://127.0.0.1:%1%2")
                         .arg(QString::fromLatin1(lines[0].trimmed()), QString::fromLatin1(lines[1].trimmed()));
            return true;
        }
    }
    const auto m = devToolsLine().match(QString::fromUtf8(m_stderr));
    if (m.hasMatch()) {
        *wsUrl = m.captured(1);
        return true;
    }
    return false;
}

bool Browser::start(int timeoutMs)
{
    close();
    m_error.clear();
    if (!available())
        return fail(QStringLiteral("chromium not found at %1 (install Debian's chromium or set KLIV_CHROMIUM)")
                        .arg(executable()));
    m_profile = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kliv-chromium-XXXXXX"));
    if (!m_profile->isValid())
        return fail(QStringLiteral("cannot create a chromium profile dir: %1").arg(m_profile->errorString()));

    m_proc = std::make_unique<QProcess>();
    // Own process group: close() can then kill chromium's helpers (zygote, renderers) too.
    m_proc->setChildProcessModifier([] { ::setsid(); });
    m_proc->setStandardOutputFile(QProcess::nullDevice());
    connect(m_proc.get(), &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_proc->readAllStandardError();
        if (m_stderr.size() > 256 * 1024)
            m_stderr = m_stderr.right(128 * 1024);
    });
    const QStringList args = {
        // The flags this machine needs (no sandbox as root, no network beyond loopback).
        QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
        QStringLiteral("--disable-quic"), QStringLiteral("--no-first-run"),
        QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
        QStringLiteral("--disable-sync"),
        QStringLiteral("--user-data-dir=%1").arg(m_profile->path()),
        QStringLiteral("--remote-debugging-port=0"),
        // Keep chromium away from the test's Secret Service keyring and defaults.
        QStringLiteral("--password-store=basic"), QStringLiteral("--no-default-browser-check"),
        QStringLiteral("--disable-extensions"), QStringLiteral("--mute-audio"),
        QStringLiteral("--window-size=1280,900"),
        QStringLiteral("about:blank"),
    };
    m_proc->start(executable(), args);
    if (!m_proc->waitForStarted(10000))
        return fail(QStringLiteral("cannot start %1: %2").arg(executable(), m_proc->errorString()));

    QString wsUrl;
    const bool up = QTest::qWaitFor([&] { return readDevToolsUrl(&wsUrl) || m_proc->state() == QProcess::NotRunning; },
                              timeoutMs);
    if (wsUrl.isEmpty()) {
        const QString why = up ? QStringLiteral("exited with code %1").arg(m_proc->exitCode())
                               : QStringLiteral("printed no DevTools address within %1 ms").arg(timeoutMs);
        const QString err = QString::fromUtf8(m_stderr.right(3000));
        close();
        return fail(QStringLiteral("chromium %1; stderr: %2").arg(why, err));
    }

    m_ws = std::make_unique<QWebSocket>();
    m_ws->setMaxAllowedIncomingMessageSize(256 * 1024 * 1024); // screenshots are big
    connect(m_ws.get(), &QWebSocket::textMessageReceived, this, &Browser::onMessage);
    connect(m_ws.get(), &QWebSocket::disconnected, this, [this] { m_socketLost = true; });
    m_socketLost = false;
    bool connected = false;
    connect(m_ws.get(), &QWebSocket::connected, this, [&connected] { connected = true; });
    m_ws->open(QUrl(wsUrl));
    if (!QTest::qWaitFor([&] { return connected || m_socketLost; }, 10000))
        return fail(QStringLiteral("no DevTools WebSocket connection to %1 within 10 s").arg(wsUrl));
    if (!connected)
        return fail(QStringLiteral("DevTools WebSocket %1 refused: %2").arg(wsUrl, m_ws->errorString()));

    // One fresh tab, attached in flat mode: page commands carry our session id.
    const QJsonObject target = call(QStringLiteral("Target.createTarget"),
                                    {{QStringLiteral("url"), QStringLiteral("about:blank")}}, 10000, true);
    m_targetId = target.value(QLatin1String("targetId")).toString();
    if (m_targetId.isEmpty())
        return fail(QStringLiteral("Target.createTarget failed: %1").arg(m_error));
    const QJsonObject attached = call(QStringLiteral("Target.attachToTarget"),
                                      {{QStringLiteral("targetId"), m_targetId}, {QStringLiteral("flatten"), true}},
                                      10000, true);
    m_sessionId = attached.value(QLatin1String("sessionId")).toString();
    if (m_sessionId.isEmpty())
        return fail(QStringLiteral("Target.attachToTarget failed: %1").arg(m_error));
    for (const char *domain : {"Page.enable", "Runtime.enable"}) {
        call(QString::fromLatin1(domain));
        if (!m_error.isEmpty())
            return fail(QStringLiteral("%1 failed: %2").arg(QLatin1String(domain), m_error));
    }
    m_url = QStringLiteral("about:blank");
    m_loads = m_loadsSeen = 0;
    qCDebug(lcBrowser) << "chromium" << m_proc->processId() << "at" << wsUrl;
    return true;
}

void Browser::close()
{
    if (m_ws && m_ws->state() == QAbstractSocket::ConnectedState && m_proc
        && m_proc->state() != QProcess::NotRunning) {
        // Polite first: chromium flushes and exits on its own.
        const int id = m_nextId++;
        m_ws->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
            {QStringLiteral("id"), id}, {QStringLiteral("method"), QStringLiteral("Browser.close")}})
                                                    .toJson(QJsonDocument::Compact)));
        m_ws->flush();
        (void)QTest::qWaitFor(   // bounded; the caller checks the outcome
            [&] { return m_proc->state() == QProcess::NotRunning; }, 5000);
    }
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
        m_ws.reset();
    }
    if (m_proc) {
        const qint64 pid = m_proc->processId();
        if (m_proc->state() != QProcess::NotRunning) {
            m_proc->kill();
            m_proc->waitForFinished(5000);
        }
        // Whatever helper is left in chromium's group goes too.
        if (pid > 0)
            ::kill(-pid_t(pid), SIGKILL);
        m_proc->disconnect(this);
        m_proc.reset();
    }
    m_profile.reset(); // removes the profile directory
    m_sessionId.clear();
    m_targetId.clear();
    m_replies.clear();
}

void Browser::onMessage(const QString &message)
{
    const QJsonObject o = QJsonDocument::fromJson(message.toUtf8()).object();
    if (o.contains(QLatin1String("id"))) {
        m_replies.insert(o.value(QLatin1String("id")).toInt(), o);
        return;
    }
    const QString method = o.value(QLatin1String("method")).toString();
    const QJsonObject params = o.value(QLatin1String("params")).toObject();
    if (method == QLatin1String("Page.frameNavigated")) {
        const QJsonObject frame = params.value(QLatin1String("frame")).toObject();
        if (!frame.contains(QLatin1String("parentId")))
            m_url = frame.value(QLatin1String("url")).toString() + frame.value(QLatin1String("urlFragment")).toString();
    } else if (method == QLatin1String("Page.navigatedWithinDocument")) {
        m_url = params.value(QLatin1String("url")).toString();
    } else if (method == QLatin1String("Page.loadEventFired")) {
        ++m_loads;
    } else if (method == QLatin1String("Runtime.consoleAPICalled")) {
        QStringList parts;
        for (const QJsonValue &a : params.value(QLatin1String("args")).toArray()) {
            const QJsonObject arg = a.toObject();
            parts << (arg.contains(QLatin1String("value")) ? arg.value(QLatin1String("value")).toVariant().toString()
                                                           : arg.value(QLatin1String("description")).toString());
        }
        Q_EMIT consoleMessage(params.value(QLatin1String("type")).toString(), parts.join(QLatin1Char(' ')));
    } else if (method == QLatin1String("Runtime.exceptionThrown")) {
        const QJsonObject d = params.value(QLatin1String("exceptionDetails")).toObject();
        Q_EMIT consoleMessage(QStringLiteral("exception"),
                              d.value(QLatin1String("exception")).toObject().value(QLatin1String("description"))
                                  .toString(d.value(QLatin1String("text")).toString()));
    } else if (method == QLatin1String("Target.detachedFromTarget")
               || method == QLatin1String("Inspector.targetCrashed")) {
        qCDebug(lcBrowser) << "tab gone:" << method;
    }
    Q_EMIT event(method, params);
}

QJsonObject Browser::call(const QString &method, const QJsonObject &params, int timeoutMs, bool browserLevel)
{
    m_error.clear();
    if (!m_ws || m_ws->state() != QAbstractSocket::ConnectedState) {
        fail(QStringLiteral("%1: chromium is not running (start() failed or it exited)").arg(method));
        return {};
    }
    const int id = m_nextId++;
    QJsonObject msg{{QStringLiteral("id"), id}, {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        msg.insert(QStringLiteral("params"), params);
    if (!browserLevel && !m_sessionId.isEmpty())
        msg.insert(QStringLiteral("sessionId"), m_sessionId);
    m_ws->sendTextMessage(QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)));
    const bool ok = QTest::qWaitFor([&] {
        return m_replies.contains(id) || m_socketLost || !isRunning();
    }, timeoutMs);
    if (!m_replies.contains(id)) {
        fail(ok ? QStringLiteral("%1: chromium went away (exit code %2); stderr: %3")
                      .arg(method).arg(m_proc ? m_proc->exitCode() : -1)
                      .arg(QString::fromUtf8(m_stderr.right(2000)))
                : QStringLiteral("%1: no answer from chromium within %2 ms").arg(method).arg(timeoutMs));
        return {};
    }
    const QJsonObject reply = m_replies.take(id);
    if (reply.contains(QLatin1String("error"))) {
        const QJsonObject e = reply.value(QLatin1String("error")).toObject();
        fail(QStringLiteral("%1 failed: %2 (%3)").arg(method, e.value(QLatin1String("message")).toString(),
                                                      QString::number(e.value(QLatin1String("code")).toInt())));
        return {};
    }
    return reply.value(QLatin1String("result")).toObject();
}

QString Browser::describePage()
{
    const QString saved = m_error;
    QString body;
    if (m_ws && m_ws->state() == QAbstractSocket::ConnectedState) {
        const QJsonObject r = call(QStringLiteral("Runtime.evaluate"),
                                   {{QStringLiteral("expression"), QStringLiteral("document.body ? document.body.innerText : ''")},
                                    {QStringLiteral("returnByValue"), true}}, 3000);
        body = r.value(QLatin1String("result")).toObject().value(QLatin1String("value")).toString();
    }
    m_error = saved;
    body = body.simplified();
    if (body.size() > 600)
        body = body.left(600) + QStringLiteral("…");
    return QStringLiteral("[at %1; page text: \"%2\"]").arg(m_url, body);
}

bool Browser::navigate(const QUrl &url, int timeoutMs)
{
    const int before = m_loads;
    const QJsonObject r = call(QStringLiteral("Page.navigate"), {{QStringLiteral("url"), url.toString()}}, timeoutMs);
    if (r.isEmpty())
        return false;
    const QString err = r.value(QLatin1String("errorText")).toString();
    if (!err.isEmpty())
        return fail(QStringLiteral("navigating to %1 failed: %2").arg(url.toString(), err));
    if (!QTest::qWaitFor([&] { return m_loads > before || !isRunning(); }, timeoutMs))
        return fail(QStringLiteral("%1 did not finish loading within %2 ms %3")
                        .arg(url.toString()).arg(timeoutMs).arg(describePage()));
    m_loadsSeen = m_loads;
    return isRunning() || fail(QStringLiteral("chromium exited while loading %1").arg(url.toString()));
}

bool Browser::waitForLoad(int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return m_loads > m_loadsSeen; }, timeoutMs))
        return fail(QStringLiteral("no page load within %1 ms %2").arg(timeoutMs).arg(describePage()));
    m_loadsSeen = m_loads;
    return true;
}

bool Browser::waitForUrl(const QString &prefix, int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return m_url.startsWith(prefix) || !isRunning(); }, timeoutMs) || !m_url.startsWith(prefix))
        return fail(QStringLiteral("the page did not reach a URL starting with %1 within %2 ms %3")
                        .arg(prefix).arg(timeoutMs).arg(describePage()));
    return true;
}

QVariant Browser::evaluate(const QString &expression, int timeoutMs)
{
    const QJsonObject r = call(QStringLiteral("Runtime.evaluate"),
                               {{QStringLiteral("expression"), expression},
                                {QStringLiteral("returnByValue"), true},
                                {QStringLiteral("awaitPromise"), true},
                                {QStringLiteral("userGesture"), true}},
                               timeoutMs);
    if (r.isEmpty())
        return {};
    if (r.contains(QLatin1String("exceptionDetails"))) {
        const QJsonObject d = r.value(QLatin1String("exceptionDetails")).toObject();
        const QString desc = d.value(QLatin1String("exception")).toObject().value(QLatin1String("description"))
                                 .toString(d.value(QLatin1String("text")).toString());
        fail(QStringLiteral("JavaScript threw: %1 (in: %2)").arg(desc, expression.left(200)));
        return {};
    }
    const QJsonObject result = r.value(QLatin1String("result")).toObject();
    if (result.value(QLatin1String("type")).toString() == QLatin1String("undefined"))
        return QVariant(QString()); // valid: evaluation worked, nothing returned
    return result.value(QLatin1String("value")).toVariant();
}

bool Browser::waitFor(const QString &jsCondition, int timeoutMs, const QString &what)
{
    QString lastError;
    QElapsedTimer t;
    t.start();
    forever {
        // Errors while a new page replaces the old one are expected: retry.
        const QVariant v = evaluate(QStringLiteral("!!(%1)").arg(jsCondition), 5000);
        if (v.isValid() && v.toBool())
            return true;
        if (!v.isValid())
            lastError = m_error;
        if (!isRunning())
            return fail(QStringLiteral("chromium exited while waiting for %1").arg(what.isEmpty() ? jsCondition : what));
        if (t.elapsed() > timeoutMs)
            break;
        QTest::qWait(100);
    }
    return fail(QStringLiteral("timed out after %1 ms waiting for %2%3 %4")
                    .arg(timeoutMs).arg(what.isEmpty() ? jsCondition : what)
                    .arg(lastError.isEmpty() ? QString() : QStringLiteral(" (last error: %1)").arg(lastError))
                    .arg(describePage()));
}

QString Browser::jsString(const QString &s)
{
    // A JSON string is a valid JavaScript string literal.
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

bool Browser::waitForSelector(const QString &selector, int timeoutMs)
{
    return waitFor(QStringLiteral("document.querySelector(%1)").arg(jsString(selector)), timeoutMs,
                   QStringLiteral("an element matching %1").arg(selector));
}

bool Browser::waitForText(const QString &needle, int timeoutMs)
{
    return waitFor(QStringLiteral("document.body && document.body.innerText.includes(%1)").arg(jsString(needle)),
                   timeoutMs, QStringLiteral("the text \"%1\" on the page").arg(needle));
}

QString Browser::text()
{
    return evaluate(QStringLiteral("document.body ? document.body.innerText : ''")).toString();
}

QString Browser::html()
{
    return evaluate(QStringLiteral("document.documentElement.outerHTML")).toString();
}

bool Browser::fill(const QString &selector, const QString &value, int timeoutMs)
{
    if (!waitForSelector(selector, timeoutMs))
        return false;
    // The native value setter, then the events a user's typing would raise (frameworks listen to them).
    const QVariant r = evaluate(QStringLiteral(
        "(() => { const el = document.querySelector(%1);"
        " if (!el) return 'no element matches ' + %1;"
        " if (el.disabled || el.readOnly) return 'the element ' + %1 + ' is disabled or read-only';"
        " el.focus();"
        " const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype"
        "   : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;"
        " Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, %2);"
        " el.dispatchEvent(new Event('input', {bubbles: true}));"
        " el.dispatchEvent(new Event('change', {bubbles: true}));"
        " return ''; })()").arg(jsString(selector), jsString(value)));
    if (!r.isValid())
        return false;
    if (!r.toString().isEmpty())
        return fail(r.toString() + QLatin1Char(' ') + describePage());
    return true;
}

bool Browser::click(const QString &selector, int timeoutMs)
{
    if (!waitForSelector(selector, timeoutMs))
        return false;
    // A real mouse click at the element's centre: covered or disabled elements behave as for a user.
    const QVariant r = evaluate(QStringLiteral(
        "(() => { const el = document.querySelector(%1);"
        " if (!el) return {error: 'no element matches ' + %1};"
        " el.scrollIntoView({block: 'center', inline: 'center'});"
        " const b = el.getBoundingClientRect();"
        " if (b.width === 0 || b.height === 0) return {error: 'the element ' + %1 + ' is not visible'};"
        " return {x: b.left + b.width / 2, y: b.top + b.height / 2}; })()").arg(jsString(selector)));
    if (!r.isValid())
        return false;
    const QVariantMap m = r.toMap();
    if (m.contains(QStringLiteral("error")))
        return fail(m.value(QStringLiteral("error")).toString() + QLatin1Char(' ') + describePage());
    for (const char *type : {"mouseMoved", "mousePressed", "mouseReleased"}) {
        QJsonObject p{{QStringLiteral("type"), QLatin1String(type)},
                      {QStringLiteral("x"), m.value(QStringLiteral("x")).toDouble()},
                      {QStringLiteral("y"), m.value(QStringLiteral("y")).toDouble()}};
        if (qstrcmp(type, "mouseMoved") != 0) {
            p.insert(QStringLiteral("button"), QStringLiteral("left"));
            p.insert(QStringLiteral("clickCount"), 1);
        }
        call(QStringLiteral("Input.dispatchMouseEvent"), p);
        if (!m_error.isEmpty())
            return fail(QStringLiteral("clicking %1: %2").arg(selector, m_error));
    }
    return true;
}

bool Browser::type(const QString &selector, const QString &text, int timeoutMs)
{
    if (!waitForSelector(selector, timeoutMs))
        return false;
    const QVariant r = evaluate(QStringLiteral("(() => { const el = document.querySelector(%1);"
                                               " if (!el) return false; el.focus(); return true; })()")
                                    .arg(jsString(selector)));
    if (!r.toBool())
        return r.isValid() ? fail(QStringLiteral("no element matches %1").arg(selector)) : false;
    call(QStringLiteral("Input.insertText"), {{QStringLiteral("text"), text}});
    return m_error.isEmpty();
}

QByteArray Browser::screenshotPng()
{
    const QJsonObject r = call(QStringLiteral("Page.captureScreenshot"), {{QStringLiteral("format"), QStringLiteral("png")}},
                               20000);
    return QByteArray::fromBase64(r.value(QLatin1String("data")).toString().toLatin1());
}

bool Browser::screenshot(const QString &pngPath)
{
    const QByteArray png = screenshotPng();
    if (png.isEmpty())
        return false;
    QFile f(pngPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(png) != png.size())
        return fail(QStringLiteral("cannot write %1: %2").arg(pngPath, f.errorString()));
    return true;
}

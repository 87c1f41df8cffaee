#include "paymentstack.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

PaymentStack::PaymentStack(QObject *parent) : QObject(parent) {}

PaymentStack::~PaymentStack()
{
    stop();
}

QString PaymentStack::emulatorBinary()
{
    return qEnvironmentVariable("KLIV_BUILD_DIR") + QStringLiteral("/tools/stripe-emulator/stripe-emulator");
}

QString PaymentStack::missingParts()
{
    QStringList missing;
    if (!ServerFixture::binaryExists())
        missing << ServerFixture::binaryPath();
    if (!QFileInfo(emulatorBinary()).isExecutable())
        missing << emulatorBinary();
    return missing.join(QStringLiteral(", "));
}

static quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool PaymentStack::startEmulator(quint16 serverPort)
{
    m_emulator = std::make_unique<QProcess>();
    m_emulator->setStandardErrorFile(m_dir.filePath(QStringLiteral("emulator.err")), QIODevice::Append);
    m_emulator->start(emulatorBinary(),
                      {QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--data"), m_dir.filePath(QStringLiteral("emulator")),
                       QStringLiteral("--plans"), qEnvironmentVariable("KLIV_PLANS_FILE"),
                       QStringLiteral("--webhook-url"), QStringLiteral("http://127.0.0.1:%1/webhooks/stripe").arg(serverPort),
                       QStringLiteral("--webhook-secret"), QLatin1String(WebhookSecret)});
    if (!m_emulator->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(emulatorBinary(), m_emulator->errorString());
        return false;
    }
    static const QRegularExpression re(QStringLiteral("stripe-emulator listening on (http://\\S+)"));
    QByteArray out;
    QString url;
    (void)QTest::qWaitFor(   // bounded; the caller checks the outcome
        [&] {
        out += m_emulator->readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch())
            url = m.captured(1);
        return !url.isEmpty() || m_emulator->state() == QProcess::NotRunning;
    }, 15000);
    if (url.isEmpty()) {
        m_error = QStringLiteral("stripe-emulator did not print \"stripe-emulator listening on http://...\"; stdout: %1; stderr: %2")
                      .arg(QString::fromUtf8(out), QString::fromUtf8(emulatorLog().right(3000)));
        return false;
    }
    // Its later output is not needed; keep the pipe from filling up.
    connect(m_emulator.get(), &QProcess::readyReadStandardOutput, m_emulator.get(),
            [p = m_emulator.get()] { p->readAllStandardOutput(); });
    m_emulatorUrl = QUrl(url);
    return true;
}

bool PaymentStack::start(const QDateTime &clock)
{
    stop();
    m_error.clear();
    const QString missing = missingParts();
    if (!missing.isEmpty()) {
        m_error = QStringLiteral("not built: %1").arg(missing);
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temp dir: %1").arg(m_dir.errorString());
        return false;
    }
    // The emulator must know the server's webhook URL before the server knows the
    // emulator's API address: reserve the server's port first (retry on a lost race).
    for (int attempt = 0; attempt < 3; ++attempt) {
        const quint16 serverPort = freePort();
        if (!startEmulator(serverPort))
            return false;
        qputenv("STRIPE_SECRET_KEY", SecretKey);
        qputenv("STRIPE_WEBHOOK_SECRET", WebhookSecret);
        qputenv("STRIPE_API_BASE", m_emulatorUrl.toString().toUtf8());
        // The fixture passes --port 0 first; the server takes the last --port.
        const bool ok = m_server.start(clock, {QStringLiteral("--port"), QString::number(serverPort)});
        qunsetenv("STRIPE_SECRET_KEY");
        qunsetenv("STRIPE_WEBHOOK_SECRET");
        qunsetenv("STRIPE_API_BASE");
        if (ok && m_server.port() == serverPort)
            return true;
        m_error = ok ? QStringLiteral("kliv-billingd listens on %1, not on the requested port %2")
                           .arg(m_server.port()).arg(serverPort)
                     : m_server.errorString();
        m_server.stop();
        stop();
        if (ok)
            return false; // the server ignores --port: retrying will not help
    }
    return false;
}

void PaymentStack::stop()
{
    m_server.stop();
    if (m_emulator) {
        if (m_emulator->state() != QProcess::NotRunning) {
            m_emulator->terminate();
            if (!m_emulator->waitForFinished(5000)) {
                m_emulator->kill();
                m_emulator->waitForFinished(5000);
            }
        }
        m_emulator.reset();
    }
}

QByteArray PaymentStack::emulatorLog() const
{
    QFile f(m_dir.filePath(QStringLiteral("emulator.err")));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QDateTime PaymentStack::emulatorNow()
{
    QNetworkAccessManager nam;
    QNetworkRequest req(m_emulatorUrl.resolved(QUrl(QStringLiteral("/_emulator/clock"))));
    req.setRawHeader("Authorization", QByteArray("Bearer ") + SecretKey);
    QNetworkReply *r = nam.get(req);
    (void)QTest::qWaitFor([r] { return r->isFinished(); }, 5000);   // bounded; the caller checks the outcome
    r->deleteLater();
    const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
    return QDateTime::fromSecsSinceEpoch(o.value(QLatin1String("now")).toInteger(), Qt::UTC);
}

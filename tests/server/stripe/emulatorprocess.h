#pragma once
// Runs the real stripe-emulator binary for a test: a fresh data directory,
// webhooks signed with `secret` and POSTed to `webhookUrl`; stopped on destruction.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class EmulatorProcess
{
public:
    static QString binary()
    {
        return QString::fromLocal8Bit(qgetenv("KLIV_BUILD_DIR")) + QStringLiteral("/tools/stripe-emulator/stripe-emulator");
    }
    static bool exists() { return QFile::exists(binary()); }

    ~EmulatorProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
        }
    }

    // Empty on success, else what went wrong.
    QString start(const QString &webhookUrl, const QString &secret)
    {
        m_process.setProgram(binary());
        m_process.setArguments({QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--data"), m_dir.filePath(QStringLiteral("emulator")),
                                QStringLiteral("--plans"), QString::fromLocal8Bit(qgetenv("KLIV_PLANS_FILE")),
                                QStringLiteral("--webhook-url"), webhookUrl, QStringLiteral("--webhook-secret"), secret});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted())
            return QStringLiteral("stripe-emulator did not start");
        QByteArray out;
        if (!QTest::qWaitFor([&] { out += m_process.readAllStandardOutput(); return out.contains('\n'); }, 20000))
            return QStringLiteral("stripe-emulator printed no address");
        const auto m = QRegularExpression(QStringLiteral("stripe-emulator listening on (http://\\S+)")).match(QString::fromUtf8(out));
        if (!m.hasMatch())
            return QString::fromUtf8(out);
        m_url = QUrl(m.captured(1));
        return {};
    }

    QUrl url() const { return m_url; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
};

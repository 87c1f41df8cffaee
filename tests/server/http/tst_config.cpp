// The configuration file (/etc/kliv/billingd.conf, --config, $KLIV_BILLINGD_CONFIG):
// it sets what the command line sets, the environment overrides it and the
// command line overrides both; a typo is refused by name; secrets come from
// files and never reach the log.
#include "apitest.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

struct Run {
    int exitCode = -1;
    bool running = false;
    quint16 port = 0;
    QByteArray err;
};

// Starts the server, waits for "listening on" (or an exit), stops it.
Run run(const QStringList &args, const QHash<QString, QString> &env = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("KLIV_BILLINGD_CONFIG"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(ServerFixture::binaryPath(), args);
    Run r;
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 15000) {
        p.waitForReadyRead(100);
        out += p.readAllStandardOutput();
        const auto m = QRegularExpression(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)")).match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            r.running = true;
            r.port = quint16(m.captured(1).toUInt());
            break;
        }
        if (p.state() == QProcess::NotRunning)
            break;
    }
    if (p.state() != QProcess::NotRunning) {
        p.terminate();
        p.waitForFinished(10000);
    }
    r.exitCode = p.exitCode();
    r.err = p.readAllStandardError();
    return r;
}

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class Config : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileThenEnvironmentThenCommandLine()
    {
        QTemporaryDir dir;
        const quint16 filePort = freePort(), envPort = freePort();
        const QString conf = dir.filePath(QStringLiteral("billingd.conf"));
        write(conf, "[server]\nhost = 127.0.0.1\nport = " + QByteArray::number(filePort) + "\n[storage]\ndata = "
                        + dir.filePath(QStringLiteral("data")).toUtf8() + "\n");
        const Run fromFile = run({QStringLiteral("--config"), conf});
        QVERIFY2(fromFile.running, fromFile.err.constData());
        QCOMPARE(fromFile.port, filePort);
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("data/kliv.sqlite"))));   // the file's data directory
        QVERIFY(fromFile.err.contains("configuration from"));

        const Run fromEnv = run({}, {{QStringLiteral("KLIV_BILLINGD_CONFIG"), conf}, {QStringLiteral("KLIV_PORT"), QString::number(envPort)}});
        QVERIFY2(fromEnv.running, fromEnv.err.constData());
        QCOMPARE(fromEnv.port, envPort);

        const Run fromArgs = run({QStringLiteral("--port"), QStringLiteral("0")},
                                 {{QStringLiteral("KLIV_BILLINGD_CONFIG"), conf}, {QStringLiteral("KLIV_PORT"), QString::number(envPort)}});
        QVERIFY2(fromArgs.running, fromArgs.err.constData());
        QVERIFY(fromArgs.port != envPort && fromArgs.port != filePort);

        // Operator commands find the same database through the file.
        QProcess admin;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("KLIV_BILLINGD_CONFIG"), conf);
        admin.setProcessEnvironment(e);
        admin.start(ServerFixture::binaryPath(), {QStringLiteral("admin"), QStringLiteral("inquiries")});
        QVERIFY(admin.waitForFinished(15000));
        QCOMPARE(admin.exitCode(), 0);
    }

    void mistakesAreRefusedByName()
    {
        QTemporaryDir dir;
        const QString conf = dir.filePath(QStringLiteral("typo.conf"));
        write(conf, "[server]\nprot = 8080\n");
        const Run typo = run({QStringLiteral("--config"), conf});
        QVERIFY(!typo.running);
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains("unknown setting server/prot"), typo.err.constData());
        const Run missing = run({QStringLiteral("--config"), dir.filePath(QStringLiteral("nope.conf"))});
        QVERIFY(!missing.running);
        QVERIFY2(missing.err.contains("cannot read the configuration file"), missing.err.constData());
        write(conf, "[server]\nport = many\n");
        const Run bad = run({QStringLiteral("--config"), conf});
        QVERIFY(!bad.running);
        QVERIFY2(bad.err.contains("--port needs a number"), bad.err.constData());
    }

    // [invoice] and [billing] are checked when the server starts; an address
    // with commas (a list to INI) is read whole.
    void invoiceSettingsAreChecked()
    {
        QTemporaryDir dir;
        const QString conf = dir.filePath(QStringLiteral("invoice.conf"));
        const QByteArray base = "[server]\nport = 0\n[storage]\ndata = " + dir.filePath(QStringLiteral("data")).toUtf8()
                                + "\n[invoice]\nseller_name = Kliv AB\naddress = Storgatan 1, 111 22 Stockholm\nvat_number = SE556036079301\n";
        write(conf, base + "org_number = 556036-0794\n");
        const Run badOrg = run({QStringLiteral("--config"), conf});
        QVERIFY(!badOrg.running);
        QVERIFY2(badOrg.err.contains("org_number \"556036-0794\" is not an organisationsnummer"), badOrg.err.constData());
        write(conf, base + "org_number = 556036-0793\n[billing]\ninvoice_grace_days = many\n");
        const Run badGrace = run({QStringLiteral("--config"), conf});
        QVERIFY(!badGrace.running);
        QVERIFY2(badGrace.err.contains("invoice_grace_days"), badGrace.err.constData());
        write(conf, base + "org_number = 556036-0793\n[billing]\ninvoice_grace_days = 30\n");
        const Run good = run({QStringLiteral("--config"), conf});
        QVERIFY2(good.running, good.err.constData());
    }

    void secretsComeFromFilesAndStayOutOfTheLog()
    {
        QTemporaryDir dir;
        const QByteArray secret = "sk_test_fromfile0123456789abcdef";
        write(dir.filePath(QStringLiteral("stripe-key")), secret + "\n");
        const QString conf = dir.filePath(QStringLiteral("billingd.conf"));
        write(conf, "[server]\nport = 0\n[storage]\ndata = " + dir.filePath(QStringLiteral("data")).toUtf8()
                        + "\n[stripe]\nsecret_key_file = " + dir.filePath(QStringLiteral("stripe-key")).toUtf8()
                        + "\nwebhook_secret_file = " + dir.filePath(QStringLiteral("stripe-key")).toUtf8()
                        + "\napi_base = http://127.0.0.1:9\n");
        const Run ok = run({QStringLiteral("--config"), conf});
        QVERIFY2(ok.running, ok.err.constData());
        QVERIFY(!ok.err.contains(secret));
        QVERIFY(!ok.err.contains("fromfile"));
        const Run unreadable = run({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data"), dir.filePath(QStringLiteral("d2"))},
                                   {{QStringLiteral("STRIPE_SECRET_KEY_FILE"), dir.filePath(QStringLiteral("missing"))}});
        QVERIFY(!unreadable.running);
        QVERIFY2(unreadable.err.contains("STRIPE_SECRET_KEY_FILE: cannot read"), unreadable.err.constData());
    }
};

QTEST_GUILESS_MAIN(Config)
#include "tst_config.moc"

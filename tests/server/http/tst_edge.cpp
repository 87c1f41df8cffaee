// The hardened edge as a client meets it on the real kliv-billingd: oversized
// and slow input is refused without the server's memory growing, a descriptor
// limit cannot lock everyone out, and SIGTERM lets what is in flight finish.
// The server runs under `prlimit --nofile=1024:1024`, as a default Linux
// session would start it.
#include "httpconnection.h"
#include "serverfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

namespace {
qint64 rssMiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return -1;
}
} // namespace

class Edge : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_proc;
    QUrl m_base;
    QByteArray m_stderr;

    bool startServer()
    {
        m_proc.setProgram(QStringLiteral("prlimit"));
        m_proc.setArguments({QStringLiteral("--nofile=1024:1024"), ServerFixture::binaryPath(), QStringLiteral("--dev"),
                             QStringLiteral("--no-seed"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                             QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data"), m_dir.path()});
        QObject::connect(&m_proc, &QProcess::readyReadStandardError, this, [this] { m_stderr += m_proc.readAllStandardError(); });
        m_proc.start();
        QByteArray out;
        const bool up = QTest::qWaitFor([&] {
            out += m_proc.readAllStandardOutput();
            return out.contains("listening on") || m_proc.state() == QProcess::NotRunning;
        }, 20000);
        const auto m = QRegularExpression(QStringLiteral("listening on (\\S+)")).match(QString::fromUtf8(out));
        if (!up || !m.hasMatch())
            return false;
        m_base = QUrl(m.captured(1));
        return true;
    }
    qint64 pid() const { return m_proc.processId(); }
    QTcpSocket *connectRaw(QObject *parent)
    {
        auto *s = new QTcpSocket(parent);
        s->connectToHost(QHostAddress::LocalHost, quint16(m_base.port()));
        return s;
    }
    HttpReply healthz() { return HttpConnection(m_base).exec(HttpConnection::buildRequest("GET", "/healthz"), 5000); }
    QByteArray admin(const QStringList &args)
    {
        QProcess p;
        p.start(ServerFixture::binaryPath(), QStringList{QStringLiteral("admin")} + args + QStringList{QStringLiteral("--data"), m_dir.path()});
        p.waitForFinished(20000);
        return p.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The test itself holds over 1,100 sockets.
        rlimit lim{};
        getrlimit(RLIMIT_NOFILE, &lim);
        lim.rlim_cur = lim.rlim_max;
        setrlimit(RLIMIT_NOFILE, &lim);
        QVERIFY(m_dir.isValid());
        QVERIFY2(startServer(), m_stderr.constData());
    }

    void chunkedBodyIsRefusedWhileItArrives()
    {
        const qint64 before = rssMiB(pid());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_base.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /v1/workspaces/ws_x/usage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = QByteArray::number(64 * 1024, 16) + "\r\n" + QByteArray(64 * 1024, 'a') + "\r\n";
        qint64 sent = 0;
        QByteArray answer;
        while (sent < 20LL * 1024 * 1024 && socket.state() == QAbstractSocket::ConnectedState && answer.isEmpty()) {
            socket.write(chunk);
            sent += chunk.size();
            QTest::qWait(1);
            answer += socket.readAll();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!(answer += socket.readAll()).isEmpty() || socket.state() != QAbstractSocket::ConnectedState, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY2(answer.contains("body_too_large"), answer.constData());
        QVERIFY2(sent < 20LL * 1024 * 1024, "the server let all 20 MiB in before answering");
        const qint64 after = rssMiB(pid());
        qInfo("refused after %lld bytes; server RSS %lld -> %lld MiB", sent, before, after);
        QVERIFY(after > 0 && after < 150);
        QCOMPARE(healthz().status, 200);
    }

    void oneMegabyteHeaderLineIs431()
    {
        const HttpReply r = HttpConnection(m_base).exec(
            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(1024 * 1024, 'b') + "\r\n\r\n", 10000);
        QCOMPARE(r.status, 431);
        QCOMPARE(r.errorCode(), QStringLiteral("headers_too_large"));
        QVERIFY(rssMiB(pid()) < 150);
    }

    void hugeWebSocketFrameBeforeAuthenticationIsRefused()
    {
        const qint64 before = rssMiB(pid());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_base.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /v1/workspaces/ws_x/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray handshake;
        QTRY_VERIFY_WITH_TIMEOUT((handshake += socket.readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY2(handshake.startsWith("HTTP/1.1 101"), handshake.constData());
        // One masked binary frame of 64 MiB, announced in its header.
        const quint64 length = 64ULL * 1024 * 1024;
        QByteArray header("\x82\xff", 2);
        for (int i = 7; i >= 0; --i)
            header.append(char((length >> (8 * i)) & 0xff));
        header.append("\x01\x02\x03\x04", 4);
        socket.write(header);
        const QByteArray block(256 * 1024, 'z');
        qint64 sent = 0;
        while (sent < qint64(length) && socket.state() == QAbstractSocket::ConnectedState) {
            socket.write(block);
            sent += block.size();
            socket.waitForBytesWritten(50);
            QTest::qWait(1);
        }
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() != QAbstractSocket::ConnectedState, 10000);
        const qint64 after = rssMiB(pid());
        qInfo("closed after %lld of %llu bytes; server RSS %lld -> %lld MiB", sent, length, before, after);
        QVERIFY2(sent < qint64(length), "the server read the whole frame");
        QVERIFY(after > 0 && after < 150);
    }

    void connectionCloseIsHonoured()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_base.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 5000);
        answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.toLower().contains("connection: close"));
        // HTTP/1.0 without keep-alive: the same.
        QTcpSocket old;
        old.connectToHost(QHostAddress::LocalHost, quint16(m_base.port()));
        QVERIFY(old.waitForConnected(5000));
        old.write("GET /healthz HTTP/1.0\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(old.state() == QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(old.readAll().startsWith("HTTP/1.0 200"));
    }

    // 1,100 clients that never finish their headers, against a server whose
    // process may hold 1,024 descriptors: a fresh client is still answered.
    void halfOpenClientsDoNotLockEveryoneOut()
    {
        QObject holder;
        QList<QTcpSocket *> idle;
        for (int i = 0; i < 1100; ++i) {
            QTcpSocket *s = connectRaw(&holder);
            idle.append(s);
            connect(s, &QTcpSocket::connected, s, [s] { s->write("GET /healthz HTTP/1.1\r\nHost: x\r\n"); });
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::count_if(idle.cbegin(), idle.cend(), [](QTcpSocket *s) {
                                     return s->state() != QAbstractSocket::ConnectingState && s->state() != QAbstractSocket::HostLookupState;
                                 }) == idle.size(), 20000);
        QElapsedTimer t;
        t.start();
        const HttpReply r = healthz();
        qInfo("fresh /healthz with 1,100 half-open clients: %d in %lld ms", r.status, t.elapsed());
        QCOMPARE(r.status, 200);
        QVERIFY(t.elapsed() < 2000);
        QVERIFY(m_proc.state() == QProcess::Running);
    }

    // SIGTERM: what is in flight is answered, the process exits 0, and what was
    // acknowledged is there after a restart. Last: it stops the server.
    void sigtermStopsGracefully()
    {
        const QJsonObject ws = QJsonDocument::fromJson(admin({QStringLiteral("create-workspace"), QStringLiteral("--name"),
                                                              QStringLiteral("Term"), QStringLiteral("--owner-email"),
                                                              QStringLiteral("owner@term.test")})).object();
        const QString wsId = ws.value(QStringLiteral("workspace_id")).toString();
        QVERIFY(!wsId.isEmpty());
        const QString member = ws.value(QStringLiteral("owner_member_id")).toString();
        admin({QStringLiteral("set-plan"), QStringLiteral("--workspace"), wsId, QStringLiteral("--plan"), QStringLiteral("pro-800")});
        const QByteArray service = QJsonDocument::fromJson(admin({QStringLiteral("issue-token"), QStringLiteral("--service")}))
                                       .object().value(QStringLiteral("service_token")).toString().toUtf8();
        QVERIFY(!service.isEmpty());
        std::vector<std::unique_ptr<HttpConnection>> conns;
        QList<HttpReply> replies;
        for (int i = 0; i < 16; ++i) {
            conns.push_back(std::make_unique<HttpConnection>(m_base));
            connect(conns.back().get(), &HttpConnection::finished, this, [&](const HttpReply &r) { replies.append(r); });
            conns.back()->send(HttpConnection::buildRequest(
                "POST", "/v1/workspaces/" + wsId.toUtf8() + "/usage",
                QJsonDocument(ServerFixture::usageBody(member, 1, QStringLiteral("term-%1").arg(i))).toJson(QJsonDocument::Compact),
                service));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!replies.isEmpty(), 10000);   // requests are being served
        ::kill(pid_t(pid()), SIGTERM);
        QVERIFY(m_proc.waitForFinished(10000));
        QCOMPARE(m_proc.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_proc.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 16, 5000);   // every request answered or closed
        int acknowledged = 0;
        for (const HttpReply &r : std::as_const(replies)) {
            QVERIFY2(r.status == 201 || r.status == 0, qPrintable(r.describe()));
            acknowledged += r.status == 201;
        }
        QVERIFY(m_stderr.contains("stopping gracefully"));
        // Restart on the same data: every acknowledged spend is there.
        QVERIFY2(startServer(), m_stderr.constData());
        const QByteArray owner = QJsonDocument::fromJson(admin({QStringLiteral("issue-token"), QStringLiteral("--user"),
                                                                QStringLiteral("owner@term.test")}))
                                     .object().value(QStringLiteral("access_token")).toString().toUtf8();
        const HttpReply b = HttpConnection(m_base).exec(HttpConnection::buildRequest("GET", "/v1/workspaces/" + wsId.toUtf8() + "/balance", {}, owner));
        QCOMPARE(b.status, 200);
        QVERIFY2(b.json().value(QStringLiteral("used")).toInteger() >= acknowledged, qPrintable(b.describe()));
        m_proc.terminate();
        QVERIFY(m_proc.waitForFinished(10000));
    }

    void cleanupTestCase()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }
};

QTEST_GUILESS_MAIN(Edge)
#include "tst_edge.moc"

// EdgeServer over real sockets on 127.0.0.1, server and clients in this process
// (RSS is this process's VmRSS). Short limits keep the timeouts quick.
#include "edge/edgeserver.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>
#include <QWebSocket>

#include <memory>

using namespace edge;

namespace {

qint64 rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return -1;
}

struct Reply {
    int status = 0;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    bool json(const char *code) const { return body.contains(QByteArray("\"code\":\"") + code + '"'); }
};

// A raw client: exact bytes out, answers parsed by Content-Length.
class Client
{
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, [this] { m_wasConnected = true; });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { m_wasClosed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool wasConnected() const { return m_wasConnected; }
    bool wasClosed() const { return m_wasClosed; }   // connected, then closed
    bool waitConnected() { return m_socket.waitForConnected(5000); }
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    QTcpSocket &socket() { return m_socket; }

    // Next answer, or status 0 when none came within timeoutMs.
    Reply read(int timeoutMs = 5000, bool head = false)
    {
        Reply r;
        (void)QTest::qWaitFor([&] { return parse(&r, head) || m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
        if (r.status == 0)
            parse(&r, head);
        return r;
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] {
            m_buffer += m_socket.readAll();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        }, timeoutMs);
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    bool parse(Reply *r, bool head)
    {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        QHash<QByteArray, QByteArray> headers;
        for (int i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const int status = lines.first().split(' ').value(1).toInt();
        const qint64 length = (head || status < 200) ? 0 : headers.value("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return false;
        r->status = status;
        r->headers = headers;
        r->body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_wasConnected = false;
    bool m_wasClosed = false;
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

HttpResponse ok(const QByteArray &body = R"({"status":"ok"})")
{
    HttpResponse r;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = body;
    return r;
}

} // namespace

class TestEdgeServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<EdgeServer> m_server;
    quint16 m_port = 0;
    QList<ResponderPtr> m_held;           // requests the test answers later
    QList<QByteArray> m_targets;

    // An echo server: /hold/... is answered by the test, the rest at once.
    void start(const Limits &limits = {})
    {
        m_held.clear();
        m_targets.clear();
        m_server = std::make_unique<EdgeServer>(limits);
        m_server->setRequestHandler([this](HttpRequest &&request, ResponderPtr responder) {
            m_targets.append(request.target);
            if (request.target.startsWith("/hold")) {
                m_held.append(responder);
                return;
            }
            responder->send(ok(request.method + ' ' + request.target + ' ' + QByteArray::number(request.body.size())));
        });
        m_port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_held.clear();
        m_server.reset();
    }

    void keepAliveAndHead()
    {
        start();
        Client c(m_port);
        c.write(get("/a") + "HEAD /b HTTP/1.1\r\nHost: h\r\n\r\n" + get("/c"));
        Reply r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("GET /a 0"));
        QVERIFY(!r.headers.contains("connection"));
        QVERIFY(r.headers.contains("date"));
        r = c.read(5000, true);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-length"), QByteArray("9"));   // the length of GET's body, none sent
        r = c.read();
        QCOMPARE(r.body, QByteArray("GET /c 0"));   // HEAD sent no body bytes: framing intact
        QVERIFY(c.isOpen());
    }

    void chunkedBodyTooLargeRefusedWhileSending()
    {
        start();
        const qint64 before = rssMiB();
        Client c(m_port);
        QVERIFY(c.waitConnected());
        c.write("POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, 'x') + "\r\n";   // 64 KiB each
        qint64 sent = 0;
        Reply r;
        // Feed while the client's own buffer is small; stop at the answer.
        (void)QTest::qWaitFor([&] {
            while (c.isOpen() && c.socket().bytesToWrite() < 512 * 1024 && sent < 20 * 1024 * 1024) {
                c.write(chunk);
                sent += 0x10000;
            }
            r = c.read(1);
            return r.status != 0 || !c.isOpen();
        }, 30000);
        QCOMPARE(r.status, 413);
        QVERIFY(r.json("body_too_large"));
        QVERIFY2(sent < 20 * 1024 * 1024, "the answer came only after the whole body");
        QVERIFY(c.waitClosed());
        const qint64 after = rssMiB();
        qInfo() << "RSS before" << before << "MiB, after" << after << "MiB, body bytes sent" << sent;
        QVERIFY2(after < 150, QByteArray::number(after));
    }

    void hugeHeaderLine()
    {
        start();
        Client c(m_port);
        QVERIFY(c.waitConnected());
        c.write("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(1024 * 1024, 'h') + "\r\n\r\n");
        const Reply r = c.read();
        QCOMPARE(r.status, 431);
        QVERIFY(r.json("headers_too_large"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
    }

    void longRequestLineAndBadVersion()
    {
        start();
        Client c(m_port);
        c.write("GET /" + QByteArray(20000, 'u') + " HTTP/1.1\r\nHost: h\r\n\r\n");
        QCOMPARE(c.read().status, 414);
        QVERIFY(c.waitClosed());
        Client d(m_port);
        d.write("GET / HTTP/2.0\r\nHost: h\r\n\r\n");
        const Reply r = d.read();
        QCOMPARE(r.status, 505);
        QVERIFY(r.json("http_version_not_supported"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
        QVERIFY(d.waitClosed());
    }

    void contentLengthTooLargeBeforeBody()
    {
        start();
        Client c(m_port);
        c.write("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1048577\r\n\r\n");
        QCOMPARE(c.read().status, 413);   // no 100 Continue first
        QVERIFY(c.waitClosed());
        QVERIFY(m_targets.isEmpty());
    }

    void expectContinue()
    {
        start();
        Client c(m_port);
        c.write("POST /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        Reply r = c.read();
        QCOMPARE(r.status, 100);
        c.write("body");
        r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("POST /e 4"));
    }

    void webSocketHandOffAndHugeFrame()
    {
        start();
        m_server->setWebSocketFilter([](const HttpRequest &r) { return r.url.path() == QLatin1String("/live"); });
        QList<QWebSocket *> accepted;
        connect(m_server.get(), &EdgeServer::newWebSocket, this, [&accepted](QWebSocket *ws) {
            accepted.append(ws);
            connect(ws, &QWebSocket::textMessageReceived, ws, [ws](const QString &m) { ws->sendTextMessage(m.toUpper()); });
        });
        // A normal client: handshake, one message each way, counted toward the cap.
        QWebSocket client;
        QSignalSpy echoed(&client, &QWebSocket::textMessageReceived);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/live").arg(m_port)));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 5000);
        client.sendTextMessage(QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), 1, 5000);
        QCOMPARE(echoed.first().first().toString(), QStringLiteral("HI"));
        QCOMPARE(m_server->connectionCount(), 1);

        // Not accepted by the filter: the handler answers it.
        Client plain(m_port);
        plain.write(get("/other", "Upgrade: websocket\r\nConnection: Upgrade\r\n"));
        QCOMPARE(plain.read().body, QByteArray("GET /other 0"));
        plain.socket().abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 1, 5000);

        // A 64 MiB frame before any message: the socket is closed, nothing is buffered.
        Client raw(m_port);
        raw.write("GET /live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        const Reply hs = raw.read();
        QCOMPARE(hs.status, 101);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 2, 5000);
        const qint64 frameSize = 64 * 1024 * 1024;
        QByteArray header("\x82\xff", 2);   // binary, masked, 64-bit length
        for (int shift = 56; shift >= 0; shift -= 8)
            header += char((frameSize >> shift) & 0xff);
        header += QByteArray("\x01\x02\x03\x04", 4);
        raw.write(header);
        const QByteArray piece(256 * 1024, 'w');
        qint64 sent = 0;
        QVERIFY(QTest::qWaitFor([&] {
            while (raw.isOpen() && raw.socket().bytesToWrite() < 512 * 1024 && sent < frameSize) {
                raw.write(piece);
                sent += piece.size();
            }
            return !raw.isOpen();
        }, 30000));
        qInfo() << "frame bytes sent before the close" << sent << "RSS" << rssMiB() << "MiB";
        QVERIFY(sent < frameSize);
        QVERIFY2(rssMiB() < 150, QByteArray::number(rssMiB()));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 1, 5000);   // the normal client stays
        client.close();
        qDeleteAll(accepted);
    }

    void slowlorisGets408()
    {
        Limits l;
        l.headerTimeoutMs = 400;
        start(l);
        Client c(m_port);
        QVERIFY(c.waitConnected());
        QElapsedTimer t;
        t.start();
        const QByteArray request = get("/slow", "X-A: 1\r\nX-B: 2\r\n");
        int at = 0;
        Reply r;
        // One byte every 50 ms: each byte is "progress", the whole is too slow.
        (void)QTest::qWaitFor([&] {
            if (at < request.size() && t.elapsed() > at * 50)
                c.write(request.mid(at++, 1));
            r = c.read(1);
            return r.status != 0 || !c.isOpen();
        }, 10000);
        QCOMPARE(r.status, 408);
        QVERIFY(r.json("request_timeout"));
        QVERIFY2(t.elapsed() < 3000, QByteArray::number(t.elapsed()));
        QVERIFY(at < request.size());
        QVERIFY(c.waitClosed());
        QVERIFY(m_targets.isEmpty());

        // A connection that sends nothing is closed too.
        Client silent(m_port);
        QVERIFY(silent.waitConnected());
        QVERIFY(silent.waitClosed(3000));
    }

    void slowBodyGets408()
    {
        Limits l;
        l.bodyTimeoutMs = 400;
        start(l);
        Client c(m_port);
        c.write("POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc");
        const Reply r = c.read(3000);
        QCOMPARE(r.status, 408);
        QVERIFY(c.waitClosed());
    }

    void idleKeepAliveClosed()
    {
        Limits l;
        l.idleTimeoutMs = 400;
        start(l);
        Client c(m_port);
        c.write(get("/x"));
        QCOMPARE(c.read().status, 200);
        QElapsedTimer t;
        t.start();
        QVERIFY(c.waitClosed(3000));
        QVERIFY2(t.elapsed() >= 300, QByteArray::number(t.elapsed()));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 3000);
    }

    void connectionCloseHonoured()
    {
        start();
        Client c(m_port);
        c.write(get("/bye", "Connection: close\r\n") + get("/never"));
        const Reply r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
        QCOMPARE(m_targets, QList<QByteArray>{"/bye"});
    }

    void http10()
    {
        start();
        Client c(m_port);
        c.write("GET /old HTTP/1.0\r\n\r\n");
        Reply r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(c.waitClosed());

        Client k(m_port);
        k.write("GET /k1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        r = k.read();
        QCOMPARE(r.headers.value("connection"), QByteArray("keep-alive"));
        k.write("GET /k2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QCOMPARE(k.read().body, QByteArray("GET /k2 0"));
    }

    void pipeliningInOrderFromWorkerThreads()
    {
        Limits l;
        l.maxPipelined = 4;   // 20 requests in one write: the rest waits in the buffers
        start(l);
        QThreadPool pool;
        pool.setMaxThreadCount(8);
        m_server->setRequestHandler([&pool](HttpRequest &&request, ResponderPtr responder) {
            const int i = request.url.path().mid(3).toInt();
            // Later requests finish first.
            pool.start([i, responder, target = request.target] {
                QThread::msleep(ulong((20 - i) * 4));
                responder->send(ok(target));
            });
        });
        Client c(m_port);
        QByteArray burst;
        for (int i = 0; i < 20; ++i)
            burst += get("/p/" + QByteArray::number(i));
        c.write(burst);
        for (int i = 0; i < 20; ++i) {
            const Reply r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "/p/" + QByteArray::number(i));
        }
        pool.waitForDone();
    }

    void answerAfterClientLeftIsDropped()
    {
        start();
        {
            Client c(m_port);
            c.write(get("/hold/gone"));
            QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, 5000);
            c.socket().abort();
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_held.first()->isGone(), 5000);
        m_held.first()->send(ok());   // nothing to write to, nothing breaks
        Client again(m_port);
        again.write(get("/after"));
        QCOMPARE(again.read().status, 200);
    }

    void droppedResponderAnswers500AndSecondSendIgnored()
    {
        start();
        m_server->setRequestHandler([](HttpRequest &&request, ResponderPtr responder) {
            if (request.target == "/twice") {
                responder->send(ok("first"));
                responder->send(ok("second"));
            }
            // any other path: the responder is dropped unanswered
        });
        Client c(m_port);
        c.write(get("/dropped") + get("/twice"));
        Reply r = c.read();
        QCOMPARE(r.status, 500);
        QVERIFY(r.json("internal"));
        r = c.read();
        QCOMPARE(r.body, QByteArray("first"));
        QCOMPARE(c.read(300).status, 0);   // nothing else on the wire
        QVERIFY(c.isOpen());
    }

    void connectionCapEvictsHalfOpen()
    {
        Limits l;
        l.maxConnections = 1000;
        start(l);
        QCOMPARE(m_server->maxConnections(), 1000);
        // An established client with a request in flight must survive the flood.
        Client busy(m_port);
        busy.write(get("/hold/busy"));
        QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, 5000);

        std::vector<std::unique_ptr<Client>> halfOpen;
        for (int i = 0; i < 1100; ++i) {
            halfOpen.push_back(std::make_unique<Client>(m_port));
            halfOpen.back()->write("GET / HTTP/1.1\r\nHost: h\r\n");   // never finished
        }
        // All of them get in (SYNs beyond the backlog are retried by the kernel).
        auto count = [&halfOpen](bool (Client::*what)() const) {
            return std::count_if(halfOpen.begin(), halfOpen.end(), [what](const auto &c) { return (c.get()->*what)(); });
        };
        QTRY_VERIFY2_WITH_TIMEOUT(count(&Client::wasConnected) == 1100, QByteArray::number(count(&Client::wasConnected)), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(count(&Client::wasClosed) >= 100, QByteArray::number(count(&Client::wasClosed)), 10000);
        QCOMPARE(m_server->connectionCount(), 1000);

        QElapsedTimer t;
        t.start();
        Client fresh(m_port);
        fresh.write(get("/healthz"));
        const Reply r = fresh.read(5000);
        QCOMPARE(r.status, 200);
        qInfo() << "fresh GET /healthz at the cap answered in" << t.elapsed() << "ms";
        QVERIFY2(t.elapsed() < 2000, QByteArray::number(t.elapsed()));

        m_held.first()->send(ok("busy done"));
        QCOMPARE(busy.read().body, QByteArray("busy done"));
        // The oldest half-open ones went first.
        QVERIFY(busy.isOpen());
        // The ones that waited longest went first; the latest are still there.
        for (int i = 0; i < 50; ++i)
            QVERIFY2(halfOpen[i]->wasClosed(), QByteArray::number(i));
        for (int i = 1050; i < 1100; ++i)
            QVERIFY2(halfOpen[i]->isOpen(), QByteArray::number(i));
    }

    void capWithEveryoneBusyRefuses503()
    {
        Limits l;
        l.maxConnections = 2;
        start(l);
        Client a(m_port), b(m_port);
        a.write(get("/hold/a"));
        b.write(get("/hold/b"));
        QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 2, 5000);
        Client c(m_port);
        const Reply r = c.read();
        QCOMPARE(r.status, 503);
        QVERIFY(r.json("server_busy"));
        QVERIFY(c.waitClosed());
        m_held[0]->send(ok("a"));
        QCOMPARE(a.read().body, QByteArray("a"));
    }

    void derivedCapFromDescriptorLimit()
    {
        start();   // maxConnections 0: from RLIMIT_NOFILE
        QVERIFY(m_server->maxConnections() > 0);
        QVERIFY(m_server->maxConnections() < 1 << 20);
    }

    void gracefulShutdown()
    {
        start();
        Client inFlight(m_port), idle(m_port);
        inFlight.write(get("/hold/slow"));
        idle.write(get("/quick"));
        QCOMPARE(idle.read().status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, 5000);
        QSignalSpy drained(m_server.get(), &EdgeServer::drained);
        m_server->shutdown(10000);
        QVERIFY(idle.waitClosed());            // idle keep-alive closes now
        QVERIFY(inFlight.isOpen());
        QCOMPARE(drained.size(), 0);
        Client late(m_port);                   // no longer accepting
        QVERIFY(late.waitClosed(3000) || !late.isOpen());
        QElapsedTimer t;
        t.start();
        m_held.first()->send(ok("finally"));
        const Reply r = inFlight.read();
        QCOMPARE(r.body, QByteArray("finally"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 5000);
        QVERIFY2(t.elapsed() < 5000, "drained waited for the grace period");
        QVERIFY(inFlight.waitClosed());
    }

    void shutdownGraceAborts()
    {
        start();
        Client inFlight(m_port);
        inFlight.write(get("/hold/never"));
        QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), 1, 5000);
        QSignalSpy drained(m_server.get(), &EdgeServer::drained);
        m_server->shutdown(300);
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 5000);
        QVERIFY(inFlight.waitClosed());
        QVERIFY(m_held.first()->isGone());
    }
};

QTEST_GUILESS_MAIN(TestEdgeServer)
#include "tst_edge_server.moc"

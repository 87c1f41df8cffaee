// The incremental parser alone: framing, limits at and one past the edge,
// byte-by-byte feeding, pipelining and request smuggling.
#include "edge/httpparser.h"

#include <QTest>

using namespace edge;

namespace {

struct Outcome {
    QList<HttpRequest> requests;
    EdgeError error;
    int continues = 0;
    qsizetype maxBuffered = 0;     // the most the parser held between feeds
};

// Feeds input in pieces of `step` bytes (0 = all at once).
Outcome run(const QByteArray &input, const Limits &limits = {}, int step = 0)
{
    Outcome o;
    HttpParser p(limits);
    const qsizetype n = step > 0 ? step : qMax<qsizetype>(1, input.size());
    for (qsizetype at = 0; at < input.size() && o.error.status == 0; at += n) {
        p.feed(input.mid(at, n));
        for (;;) {
            const HttpParser::Result r = p.parse();
            if (r == HttpParser::Result::NeedMore)
                break;
            if (r == HttpParser::Result::Continue) {
                ++o.continues;
                continue;
            }
            if (r == HttpParser::Result::Error) {
                o.error = p.error();
                break;
            }
            o.requests.append(p.takeRequest());
        }
        o.maxBuffered = qMax(o.maxBuffered, p.bufferedBytes());
    }
    return o;
}

QByteArray get(const QByteArray &target = "/healthz", const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class TestEdgeParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void simpleGet()
    {
        const Outcome o = run(get("/v1/x?month=2026-12", "Accept: */*\r\nX-Empty:\r\n"));
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.size(), 1);
        const HttpRequest &r = o.requests.first();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.target, QByteArray("/v1/x?month=2026-12"));
        QCOMPARE(r.url.path(), QStringLiteral("/v1/x"));
        QCOMPARE(r.url.query(), QStringLiteral("month=2026-12"));
        QCOMPARE(r.header("ACCEPT"), QByteArray("*/*"));
        QCOMPARE(r.header("x-empty"), QByteArray(""));
        QVERIFY(r.keepAlive);
        QVERIFY(r.body.isEmpty());
    }

    void bareLineFeedsAndOws()
    {
        const Outcome o = run("POST /a HTTP/1.1\nHost: h\nContent-Length:   3  \n\nabc");
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.size(), 1);
        QCOMPARE(o.requests.first().body, QByteArray("abc"));
        QCOMPARE(o.requests.first().header("content-length"), QByteArray("3"));
    }

    void keepAliveRules_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1 default") << get() << true;
        QTest::newRow("1.1 close") << get("/", "Connection: close\r\n") << false;
        QTest::newRow("1.1 close in a list") << get("/", "Connection: Upgrade, CLOSE\r\n") << false;
        QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
    }
    void keepAliveRules()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, keepAlive);
        const Outcome o = run(input);
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.size(), 1);
        QCOMPARE(o.requests.first().keepAlive, keepAlive);
    }

    // Every split of a pipelined stream gives the same requests.
    void everyByteBoundary()
    {
        const QByteArray stream = get("/one") + "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
            + "PUT /three HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
              "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n"
            + get("/four", "Connection: close\r\n");
        for (int split = 1; split < stream.size(); ++split) {
            HttpParser p;
            QList<HttpRequest> got;
            for (const QByteArray &part : {stream.left(split), stream.mid(split)}) {
                p.feed(part);
                HttpParser::Result r;
                while ((r = p.parse()) == HttpParser::Result::Request)
                    got.append(p.takeRequest());
                QCOMPARE(r, HttpParser::Result::NeedMore);
            }
            QCOMPARE(got.size(), 4);
            QCOMPARE(got[0].target, QByteArray("/one"));
            QCOMPARE(got[1].body, QByteArray("hello"));
            QCOMPARE(got[2].body, QByteArray("abcde"));
            QCOMPARE(got[2].header("x-trailer"), QByteArray());   // trailers never become headers
            QCOMPARE(got[3].target, QByteArray("/four"));
            QVERIFY(!got[3].keepAlive);
            QVERIFY(!p.hasPartialRequest());
        }
        const Outcome bytewise = run(stream, {}, 1);
        QCOMPARE(bytewise.requests.size(), 4);
        QCOMPARE(bytewise.requests[2].body, QByteArray("abcde"));
    }

    void pipelinedInOneFeed()
    {
        QByteArray stream;
        for (int i = 0; i < 50; ++i)
            stream += get("/r" + QByteArray::number(i));
        const Outcome o = run(stream);
        QCOMPARE(o.requests.size(), 50);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(o.requests[i].target, "/r" + QByteArray::number(i));
    }

    void emptyLinesBetweenRequests()
    {
        const Outcome o = run(get("/a") + "\r\n\r\n" + get("/b"));
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.size(), 2);
    }

    void chunkedWithExtensionsAndTrailers()
    {
        const QByteArray in = "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
                              "A ; name=\"v\"\r\n0123456789\r\n"
                              "1;a;b=c\r\nX\r\n"
                              "0;last\r\nDigest: abc\r\nOther: 1\r\n\r\n";
        for (int step : {0, 1, 3, 7}) {
            const Outcome o = run(in, {}, step);
            QCOMPARE(o.error.status, 0);
            QCOMPARE(o.requests.size(), 1);
            QCOMPARE(o.requests.first().body, QByteArray("0123456789X"));
        }
    }

    void smuggling_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        const QByteArray head = "POST / HTTP/1.1\r\nHost: h\r\n";
        QTest::newRow("CL and TE") << head + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" << 400;
        QTest::newRow("TE and CL") << head + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n" << 400;
        QTest::newRow("duplicate CL differs") << head + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd" << 400;
        QTest::newRow("CL list differs") << head + "Content-Length: 3, 4\r\n\r\nabcd" << 400;
        QTest::newRow("CL sign") << head + "Content-Length: +3\r\n\r\nabc" << 400;
        QTest::newRow("CL negative") << head + "Content-Length: -1\r\n\r\n" << 400;
        QTest::newRow("CL hex") << head + "Content-Length: 0x3\r\n\r\nabc" << 400;
        QTest::newRow("CL empty") << head + "Content-Length:\r\n\r\n" << 400;
        QTest::newRow("TE gzip") << head + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" << 400;
        QTest::newRow("TE twice") << head + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" << 400;
        QTest::newRow("TE in 1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
        QTest::newRow("chunk size hex prefix") << head + "Transfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk size negative") << head + "Transfer-Encoding: chunked\r\n\r\n-1\r\n\r\n" << 400;
        QTest::newRow("chunk size empty") << head + "Transfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk size leading space") << head + "Transfer-Encoding: chunked\r\n\r\n 3\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk size junk") << head + "Transfer-Encoding: chunked\r\n\r\n3g\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk longer than size") << head + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n" << 400;
        QTest::newRow("obs-fold") << head + "X-A: 1\r\n  continued\r\n\r\n" << 400;
        QTest::newRow("space before colon") << head + "Content-Length : 3\r\n\r\nabc" << 400;
        QTest::newRow("no colon") << head + "Broken\r\n\r\n" << 400;
        QTest::newRow("NUL in value") << head + QByteArray("X-A: a\0b\r\n\r\n", 12) << 400;
        QTest::newRow("bare CR in value") << head + "X-A: a\rb\r\n\r\n" << 400;
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("1.1 without host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
        QTest::newRow("HTTP/0.9") << QByteArray("GET / HTTP/0.9\r\n\r\n") << 505;
        QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\xfc\x03\x03\r\n\r\n") << 400;
    }
    void smuggling()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        for (int step : {0, 1}) {
            const Outcome o = run(input, {}, step);
            QCOMPARE(o.error.status, status);
            QVERIFY(o.requests.isEmpty());
            QVERIFY(!o.error.code.isEmpty());
        }
    }

    void identicalDuplicateLengthIsOneLength()
    {
        const Outcome o = run("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 3, 3\r\n\r\nabc");
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.size(), 1);
        QCOMPARE(o.requests.first().body, QByteArray("abc"));
    }

    void requestLineLimit()
    {
        Limits l;
        l.maxRequestLineBytes = 64;
        const QByteArray fixed = "GET / HTTP/1.1";   // 14 bytes; the target grows
        const QByteArray atLimit = "GET /" + QByteArray(64 - fixed.size(), 'a') + " HTTP/1.1";
        QCOMPARE(atLimit.size(), 64);
        for (int step : {0, 1}) {
            Outcome o = run(atLimit + "\r\nHost: h\r\n\r\n", l, step);
            QCOMPARE(o.error.status, 0);
            QCOMPARE(o.requests.size(), 1);
            const QByteArray past = "GET /" + QByteArray(65 - fixed.size(), 'a') + " HTTP/1.1";
            o = run(past + "\r\nHost: h\r\n\r\n", l, step);
            QCOMPARE(o.error.status, 414);
            QCOMPARE(o.error.code, QByteArray("uri_too_long"));
        }
        // Refused before the line ends: no need to wait for the rest.
        Outcome o = run("GET /" + QByteArray(200, 'a'), l);
        QCOMPARE(o.error.status, 414);
    }

    void headerLineLimit()
    {
        Limits l;
        l.maxHeaderLineBytes = 100;
        const QByteArray atLimit = "X-Big: " + QByteArray(100 - 7, 'v');
        QCOMPARE(atLimit.size(), 100);
        for (int step : {0, 1, 13}) {
            Outcome o = run(get("/", atLimit + "\r\n"), l, step);
            QCOMPARE(o.error.status, 0);
            QCOMPARE(o.requests.first().header("x-big").size(), 93);
            o = run(get("/", atLimit + "v\r\n"), l, step);
            QCOMPARE(o.error.status, 431);
            QCOMPARE(o.error.code, QByteArray("headers_too_large"));
        }
        // A 1 MiB header line is refused after the limit, not after a megabyte of buffering.
        Outcome o = run("GET / HTTP/1.1\r\nX-Big: " + QByteArray(1024 * 1024, 'v'), l, 64);
        QCOMPARE(o.error.status, 431);
        QVERIFY2(o.maxBuffered <= 100 + 64, QByteArray::number(o.maxBuffered));
    }

    void headerTotalLimit()
    {
        Limits l;
        l.maxHeaderBytes = 200;
        // "Host: 127.0.0.1" is 15 bytes; fill to exactly 200 with one more line.
        const QByteArray fill = "X-F: " + QByteArray(200 - 15 - 5, 'f');
        Outcome o = run(get("/", fill + "\r\n"), l);
        QCOMPARE(o.error.status, 0);
        o = run(get("/", fill + "f\r\n"), l);
        QCOMPARE(o.error.status, 431);
        o = run(get("/", fill + "f\r\n"), l, 1);
        QCOMPARE(o.error.status, 431);
    }

    void headerCountLimit()
    {
        Limits l;
        l.maxHeaderCount = 10;
        QByteArray nine;
        for (int i = 0; i < 9; ++i)
            nine += "X-" + QByteArray::number(i) + ": v\r\n";   // + Host = 10
        QCOMPARE(run(get("/", nine), l).error.status, 0);
        QCOMPARE(run(get("/", nine + "X-10: v\r\n"), l).error.status, 431);
    }

    void trailersCountTowardHeaderLimits()
    {
        Limits l;
        l.maxHeaderCount = 3;
        const QByteArray head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n";
        QCOMPARE(run(head + "T1: a\r\n\r\n", l).error.status, 0);
        QCOMPARE(run(head + "T1: a\r\nT2: b\r\n\r\n", l).error.status, 431);
    }

    void contentLengthLimit()
    {
        Limits l;
        l.maxBodyBytes = 1000;
        const QByteArray head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: ";
        Outcome o = run(head + "1000\r\n\r\n" + QByteArray(1000, 'b'), l);
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.first().body.size(), 1000);
        // Refused at the headers, before any body byte.
        o = run(head + "1001\r\n\r\n", l);
        QCOMPARE(o.error.status, 413);
        QCOMPARE(o.error.code, QByteArray("body_too_large"));
        o = run(head + "99999999999999999999999999\r\n\r\n", l);
        QCOMPARE(o.error.status, 413);
        QCOMPARE(run(head + "0000000000000000000000001000\r\n\r\n" + QByteArray(1000, 'b'), l).error.status, 0);
    }

    void chunkedLimit()
    {
        Limits l;
        l.maxBodyBytes = 1000;
        const QByteArray head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";
        QByteArray atLimit = head;
        for (int i = 0; i < 10; ++i)
            atLimit += "64\r\n" + QByteArray(100, 'c') + "\r\n";   // 10 x 100 = 1000
        Outcome o = run(atLimit + "0\r\n\r\n", l, 17);
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.first().body.size(), 1000);
        o = run(atLimit + "1\r\nx\r\n0\r\n\r\n", l, 17);
        QCOMPARE(o.error.status, 413);
        // A huge announced chunk is refused at its size line.
        o = run(head + "FFFFFFFFFFFFFFFFFFFFFFFF\r\n", l);
        QCOMPARE(o.error.status, 413);
        // 20 MiB streamed in: refused right after the limit, the buffer stays one feed.
        HttpParser p(l);
        p.feed(head);
        QCOMPARE(p.parse(), HttpParser::Result::NeedMore);
        const QByteArray piece = "100\r\n" + QByteArray(256, 'z') + "\r\n";
        int fed = 0;
        HttpParser::Result r = HttpParser::Result::NeedMore;
        while (r == HttpParser::Result::NeedMore && fed < 20 * 1024 * 1024) {
            p.feed(piece);
            fed += piece.size();
            r = p.parse();
            QVERIFY(p.bufferedBytes() <= piece.size());
        }
        QCOMPARE(r, HttpParser::Result::Error);
        QCOMPARE(p.error().status, 413);
        QVERIFY2(fed < 2000, QByteArray::number(fed));
    }

    void expectContinue()
    {
        const QByteArray head = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
        HttpParser p;
        p.feed(head);
        QCOMPARE(p.parse(), HttpParser::Result::Continue);   // before any body byte
        QCOMPARE(p.parse(), HttpParser::Result::NeedMore);
        QVERIFY(p.inBody());
        p.feed("abc");
        QCOMPARE(p.parse(), HttpParser::Result::Request);
        QCOMPARE(p.takeRequest().body, QByteArray("abc"));
        // Too large: 413 instead of 100.
        Limits l;
        l.maxBodyBytes = 2;
        const Outcome o = run(head, l);
        QCOMPARE(o.continues, 0);
        QCOMPARE(o.error.status, 413);
        // Nothing to wait for without a body.
        QCOMPARE(run("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n").continues, 0);
    }

    void failedParserStaysFailed()
    {
        HttpParser p;
        p.feed("GET / HTTP/3.0\r\nHost: h\r\n\r\n");
        QCOMPARE(p.parse(), HttpParser::Result::Error);
        p.feed(get());
        QCOMPARE(p.parse(), HttpParser::Result::Error);
        QCOMPARE(p.error().status, 505);
    }

    void partialState()
    {
        HttpParser p;
        QVERIFY(!p.hasPartialRequest());
        p.feed("GE");
        QCOMPARE(p.parse(), HttpParser::Result::NeedMore);
        QVERIFY(p.hasPartialRequest());
        QVERIFY(!p.inBody());
        p.feed("T / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n");
        QCOMPARE(p.parse(), HttpParser::Result::NeedMore);
        QVERIFY(p.inBody());
        p.feed("ok");
        QCOMPARE(p.parse(), HttpParser::Result::Request);
        p.takeRequest();
        QVERIFY(!p.hasPartialRequest());
    }

    void absoluteFormAndAsterisk()
    {
        Outcome o = run("GET http://example.com/p?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n");
        QCOMPARE(o.error.status, 0);
        QCOMPARE(o.requests.first().url.path(), QStringLiteral("/p"));
        o = run("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n");
        QCOMPARE(o.error.status, 0);
        QCOMPARE(run("GET nonsense HTTP/1.1\r\nHost: h\r\n\r\n").error.status, 400);
    }
};

QTEST_GUILESS_MAIN(TestEdgeParser)
#include "tst_edge_parser.moc"

// tst_browser: the headless-chromium driver against pages served by this test's own
// QHttpServer (same thread: proves the driver's waits never block the event loop).
#include "browser.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {

const char *formPage = R"html(<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Betala</title></head>
<body><h1>Betalning</h1>
<form action="/submit" method="post">
  <label>E-post <input id="email" name="email"></label>
  <label>Kort <input id="card" name="card" autocomplete="off"></label>
  <button id="go" type="submit">Betala</button>
</form>
<button id="hidden" style="display:none">dold</button>
<button id="later" onclick="setTimeout(() => { document.getElementById('msg').textContent = 'Klart ' + document.getElementById('card').value; }, 300)">Senare</button>
<p id="msg"></p>
</body></html>)html";

bool processUsesPath(const QString &path)
{
    // Any process (chromium or one of its helpers) still started with the profile dir?
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        bool isPid = false;
        it.fileName().toInt(&isPid);
        if (!isPid)
            continue;
        QFile f(it.filePath() + QStringLiteral("/cmdline"));
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(path.toUtf8()))
            return true;
    }
    return false;
}

} // namespace

class TestBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void navigateAndRead();
    void fillTypeClickSubmit();
    void waitsForAsyncChanges();
    void javascriptResultsAndErrors();
    void timeoutsFailClearly();
    void navigationErrorIsReported();
    void screenshotIsPng();
    void destructionKillsChromiumAndRemovesProfile();

private:
    QHttpServer m_server;
    QUrl m_base;
    QList<QUrlQuery> m_submits;
    std::unique_ptr<Browser> m_browser;
};

void TestBrowser::initTestCase()
{
    if (!Browser::available())
        QSKIP("chromium is not installed (/usr/bin/chromium; ./dev deps installs it)");
    m_server.route(QStringLiteral("/"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/html; charset=utf-8"), QByteArray(formPage));
    });
    m_server.route(QStringLiteral("/submit"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        m_submits << QUrlQuery(QString::fromUtf8(req.body()).replace(QLatin1Char('+'), QLatin1Char(' ')));
        QHttpServerResponse r(QHttpServerResponder::StatusCode::Found);
        r.setHeader("Location", "/done?ok=1");
        return r;
    });
    m_server.route(QStringLiteral("/done"), [this] {
        const QString email = m_submits.isEmpty() ? QString()
            : m_submits.last().queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded);
        return QHttpServerResponse(QByteArrayLiteral("text/html; charset=utf-8"),
                                   QStringLiteral("<!doctype html><meta charset=utf-8><p>Tack, %1!</p>").arg(email).toUtf8());
    });
    const quint16 port = m_server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    m_browser = std::make_unique<Browser>();
    QElapsedTimer t;
    t.start();
    QVERIFY2(m_browser->start(), qPrintable(m_browser->errorString()));
    qInfo("chromium up in %lld ms", t.elapsed());
}

void TestBrowser::navigateAndRead()
{
    Browser &b = *m_browser;
    QVERIFY2(b.navigate(m_base.resolved(QUrl(QStringLiteral("/")))), qPrintable(b.errorString()));
    QCOMPARE(b.url(), m_base.toString() + QLatin1Char('/'));
    QCOMPARE(b.evaluate(QStringLiteral("document.title")).toString(), QStringLiteral("Betala"));
    QVERIFY(b.text().contains(QStringLiteral("Betalning")));
    QVERIFY(b.html().contains(QStringLiteral("id=\"card\"")));
    QVERIFY(b.loadCount() >= 1);
}

void TestBrowser::fillTypeClickSubmit()
{
    Browser &b = *m_browser;
    m_submits.clear();
    QVERIFY2(b.navigate(m_base.resolved(QUrl(QStringLiteral("/")))), qPrintable(b.errorString()));
    QVERIFY2(b.fill(QStringLiteral("#email"), QStringLiteral("åsa@exempel.se")), qPrintable(b.errorString()));
    QVERIFY2(b.type(QStringLiteral("#card"), QStringLiteral("4242 4242 4242 4242")), qPrintable(b.errorString()));
    QCOMPARE(b.evaluate(QStringLiteral("document.activeElement.id")).toString(), QStringLiteral("card"));
    QVERIFY2(b.click(QStringLiteral("#go")), qPrintable(b.errorString()));
    QVERIFY2(b.waitForUrl(m_base.toString() + QStringLiteral("/done")), qPrintable(b.errorString()));
    QVERIFY2(b.waitForText(QStringLiteral("Tack, åsa@exempel.se!")), qPrintable(b.errorString()));
    QCOMPARE(m_submits.size(), 1);
    QCOMPARE(m_submits[0].queryItemValue(QStringLiteral("card"), QUrl::FullyDecoded), QStringLiteral("4242 4242 4242 4242"));

    // A hidden element is not clickable, as for a user; a missing one fails after its wait.
    QVERIFY(b.navigate(m_base.resolved(QUrl(QStringLiteral("/")))));
    QVERIFY(!b.click(QStringLiteral("#hidden"), 500));
    QVERIFY2(b.errorString().contains(QStringLiteral("not visible")), qPrintable(b.errorString()));
    QVERIFY(!b.fill(QStringLiteral("#nosuch"), QStringLiteral("x"), 300));
    QVERIFY2(b.errorString().contains(QStringLiteral("#nosuch")), qPrintable(b.errorString()));
}

void TestBrowser::waitsForAsyncChanges()
{
    Browser &b = *m_browser;
    QVERIFY(b.navigate(m_base.resolved(QUrl(QStringLiteral("/")))));
    QVERIFY(b.fill(QStringLiteral("#card"), QStringLiteral("4000")));
    QVERIFY2(b.click(QStringLiteral("#later")), qPrintable(b.errorString()));
    QVERIFY(!b.text().contains(QStringLiteral("Klart"))); // not yet: the page waits 300 ms
    QVERIFY2(b.waitForText(QStringLiteral("Klart 4000"), 5000), qPrintable(b.errorString()));
}

void TestBrowser::javascriptResultsAndErrors()
{
    Browser &b = *m_browser;
    QCOMPARE(b.evaluate(QStringLiteral("Promise.resolve(41 + 1)")).toInt(), 42);
    const QVariantMap m = b.evaluate(QStringLiteral("({a: 'å', n: [1, 2]})")).toMap();
    QCOMPARE(m.value(QStringLiteral("a")).toString(), QStringLiteral("å"));
    QCOMPARE(m.value(QStringLiteral("n")).toList().size(), 2);
    QVERIFY(b.evaluate(QStringLiteral("void 0")).isValid());
    QVERIFY(!b.evaluate(QStringLiteral("throw new Error('bom')")).isValid());
    QVERIFY2(b.errorString().contains(QStringLiteral("bom")), qPrintable(b.errorString()));
    QVERIFY(!b.evaluate(QStringLiteral("this is not javascript")).isValid());
    QVERIFY(!b.errorString().isEmpty());
}

void TestBrowser::timeoutsFailClearly()
{
    Browser &b = *m_browser;
    QVERIFY(b.navigate(m_base.resolved(QUrl(QStringLiteral("/")))));
    QElapsedTimer t;
    t.start();
    QVERIFY(!b.waitForUrl(QStringLiteral("http://nowhere.invalid/"), 400));
    QVERIFY(t.elapsed() < 5000);
    QVERIFY2(b.errorString().contains(QStringLiteral("http://nowhere.invalid/")), qPrintable(b.errorString()));
    QVERIFY2(b.errorString().contains(QStringLiteral("Betalning")), qPrintable(b.errorString())); // page text
    QVERIFY(!b.waitForText(QStringLiteral("finns inte"), 300));
    QVERIFY2(b.errorString().contains(QStringLiteral("finns inte")), qPrintable(b.errorString()));
    // The driver still works after a timeout.
    QCOMPARE(b.evaluate(QStringLiteral("1 + 1")).toInt(), 2);
}

void TestBrowser::navigationErrorIsReported()
{
    Browser &b = *m_browser;
    QTcpServer closed;                      // a port that is surely not listening once closed
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QVERIFY(!b.navigate(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), 5000));
    QVERIFY2(b.errorString().contains(QStringLiteral("ERR_CONNECTION_REFUSED")), qPrintable(b.errorString()));
}

void TestBrowser::screenshotIsPng()
{
    Browser &b = *m_browser;
    QVERIFY(b.navigate(m_base.resolved(QUrl(QStringLiteral("/")))));
    const QByteArray png = b.screenshotPng();
    QVERIFY2(png.startsWith("\x89PNG\r\n\x1a\n"), qPrintable(b.errorString()));
    // IHDR: width and height, big endian, at offsets 16 and 20.
    const auto be32 = [&](int at) { return (quint32(quint8(png[at])) << 24) | (quint32(quint8(png[at + 1])) << 16)
                                         | (quint32(quint8(png[at + 2])) << 8) | quint32(quint8(png[at + 3])); };
    QVERIFY(be32(16) >= 800);
    QVERIFY(be32(20) >= 500);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    QVERIFY2(b.screenshot(path), qPrintable(b.errorString()));
    QVERIFY(QFileInfo(path).size() > 1000);
}

void TestBrowser::destructionKillsChromiumAndRemovesProfile()
{
    auto b = std::make_unique<Browser>();
    QVERIFY2(b->start(), qPrintable(b->errorString()));
    QVERIFY(b->navigate(m_base.resolved(QUrl(QStringLiteral("/")))));
    const QString profile = b->profileDir();
    QVERIFY(QFileInfo::exists(profile));
    QVERIFY(processUsesPath(profile));
    b.reset();
    QVERIFY(!QFileInfo::exists(profile));
    QTRY_VERIFY_WITH_TIMEOUT(!processUsesPath(profile), 5000);
    // A call on a closed browser fails with a message instead of hanging.
    Browser closed;
    QVERIFY(closed.evaluate(QStringLiteral("1")).isNull());
    QVERIFY(closed.errorString().contains(QStringLiteral("not running")));
}

QTEST_GUILESS_MAIN(TestBrowser)
#include "tst_browser.moc"

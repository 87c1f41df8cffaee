// GET /billing/return: the page Stripe Checkout and the Customer Portal send
// the browser back to. Served without a payment provider and outside
// development mode, without a token; unknown results get a 400 page that
// never repeats what it was given.
#include "apitestserver.h"

#include <QTest>

class TstReturnPage : public QObject
{
    Q_OBJECT
private:
    ApiTestServer m_srv{false};   // production mode, no payment provider

    static void verifyHtmlPage(const ApiReply &r, int status)
    {
        QCOMPARE(r.status, status);
        QVERIFY2(r.header("Content-Type").startsWith("text/html"), r.header("Content-Type").constData());
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(r.header("Content-Security-Policy").contains("default-src 'none'"));
        QVERIFY(r.body.startsWith("<!DOCTYPE html>"));
        QVERIFY(r.body.contains("<html lang=\"sv\">"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_srv.start(&error), qPrintable(error));
    }

    void knownResults_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("text");
        // Checkout appends its session id to the success URL; the page ignores it.
        QTest::newRow("success") << "result=success&session_id=cs_test_123" << "Tack för din betalning"
                                 << "din nya plan visas där så snart betalningen har bekräftats";
        QTest::newRow("cancel") << "result=cancel" << "Betalningen avbröts" << "Ingenting har debiterats.";
        QTest::newRow("portal") << "result=portal" << "Klart" << "Dina ändringar är sparade.";
    }
    void knownResults()
    {
        QFETCH(QString, query);
        QFETCH(QString, title);
        QFETCH(QString, text);
        const ApiReply r = m_srv.get(QStringLiteral("/billing/return?") + query);
        verifyHtmlPage(r, 200);
        const QString html = QString::fromUtf8(r.body);
        QVERIFY2(html.contains(QStringLiteral("<h1>%1</h1>").arg(title)), qPrintable(html));
        QVERIFY2(html.contains(text), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("Du kan stänga den här fliken.")));
        QVERIFY(!html.contains(QStringLiteral("Okänd sida")));
    }

    void badResults_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("missing") << "";
        QTest::newRow("empty") << "?result=";
        QTest::newRow("unknown") << "?result=refund";
        QTest::newRow("case") << "?result=SUCCESS";
        QTest::newRow("markup") << "?result=%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        QTest::newRow("quote") << "?result=success%22%3E%3Cimg%20src%3Dx%3E";
    }
    void badResults()
    {
        QFETCH(QString, query);
        const ApiReply r = m_srv.get(QStringLiteral("/billing/return") + query);
        verifyHtmlPage(r, 400);
        QVERIFY2(r.body.contains("<h1>Okänd sida</h1>"), r.body.constData());
        QVERIFY(!r.body.contains("Tack för din betalning"));
        // Nothing of the request comes back, escaped or not.
        for (const char *echo : {"script", "alert", "refund", "SUCCESS", "img", "&lt;"})
            QVERIFY2(!r.body.contains(echo), echo);
    }

    void otherMethodsAreNotServed()
    {
        QCOMPARE(m_srv.post(QStringLiteral("/billing/return?result=success"), {}).status, 405);
    }
};

QTEST_GUILESS_MAIN(TstReturnPage)
#include "tst_returnpage.moc"

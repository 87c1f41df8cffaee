// Stripe-Signature verification: the reference vector made with the official
// stripe-node library, and the ways a forged or stale delivery must fail.
#include "stripe/webhookverifier.h"

#include <QTest>

using stripe::WebhookVerifier;
using R = WebhookVerifier::Result;

// Reference vector (stripe-node generateTestHeaderString, 2026-11).
static const QByteArray kSecret = "whsec_test_secret";
static const QByteArray kPayload = R"({"id":"evt_test_webhook","object":"event"})";
static const QByteArray kHeader =
    "t=1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990";
static constexpr qint64 kT = 1700000000;

class TestWebhookVerifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void referenceVector()
    {
        WebhookVerifier v(kSecret);
        QCOMPARE(v.verify(kPayload, kHeader, kT), R::Ok);
        // Our signer produces the same header as Stripe's.
        QCOMPARE(WebhookVerifier::sign(kSecret, kPayload, kT), kHeader);
    }

    void tamperedBody()
    {
        WebhookVerifier v(kSecret);
        QCOMPARE(v.verify(R"({"id":"evt_test_webhook","object":"event" })", kHeader, kT), R::NoMatch);
        QCOMPARE(v.verify(R"({"id":"evt_test_webhooK","object":"event"})", kHeader, kT), R::NoMatch);
        QCOMPARE(v.verify(QByteArray(), kHeader, kT), R::NoMatch);
    }

    void wrongSecret()
    {
        QCOMPARE(WebhookVerifier("whsec_other").verify(kPayload, kHeader, kT), R::NoMatch);
        // The key is the whole secret including the "whsec_" prefix.
        QCOMPARE(WebhookVerifier("test_secret").verify(kPayload, kHeader, kT), R::NoMatch);
        QCOMPARE(WebhookVerifier("").verify(kPayload, kHeader, kT), R::NoSecret);
    }

    void tolerance()
    {
        WebhookVerifier v(kSecret);
        QCOMPARE(v.verify(kPayload, kHeader, kT + 300), R::Ok);
        QCOMPARE(v.verify(kPayload, kHeader, kT + 301), R::TooOld);
        QCOMPARE(v.verify(kPayload, kHeader, kT + 86400), R::TooOld);
        QCOMPARE(v.verify(kPayload, kHeader, kT - 300), R::Ok);
        // A far-future stamp would make a captured delivery replayable for long.
        QCOMPARE(v.verify(kPayload, kHeader, kT - 301), R::TooNew);
        const QByteArray future = WebhookVerifier::sign(kSecret, kPayload, kT + 3600);
        QCOMPARE(v.verify(kPayload, future, kT), R::TooNew);
    }

    void timestampIsSigned()
    {
        // Moving t to a fresh time without re-signing must fail.
        WebhookVerifier v(kSecret);
        QByteArray moved = kHeader;
        moved.replace("t=1700000000", "t=1700000100");
        QCOMPARE(v.verify(kPayload, moved, kT + 100), R::NoMatch);
    }

    void rotationAnyV1Matches()
    {
        // During rotation Stripe signs with the old and the new secret.
        const QByteArray oldSig = WebhookVerifier::sign("whsec_old", kPayload, kT).split('=').last();
        const QByteArray newSig = WebhookVerifier::sign("whsec_new", kPayload, kT).split('=').last();
        const QByteArray both = "t=1700000000,v1=" + oldSig + ",v1=" + newSig;
        QCOMPARE(WebhookVerifier("whsec_old").verify(kPayload, both, kT), R::Ok);
        QCOMPARE(WebhookVerifier("whsec_new").verify(kPayload, both, kT), R::Ok);
        QCOMPARE(WebhookVerifier("whsec_third").verify(kPayload, both, kT), R::NoMatch);
        // Order and an unknown scheme (v0) do not matter.
        const QByteArray mixed = "v0=abc,v1=" + newSig + ",t=1700000000,v1=" + oldSig;
        QCOMPARE(WebhookVerifier("whsec_old").verify(kPayload, mixed, kT), R::Ok);
    }

    void garbageHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("spaces") << QByteArray("   ");
        QTest::newRow("no t") << QByteArray("v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
        QTest::newRow("no v1") << QByteArray("t=1700000000");
        QTest::newRow("only v0") << QByteArray("t=1700000000,v0=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
        QTest::newRow("t not a number") << QByteArray("t=17e8,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
        QTest::newRow("negative t") << QByteArray("t=-1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
        QTest::newRow("two t") << QByteArray("t=1700000000,t=1700000001,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
        QTest::newRow("short sig") << QByteArray("t=1700000000,v1=d95c6b");
        QTest::newRow("non-hex sig") << QByteArray("t=1700000000,v1=z95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
        QTest::newRow("no equals") << QByteArray("t1700000000,v1d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe,=,=", 7);
        QTest::newRow("huge") << (QByteArray("t=1700000000") + QByteArray(10000, ','));
    }
    void garbageHeaders()
    {
        QFETCH(QByteArray, header);
        QCOMPARE(WebhookVerifier(kSecret).verify(kPayload, header, kT), R::MalformedHeader);
    }
};

QTEST_GUILESS_MAIN(TestWebhookVerifier)
#include "tst_webhookverifier.moc"

// StripeClient against a tiny local QHttpServer that misbehaves on purpose:
// retries, backoff bounds, 429 handling, error mapping, and the Idempotency-Key
// that survives a "crash" because it is stored before the request goes out
// (and a lost PostgreSQL connection: KLIV_TEST_PG_URL).
#include "storage/store.h"
#include "stripe/idempotencykeys.h"
#include "stripe/stripeclient.h"
#include "stripe/stripepaymentprovider.h"
#include "stripe/stripeschema.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTcpServer>
#include <QUrlQuery>
#include <QUuid>

using namespace stripe;

struct Seen {
    QByteArray key, auth, version, contentType, body;
};

class TestStripeClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Store> m_store;   // SQLite, with the Stripe tables
    QHttpServer m_server;
    int m_port = 0;
    // Behaviour of the fake endpoint: a list of responses to give, then 200.
    QList<QHttpServerResponse::StatusCode> m_failures;
    QList<QByteArray> m_failureHeaders;   // header "Name: value" per failure, may be empty
    QByteArray m_failureBody;
    QList<Seen> m_seen;

    StripeConfig config(int port) const
    {
        StripeConfig c;
        c.secretKey = "sk_test_kliv";
        c.apiBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        c.backoffScale = 0.01;   // 5..50 ms instead of 0.5..5 s
        c.requestTimeoutMs = 5000;
        return c;
    }

    StripeResult call(StripeClient &client, const QString &operation, const FormParams &params = {})
    {
        StripeResult out;
        bool done = false;
        client.post(QStringLiteral("/v1/customers"), params, operation, [&](StripeResult r) {
            out = std::move(r);
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qFatal("no answer");
        return out;
    }

    int storedKeys()
    {
        QSqlQuery q(m_store->database());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM stripe_idempotency_keys"));
        q.next();
        return q.value(0).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("schema.sqlite")));
            QVERIFY(db.open());
            QString error;
            QVERIFY2(StripeSchema::migrate(db, &error), qPrintable(error));
            QVERIFY2(StripeSchema::migrate(db, &error), qPrintable(error));   // idempotent
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema"));
        StripePaymentProvider::registerMigrations();
        QString error;
        m_store = storage::Store::open(m_dir.filePath(QStringLiteral("store")), &error);
        QVERIFY2(m_store, qPrintable(error));

        m_server.route(QStringLiteral("/v1/customers"), QHttpServerRequest::Method::Post,
                       [this](const QHttpServerRequest &req) {
            m_seen.append({req.value("Idempotency-Key"), req.value("Authorization"),
                           req.value("Stripe-Version"), req.value("Content-Type"), req.body()});
            if (!m_failures.isEmpty()) {
                QHttpServerResponse r(m_failureBody.isEmpty() ? QByteArray("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")
                                                               : m_failureBody,
                                      m_failures.takeFirst());
                r.setHeader("Content-Type", "application/json");
                const QByteArray h = m_failureHeaders.isEmpty() ? QByteArray() : m_failureHeaders.takeFirst();
                if (!h.isEmpty()) {
                    const auto parts = h.split(':');
                    r.setHeader(parts[0].trimmed(), parts[1].trimmed());
                }
                return r;
            }
            return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), QStringLiteral("cus_123")},
                                                   {QStringLiteral("object"), QStringLiteral("customer")}});
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port > 0);
    }

    void init()
    {
        m_failures.clear();
        m_failureHeaders.clear();
        m_failureBody.clear();
        m_seen.clear();
    }

    void backoffBounds()
    {
        StripeConfig c = config(m_port);
        c.backoffScale = 1.0;
        StripeClient client(c, nullptr);
        const int caps[] = {500, 1000, 2000, 4000, 5000, 5000, 5000};
        for (int n = 1; n <= 7; ++n) {
            for (int i = 0; i < 50; ++i) {
                const int ms = client.backoffMs(n);
                QVERIFY2(ms >= caps[n - 1] / 2 && ms <= caps[n - 1], qPrintable(QString::number(ms)));
            }
        }
    }

    void wireFormat()
    {
        IdempotencyKeys keys(m_store.get());
        StripeClient client(config(m_port), &keys);
        FormParams p;
        p.add(QStringLiteral("email"), QStringLiteral("ägare+1@example.se"));
        p.addNested(QStringLiteral("metadata"), QVariantMap{{QStringLiteral("workspace_id"), QStringLiteral("ws_1")}});
        p.addNested(QStringLiteral("items"), QVariantList{QVariantMap{{QStringLiteral("price"), QStringLiteral("price_pro_200")}}});
        p.addNested(QStringLiteral("description"), QVariant());
        const StripeResult r = call(client, QStringLiteral("wire"), p);
        QVERIFY(r.ok());
        QCOMPARE(r.body.value(QLatin1String("id")).toString(), QStringLiteral("cus_123"));
        QCOMPARE(m_seen.size(), 1);
        QCOMPARE(m_seen[0].auth, QByteArray("Bearer sk_test_kliv"));
        QCOMPARE(m_seen[0].version, QByteArray("2026-10-28.endive"));
        QCOMPARE(m_seen[0].contentType, QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(m_seen[0].key.startsWith("kliv-"));
        QCOMPARE(m_seen[0].body,
                 QByteArray("email=%C3%A4gare%2B1%40example.se&metadata%5Bworkspace_id%5D=ws_1"
                            "&items%5B0%5D%5Bprice%5D=price_pro_200&description="));
        QCOMPARE(storedKeys(), 0);   // a definitive answer releases the key
    }

    void retriesServerErrorsWithOneKey_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("500") << 500 << QByteArray();
        QTest::newRow("503") << 503 << QByteArray();
        QTest::newRow("409 lock") << 409 << QByteArray();
        QTest::newRow("400 + Stripe-Should-Retry: true") << 400 << QByteArray("Stripe-Should-Retry: true");
    }
    void retriesServerErrorsWithOneKey()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        m_failures = {QHttpServerResponse::StatusCode(status), QHttpServerResponse::StatusCode(status)};
        m_failureHeaders = {header, header};
        IdempotencyKeys keys(m_store.get());
        StripeClient client(config(m_port), &keys);
        const StripeResult r = call(client, QStringLiteral("retry-%1").arg(status));
        QVERIFY(r.ok());
        QCOMPARE(r.attempts, 3);
        QCOMPARE(m_seen.size(), 3);
        QCOMPARE(m_seen[1].key, m_seen[0].key);
        QCOMPARE(m_seen[2].key, m_seen[0].key);
    }

    void shouldRetryFalseIsFinal()
    {
        m_failures = {QHttpServerResponse::StatusCode(500)};
        m_failureHeaders = {"Stripe-Should-Retry: false"};
        StripeClient client(config(m_port), nullptr);
        const StripeResult r = call(client, QStringLiteral("no-retry"));
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.error.httpStatus, 502);
        QCOMPARE(r.error.code, QStringLiteral("payment_provider_error"));
    }

    void retriesAreBounded()
    {
        for (int i = 0; i < 10; ++i)
            m_failures.append(QHttpServerResponse::StatusCode(500));
        IdempotencyKeys keys(m_store.get());
        StripeClient client(config(m_port), &keys);
        const StripeResult r = call(client, QStringLiteral("bounded"));
        QCOMPARE(r.attempts, 4);   // 1 + maxNetworkRetries (3)
        QCOMPARE(r.error.httpStatus, 502);
        // Stripe may have done the work: the key stays for the next try.
        QCOMPARE(storedKeys(), 1);
    }

    void rateLimitWaitsAndIsBounded()
    {
        m_failures = {QHttpServerResponse::StatusCode(429)};
        m_failureHeaders = {"Retry-After: 0"};
        StripeClient client(config(m_port), nullptr);
        StripeResult r = call(client, QStringLiteral("rl-once"));
        QVERIFY(r.ok());
        QCOMPARE(r.attempts, 2);

        m_seen.clear();
        for (int i = 0; i < 10; ++i)
            m_failures.append(QHttpServerResponse::StatusCode(429));
        r = call(client, QStringLiteral("rl-always"));
        QCOMPARE(r.attempts, 4);   // 1 + maxRateLimitRetries (3)
        QCOMPARE(r.error.httpStatus, 503);
        QCOMPARE(r.error.code, QStringLiteral("payment_provider_error"));
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("ourStatus");
        QTest::addColumn<QString>("ourCode");
        QTest::newRow("card declined") << 402
            << QByteArray(R"({"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined. req_8XyZ sk_test_leaked"}})")
            << 402 << QStringLiteral("card_declined");
        QTest::newRow("insufficient funds") << 402
            << QByteArray(R"({"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"x"}})")
            << 402 << QStringLiteral("card_declined");
        QTest::newRow("invalid request") << 400
            << QByteArray(R"({"error":{"type":"invalid_request_error","message":"No such price: 'price_x'","param":"items[0][price]"}})")
            << 502 << QStringLiteral("payment_provider_error");
        QTest::newRow("idempotency") << 400
            << QByteArray(R"({"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters"}})")
            << 502 << QStringLiteral("payment_provider_error");
        QTest::newRow("auth") << 401
            << QByteArray(R"({"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_****kliv"}})")
            << 502 << QStringLiteral("payment_provider_error");
        QTest::newRow("not json") << 400 << QByteArray("<html>gateway</html>") << 502 << QStringLiteral("payment_provider_error");
    }
    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, ourStatus);
        QFETCH(QString, ourCode);
        m_failures = {QHttpServerResponse::StatusCode(status)};
        m_failureBody = body;
        StripeClient client(config(m_port), nullptr);
        const StripeResult r = call(client, QStringLiteral("err"));
        QCOMPARE(r.attempts, 1);   // none of these is retried
        QCOMPARE(r.error.httpStatus, ourStatus);
        QCOMPARE(r.error.code, ourCode);
        // The message is ours: no Stripe ids, no key fragments.
        QVERIFY(!r.error.message.contains(QLatin1String("req_")));
        QVERIFY(!r.error.message.contains(QLatin1String("sk_")));
        QVERIFY(!r.error.message.isEmpty());
    }

    void keySurvivesARestart()
    {
        // A port where nothing listens: every attempt is a connection error.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int deadPort = probe.serverPort();
        probe.close();

        const QString op = QStringLiteral("customer:ws_crash");
        {
            IdempotencyKeys keys(m_store.get());
            StripeClient client(config(deadPort), &keys);
            const StripeResult r = call(client, op);
            QCOMPARE(r.httpStatus, 0);
            QCOMPARE(r.attempts, 4);
            QCOMPARE(r.error.code, QStringLiteral("payment_provider_error"));
        }
        QSqlQuery q(m_store->database());
        q.prepare(QStringLiteral("SELECT idem_key FROM stripe_idempotency_keys WHERE operation = ?"));
        q.addBindValue(op);
        QVERIFY(q.exec() && q.next());
        const QByteArray stored = q.value(0).toByteArray();
        QVERIFY(stored.startsWith("kliv-"));

        // "After the restart": new objects, same database, the provider is back.
        IdempotencyKeys keys(m_store.get());
        StripeClient client(config(m_port), &keys);
        QVERIFY(call(client, op).ok());
        QCOMPARE(m_seen.size(), 1);
        QCOMPARE(m_seen[0].key, stored);

        // The operation finished: the next one of the same name is a new operation.
        QVERIFY(call(client, op).ok());
        QCOMPARE(m_seen.size(), 2);
        QVERIFY(m_seen[1].key != stored);
    }

    // The Store reconnects after PostgreSQL drops its connection (restart,
    // failover, a killed backend); the keys must come from the new connection,
    // or a retried charge goes out without its key and may bill twice.
    void keySurvivesAReconnect()
    {
        const QString base = qEnvironmentVariable("KLIV_TEST_PG_URL");
        if (base.isEmpty())
            QSKIP("KLIV_TEST_PG_URL is not set: this test needs a PostgreSQL server (./dev test sets it)");
        const QString schema = QStringLiteral("tst_idem_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        QUrl url(base);
        QUrlQuery query(url);
        query.addQueryItem(QStringLiteral("schema"), schema);
        url.setQuery(query);
        QString error;
        auto store = storage::Store::open(url.toString(), &error, storage::Store::Options{false});
        QVERIFY2(store, qPrintable(error));

        // A second connection, to kill the store's backend and to clean up.
        const QUrl admin(base);
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-admin"));
        other.setHostName(admin.host());
        other.setPort(admin.port(5432));
        other.setUserName(admin.userName());
        other.setPassword(admin.password());
        other.setDatabaseName(admin.path().mid(1));
        QVERIFY2(other.open(), qPrintable(other.lastError().text()));
        QSqlQuery(other).exec(QStringLiteral("SET client_min_messages TO WARNING"));   // DROP ... CASCADE notices
        auto cleanUp = qScopeGuard([&] {
            store.reset();
            QSqlQuery(other).exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema));
            other.close();
            other = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("pg-admin"));
        });
        auto backendPid = [&] {
            QSqlQuery q(store->database());
            return q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next() ? q.value(0).toLongLong() : -1;
        };

        IdempotencyKeys keys(store.get());
        StripeClient client(config(m_port), &keys);
        const QString op = QStringLiteral("upgrade:ws_pg:sub_1:price_pro_400");
        for (int i = 0; i < 4; ++i)
            m_failures.append(QHttpServerResponse::StatusCode(500));
        const StripeResult first = call(client, op);
        QCOMPARE(first.attempts, 4);   // no definitive answer: the key stays
        QCOMPARE(m_seen.size(), 4);
        const QByteArray key = m_seen[0].key;
        QVERIFY(key.startsWith("kliv-"));

        const qint64 pid = backendPid();
        QVERIFY(pid > 0);
        QSqlQuery kill(other);
        QVERIFY2(kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)) && kill.next()
                     && kill.value(0).toBool(),
                 qPrintable(kill.lastError().text()));
        QTRY_VERIFY_WITH_TIMEOUT(store->ping(), 10000);   // reconnects
        QVERIFY(backendPid() != pid);

        const StripeResult retry = call(client, op);
        QVERIFY(retry.ok());
        QCOMPARE(m_seen.size(), 5);
        QCOMPARE(m_seen[4].key, key);
    }

    void scrubbing()
    {
        QCOMPARE(scrubSecrets(QStringLiteral("Invalid API Key provided: sk_test_51Habc and whsec_xyz")),
                 QStringLiteral("Invalid API Key provided: sk_*** and whsec_***"));
    }
};

QTEST_GUILESS_MAIN(TestStripeClient)
#include "tst_stripeclient.moc"

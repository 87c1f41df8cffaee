// kill -9 during a concurrent load of usage posts: after a restart on the same
// data every acknowledged (201) usage is there exactly once, the balance follows
// the rule, and retrying every request spends each key once.
#include "apitest.h"

#include <QJsonArray>
#include <QSet>

#include <functional>

class CrashSafety : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;

    // Keeps `connections` connections busy: each posts the next key's body as soon as
    // its previous request answered, until killWith(). `onReply` hears every answer.
    struct Load {
        QStringList sent;
        bool stopped = false;
        std::vector<std::unique_ptr<HttpConnection>> conns;
        void killWith(ServerFixture &fx)
        {
            stopped = true;
            fx.kill9();   // requests are in flight on every connection
            for (auto &c : conns)
                c->abort();
        }
    };
    void startLoad(Load &load, int connections, const QString &prefix, const QByteArray &path, const QByteArray &token,
                   const std::function<QByteArray(const QString &)> &bodyFor,
                   const std::function<void(const QString &key, const HttpReply &)> &onReply)
    {
        auto sequence = std::make_shared<int>(0);
        for (int c = 0; c < connections; ++c) {
            load.conns.push_back(std::make_unique<HttpConnection>(fx->baseUrl()));
            HttpConnection *conn = load.conns.back().get();
            auto sendNext = [&load, conn, c, sequence, prefix, path, token, bodyFor] {
                const QString key = prefix + QStringLiteral("%1-%2").arg(c).arg(++*sequence);
                load.sent.append(key);
                conn->setProperty("key", key);
                conn->send(HttpConnection::buildRequest("POST", path, bodyFor(key), token));
            };
            connect(conn, &HttpConnection::finished, this, [&load, conn, sendNext, onReply](const HttpReply &r) {
                onReply(conn->property("key").toString(), r);
                if (!load.stopped && r.status != 0 && r.status != 200 && r.status != 201)
                    QWARN(qPrintable(r.describe()));
                if (!load.stopped)
                    sendNext();
            });
            sendNext();
        }
    }
    // Every entry of the month, through the cursor pages.
    void forEachEntry(const QString &workspace, const QString &token, const std::function<void(const QJsonValue &)> &each)
    {
        QString cursor;
        do {
            QString url = QStringLiteral("/v1/workspaces/%1/usage/entries?month=%2&limit=500")
                              .arg(workspace, fx->clock().toString(QStringLiteral("yyyy-MM")));
            if (!cursor.isEmpty())
                url += QStringLiteral("&cursor=") + QString::fromUtf8(QUrl::toPercentEncoding(cursor));
            const HttpReply page = fx->get(url, token);
            KLIV_VERIFY_STATUS(page, 200);
            for (const QJsonValue &e : page.jsonArray("entries"))
                each(e);
            cursor = page.json()[QLatin1String("next_cursor")].toString();
        } while (!cursor.isEmpty());
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void killDuringLoad()
    {
        KLIV_START(fx, apitest::wallClock());
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("Crash"), QStringLiteral("owner@crash.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        const int allowance = 100000;
        QVERIFY2(!fx->setPlan(ws.id, QStringLiteral("enterprise"), allowance).isEmpty(), qPrintable(fx->errorString()));
        const QString service = fx->issueServiceToken();
        const QString owner = fx->issueUserToken(ws.ownerEmail);
        QVERIFY(!service.isEmpty() && !owner.isEmpty());

        // The key doubles as the project, so an entry tells which request it was.
        auto bodyFor = [&](const QString &key) {
            return QJsonDocument(ServerFixture::usageBody(ws.ownerMemberId, 1, key, key)).toJson(QJsonDocument::Compact);
        };
        const QByteArray path = "/v1/workspaces/" + ws.id.toUtf8() + "/usage";
        QHash<QString, QString> acked;           // key -> entry id
        Load load;
        startLoad(load, 16, QStringLiteral("crash-"), path, service.toUtf8(), bodyFor, [&](const QString &key, const HttpReply &r) {
            if (r.status == 201)
                acked.insert(key, r.json()[QLatin1String("entry")][QLatin1String("id")].toString());
        });
        QTRY_VERIFY_WITH_TIMEOUT(acked.size() >= 300, 30000);
        load.killWith(*fx);
        const QStringList &sent = load.sent;
        qInfo("killed after %lld acknowledged of %lld sent", qint64(acked.size()), qint64(sent.size()));

        QVERIFY2(fx->restart(), qPrintable(fx->errorString()));
        QHash<QString, int> entryIds;
        QSet<QString> keysStored;
        forEachEntry(ws.id, owner, [&](const QJsonValue &e) {
            entryIds[e[QLatin1String("id")].toString()]++;
            const QString key = e[QLatin1String("project")].toString();
            QVERIFY2(!keysStored.contains(key), qPrintable(QStringLiteral("key %1 stored twice").arg(key)));
            keysStored.insert(key);
        });
        if (QTest::currentTestFailed())
            return;
        for (auto it = acked.cbegin(); it != acked.cend(); ++it) {
            QVERIFY2(entryIds.value(it.value()) == 1,
                     qPrintable(QStringLiteral("acknowledged %1 (%2) found %3 times").arg(it.key(), it.value()).arg(entryIds.value(it.value()))));
            QVERIFY(keysStored.contains(it.key()));
        }
        for (const QString &key : keysStored)
            QVERIFY2(sent.contains(key), qPrintable(key));
        const qint64 stored = keysStored.size();
        QVERIFY(stored >= acked.size());
        {
            const QJsonObject b = fx->balance(ws.id, owner);
            QCOMPARE(b[QLatin1String("used")].toInteger(), stored);
            QCOMPARE(b[QLatin1String("remaining")].toInteger(), allowance - stored);
        }
        // Retrying every request after the crash: replays answer the first result,
        // the lost ones are spent now; each key exactly once in the end.
        for (const QString &key : std::as_const(sent)) {
            const HttpReply r = fx->send(HttpConnection::buildRequest("POST", path, bodyFor(key), service.toUtf8()));
            KLIV_VERIFY_STATUS(r, 201);
            if (acked.contains(key))
                QCOMPARE(r.json()[QLatin1String("entry")][QLatin1String("id")].toString(), acked.value(key));
        }
        const QJsonObject b = fx->balance(ws.id, owner);
        QCOMPARE(b[QLatin1String("used")].toInteger(), qint64(sent.size()));
        QCOMPARE(b[QLatin1String("remaining")].toInteger(), allowance - sent.size());
    }

    // The same with batches of 20 (group commit of whole batches): a batch is
    // there completely or not at all, every acknowledged batch exactly once.
    void killDuringBatchLoad()
    {
        KLIV_START(fx, apitest::wallClock());
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("CrashBatch"), QStringLiteral("owner@crashbatch.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        const int allowance = 1000000;
        QVERIFY2(!fx->setPlan(ws.id, QStringLiteral("enterprise"), allowance).isEmpty(), qPrintable(fx->errorString()));
        const QString service = fx->issueServiceToken();
        const QString owner = fx->issueUserToken(ws.ownerEmail);
        QVERIFY(!service.isEmpty() && !owner.isEmpty());
        constexpr int PerBatch = 20;
        // Every event of a batch carries the batch's id as its project.
        auto bodyFor = [&](const QString &batch) {
            QJsonArray events;
            for (int i = 0; i < PerBatch; ++i)
                events.append(ServerFixture::usageBody(ws.ownerMemberId, 1, batch + QStringLiteral("-%1").arg(i), batch));
            return QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);
        };
        const QByteArray path = "/v1/workspaces/" + ws.id.toUtf8() + "/usage/batch";
        QSet<QString> acked;
        Load load;
        startLoad(load, 8, QStringLiteral("b"), path, service.toUtf8(), bodyFor, [&](const QString &batch, const HttpReply &r) {
            if (r.status != 200)
                return;
            int created = 0;
            for (const QJsonValue &one : r.jsonArray("results"))
                created += one[QLatin1String("status")].toInt() == 201;
            if (created == PerBatch)
                acked.insert(batch);
        });
        QTRY_VERIFY_WITH_TIMEOUT(acked.size() >= 100, 60000);
        load.killWith(*fx);
        const QStringList &sent = load.sent;
        qInfo("killed after %lld acknowledged batches of %lld sent", qint64(acked.size()), qint64(sent.size()));

        QVERIFY2(fx->restart(), qPrintable(fx->errorString()));
        QHash<QString, int> perBatch;   // batch id -> events stored
        forEachEntry(ws.id, owner, [&](const QJsonValue &e) { perBatch[e[QLatin1String("project")].toString()]++; });
        if (QTest::currentTestFailed())
            return;
        qint64 stored = 0;
        for (auto it = perBatch.cbegin(); it != perBatch.cend(); ++it) {
            QVERIFY2(it.value() == PerBatch, qPrintable(QStringLiteral("batch %1 half applied: %2 of %3").arg(it.key()).arg(it.value()).arg(PerBatch)));
            QVERIFY2(sent.contains(it.key()), qPrintable(it.key()));
            stored += it.value();
        }
        for (const QString &batch : std::as_const(acked))
            QVERIFY2(perBatch.value(batch) == PerBatch, qPrintable(QStringLiteral("acknowledged batch %1 lost").arg(batch)));
        QCOMPARE(fx->balance(ws.id, owner)[QLatin1String("used")].toInteger(), stored);

        // Re-sending every batch spends each event exactly once in the end.
        for (const QString &batch : std::as_const(sent)) {
            const HttpReply r = fx->send(HttpConnection::buildRequest("POST", path, bodyFor(batch), service.toUtf8()));
            KLIV_VERIFY_STATUS(r, 200);
        }
        const QJsonObject b = fx->balance(ws.id, owner);
        QCOMPARE(b[QLatin1String("used")].toInteger(), qint64(sent.size()) * PerBatch);
        QCOMPARE(b[QLatin1String("remaining")].toInteger(), allowance - qint64(sent.size()) * PerBatch);
    }
};

QTEST_GUILESS_MAIN(CrashSafety)
#include "tst_crashsafety.moc"

// The server core against the real binary: a slow write on one workspace (a
// lock held by another database connection) delays neither another workspace's
// balance nor reads of the same workspace, and the waiting spend lands once.
#include "apitest.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

class Core : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;

    // A second connection to the server's database, opened by the test.
    static QSqlDatabase openDirect(const QStringList &dataArgs, const QString &name)
    {
        if (dataArgs.value(0) == QLatin1String("--data")) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dataArgs.value(1) + QStringLiteral("/kliv.sqlite"));
            db.open();
            return db;
        }
        const QUrl url(dataArgs.value(1));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.open();
        return db;
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void slowWriteDoesNotDelayOtherWorkspaces()
    {
        KLIV_START(fx, apitest::wallClock());
        const WorkspaceIds a = fx->createWorkspace(QStringLiteral("Locked"), QStringLiteral("owner@a.test"));
        const WorkspaceIds b = fx->createWorkspace(QStringLiteral("Free"), QStringLiteral("owner@b.test"));
        QVERIFY2(a.isValid() && b.isValid(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(a.id, QStringLiteral("enterprise"), 1000).isEmpty(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(b.id, QStringLiteral("enterprise"), 1000).isEmpty(), qPrintable(fx->errorString()));
        const QString service = fx->issueServiceToken();
        const QString ownerA = fx->issueUserToken(a.ownerEmail);
        const QString ownerB = fx->issueUserToken(b.ownerEmail);
        QVERIFY(!service.isEmpty() && !ownerA.isEmpty() && !ownerB.isEmpty());
        // Warm both paths (connections, token caches) before measuring.
        QCOMPARE(fx->get(QStringLiteral("/v1/workspaces/%1/balance").arg(b.id), ownerB).status, 200);
        QCOMPARE(fx->get(QStringLiteral("/v1/workspaces/%1/balance").arg(a.id), ownerA).status, 200);

        const bool pg = fx->backend() == ServerFixture::Postgres;
        const QString connName = QStringLiteral("core-lock");
        {
            QSqlDatabase db = openDirect(fx->dataArgs(), connName);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            if (pg) {
                QVERIFY2(q.exec(QStringLiteral("BEGIN")), qPrintable(q.lastError().text()));
                q.prepare(QStringLiteral("SELECT id FROM workspaces WHERE id = ? FOR UPDATE"));
                q.addBindValue(a.id);
                QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            } else {
                // Holds SQLite's one write lock (WAL readers still read).
                QVERIFY2(q.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(q.lastError().text()));
            }

            HttpConnection spender(fx->baseUrl());
            HttpReply spent;
            bool spendDone = false;
            connect(&spender, &HttpConnection::finished, this, [&](const HttpReply &r) {
                spent = r;
                spendDone = true;
            });
            const QByteArray body = QJsonDocument(ServerFixture::usageBody(a.ownerMemberId, 7, QStringLiteral("slow-1")))
                                        .toJson(QJsonDocument::Compact);
            spender.send(HttpConnection::buildRequest("POST", "/v1/workspaces/" + a.id.toUtf8() + "/usage", body,
                                                      service.toUtf8()));
            if (pg) {
                // The spend really waits on the row lock before we measure.
                QSqlQuery w(db);
                QTRY_VERIFY_WITH_TIMEOUT(w.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                                                               "WHERE wait_event_type = 'Lock' AND datname = current_database()"))
                                             && w.next() && w.value(0).toInt() >= 1, 10000);
            } else {
                QTest::qWait(50);   // lets the request reach the writer (it waits on busy_timeout)
            }

            qint64 maxNs = 0;
            for (int i = 0; i < 20; ++i) {
                const HttpReply r = fx->get(QStringLiteral("/v1/workspaces/%1/balance").arg(b.id), ownerB);
                KLIV_VERIFY_STATUS(r, 200);
                maxNs = std::max(maxNs, r.elapsedNs);
                QVERIFY2(r.elapsedNs < 500LL * 1000 * 1000,
                         qPrintable(QStringLiteral("balance of B took %1 ms").arg(r.elapsedNs / 1000000)));
            }
            qInfo("max of 20 balances of the other workspace while A is locked: %.1f ms", maxNs / 1e6);
            const HttpReply ra = fx->get(QStringLiteral("/v1/workspaces/%1/balance").arg(a.id), ownerA);
            KLIV_VERIFY_STATUS(ra, 200);
            QVERIFY2(ra.elapsedNs < 500LL * 1000 * 1000, qPrintable(QString::number(ra.elapsedNs / 1000000)));
            QCOMPARE(ra.json()[QLatin1String("used")].toInteger(), 0);
            QVERIFY2(!spendDone, qPrintable(QStringLiteral("the spend did not wait for the lock: %1").arg(spent.describe())));

            QVERIFY2(q.exec(QStringLiteral("ROLLBACK")), qPrintable(q.lastError().text()));
            QTRY_VERIFY_WITH_TIMEOUT(spendDone, 20000);
            KLIV_VERIFY_STATUS(spent, 201);
        }
        QSqlDatabase::removeDatabase(connName);
        const QJsonObject after = fx->balance(a.id, ownerA);
        QCOMPARE(after[QLatin1String("used")].toInteger(), 7);
        const HttpReply entries = fx->get(QStringLiteral("/v1/workspaces/%1/usage/entries?month=%2")
                                              .arg(a.id, fx->clock().toString(QStringLiteral("yyyy-MM"))), ownerA);
        KLIV_VERIFY_STATUS(entries, 200);
        QCOMPARE(entries.jsonArray("entries").size(), 1);
        QCOMPARE(fx->balance(b.id, ownerB)[QLatin1String("used")].toInteger(), 0);
    }
};

QTEST_GUILESS_MAIN(Core)
#include "tst_core.moc"

// `admin backup` under load and `admin restore` (SQLite; PostgreSQL is pg_dump's):
// every event acknowledged before the backup started is in the copy, one
// acknowledged after it finished is not, the restore keeps the database it
// replaces, and neither works against a running server where it must not.
#include "apitest.h"
#include "httpconnection.h"

#include <QFileInfo>
#include <atomic>
#include <mutex>
#include <thread>

class Backup : public QObject
{
    Q_OBJECT

    struct Acked {
        QString key;
        QString entryId;
        qint64 atMs = 0;   // steady clock, when the answer arrived
    };

private Q_SLOTS:
    void backupUnderLoadThenRestore()
    {
        ServerFixture fx(ServerFixture::Sqlite);
        QVERIFY2(fx.start(apitest::wallClock()), qPrintable(fx.errorString()));
        const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("Backup AB"), QStringLiteral("owner@backup.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx.errorString()));
        QVERIFY(!fx.setPlan(ws.id, QStringLiteral("pro-800")).isEmpty());
        QVERIFY(!fx.grant(ws.id, 1000000).isEmpty());   // never short of credits under load
        const QString service = fx.issueServiceToken();
        QVERIFY(!service.isEmpty());

        // Two writers spend 1 credit at a time until told to stop.
        QElapsedTimer clock;
        clock.start();
        std::atomic<bool> stop{false};
        std::mutex lock;
        QList<Acked> acked;
        std::atomic<int> failures{0};
        const QUrl base = fx.baseUrl();
        const auto writer = [&](int id) {
            HttpConnection http(base);
            for (int n = 0; !stop; ++n) {
                const QString key = QStringLiteral("w%1-%2").arg(id).arg(n);
                const QByteArray body = QJsonDocument(ServerFixture::usageBody(ws.ownerMemberId, 1, key)).toJson(QJsonDocument::Compact);
                const HttpReply r = http.exec(HttpConnection::buildRequest(
                    "POST", QStringLiteral("/v1/workspaces/%1/usage").arg(ws.id).toUtf8(), body, service.toUtf8()));
                if (r.status != 201) {
                    ++failures;
                    continue;
                }
                const std::lock_guard<std::mutex> g(lock);
                acked.append({key, r.json().value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString(),
                              clock.elapsed()});
            }
        };
        std::thread a(writer, 1), b(writer, 2);
        QTest::qWait(400);
        const QString file = QDir(QDir::tempPath()).filePath(QStringLiteral("kliv-backup-%1.sqlite").arg(QCoreApplication::applicationPid()));
        QFile::remove(file);
        const qint64 started = clock.elapsed();
        const AdminResult made = fx.admin({QStringLiteral("backup"), QStringLiteral("--to"), file});
        const qint64 finished = clock.elapsed();
        QTest::qWait(400);
        stop = true;
        a.join();
        b.join();
        QVERIFY2(made.ok(), made.err.constData());
        QCOMPARE(failures.load(), 0);
        QVERIFY(QFileInfo(file).size() > 0);
        QCOMPARE(made.json.value(QLatin1String("schema_version")).toInt() >= 3, true);

        QList<Acked> before, after;
        for (const Acked &e : std::as_const(acked)) {
            if (e.atMs < started)
                before.append(e);
            else if (e.atMs > finished)
                after.append(e);
        }
        qInfo() << acked.size() << "events acknowledged," << before.size() << "before the backup," << after.size()
                << "after it; the backup took" << (finished - started) << "ms";
        QVERIFY(before.size() >= 10 && !after.isEmpty());

        // Not onto a running server.
        const AdminResult refused = fx.admin({QStringLiteral("restore"), QStringLiteral("--from"), file});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.out.contains("stop it first"), refused.out.constData());

        fx.stop();
        const AdminResult restored = fx.admin({QStringLiteral("restore"), QStringLiteral("--from"), file});
        QVERIFY2(restored.ok(), restored.out.constData());
        const QString kept = restored.json.value(QLatin1String("previous_kept_as")).toString();
        QVERIFY2(QFileInfo::exists(kept), qPrintable(kept));
        QVERIFY(fx.restart());

        // Replaying a key that the copy holds answers with the same entry; one the
        // copy does not hold is spent anew (another entry).
        for (const Acked &e : std::as_const(before)) {
            const HttpReply r = fx.spend(ws.id, service, ws.ownerMemberId, 1, e.key);
            KLIV_VERIFY_STATUS(r, 201);
            QCOMPARE(r.json().value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString(), e.entryId);
        }
        const HttpReply late = fx.spend(ws.id, service, ws.ownerMemberId, 1, after.constLast().key);
        KLIV_VERIFY_STATUS(late, 201);
        QVERIFY(late.json().value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString() != after.constLast().entryId);
        QFile::remove(file);
    }

    void badInputIsRefusedAndLosesNothing()
    {
        ServerFixture fx(ServerFixture::Sqlite);
        QVERIFY2(fx.start(apitest::wallClock()), qPrintable(fx.errorString()));
        const WorkspaceIds ws = fx.createWorkspace(QStringLiteral("Kvar AB"), QStringLiteral("owner@kvar.test"));
        QVERIFY(ws.isValid());
        QTemporaryDir dir;
        const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile g(garbage);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("this is not a database");
        g.close();
        fx.stop();
        const AdminResult r = fx.admin({QStringLiteral("restore"), QStringLiteral("--from"), garbage});
        QVERIFY(!r.ok());
        QVERIFY2(r.out.contains("not an intact SQLite database"), r.out.constData());
        QVERIFY(!fx.admin({QStringLiteral("restore")}).ok());
        QVERIFY(fx.restart());
        // The database is untouched: the workspace is still there.
        QCOMPARE(fx.balance(ws.id, fx.issueUserToken(ws.ownerEmail)).value(QLatin1String("remaining")).toInt(), 5);
        // A backup never overwrites a file.
        const AdminResult over = fx.admin({QStringLiteral("backup"), QStringLiteral("--to"), garbage});
        QVERIFY(!over.ok());
        QVERIFY2(over.out.contains("exists already"), over.out.constData());
    }
};

QTEST_GUILESS_MAIN(Backup)
#include "tst_backup.moc"

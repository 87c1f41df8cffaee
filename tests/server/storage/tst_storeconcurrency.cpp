// Worked examples 6 and 7 under real concurrency: many Store connections on
// their own threads hitting one workspace at the same moment, on SQLite and
// on PostgreSQL.
#include "storetestdb.h"
#include "storage/wirejson.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <barrier>
#include <thread>
#include <vector>

using namespace storage;
using namespace storetest;

namespace {
// Threads that each own one Store connection and run a task together, released
// at the same instant by a barrier. Reused across rounds so that a round costs
// only the spends.
class Pool
{
public:
    Pool(const TestDb &db, int size) : m_sync(size + 1)
    {
        for (int i = 0; i < size; ++i) {
            m_threads.emplace_back([this, &db, i] {
                auto store = db.open(false);
                if (!store)
                    m_openFailures++;
                m_sync.arrive_and_wait();   // all connections are open
                for (;;) {
                    m_sync.arrive_and_wait();   // start
                    if (m_stop)
                        break;
                    if (store)
                        m_task(*store, i);
                    m_sync.arrive_and_wait();   // done
                }
            });
        }
        m_sync.arrive_and_wait();
    }
    ~Pool()
    {
        m_stop = true;
        m_sync.arrive_and_wait();
        for (auto &t : m_threads)
            t.join();
    }
    bool ok() const { return m_openFailures == 0; }
    void run(std::function<void(Store &, int)> task)
    {
        m_task = std::move(task);
        m_sync.arrive_and_wait();
        m_sync.arrive_and_wait();
    }

private:
    std::barrier<> m_sync;
    std::vector<std::thread> m_threads;
    std::function<void(Store &, int)> m_task;
    std::atomic<bool> m_stop = false;
    std::atomic<int> m_openFailures = 0;
};

struct Ws { QString id; QString owner; };

Ws freshWorkspace(Store &s, int round, const QDateTime &now)
{
    const auto user = s.createUser(QStringLiteral("r%1@example.se").arg(round), QStringLiteral("R"), {}, now);
    const auto ws = user ? s.createWorkspace(QStringLiteral("Round %1").arg(round), user->id, now) : std::nullopt;
    return ws ? Ws{ws->workspace.id, ws->owner.id} : Ws{};
}

qint64 entriesOf(Store &s, const QString &ws)
{
    QSqlQuery q(s.database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM usage_entries WHERE workspace_id = ?"));
    q.addBindValue(ws);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}
} // namespace

class TestStoreConcurrency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactlyTheBalanceSucceeds_data() { addBackendRows(); }
    void exactlyTheBalanceSucceeds();
    void oneIdempotencyKeySpendsOnce_data() { addBackendRows(); }
    void oneIdempotencyKeySpendsOnce();
};

// Example 6, scaled: 64 simultaneous 1-credit spends against a Free balance of
// 5 -> exactly 5 succeed and 59 get "insufficient", 100 times over.
void TestStoreConcurrency::exactlyTheBalanceSucceeds()
{
    STORETEST_DB(db);
    auto main = db.open(false);
    QVERIFY(main);
    constexpr int threads = 64, rounds = 100;
    Pool pool(db, threads);
    QVERIFY(pool.ok());
    const QDateTime now = at("2026-12-01T10:00:00Z");
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < rounds; ++round) {
        const Ws ws = freshWorkspace(*main, round, now.addSecs(-60));
        QVERIFY(!ws.id.isEmpty());
        std::vector<SpendResult> results(threads);
        pool.run([&](Store &s, int i) {
            results[i] = s.spend(ws.id, UsageRequest{QStringLiteral("w%1").arg(i), ws.owner, QStringLiteral("site"),
                                                     QStringLiteral("generate"), 1}, now, catalog());
        });
        int spent = 0, refused = 0;
        QSet<qint64> remainingAfter;
        for (const SpendResult &r : results) {
            if (r.status == SpendStatus::Spent) {
                ++spent;
                remainingAfter.insert(r.balance.balance.remaining);
            } else if (r.status == SpendStatus::Insufficient) {
                ++refused;
                QCOMPARE(r.balance.balance.nextRefillAt, at("2026-12-02T00:00:00Z"));
            } else {
                QFAIL(qPrintable(QStringLiteral("round %1: unexpected status %2: %3").arg(round).arg(int(r.status)).arg(r.error)));
            }
        }
        QCOMPARE(spent, 5);
        QCOMPARE(refused, threads - 5);
        QCOMPARE(remainingAfter, (QSet<qint64>{4, 3, 2, 1, 0}));   // each success saw the one before it
        QCOMPARE(entriesOf(*main, ws.id), 5);
        QCOMPARE(main->balance(ws.id, now, catalog())->balance.remaining, 0);
        // usage + balance per success, nothing for refusals; the 4th and 5th credit of the day
        // cross 75 %, then 90 and 100 % (three credit alerts, each once however the race went).
        QCOMPARE(main->liveSeq(ws.id), 13);
    }
    qInfo("%d rounds of %d concurrent spends: %lld ms", rounds, threads, timer.elapsed());
}

// Example 7, scaled: 16 simultaneous requests with one idempotency key ->
// spent once, 16 identical answers.
void TestStoreConcurrency::oneIdempotencyKeySpendsOnce()
{
    STORETEST_DB(db);
    auto main = db.open(false);
    QVERIFY(main);
    constexpr int threads = 16, rounds = 20;
    Pool pool(db, threads);
    QVERIFY(pool.ok());
    const QDateTime now = at("2026-12-01T10:00:00Z");
    for (int round = 0; round < rounds; ++round) {
        const Ws ws = freshWorkspace(*main, round, now.addSecs(-60));
        QVERIFY(!ws.id.isEmpty());
        std::vector<SpendResult> results(threads);
        pool.run([&](Store &s, int i) {
            results[i] = s.spend(ws.id, UsageRequest{QStringLiteral("the-key"), ws.owner, QStringLiteral("site"),
                                                     QStringLiteral("generate"), 2}, now, catalog());
        });
        int spent = 0;
        for (const SpendResult &r : results) {
            QVERIFY2(r.ok(), qPrintable(r.error));
            spent += r.status == SpendStatus::Spent;
            QCOMPARE(usageEntryToJson(r.entry), usageEntryToJson(results[0].entry));
            QCOMPARE(balanceToJson(r.balance), balanceToJson(results[0].balance));
            QCOMPARE(r.balance.seq, results[0].balance.seq);
        }
        QCOMPARE(spent, 1);
        QCOMPARE(results[0].balance.balance.remaining, 3);
        QCOMPARE(entriesOf(*main, ws.id), 1);
        QCOMPARE(main->balance(ws.id, now, catalog())->balance.remaining, 3);
    }
}

QTEST_GUILESS_MAIN(TestStoreConcurrency)
#include "tst_storeconcurrency.moc"

#pragma once
// Store internals shared by the store*.cpp files. Not part of the interface.
#include "store.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>
#include <initializer_list>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace storage {

constexpr qint64 kDayMs = 86400000;
inline qint64 dayOf(qint64 ms) { return ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs; }
inline qint64 msOf(const QDateTime &t) { return t.toMSecsSinceEpoch(); }
QDateTime fromMs(qint64 ms);
// [a, b) read as whole UTC days [firstWhole, endWhole) from the roll-ups and
// the partial first and last day, [a, headEnd) and [tailStart, b), from raw events.
struct DaySplit {
    qint64 firstWhole = 0, endWhole = 0, headEnd = 0, tailStart = 0;
    bool split = false;   // there are whole days at all
};
inline DaySplit splitDays(qint64 a, qint64 b)
{
    DaySplit s;
    s.firstWhole = dayOf(a + kDayMs - 1);
    s.endWhole = dayOf(b);
    s.split = s.firstWhole < s.endWhole;
    s.headEnd = s.split ? s.firstWhole * kDayMs : b;
    s.tailStart = s.split ? s.endWhole * kDayMs : b;
    return s;
}
QVariant optMs(const QDateTime &t);           // typed NULL when invalid
QDateTime optFromMs(const QVariant &v);       // invalid when NULL
QString newId(const char *prefix);
QList<Migration> coreMigrations();
// One CSV field: RFC 4180 quoting, a leading = + - @ defused (storehistory.cpp).
QByteArray csvField(QString value);

class Store::Private
{
public:
    explicit Private(Store *q) : q(q) {}

    Store *q;
    QSqlDatabase db;
    QString connectionName;
    Dialect dialect = Dialect::Sqlite;
    QString schema;                 // PostgreSQL schema ("" = default search_path)
    QString lastError;
    int txDepth = 0;
    bool txWrite = false;           // the open transaction may write
    bool txFailed = false;
    struct Event { QString workspaceId; qint64 seq; QString type; QJsonObject data; };
    QList<Event> pending;           // SQLite: emitted after the outermost commit
    QHash<QString, QSqlQuery *> cache;

    ~Private();

    // Runs a cached prepared statement with positional arguments. nullptr on
    // failure (lastError set). The caller reads rows and must not keep it.
    QSqlQuery *exec(const QString &sql, std::initializer_list<QVariant> args = {});
    QSqlQuery *exec(const QString &sql, const QVariantList &args);
    bool execDirect(const QString &sql);       // unprepared (DDL, BEGIN, PRAGMA)
    std::optional<QVariant> scalar(const QString &sql, std::initializer_list<QVariant> args = {});
    bool fail(const QString &what);            // sets lastError, returns false
    bool setUpSession();                       // PostgreSQL: notices, schema, search_path
    bool recoverConnection();                  // true = reconnected, retry the statement
    bool connectPostgres();                    // (re)connects, LISTENs when `listen`
    QUrl url;                                  // PostgreSQL
    QString location;                          // as given to open()
    bool listen = false;
    bool reconnecting = false;
    bool isUniqueViolation(const QSqlQuery &query) const;
    // Runs `sqlWithIn` (one "%1" for the IN list) over `values` in chunks of a
    // fixed size (the last padded by repeating a value), so one prepared
    // statement serves every call. `row` reads each result row.
    bool execInChunks(const QString &sqlWithIn, const QStringList &values,
                      const std::function<void(const QSqlQuery &)> &row);

    bool begin(bool write);
    bool commit();
    void rollback();
    // Read-only snapshot for several statements (joins an open transaction).
    template<typename F> auto read(F &&fn) -> decltype(fn());

    bool migrate(const QString &module, const QList<Migration> &migrations, QString *error);

    // Inside a write transaction: the next seq and its announcement.
    qint64 announce(const QString &workspaceId, const QString &type, const QJsonObject &data);
    // The same with a seq the caller keeps (live_seq is written by the caller, in the same transaction).
    bool announceAs(const QString &workspaceId, qint64 seq, const QString &type, const QJsonObject &data);
    void deliver(const QString &payload);      // a NOTIFY arrived

    // Workspace rows and the subscription columns.
    // lock: inside a write transaction, lock the workspace row (PostgreSQL;
    // SQLite holds the database lock since BEGIN IMMEDIATE).
    // nullopt when the workspace does not exist (*notFound = true) or on a
    // database error (*notFound = false): decided here, never from lastError's text.
    std::optional<billing::SubscriptionState> loadState(const QString &workspaceId, bool lock = false, qint64 *seq = nullptr,
                                                        bool *notFound = nullptr);
    bool saveState(const QString &workspaceId, const billing::SubscriptionState &s);
    // Locks the workspace, applies advanceTo(now), saves and announces when it
    // changed. nullopt when the workspace does not exist (*notFound) or on error.
    struct Locked { billing::SubscriptionState state; qint64 seq = 0; };
    std::optional<Locked> lockAndAdvance(const QString &workspaceId, const QDateTime &now,
                                         const billing::PlanCatalog &catalog, bool *notFound);
    // Usage totals for the balance windows, from the day roll-ups plus at most
    // two partial days of raw events.
    std::optional<billing::UsageTotals> totals(const QString &workspaceId, const billing::SubscriptionState &s,
                                               const QDateTime &now);
    bool cycleTotals(const QString &workspaceId, const billing::UsageWindows &w, billing::UsageTotals *t);
    std::optional<BalanceInfo> computeBalance(const QString &workspaceId, const billing::SubscriptionState &s,
                                              const QDateTime &now, const billing::PlanCatalog &catalog, qint64 seq);
    // Per member usage in [a, b) ms (members without usage absent), or one member's.
    std::optional<QHash<QString, qint64>> memberUsage(const QString &workspaceId, qint64 a, qint64 b,
                                                      const QString &memberId);
    std::optional<QHash<QString, billing::MemberLimit>> memberLimitsOf(const QString &workspaceId,
                                                                       const billing::SubscriptionState &s,
                                                                       const billing::Plan &plan, const QDateTime &now,
                                                                       const QString &memberId);
    std::optional<billing::Forecast> forecastFor(const QString &workspaceId, const billing::Balance &b, const QDateTime &now);
    // Announces "subscription" and "balance"; returns the last seq (-1 on error).
    qint64 announceState(const QString &workspaceId, const billing::SubscriptionState &s,
                         const QDateTime &now, const billing::PlanCatalog &catalog, qint64 seq);
    // [startMs, endMs) of the workspace's entries, oldest first.
    std::optional<QByteArray> usageCsv(const QString &workspaceId, qint64 startMs, qint64 endMs, const QString &memberId,
                                       bool *notFound);
    bool insertToken(const NewToken &token, const QString &familyId, const QDateTime &now);
    std::optional<Member> loadMember(const QString &workspaceId, const QString &memberId, bool activeOnly);
    // One transaction under the workspace lock: finds the active member, then
    // `apply` decides and writes; anything but Done/refusals rolls back.
    MemberChange changeMember(Store &store, const QString &workspaceId, const QString &memberId,
                              const std::function<MemberChange(const Member &)> &apply);
    // Whether the workspace has at most one owner left (nullopt on a database error).
    std::optional<bool> atLastOwner(const QString &workspaceId);
    // Inside a write transaction (audit.h): the entry, in the same transaction as its change.
    bool appendAudit(const AuditEntry &entry);
    // The entries a subscription change stands for (plan.*, subscription.*).
    bool auditState(const QString &workspaceId, const billing::SubscriptionState &before,
                    const billing::SubscriptionState &after, const Actor &actor, const QDateTime &at);
    struct SpendRun;
    bool announceAlerts(SpendRun &run, const billing::Balance &before, const billing::Balance &after, const QDateTime &now);
    SpendResult spendInRun(SpendRun &run, const UsageRequest &r, const QDateTime &now, bool announceBalance);
    qint64 announceInRun(SpendRun &run, const QString &type, const QJsonObject &data);
    bool flushRun(SpendRun &run);
    bool spendRunOf(const QList<Store::SpendJob> &jobs, qsizetype first, qsizetype last,
                    const billing::PlanCatalog &catalog, QList<BatchResult> *out, qsizetype *next);
};

template<typename F>
auto Store::Private::read(F &&fn) -> decltype(fn())
{
    if (txDepth > 0)
        return fn();
    if (!begin(false))
        return decltype(fn())();
    auto result = fn();
    rollback();   // nothing was written; ends the snapshot
    return result;
}

} // namespace storage

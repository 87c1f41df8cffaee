// Opening, migrations, transactions and the live channel.
#include "store_p.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "kliv.storage")

namespace storage {

namespace {
const QString kChannel = QStringLiteral("kliv_live");
const QString kCore = QStringLiteral("core");
QAtomicInteger<quint64> s_connectionCounter;
QMutex s_registryMutex;
QMap<QString, QList<Migration>> &registry()
{
    static QMap<QString, QList<Migration>> r;
    return r;
}

// postgresql://user:pw@host:port/db -> a connection; never logs the password.
QString redactedUrl(const QUrl &url)
{
    QUrl u(url);
    u.setPassword(QString());
    return u.toString();
}
} // namespace

QDateTime fromMs(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }
QVariant optMs(const QDateTime &t)
{
    return t.isValid() ? QVariant(qint64(t.toMSecsSinceEpoch())) : QVariant(QMetaType::fromType<qint64>());
}
QDateTime optFromMs(const QVariant &v) { return v.isNull() ? QDateTime() : fromMs(v.toLongLong()); }
QString newId(const char *prefix)
{
    return QLatin1String(prefix) + QString::fromLatin1(QUuid::createUuid().toByteArray(QUuid::Id128));
}

Store::Private::~Private()
{
    qDeleteAll(cache);
    cache.clear();
}

bool Store::Private::fail(const QString &what)
{
    lastError = what;
    qCWarning(lcStore) << what;
    return false;
}

QSqlQuery *Store::Private::exec(const QString &sql, std::initializer_list<QVariant> args)
{
    return exec(sql, QVariantList(args));
}

bool Store::Private::execInChunks(const QString &sqlWithIn, const QStringList &values,
                                  const std::function<void(const QSqlQuery &)> &row)
{
    constexpr int kChunk = 64;
    QStringList marks;
    for (int i = 0; i < kChunk; ++i)
        marks.append(QStringLiteral("?"));
    const QString sql = sqlWithIn.arg(marks.join(QLatin1Char(',')));
    for (int at = 0; at < values.size(); at += kChunk) {
        QVariantList args;
        for (int i = 0; i < kChunk; ++i)
            args.append(values.at(qMin(at + i, int(values.size()) - 1)));
        QSqlQuery *q = exec(sql, args);
        if (!q)
            return false;
        while (q->next())
            row(*q);
        q->finish();
    }
    return true;
}

QSqlQuery *Store::Private::exec(const QString &sql, const QVariantList &args)
{
    QSqlQuery *query = cache.value(sql);
    if (!query) {
        query = new QSqlQuery(db);
        // Not on PostgreSQL: Qt 6.4's forward-only mode (libpq single-row mode)
        // leaves the connection so that LISTEN notifications are no longer
        // delivered while idle.
        query->setForwardOnly(dialect == Dialect::Sqlite);
        if (!query->prepare(sql)) {
            const QString error = query->lastError().text();
            delete query;
            if (recoverConnection())
                return exec(sql, args);
            fail(QStringLiteral("prepare failed: %1 (%2)").arg(error, sql.left(80)));
            return nullptr;
        }
        cache.insert(sql, query);
    }
    query->finish();
    for (int i = 0; i < args.size(); ++i) {
        const QVariant &v = args.at(i);
        // A null QString means "no text" here, not SQL NULL (that is a typed null QVariant).
        if (!v.isNull() && v.metaType().id() == QMetaType::QString && v.toString().isNull())
            query->bindValue(i, QString(QLatin1String("")));
        else
            query->bindValue(i, v);
    }
    if (!query->exec()) {
        const QString error = query->lastError().text();
        if (recoverConnection())
            return exec(sql, args);
        fail(QStringLiteral("query failed: %1 (%2)").arg(error, sql.left(80)));
        return nullptr;
    }
    return query;
}

bool Store::Private::execDirect(const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        const QString error = query.lastError().text();
        query.finish();
        if (recoverConnection())
            return execDirect(sql);
        return fail(QStringLiteral("statement failed: %1 (%2)").arg(error, sql.left(80)));
    }
    return true;
}

bool Store::Private::setUpSession()
{
    if (dialect != Dialect::Postgres)
        return true;
    // Expected notices ("already exists, skipping") are not worth stderr lines.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SET client_min_messages TO WARNING")))
        return fail(query.lastError().text());
    if (!schema.isEmpty()
        && (!query.exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1").arg(schema))
            || !query.exec(QStringLiteral("SET search_path TO %1").arg(schema))))
        return fail(query.lastError().text());
    return true;
}

// PostgreSQL went away (restart, failover, a terminated backend): outside a
// transaction, reconnect once and let the caller retry. Inside one the
// transaction is lost anyway; the caller fails and the next call reconnects.
bool Store::Private::recoverConnection()
{
    if (dialect != Dialect::Postgres || txDepth > 0 || reconnecting)
        return false;
    {
        QSqlQuery probe(db);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return false;   // the connection is fine: the statement itself failed
    }
    reconnecting = true;
    qCWarning(lcStore) << "database connection lost, reconnecting";
    const bool ok = connectPostgres();
    reconnecting = false;
    return ok;
}

// A fresh QSqlDatabase (and driver) each time: a driver whose connection broke
// keeps stale LISTEN state that a plain close()/open() does not reset.
bool Store::Private::connectPostgres()
{
    qDeleteAll(cache);
    cache.clear();
    if (!connectionName.isEmpty()) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
    }
    connectionName = QStringLiteral("kliv_store_%1").arg(++s_connectionCounter);
    db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    if (!db.open())
        return fail(QStringLiteral("cannot connect to %1: %2").arg(redactedUrl(url), db.lastError().text()));
    if (!setUpSession())
        return false;
    if (!listen)
        return true;
    QSqlDriver *driver = db.driver();
    if (!driver->subscribeToNotification(kChannel))
        return fail(QStringLiteral("cannot LISTEN %1: %2").arg(kChannel, driver->lastError().text()));
    QObject::connect(driver, &QSqlDriver::notification, q,
                     [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                         if (name == kChannel)
                             deliver(payload.toString());
                     });
    return true;
}

std::optional<QVariant> Store::Private::scalar(const QString &sql, std::initializer_list<QVariant> args)
{
    QSqlQuery *query = exec(sql, args);
    if (!query)
        return std::nullopt;
    QVariant v;
    if (query->next())
        v = query->value(0);
    query->finish();
    return v;
}

bool Store::Private::isUniqueViolation(const QSqlQuery &query) const
{
    const QSqlError e = query.lastError();
    return e.nativeErrorCode() == QLatin1String("23505")
        || e.text().contains(QLatin1String("UNIQUE constraint failed"), Qt::CaseInsensitive);
}

bool Store::Private::begin(bool write)
{
    if (txDepth > 0) {
        ++txDepth;
        return true;
    }
    QString sql;
    if (dialect == Dialect::Sqlite)
        sql = write ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    else
        sql = write ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!execDirect(sql))
        return false;
    txDepth = 1;
    txWrite = write;
    txFailed = false;
    pending.clear();
    return true;
}

bool Store::Private::commit()
{
    if (txDepth > 1) {
        --txDepth;
        return !txFailed;
    }
    if (txFailed) {
        rollback();
        return false;
    }
    for (QSqlQuery *query : std::as_const(cache))
        query->finish();
    if (!execDirect(QStringLiteral("COMMIT"))) {
        rollback();
        return false;
    }
    txDepth = 0;
    // SQLite has no NOTIFY: deliver locally, now that it is durable.
    const QList<Event> events = std::exchange(pending, {});
    for (const Event &e : events)
        Q_EMIT q->liveEvent(e.workspaceId, e.seq, e.type, e.data);
    return true;
}

void Store::Private::rollback()
{
    if (txDepth > 1) {
        --txDepth;
        txFailed = true;
        return;
    }
    for (QSqlQuery *query : std::as_const(cache))
        query->finish();
    QSqlQuery query(db);
    query.exec(QStringLiteral("ROLLBACK"));
    txDepth = 0;
    txFailed = false;
    pending.clear();
}

qint64 Store::Private::announce(const QString &workspaceId, const QString &type, const QJsonObject &data)
{
    const auto seq = scalar(QStringLiteral("UPDATE workspaces SET live_seq = live_seq + 1 WHERE id = ? RETURNING live_seq"),
                            {workspaceId});
    if (!seq || seq->isNull()) {
        txFailed = true;
        return -1;
    }
    const qint64 n = seq->toLongLong();
    if (!announceAs(workspaceId, n, type, data))
        return -1;
    return n;
}

bool Store::Private::announceAs(const QString &workspaceId, qint64 n, const QString &type, const QJsonObject &data)
{
    if (dialect == Dialect::Postgres) {
        // Delivered by PostgreSQL after commit to every listener, this one included.
        const QJsonObject payload{{QStringLiteral("schema"), schema}, {QStringLiteral("ws"), workspaceId},
                                  {QStringLiteral("seq"), n}, {QStringLiteral("type"), type},
                                  {QStringLiteral("data"), data}};
        QString text = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
        if (text.toUtf8().size() > 7900) {
            // NOTIFY payloads stop at 8000 bytes: announce without the data (receivers refetch).
            QJsonObject small = payload;
            small.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("omitted"), true}});
            text = QString::fromUtf8(QJsonDocument(small).toJson(QJsonDocument::Compact));
        }
        if (!scalar(QStringLiteral("SELECT pg_notify('kliv_live', ?)"), {text})) {
            txFailed = true;
            return false;
        }
    } else {
        pending.append(Event{workspaceId, n, type, data});
    }
    return true;
}

void Store::Private::deliver(const QString &payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload.toUtf8()).object();
    if (o.value(QStringLiteral("schema")).toString() != schema)
        return;   // another isolated instance sharing the database
    Q_EMIT q->liveEvent(o.value(QStringLiteral("ws")).toString(), o.value(QStringLiteral("seq")).toInteger(),
                        o.value(QStringLiteral("type")).toString(), o.value(QStringLiteral("data")).toObject());
}

bool Store::Private::migrate(const QString &module, const QList<Migration> &migrations, QString *error)
{
    auto failWith = [&](const QString &message) {
        rollback();
        if (error)
            *error = QStringLiteral("migration %1: %2").arg(module, message);
        return false;
    };
    if (!begin(true))
        return failWith(lastError);
    if (dialect == Dialect::Postgres && !execDirect(QStringLiteral("SELECT pg_advisory_xact_lock(7134001)")))
        return failWith(lastError);
    if (!execDirect(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (module TEXT NOT NULL, version INTEGER NOT NULL, "
                                   "description TEXT NOT NULL, applied_ms BIGINT NOT NULL, PRIMARY KEY (module, version))")))
        return failWith(lastError);
    const auto current = scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version WHERE module = ?"), {module});
    if (!current)
        return failWith(lastError);
    int applied = current->toInt();
    QList<Migration> ordered = migrations;
    std::sort(ordered.begin(), ordered.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (const Migration &m : std::as_const(ordered)) {
        if (m.version <= applied)
            continue;
        if (m.version != applied + 1)
            return failWith(QStringLiteral("version %1 follows %2 (gap)").arg(m.version).arg(applied));
        for (const QString &sql : dialect == Dialect::Sqlite ? m.sqlite : m.postgres) {
            if (!execDirect(sql))
                return failWith(lastError);
        }
        if (!exec(QStringLiteral("INSERT INTO schema_version (module, version, description, applied_ms) VALUES (?, ?, ?, ?)"),
                  {module, m.version, m.description, QDateTime::currentMSecsSinceEpoch()}))
            return failWith(lastError);
        applied = m.version;
        qCDebug(lcStore) << "applied migration" << module << m.version << m.description;
    }
    if (!commit())
        return failWith(lastError);
    return true;
}

Store::Store(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this)) {}

Store::~Store()
{
    const QString name = d->connectionName;
    qDeleteAll(d->cache);
    d->cache.clear();
    d->db.close();
    d->db = QSqlDatabase();
    if (!name.isEmpty())
        QSqlDatabase::removeDatabase(name);
}

std::unique_ptr<Store> Store::open(const QString &where, QString *error) { return open(where, error, Options{}); }

std::unique_ptr<Store> Store::open(const QString &where, QString *error, const Options &options)
{
    auto failOpen = [error](const QString &message) -> std::unique_ptr<Store> {
        if (error)
            *error = message;
        qCWarning(lcStore) << message;
        return nullptr;
    };
    std::unique_ptr<Store> store(new Store);
    Private *d = store->d.get();
    d->location = where;
    if (where.startsWith(QLatin1String("postgresql://")) || where.startsWith(QLatin1String("postgres://"))) {
        d->url = QUrl(where);
        if (!d->url.isValid() || d->url.host().isEmpty() || d->url.path().size() < 2)
            return failOpen(QStringLiteral("invalid PostgreSQL URL (expected postgresql://user@host:port/db)"));
        d->dialect = Dialect::Postgres;
        d->schema = QUrlQuery(d->url).queryItemValue(QStringLiteral("schema"));
        static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
        if (!d->schema.isEmpty() && !identifier.match(d->schema).hasMatch())
            return failOpen(QStringLiteral("invalid schema name in the PostgreSQL URL"));
        d->listen = false;   // LISTEN once the schema is migrated
        if (!d->connectPostgres())
            return failOpen(d->lastError);
    } else {
        QString dir = where;
        if (dir.startsWith(QLatin1String("file://")))
            dir = QUrl(dir).toLocalFile();
        if (dir.isEmpty())
            return failOpen(QStringLiteral("no data directory given"));
        if (!QDir().mkpath(dir))
            return failOpen(QStringLiteral("cannot create the data directory %1").arg(dir));
        const QFileInfo info(dir);
        if (!info.isDir() || !info.isWritable())
            return failOpen(QStringLiteral("the data directory %1 is not writable").arg(dir));
        d->dialect = Dialect::Sqlite;
        d->connectionName = QStringLiteral("kliv_store_%1").arg(++s_connectionCounter);
        d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
        d->db.setDatabaseName(QDir(dir).filePath(QStringLiteral("kliv.sqlite")));
        d->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
        if (!d->db.open())
            return failOpen(QStringLiteral("cannot open %1: %2").arg(d->db.databaseName(), d->db.lastError().text()));
        QSqlQuery wal(d->db);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !wal.next()
            || wal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return failOpen(QStringLiteral("cannot use WAL mode in %1 (is the directory writable?) %2")
                                .arg(dir, wal.lastError().text()));
        wal.finish();
        if (!d->execDirect(QStringLiteral("PRAGMA synchronous=NORMAL")) || !d->execDirect(QStringLiteral("PRAGMA busy_timeout=15000"))
            || !d->execDirect(QStringLiteral("PRAGMA foreign_keys=ON")))
            return failOpen(d->lastError);
    }

    QString migrationError;
    if (!d->migrate(kCore, coreMigrations(), &migrationError))
        return failOpen(migrationError);
    QMap<QString, QList<Migration>> others;
    {
        QMutexLocker lock(&s_registryMutex);
        others = registry();
    }
    for (auto it = others.cbegin(); it != others.cend(); ++it) {
        if (!d->migrate(it.key(), it.value(), &migrationError))
            return failOpen(migrationError);
    }

    if (d->dialect == Dialect::Postgres && options.listen) {
        d->listen = true;
        QSqlDriver *driver = d->db.driver();
        if (!driver->subscribeToNotification(kChannel))
            return failOpen(QStringLiteral("cannot LISTEN %1: %2").arg(kChannel, driver->lastError().text()));
        Store *self = store.get();
        QObject::connect(driver, &QSqlDriver::notification, self,
                         [d](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                             if (name == kChannel)
                                 d->deliver(payload.toString());
                         });
        // An idle listener notices a lost connection only when it next talks
        // to the server: ping now and then, which reconnects and LISTENs again.
        auto *keepAlive = new QTimer(self);
        keepAlive->setInterval(10000);
        QObject::connect(keepAlive, &QTimer::timeout, self, [self] {
            if (self->d->txDepth == 0)
                self->ping();
        });
        keepAlive->start();
    }
    return store;
}

void Store::registerMigrations(const QString &module, const QList<Migration> &migrations)
{
    Q_ASSERT(module != kCore);
    QMutexLocker lock(&s_registryMutex);
    registry().insert(module, migrations);
}

Dialect Store::dialect() const { return d->dialect; }
QString Store::location() const { return d->location; }
QSqlDatabase Store::database() const { return d->db; }
QString Store::lastError() const { return d->lastError; }

bool Store::ping()
{
    const auto one = d->scalar(QStringLiteral("SELECT 1"));
    return one && one->toInt() == 1;
}

bool Store::transaction(const std::function<bool()> &fn, QString *error)
{
    if (!d->begin(true)) {
        if (error)
            *error = d->lastError;
        return false;
    }
    if (!fn()) {
        d->rollback();
        if (error)
            *error = d->lastError.isEmpty() ? QStringLiteral("rolled back") : d->lastError;
        return false;
    }
    if (!d->commit()) {
        if (error)
            *error = d->lastError;
        return false;
    }
    return true;
}

bool Store::lockWorkspace(const QString &workspaceId)
{
    const QString sql = d->dialect == Dialect::Postgres ? QStringLiteral("SELECT id FROM workspaces WHERE id = ? FOR UPDATE")
                                                        : QStringLiteral("SELECT id FROM workspaces WHERE id = ?");
    const auto id = d->scalar(sql, {workspaceId});
    return id && !id->isNull();
}

qint64 Store::liveSeq(const QString &workspaceId)
{
    const auto seq = d->scalar(QStringLiteral("SELECT live_seq FROM workspaces WHERE id = ?"), {workspaceId});
    return seq && !seq->isNull() ? seq->toLongLong() : -1;
}

QByteArray Store::hashToken(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace storage

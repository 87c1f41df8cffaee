#include "store.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

Q_LOGGING_CATEGORY(lcStore, "kliv.emulator.store")

namespace {
QJsonObject parse(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}
QByteArray dump(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

Store::~Store()
{
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QSqlDatabase Store::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

void Store::exec(const QString &sql) const
{
    QSqlQuery q(db());
    if (!q.exec(sql))
        qCCritical(lcStore) << "SQL failed:" << q.lastError().text();
}

bool Store::open(const QString &dir, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create data directory %1").arg(dir);
        return false;
    }
    m_connection = QStringLiteral("stripe-emulator");
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    d.setDatabaseName(QDir(dir).filePath(QStringLiteral("stripe-emulator.sqlite")));
    if (!d.open()) {
        *error = d.lastError().text();
        return false;
    }
    QSqlQuery q(d);
    for (const char *sql : {
             "PRAGMA journal_mode=WAL",
             "PRAGMA busy_timeout=5000",
             "CREATE TABLE IF NOT EXISTS objects (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
             " id TEXT UNIQUE NOT NULL, type TEXT NOT NULL, customer TEXT, ref TEXT, data TEXT NOT NULL)",
             "CREATE INDEX IF NOT EXISTS objects_type ON objects(type, customer)",
             "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER)",
             "CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, fingerprint BLOB NOT NULL,"
             " status INTEGER NOT NULL, body BLOB NOT NULL, created INTEGER NOT NULL)",
             "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
             " id TEXT UNIQUE NOT NULL, type TEXT NOT NULL, data BLOB NOT NULL)",
             "CREATE TABLE IF NOT EXISTS deliveries (event_id TEXT PRIMARY KEY, attempts INTEGER NOT NULL,"
             " next_at_ms INTEGER NOT NULL, state TEXT NOT NULL)",
         }) {
        if (!q.exec(QString::fromLatin1(sql))) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

void Store::begin() { db().transaction(); }
void Store::commit() { db().commit(); }
void Store::rollback() { db().rollback(); }

QString Store::newId(const QString &prefix)
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = prefix;
    for (int i = 0; i < 24; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return id;
}

QJsonObject Store::get(const QString &id) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT data FROM objects WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return parse(q.value(0).toByteArray());
    return {};
}

void Store::put(const QJsonObject &obj, const QString &ref)
{
    const QString type = obj.value("object").toString();
    const QString customer = type == QLatin1String("customer") ? obj.value("id").toString()
                                                               : obj.value("customer").toString();
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "INSERT INTO objects (id, type, customer, ref, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET customer = excluded.customer, "
        "ref = COALESCE(excluded.ref, objects.ref), data = excluded.data"));
    q.addBindValue(obj.value("id").toString());
    q.addBindValue(type);
    q.addBindValue(customer.isEmpty() ? QVariant() : QVariant(customer));
    q.addBindValue(ref.isEmpty() ? QVariant() : QVariant(ref));
    q.addBindValue(dump(obj));
    if (!q.exec())
        qCCritical(lcStore) << "storing an object failed:" << q.lastError().text();
}

QList<QJsonObject> Store::list(const QString &type, const QString &customer, const QString &ref) const
{
    QString sql = QStringLiteral("SELECT data FROM objects WHERE type = ?");
    if (!customer.isEmpty())
        sql += QStringLiteral(" AND customer = ?");
    if (!ref.isEmpty())
        sql += QStringLiteral(" AND ref = ?");
    sql += QStringLiteral(" ORDER BY seq DESC");
    QSqlQuery q(db());
    q.prepare(sql);
    q.addBindValue(type);
    if (!customer.isEmpty())
        q.addBindValue(customer);
    if (!ref.isEmpty())
        q.addBindValue(ref);
    QList<QJsonObject> out;
    if (q.exec())
        while (q.next())
            out.append(parse(q.value(0).toByteArray()));
    return out;
}

std::optional<qint64> Store::metaInt(const QString &key) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

void Store::setMetaInt(const QString &key, std::optional<qint64> value)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value ? QVariant(*value) : QVariant());
    q.exec();
}

std::optional<Store::Idempotent> Store::idempotent(const QString &key) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT fingerprint, status, body FROM idempotency WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return Idempotent{q.value(0).toByteArray(), q.value(1).toInt(), q.value(2).toByteArray()};
    return std::nullopt;
}

void Store::putIdempotent(const QString &key, const Idempotent &record)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO idempotency (key, fingerprint, status, body, created) "
                             "VALUES (?, ?, ?, ?, strftime('%s','now'))"));
    q.addBindValue(key);
    q.addBindValue(record.fingerprint);
    q.addBindValue(record.status);
    q.addBindValue(record.body);
    q.exec();
}

void Store::addEvent(const QJsonObject &event, bool deliver)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO events (id, type, data) VALUES (?, ?, ?)"));
    q.addBindValue(event.value("id").toString());
    q.addBindValue(event.value("type").toString());
    q.addBindValue(dump(event));
    q.exec();
    if (!deliver)
        return;
    q.prepare(QStringLiteral("INSERT INTO deliveries (event_id, attempts, next_at_ms, state) VALUES (?, 0, 0, 'pending')"));
    q.addBindValue(event.value("id").toString());
    q.exec();
}

QList<QJsonObject> Store::events(const QString &type) const
{
    QSqlQuery q(db());
    q.prepare(type.isEmpty() ? QStringLiteral("SELECT data FROM events ORDER BY seq DESC")
                             : QStringLiteral("SELECT data FROM events WHERE type = ? ORDER BY seq DESC"));
    if (!type.isEmpty())
        q.addBindValue(type);
    QList<QJsonObject> out;
    if (q.exec())
        while (q.next())
            out.append(parse(q.value(0).toByteArray()));
    return out;
}

std::optional<Store::Delivery> Store::nextDelivery() const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT d.event_id, d.attempts, d.next_at_ms, e.data FROM deliveries d "
                             "JOIN events e ON e.id = d.event_id WHERE d.state = 'pending' "
                             "ORDER BY d.next_at_ms, e.seq LIMIT 1"));
    if (q.exec() && q.next())
        return Delivery{q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong(),
                        q.value(3).toByteArray()};
    return std::nullopt;
}

void Store::deliveryDone(const QString &eventId, int attempts, bool success, qint64 nextAtMs, bool giveUp)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE deliveries SET attempts = ?, next_at_ms = ?, state = ? WHERE event_id = ?"));
    q.addBindValue(attempts);
    q.addBindValue(nextAtMs);
    q.addBindValue(success ? QStringLiteral("delivered") : giveUp ? QStringLiteral("failed") : QStringLiteral("pending"));
    q.addBindValue(eventId);
    q.exec();
    if (success) { // the event no longer waits for an endpoint, as Stripe's pending_webhooks says
        q.prepare(QStringLiteral("UPDATE events SET data = json_set(data, '$.pending_webhooks', 0) WHERE id = ?"));
        q.addBindValue(eventId);
        q.exec();
    }
}

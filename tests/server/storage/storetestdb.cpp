#include "storetestdb.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace storetest {

TestDb::TestDb(Kind kind) : m_kind(kind)
{
    if (kind == Sqlite) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_location = m_dir->path() + QStringLiteral("/data");
        return;
    }
    m_baseUrl = qEnvironmentVariable("KLIV_TEST_PG_URL");
    if (m_baseUrl.isEmpty()) {
        m_available = false;
        return;
    }
    m_schema = QStringLiteral("t_") + QString::fromLatin1(QUuid::createUuid().toByteArray(QUuid::Id128)).left(20);
    QUrl url(m_baseUrl);
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("schema"), m_schema);
    url.setQuery(query);
    m_location = url.toString();
}

TestDb::~TestDb()
{
    if (m_kind != Postgres || !m_available)
        return;
    const QString name = QStringLiteral("drop_") + m_schema;
    {
        const QUrl url(m_baseUrl);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery(db).exec(QStringLiteral("SET client_min_messages TO WARNING"));
            QSqlQuery(db).exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_schema));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

std::unique_ptr<storage::Store> TestDb::open(bool listen) const
{
    QString error;
    storage::Store::Options options;
    options.listen = listen;
    auto store = storage::Store::open(m_location, &error, options);
    if (!store)
        qWarning("Store::open failed: %s", qPrintable(error));
    return store;
}

void addBackendRows()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(TestDb::Sqlite);
    QTest::newRow("postgres") << int(TestDb::Postgres);
}

const billing::PlanCatalog &catalog()
{
    static const billing::PlanCatalog c = [] {
        QString path = qEnvironmentVariable("KLIV_PLANS_FILE");
        if (path.isEmpty())
            path = QStringLiteral(KLIV_PLANS_FILE_DEFAULT);   // run by hand, outside ctest
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read the plan catalog at KLIV_PLANS_FILE");
        QString error;
        auto parsed = billing::PlanCatalog::fromJson(f.readAll(), &error);
        if (!parsed)
            qFatal("bad plan catalog: %s", qPrintable(error));
        return *parsed;
    }();
    return c;
}

QDateTime at(const char *rfc3339)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate);
    Q_ASSERT(t.isValid());
    return t.toUTC();
}

} // namespace storetest

// Bad input gets a clear error and loses nothing: malformed, truncated,
// oversized (> 1 MiB), wrongly typed and garbage bodies to every POST/PATCH
// route answer 4xx with the error shape, nothing is spent, and /healthz
// stays 200.
#include "apitest.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace {

struct PostRoute {
    QByteArray method;
    QString path;
    bool service = false;     // service token instead of the owner's
    bool takesBody = true;    // false: the route ignores its body (only the size limit applies)
    QJsonObject valid;        // a valid body, the base for the wrong-type variants
};

QByteArray garbage(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(QRandomGenerator::global()->bounded(256));
    b[0] = '\x9f'; // never accidentally JSON
    return b;
}

} // namespace

class BadInput : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;
    WorkspaceIds m_ws;
    QString m_owner, m_service, m_member;

    QList<PostRoute> routes()
    {
        const QString ws = QStringLiteral("/v1/workspaces/") + m_ws.id;
        const QJsonObject usage = ServerFixture::usageBody(m_ws.ownerMemberId, 1, QStringLiteral("bad-input-key"));
        return {
            {"POST", ws + QStringLiteral("/usage"), true, true, usage},
            {"POST", ws + QStringLiteral("/usage/batch"), true, true, {{QStringLiteral("events"), QJsonArray{usage}}}},
            {"POST", ws + QStringLiteral("/members"), false, true,
             {{QStringLiteral("email"), QStringLiteral("new@acme.test")}, {QStringLiteral("role"), QStringLiteral("member")}}},
            {"PATCH", ws + QStringLiteral("/members/") + m_member, false, true, {{QStringLiteral("role"), QStringLiteral("admin")}}},
            {"POST", ws + QStringLiteral("/roles"), false, true,
             {{QStringLiteral("name"), QStringLiteral("r")}, {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing")}}}},
            {"POST", ws + QStringLiteral("/subscription/preview"), false, true, {{QStringLiteral("tier"), QStringLiteral("pro-200")}}},
            {"POST", ws + QStringLiteral("/subscription/change"), false, true, {{QStringLiteral("tier"), QStringLiteral("pro-200")}}},
            {"POST", ws + QStringLiteral("/subscription/cancel"), false, false, {}},
            {"POST", ws + QStringLiteral("/subscription/undo"), false, false, {}},
            {"POST", ws + QStringLiteral("/billing-portal"), false, false, {}},
            {"POST", ws + QStringLiteral("/enterprise-inquiry"), false, true,
             {{QStringLiteral("contact"), QStringLiteral("a@b.test")}, {QStringLiteral("seats"), 20}, {QStringLiteral("message"), QStringLiteral("hi")}}},
            {"POST", QStringLiteral("/v1/dev/clock"), false, true, {{QStringLiteral("now"), QStringLiteral("2026-12-02T00:00:00Z")}}},
            {"POST", QStringLiteral("/v1/dev/seed"), false, false, {}},
            {"POST", QStringLiteral("/webhooks/stripe"), false, true, {{QStringLiteral("id"), QStringLiteral("evt_1")}}},
        };
    }

    // The wrong-type variants of a valid body: each member replaced by a value of another JSON type.
    static QList<QPair<QString, QJsonObject>> wrongTypes(const QJsonObject &valid)
    {
        QList<QPair<QString, QJsonObject>> out;
        for (auto it = valid.begin(); it != valid.end(); ++it) {
            QJsonObject o = valid;
            if (it->isString())
                o[it.key()] = 12345;
            else if (it->isDouble())
                o[it.key()] = QStringLiteral("12");
            else
                o[it.key()] = QStringLiteral("not-an-array");
            out.append({it.key(), o});
            QJsonObject missing = valid;
            missing.remove(it.key());
            out.append({it.key() + QStringLiteral(" missing"), missing});
        }
        return out;
    }

    QString check(const PostRoute &route, const QString &what, const HttpReply &r, bool anyStatusOk = false)
    {
        const bool webhook = route.path.startsWith(QLatin1String("/webhooks/"));
        const bool statusOk = (r.status >= 400 && r.status < 500) || (webhook && r.status == 503) || anyStatusOk;
        if (!statusOk || !r.isJson() || r.errorCode().isEmpty()
            || r.json()[QLatin1String("error")][QLatin1String("message")].toString().isEmpty())
            return QStringLiteral("%1 %2 with %3: %4").arg(QString::fromLatin1(route.method), route.path, what, r.describe().left(300));
        return {};
    }

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void everyBodyRoute()
    {
        KLIV_START(fx, apitest::wallClock());
        m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("enterprise"), 500).isEmpty(), qPrintable(fx->errorString()));
        m_member = fx->addMember(m_ws.id, QStringLiteral("ann@acme.test"))[QLatin1String("member_id")].toString();
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        m_service = fx->issueServiceToken();
        QVERIFY(!m_member.isEmpty() && !m_owner.isEmpty() && !m_service.isEmpty());

        QStringList failures;
        const QByteArray oversized = "{\"project\":\"" + QByteArray(1536 * 1024, 'x') + "\"}";
        for (const PostRoute &route : routes()) {
            const QByteArray token = (route.service ? m_service : m_owner).toUtf8();
            auto sendBody = [&](const QByteArray &body, const QByteArray &contentType = "application/json") {
                return fx->send(HttpConnection::buildRequest(route.method, route.path.toUtf8(), body, token, contentType));
            };
            // Over 1 MiB: 413 body_too_large on every route.
            {
                const HttpReply r = sendBody(oversized);
                if (r.status != 413 || r.errorCode() != QLatin1String("body_too_large") || !r.isJson())
                    failures << QStringLiteral("%1 %2 with a 1.5 MiB body: want 413 body_too_large, got %3")
                                    .arg(QString::fromLatin1(route.method), route.path, r.describe().left(300));
            }
            if (!route.takesBody)
                continue;
            const QByteArray valid = QJsonDocument(route.valid).toJson(QJsonDocument::Compact);
            const QList<QPair<QString, QByteArray>> bodies = {
                {QStringLiteral("malformed JSON"), "{\"tier\": \"pro-200\","},
                {QStringLiteral("a truncated body"), valid.left(valid.size() / 2)},
                {QStringLiteral("a JSON array"), "[1,2,3]"},
                {QStringLiteral("JSON null"), "null"},
                {QStringLiteral("an empty body"), ""},
                {QStringLiteral("2 KiB of garbage"), garbage(2048)},
                {QStringLiteral("invalid UTF-8 in a string"), "{\"tier\":\"\xff\xfe\"}"},
            };
            for (const auto &[what, body] : bodies) {
                const QString f = check(route, what, sendBody(body));
                if (!f.isEmpty())
                    failures << f;
            }
            if (!route.path.startsWith(QLatin1String("/webhooks/"))) {
                for (const auto &[what, body] : wrongTypes(route.valid)) {
                    const HttpReply r = sendBody(QJsonDocument(body).toJson(QJsonDocument::Compact));
                    QString f = check(route, QStringLiteral("wrong type: ") + what, r);
                    if (f.isEmpty() && r.status != 400)
                        f = QStringLiteral("%1 %2 with wrong type %3: want 400, got %4").arg(QString::fromLatin1(route.method), route.path, what, r.describe().left(300));
                    if (!f.isEmpty())
                        failures << f;
                }
            }
            // A body that promises more than it sends, then the write side closes.
            {
                HttpConnection liar(fx->baseUrl());
                QByteArray raw = HttpConnection::buildRequest(route.method, route.path.toUtf8(), valid, token);
                raw.replace("Content-Length: " + QByteArray::number(valid.size()), "Content-Length: 100000");
                bool done = false;
                HttpReply r;
                connect(&liar, &HttpConnection::finished, this, [&](const HttpReply &x) { r = x; done = true; });
                liar.sendAndHalfClose(raw);
                (void)QTest::qWaitFor([&] { return done; }, 5000);   // no answer at all is fine too
                if (done && r.status != 0 && (r.status < 400 || r.status >= 500))
                    failures << QStringLiteral("%1 %2 with a short body: %3").arg(QString::fromLatin1(route.method), route.path, r.describe().left(200));
            }
            const HttpReply health = fx->get(QStringLiteral("/healthz"));
            if (health.status != 200) {
                failures << QStringLiteral("/healthz after %1: %2").arg(route.path, health.describe());
                break;
            }
        }
        failures.removeAll(QString());
        QVERIFY2(failures.isEmpty(), qPrintable(QLatin1Char('\n') + failures.join(QLatin1Char('\n'))));

        // Field-level detail for the API the platform calls most.
        const QString usage = QStringLiteral("/v1/workspaces/%1/usage").arg(m_ws.id);
        const QList<QPair<QString, QJsonValue>> badFields = {
            {QStringLiteral("credits"), 0}, {QStringLiteral("credits"), -3}, {QStringLiteral("credits"), 1.5},
            {QStringLiteral("credits"), 1000001}, {QStringLiteral("credits"), QStringLiteral("5")},
            {QStringLiteral("idempotency_key"), QString()}, {QStringLiteral("idempotency_key"), QString(201, QLatin1Char('k'))},
            {QStringLiteral("project"), QString()}, {QStringLiteral("activity"), QString(101, QLatin1Char('a'))},
        };
        for (const auto &[field, value] : badFields) {
            QJsonObject body = ServerFixture::usageBody(m_ws.ownerMemberId, 1, QStringLiteral("field-check"));
            body[field] = value;
            const HttpReply r = fx->post(usage, body, m_service);
            KLIV_VERIFY_STATUS(r, 400);
            QCOMPARE(r.errorCode(), QStringLiteral("validation_failed"));
            bool named = false;
            for (const QJsonValue &f : r.json()[QLatin1String("error")][QLatin1String("fields")].toArray())
                named = named || f[QLatin1String("field")].toString() == field;
            QVERIFY2(named, qPrintable(QStringLiteral("%1=%2: %3").arg(field, value.toVariant().toString(), r.describe())));
        }
        const HttpReply unknownMember = fx->post(usage, ServerFixture::usageBody(QStringLiteral("m_nobody"), 1, QStringLiteral("k-x")), m_service);
        KLIV_VERIFY_STATUS(unknownMember, 400);
        QJsonArray tooMany;
        for (int i = 0; i < 101; ++i)
            tooMany.append(ServerFixture::usageBody(m_ws.ownerMemberId, 1, QStringLiteral("many-%1").arg(i)));
        const HttpReply batch = fx->post(usage + QStringLiteral("/batch"), {{QStringLiteral("events"), tooMany}}, m_service);
        KLIV_VERIFY_STATUS(batch, 400);

        // Nothing was spent by any of it, and the server is still healthy.
        const QJsonObject b = fx->balance(m_ws.id, m_owner);
        QCOMPARE(b[QLatin1String("used")].toInt(-1), 0);
        QCOMPARE(b[QLatin1String("remaining")].toInt(-1), 500);
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/healthz")), 200);
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/readyz")), 200);
    }

    // U+0000 in any string field: 400 naming the field on both backends (it
    // used to reach PostgreSQL's statement text and answer 500), nothing stored.
    void nulCharacters()
    {
        KLIV_START(fx, apitest::wallClock());
        m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(m_ws.id, QStringLiteral("enterprise"), 500).isEmpty(), qPrintable(fx->errorString()));
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        m_service = fx->issueServiceToken();
        QVERIFY(!m_owner.isEmpty() && !m_service.isEmpty());
        const QString ws = QStringLiteral("/v1/workspaces/") + m_ws.id;
        const QString nul = QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b");

        auto expectField = [&](const QString &path, const QJsonObject &body, const QString &token, const QString &field) {
            const HttpReply r = fx->post(path, body, token);
            QString why;
            if (r.status != 400 || r.errorCode() != QLatin1String("validation_failed"))
                why = QStringLiteral("want 400 validation_failed");
            bool named = false;
            for (const QJsonValue &f : r.json()[QLatin1String("error")][QLatin1String("fields")].toArray())
                named = named || f[QLatin1String("field")].toString() == field;
            if (why.isEmpty() && !named)
                why = QStringLiteral("want the field %1 named").arg(field);
            return why.isEmpty() ? QString() : QStringLiteral("%1 with NUL in %2: %3, got %4").arg(path, field, why, r.describe().left(300));
        };

        QStringList failures;
        for (const QString &field : {QStringLiteral("project"), QStringLiteral("activity"), QStringLiteral("idempotency_key")}) {
            QJsonObject body = ServerFixture::usageBody(m_ws.ownerMemberId, 7, QStringLiteral("nul-") + field);
            body[field] = field == QLatin1String("idempotency_key") ? QStringLiteral("key-") + nul : nul;
            failures << expectField(ws + QStringLiteral("/usage"), body, m_service, field);

            QJsonObject bad = ServerFixture::usageBody(m_ws.ownerMemberId, 7, QStringLiteral("nul-batch-") + field);
            bad[field] = nul;
            const QJsonArray events{ServerFixture::usageBody(m_ws.ownerMemberId, 7, QStringLiteral("nul-batch-ok-") + field), bad};
            failures << expectField(ws + QStringLiteral("/usage/batch"), {{QStringLiteral("events"), events}}, m_service,
                                    QStringLiteral("events[1].") + field);
        }
        failures << expectField(ws + QStringLiteral("/members"),
                                {{QStringLiteral("email"), QStringLiteral("new") + nul + QStringLiteral("@acme.test")},
                                 {QStringLiteral("role"), QStringLiteral("member")}}, m_owner, QStringLiteral("email"));
        failures << expectField(ws + QStringLiteral("/members"),
                                {{QStringLiteral("email"), QStringLiteral("named@acme.test")}, {QStringLiteral("name"), nul},
                                 {QStringLiteral("role"), QStringLiteral("member")}}, m_owner, QStringLiteral("name"));
        const QJsonObject inquiry{{QStringLiteral("contact"), QStringLiteral("a@b.test")}, {QStringLiteral("seats"), 20},
                                  {QStringLiteral("message"), QStringLiteral("hi")}};
        for (const QString &field : {QStringLiteral("contact"), QStringLiteral("message")}) {
            QJsonObject body = inquiry;
            body[field] = nul;
            failures << expectField(ws + QStringLiteral("/enterprise-inquiry"), body, m_owner, field);
        }
        failures.removeAll(QString());
        QVERIFY2(failures.isEmpty(), qPrintable(QLatin1Char('\n') + failures.join(QLatin1Char('\n'))));

        // Nothing was recorded: no credits spent (not even the batch's valid item), no member added.
        const QJsonObject b = fx->balance(m_ws.id, m_owner);
        QCOMPARE(b[QLatin1String("used")].toInt(-1), 0);
        QCOMPARE(b[QLatin1String("remaining")].toInt(-1), 500);
        const HttpReply members = fx->get(ws + QStringLiteral("/members"), m_owner);
        KLIV_VERIFY_STATUS(members, 200);
        QCOMPARE(members.json()[QLatin1String("members")].toArray().size(), 1);
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/readyz")), 200);
    }

    // The CSV export when the database fails under the server: a 500 with the
    // error shape, never a 200 with an empty file that looks like "no usage".
    void csvOnDatabaseFailure()
    {
        KLIV_START(fx, apitest::wallClock());
        m_ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(m_ws.isValid(), qPrintable(fx->errorString()));
        m_owner = fx->issueUserToken(m_ws.ownerEmail);
        QVERIFY(!m_owner.isEmpty());
        const QString csv = QStringLiteral("/v1/workspaces/%1/usage.csv").arg(m_ws.id);
        const HttpReply before = fx->get(csv, m_owner);
        KLIV_VERIFY_STATUS(before, 200);

        // A second connection to the server's database renames the usage table away.
        const QStringList where = fx->dataArgs();
        QCOMPARE(where.size(), 2);
        {
            QSqlDatabase db;
            if (where.at(0) == QLatin1String("--data")) {
                db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("side"));
                db.setDatabaseName(QDir(where.at(1)).filePath(QStringLiteral("kliv.sqlite")));
            } else {
                const QUrl url(where.at(1));
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("side"));
                db.setHostName(url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName());
                db.setPassword(url.password());
                db.setDatabaseName(url.path().mid(1));
            }
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery ddl(db);
            QVERIFY2(ddl.exec(QStringLiteral("ALTER TABLE usage_entries RENAME TO usage_entries_gone")),
                     qPrintable(ddl.lastError().text()));
            ddl.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("side"));

        const HttpReply r = fx->get(csv, m_owner);
        KLIV_VERIFY_STATUS(r, 500);
        QVERIFY2(r.isJson(), qPrintable(r.describe()));
        QCOMPARE(r.errorCode(), QStringLiteral("internal"));
        QVERIFY(!r.json()[QLatin1String("error")][QLatin1String("message")].toString().isEmpty());
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/healthz"), m_owner), 200);
    }

    // A garbage request line or header block gets a 4xx (or a closed connection), never a dead server.
    void garbageRequests()
    {
        KLIV_START(fx, apitest::wallClock());
        const QList<QByteArray> raws = {
            garbage(4096),
            "GET / HTTP/9.9\r\n\r\n",
            "POST /v1/dev/clock HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /v1/dev/clock HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n",
        };
        for (const QByteArray &raw : raws) {
            HttpConnection c(fx->baseUrl());
            const HttpReply r = c.exec(raw, 5000);
            QVERIFY2(r.status == 0 || (r.status >= 400 && r.status < 500), qPrintable(r.describe()));
            KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/healthz")), 200);
        }
    }
};

QTEST_GUILESS_MAIN(BadInput)
#include "tst_badinput.moc"

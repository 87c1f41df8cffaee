#pragma once
// ServerFixture: runs the real kliv-billingd as a child process for black-box tests.
//
//   #include "serverfixture.h"          // link kliv_testfixture
//
//   ServerFixture fx;                                     // SQLite in a fresh temp --data dir
//   ServerFixture pg(ServerFixture::Postgres);            // a fresh database on KLIV_TEST_PG_URL
//   if (!ServerFixture::postgresAvailable()) QSKIP("KLIV_TEST_PG_URL is not set");
//   QVERIFY2(fx.start(QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC)), qPrintable(fx.errorString()));
//   // started as: kliv-billingd --dev --no-seed --clock <T> --host 127.0.0.1 --port 0 --data DIR|--database URL
//   fx.baseUrl();                                         // http://127.0.0.1:PORT
//
//   // Admin commands (kliv-billingd admin ... on the same data). Each returns {} / "" on
//   // failure and leaves the reason (exit code, stdout, stderr) in errorString().
//   const auto ws = fx.createWorkspace("Acme", "owner@acme.test");    // ws.id, ws.ownerMemberId, ...
//   const QJsonObject m = fx.addMember(ws.id, "ann@acme.test", "member");  // {"member_id","user_id"}
//   const QString userToken = fx.issueUserToken("owner@acme.test");        // --ttl optional
//   const QString service = fx.issueServiceToken();
//   fx.setPlan(ws.id, "pro-200");   fx.grant(ws.id, 10);
//     (set-plan starts the cycle at the admin process's wall clock; when the dev
//      clock is behind that period_start, setPlan() moves it forward to it.)
//   fx.admin({"set-password", "--user", e, "--password", p});  // any other command, raw result
//
//   // HTTP (one keep-alive connection, spins the event loop while waiting):
//   HttpReply r = fx.get("/v1/workspaces/" + ws.id + "/balance", userToken);
//   r.status; r.json(); r.errorCode();      // e.g. 402, {...}, "insufficient_credits"
//   fx.post(path, QJsonObject{...}, token); fx.patch(...); fx.del(...); fx.send(rawBytes);
//   fx.spend(ws.id, service, memberId, credits, key)   // POST .../usage with defaults
//   QList<HttpReply> rs = fx.parallel(requests);        // one connection each, all sent at once
//
//   fx.setClock(instant);       // POST /v1/dev/clock (forward only)
//   fx.kill9();  fx.restart();  // SIGKILL, then start again on the same data at the last clock
//   fx.stop();                  // SIGTERM (the destructor stops and removes the data)
//   ServerFixture b; b.startSharing(fx);  // a second instance on the same --data/--database
//
// The binary is $KLIV_BUILD_DIR/server/kliv-billingd (KLIV_BILLINGD overrides it).
// Set KLIV_TEST_SERVER_LOG=1 to see the server's stderr as it runs.
#include "httpconnection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

struct AdminResult {
    int exitCode = -1;
    QJsonObject json;
    QByteArray out, err;
    bool ok() const { return exitCode == 0 && !json.contains(QLatin1String("error")); }
    QString describe() const;
};

struct WorkspaceIds {
    QString id, ownerMemberId, ownerUserId, ownerEmail;
    bool isValid() const { return !id.isEmpty(); }
};

struct HttpRequestSpec {
    QByteArray method = "GET";
    QString path;
    QByteArray body;
    QString token;
    QByteArray raw() const;
};

class ServerFixture : public QObject
{
    Q_OBJECT
public:
    enum Backend { Sqlite, Postgres };
    Q_ENUM(Backend)

    explicit ServerFixture(Backend backend = Sqlite, QObject *parent = nullptr);
    ~ServerFixture() override;

    static QString binaryPath();
    static bool binaryExists();
    static bool postgresAvailable();     // KLIV_TEST_PG_URL is set
    static QDateTime utc(const char *rfc3339); // "2026-12-01T00:00:00Z" -> QDateTime (UTC)
    static QString rfc3339(const QDateTime &t);

    Backend backend() const { return m_backend; }
    // Starts with --dev --no-seed --clock `clock`; extraArgs are appended.
    bool start(const QDateTime &clock = utc("2026-12-01T00:00:00Z"), const QStringList &extraArgs = {});
    bool startSharing(const ServerFixture &other, const QStringList &extraArgs = {});
    bool restart();                      // same data, clock = last known clock
    void kill9();
    void stop();
    bool isRunning() const;

    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    QString errorString() const { return m_error; }
    QByteArray serverStderr() const;   // what the server logged so far (read again while it runs)
    QStringList dataArgs() const { return m_dataArgs; }  // {"--data", DIR} or {"--database", URL}
    QDateTime clock() const { return m_clock; }

    // Admin commands.
    AdminResult admin(const QStringList &args);
    WorkspaceIds createWorkspace(const QString &name, const QString &ownerEmail, const QString &plan = {});
    QJsonObject addMember(const QString &ws, const QString &email, const QString &role = QStringLiteral("member"),
                          const QString &name = {});
    QString issueUserToken(const QString &email, int ttlSeconds = 0);
    QString issueServiceToken();
    QJsonObject setPlan(const QString &ws, const QString &plan, int credits = -1);
    QJsonObject grant(const QString &ws, int credits, const QString &reason = QStringLiteral("test"));

    // HTTP.
    HttpReply send(const QByteArray &raw, int timeoutMs = 15000);
    HttpReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const QString &token = {});
    HttpReply get(const QString &path, const QString &token = {});
    HttpReply post(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpReply patch(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpReply del(const QString &path, const QString &token = {});
    QList<HttpReply> parallel(const QList<HttpRequestSpec> &requests, int timeoutMs = 30000);
    static QJsonObject usageBody(const QString &memberId, int credits, const QString &key,
                                 const QString &project = QStringLiteral("site"),
                                 const QString &activity = QStringLiteral("generate"));
    HttpReply spend(const QString &ws, const QString &serviceToken, const QString &memberId, int credits,
                    const QString &key);
    QJsonObject balance(const QString &ws, const QString &token); // {} on failure (errorString)
    bool setClock(const QDateTime &now);

private:
    bool launch(const QStringList &extraArgs);
    bool createPgDatabase();
    void dropPgDatabase();

    Backend m_backend;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pgDatabase;                // owned fresh database name (Postgres)
    QStringList m_dataArgs;
    QStringList m_extraArgs;
    QDateTime m_clock;
    std::unique_ptr<QProcess> m_proc;
    QUrl m_baseUrl;
    QString m_error;
    QByteArray m_stdout, m_stderr;
    std::unique_ptr<HttpConnection> m_conn;
};

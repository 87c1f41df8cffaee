#include "serverfixture.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

Q_LOGGING_CATEGORY(lcFixture, "kliv.test.fixture")

namespace {

// Waits without blocking the thread's event loop, so QTcpSockets and
// QProcess signals of the same thread keep being served.
template <typename Pred>
bool spinUntil(Pred done, int timeoutMs, int stepMs = 10)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(stepMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QByteArray tail(const QByteArray &b, int n = 4000)
{
    return b.size() > n ? "..." + b.right(n) : b;
}

QByteArray readFileFrom(const QString &path, qint64 offset)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    f.seek(offset);
    return f.readAll();
}

} // namespace

QString AdminResult::describe() const
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
        .arg(exitCode).arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(tail(err, 2000)));
}

QByteArray HttpRequestSpec::raw() const
{
    return HttpConnection::buildRequest(method, path.toUtf8(), body, token.toUtf8());
}

ServerFixture::ServerFixture(Backend backend, QObject *parent)
    : QObject(parent), m_backend(backend)
{
}

ServerFixture::~ServerFixture()
{
    stop();
    dropPgDatabase();
}

QString ServerFixture::binaryPath()
{
    const QString env = qEnvironmentVariable("KLIV_BILLINGD");
    if (!env.isEmpty())
        return env;
    return qEnvironmentVariable("KLIV_BUILD_DIR") + QStringLiteral("/server/kliv-billingd");
}

bool ServerFixture::binaryExists()
{
    return QFile::exists(binaryPath());
}

bool ServerFixture::postgresAvailable()
{
    return !qEnvironmentVariableIsEmpty("KLIV_TEST_PG_URL");
}

QDateTime ServerFixture::utc(const char *rfc3339)
{
    return QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate).toUTC();
}

QString ServerFixture::rfc3339(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

bool ServerFixture::start(const QDateTime &clock, const QStringList &extraArgs)
{
    stop();
    m_error.clear();
    m_clock = clock;
    m_extraArgs = extraArgs;
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kliv-fixture-XXXXXX"));
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temp dir: %1").arg(m_dir->errorString());
            return false;
        }
    }
    if (m_dataArgs.isEmpty()) {
        if (m_backend == Postgres) {
            if (!createPgDatabase())
                return false;
        } else {
            QDir(m_dir->path()).mkpath(QStringLiteral("data"));
            m_dataArgs = {QStringLiteral("--data"), m_dir->filePath(QStringLiteral("data"))};
        }
    }
    return launch(extraArgs);
}

bool ServerFixture::startSharing(const ServerFixture &other, const QStringList &extraArgs)
{
    stop();
    m_error.clear();
    m_backend = other.m_backend;
    m_dataArgs = other.m_dataArgs;
    m_clock = other.m_clock;
    m_extraArgs = extraArgs;
    if (!m_dir)
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kliv-fixture-XXXXXX"));
    return launch(extraArgs);
}

bool ServerFixture::restart()
{
    stop();
    m_error.clear();
    if (m_dataArgs.isEmpty()) {
        m_error = QStringLiteral("restart() before start()");
        return false;
    }
    return launch(m_extraArgs);
}

bool ServerFixture::launch(const QStringList &extraArgs)
{
    if (!binaryExists()) {
        m_error = QStringLiteral("kliv-billingd not found at %1 (set KLIV_BUILD_DIR)").arg(binaryPath());
        return false;
    }
    // stdout/stderr go to files, not pipes: a chatty server must never stall on
    // a full pipe while the test is busy elsewhere.
    const QString outPath = m_dir->filePath(QStringLiteral("server.out"));
    const QString errPath = m_dir->filePath(QStringLiteral("server.err"));
    const qint64 outOffset = QFileInfo(outPath).size();
    const qint64 errOffset = QFileInfo(errPath).size();
    m_proc = std::make_unique<QProcess>();
    m_proc->setStandardOutputFile(outPath, QIODevice::Append);
    if (qEnvironmentVariableIsSet("KLIV_TEST_SERVER_LOG"))
        m_proc->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    else
        m_proc->setStandardErrorFile(errPath, QIODevice::Append);
    QStringList args = {QStringLiteral("--dev"), QStringLiteral("--no-seed"),
                        QStringLiteral("--clock"), rfc3339(m_clock),
                        QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                        QStringLiteral("--port"), QStringLiteral("0")};
    args += m_dataArgs;
    args += extraArgs;
    m_proc->start(binaryPath(), args);
    if (!m_proc->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_proc->errorString());
        return false;
    }
    static const QRegularExpression re(QStringLiteral("^kliv-billingd listening on (http://\\S+)$"),
                                       QRegularExpression::MultilineOption);
    QString url;
    const bool ok = spinUntil([&] {
        m_stdout = readFileFrom(outPath, outOffset);
        const auto m = re.match(QString::fromUtf8(m_stdout));
        if (m.hasMatch()) {
            url = m.captured(1);
            return true;
        }
        return m_proc->state() == QProcess::NotRunning;
    }, 15000);
    m_stderr = readFileFrom(errPath, errOffset);
    if (url.isEmpty()) {
        m_error = QStringLiteral("kliv-billingd did not print \"kliv-billingd listening on http://...\" %1.\n"
                                 "args: %2\nstdout: %3\nstderr: %4")
                      .arg(ok ? QStringLiteral("and exited with code %1").arg(m_proc->exitCode())
                              : QStringLiteral("within 15 s"),
                           args.join(QLatin1Char(' ')), QString::fromUtf8(tail(m_stdout)),
                           QString::fromUtf8(tail(m_stderr)));
        m_proc->kill();
        m_proc->waitForFinished(5000);
        m_proc.reset();
        return false;
    }
    m_baseUrl = QUrl(url);
    m_conn = std::make_unique<HttpConnection>(m_baseUrl);
    qCDebug(lcFixture) << "server up at" << m_baseUrl << args;
    return true;
}

bool ServerFixture::isRunning() const
{
    return m_proc && m_proc->state() != QProcess::NotRunning;
}

void ServerFixture::kill9()
{
    m_conn.reset();
    if (!m_proc)
        return;
    m_proc->kill(); // SIGKILL
    m_proc->waitForFinished(10000);
    m_proc.reset();
}

void ServerFixture::stop()
{
    m_conn.reset();
    if (!m_proc)
        return;
    if (m_proc->state() != QProcess::NotRunning) {
        m_proc->terminate();
        if (!spinUntil([&] { return m_proc->state() == QProcess::NotRunning; }, 10000)) {
            qCWarning(lcFixture) << "kliv-billingd ignored SIGTERM for 10 s; killing it";
            m_proc->kill();
            m_proc->waitForFinished(5000);
        }
    }
    if (m_dir)
        m_stderr = readFileFrom(m_dir->filePath(QStringLiteral("server.err")), 0);
    m_proc.reset();
}

QByteArray ServerFixture::serverStderr() const
{
    if (m_dir && isRunning())
        return readFileFrom(m_dir->filePath(QStringLiteral("server.err")), 0);
    return m_stderr;
}

// --- PostgreSQL: one fresh database per fixture, dropped at the end -------

static QSqlDatabase openPgAdmin(const QString &connName)
{
    const QUrl url(qEnvironmentVariable("KLIV_TEST_PG_URL"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connName);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    db.open();
    return db;
}

bool ServerFixture::createPgDatabase()
{
    if (!postgresAvailable()) {
        m_error = QStringLiteral("KLIV_TEST_PG_URL is not set");
        return false;
    }
    m_pgDatabase = QStringLiteral("kliv_t_%1_%2")
                       .arg(QCoreApplication::applicationPid())
                       .arg(QRandomGenerator::global()->generate64(), 0, 16);
    const QString conn = QStringLiteral("fixture-create-") + m_pgDatabase;
    {
        QSqlDatabase db = openPgAdmin(conn);
        if (!db.isOpen()) {
            m_error = QStringLiteral("cannot connect to KLIV_TEST_PG_URL: %1").arg(db.lastError().text());
            m_pgDatabase.clear();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE ") + m_pgDatabase)) {
                m_error = QStringLiteral("CREATE DATABASE failed: %1").arg(q.lastError().text());
                m_pgDatabase.clear();
            }
        }
    }
    QSqlDatabase::removeDatabase(conn);
    if (m_pgDatabase.isEmpty())
        return false;
    QUrl url(qEnvironmentVariable("KLIV_TEST_PG_URL"));
    url.setPath(QLatin1Char('/') + m_pgDatabase);
    m_dataArgs = {QStringLiteral("--database"), url.toString()};
    return true;
}

void ServerFixture::dropPgDatabase()
{
    if (m_pgDatabase.isEmpty())
        return;
    const QString conn = QStringLiteral("fixture-drop-") + m_pgDatabase;
    {
        QSqlDatabase db = openPgAdmin(conn);
        QSqlQuery q(db);
        if (db.isOpen() && !q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase)))
            qCWarning(lcFixture) << "DROP DATABASE" << m_pgDatabase << q.lastError().text();
    }
    QSqlDatabase::removeDatabase(conn);
    m_pgDatabase.clear();
}

// --- admin commands --------------------------------------------------------

AdminResult ServerFixture::admin(const QStringList &args)
{
    AdminResult r;
    if (m_dataArgs.isEmpty()) {
        m_error = QStringLiteral("admin command before start()");
        return r;
    }
    QProcess p;
    p.start(binaryPath(), QStringList{QStringLiteral("admin")} + args + m_dataArgs);
    const bool finished = p.waitForStarted(10000)
        && spinUntil([&] { return p.state() == QProcess::NotRunning; }, 60000, 5);
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (!finished) {
        p.kill();
        p.waitForFinished(5000);
        r.exitCode = -1;
    } else {
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    r.json = QJsonDocument::fromJson(r.out.trimmed()).object();
    if (!r.ok())
        m_error = QStringLiteral("kliv-billingd admin %1: %2").arg(args.join(QLatin1Char(' ')), r.describe());
    return r;
}

WorkspaceIds ServerFixture::createWorkspace(const QString &name, const QString &ownerEmail, const QString &plan)
{
    QStringList args = {QStringLiteral("create-workspace"), QStringLiteral("--name"), name,
                        QStringLiteral("--owner-email"), ownerEmail};
    if (!plan.isEmpty())
        args += {QStringLiteral("--plan"), plan};
    const AdminResult r = admin(args);
    WorkspaceIds ids;
    if (!r.ok())
        return ids;
    ids.id = r.json.value(QLatin1String("workspace_id")).toString();
    ids.ownerMemberId = r.json.value(QLatin1String("owner_member_id")).toString();
    ids.ownerUserId = r.json.value(QLatin1String("owner_user_id")).toString();
    ids.ownerEmail = ownerEmail;
    if (ids.id.isEmpty() || ids.ownerMemberId.isEmpty())
        m_error = QStringLiteral("create-workspace answered without workspace_id/owner_member_id: %1").arg(r.describe());
    return ids;
}

QJsonObject ServerFixture::addMember(const QString &ws, const QString &email, const QString &role, const QString &name)
{
    QStringList args = {QStringLiteral("add-member"), QStringLiteral("--workspace"), ws,
                        QStringLiteral("--email"), email, QStringLiteral("--role"), role};
    if (!name.isEmpty())
        args += {QStringLiteral("--name"), name};
    const AdminResult r = admin(args);
    return r.ok() ? r.json : QJsonObject{};
}

QString ServerFixture::issueUserToken(const QString &email, int ttlSeconds)
{
    QStringList args = {QStringLiteral("issue-token"), QStringLiteral("--user"), email};
    if (ttlSeconds > 0)
        args += {QStringLiteral("--ttl"), QString::number(ttlSeconds)};
    const AdminResult r = admin(args);
    return r.ok() ? r.json.value(QLatin1String("access_token")).toString() : QString();
}

QString ServerFixture::issueServiceToken()
{
    const AdminResult r = admin({QStringLiteral("issue-token"), QStringLiteral("--service")});
    return r.ok() ? r.json.value(QLatin1String("service_token")).toString() : QString();
}

QJsonObject ServerFixture::setPlan(const QString &ws, const QString &plan, int credits)
{
    QStringList args = {QStringLiteral("set-plan"), QStringLiteral("--workspace"), ws, QStringLiteral("--plan"), plan};
    if (credits >= 0)
        args += {QStringLiteral("--credits"), QString::number(credits)};
    const AdminResult r = admin(args);
    if (!r.ok())
        return {};
    // The admin process starts the cycle at its own clock; a dev clock behind
    // it would put the cycle in the server's future: catch up with it.
    const QDateTime start = QDateTime::fromString(
        r.json.value(QLatin1String("subscription")).toObject().value(QLatin1String("period_start")).toString(),
        Qt::ISODateWithMs);
    if (start.isValid() && m_proc && m_clock < start) {
        const QDateTime whole = start.addMSecs(-start.time().msec());
        if (!setClock(whole < start ? whole.addSecs(1) : whole))
            return {};
    }
    return r.json;
}

QJsonObject ServerFixture::grant(const QString &ws, int credits, const QString &reason)
{
    const AdminResult r = admin({QStringLiteral("grant"), QStringLiteral("--workspace"), ws,
                                 QStringLiteral("--credits"), QString::number(credits),
                                 QStringLiteral("--reason"), reason});
    return r.ok() ? r.json : QJsonObject{};
}

// --- HTTP ------------------------------------------------------------------

HttpReply ServerFixture::send(const QByteArray &raw, int timeoutMs)
{
    if (!m_conn) {
        HttpReply r;
        r.error = QStringLiteral("the server is not running");
        return r;
    }
    return m_conn->exec(raw, timeoutMs);
}

HttpReply ServerFixture::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                 const QString &token)
{
    return send(HttpConnection::buildRequest(method, path.toUtf8(), body, token.toUtf8()));
}

HttpReply ServerFixture::get(const QString &path, const QString &token)
{
    return request("GET", path, {}, token);
}

HttpReply ServerFixture::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply ServerFixture::patch(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply ServerFixture::del(const QString &path, const QString &token)
{
    return request("DELETE", path, {}, token);
}

QList<HttpReply> ServerFixture::parallel(const QList<HttpRequestSpec> &requests, int timeoutMs)
{
    QList<HttpReply> replies(requests.size());
    std::vector<std::unique_ptr<HttpConnection>> conns;
    int done = 0;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        conns.push_back(std::make_unique<HttpConnection>(m_baseUrl));
        connect(conns.back().get(), &HttpConnection::finished, this, [&replies, &done, i](const HttpReply &r) {
            replies[i] = r;
            ++done;
        });
    }
    // Connect everything first (16 at a time: a listen backlog overflow would
    // cost a 1 s SYN retry), then write every request back to back, so the
    // server really sees them at the same time.
    for (size_t from = 0; from < conns.size(); from += 16) {
        const size_t to = std::min(conns.size(), from + 16);
        for (size_t i = from; i < to; ++i)
            conns[i]->open();
        spinUntil([&] {
            return std::all_of(conns.begin() + from, conns.begin() + to, [](const auto &c) { return c->isConnected(); });
        }, 5000, 1);
    }
    for (qsizetype i = 0; i < requests.size(); ++i)
        conns[i]->send(requests[i].raw());
    if (!spinUntil([&] { return done == requests.size(); }, timeoutMs, 1)) {
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (conns[i]->busy()) {
                conns[i]->abort();
                replies[i].error = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
            }
        }
    }
    return replies;
}

QJsonObject ServerFixture::usageBody(const QString &memberId, int credits, const QString &key,
                                     const QString &project, const QString &activity)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), key},
                       {QStringLiteral("member_id"), memberId},
                       {QStringLiteral("project"), project},
                       {QStringLiteral("activity"), activity},
                       {QStringLiteral("credits"), credits}};
}

HttpReply ServerFixture::spend(const QString &ws, const QString &serviceToken, const QString &memberId,
                               int credits, const QString &key)
{
    return post(QStringLiteral("/v1/workspaces/%1/usage").arg(ws), usageBody(memberId, credits, key), serviceToken);
}

QJsonObject ServerFixture::balance(const QString &ws, const QString &token)
{
    const HttpReply r = get(QStringLiteral("/v1/workspaces/%1/balance").arg(ws), token);
    if (r.status != 200) {
        m_error = QStringLiteral("GET balance: %1").arg(r.describe());
        return {};
    }
    return r.json();
}

bool ServerFixture::setClock(const QDateTime &now)
{
    const HttpReply r = post(QStringLiteral("/v1/dev/clock"), QJsonObject{{QStringLiteral("now"), rfc3339(now)}});
    if (r.status != 200) {
        m_error = QStringLiteral("POST /v1/dev/clock %1: %2").arg(rfc3339(now), r.describe());
        return false;
    }
    m_clock = now;
    return true;
}

// api/openapi.yaml against the routes kliv-billingd serves: every documented
// path + method is served (never the router's generic "no such route" 404 or
// a 405), and undocumented paths are not.
#include "apitest.h"

#include <QFile>
#include <QRegularExpression>

namespace {

struct DocumentedRoute {
    QByteArray method;
    QString path;
};

QList<DocumentedRoute> documentedRoutes(QString *error)
{
    QFile f(qEnvironmentVariable("KLIV_SOURCE_DIR") + QStringLiteral("/api/openapi.yaml"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString());
        return {};
    }
    // Line-based: "paths:" at column 0, each path at 2 spaces, its methods at 4.
    static const QRegularExpression pathRe(QStringLiteral("^  (/\\S*):\\s*$"));
    static const QRegularExpression methodRe(QStringLiteral("^    (get|put|post|patch|delete|head|options):"));
    QList<DocumentedRoute> out;
    bool inPaths = false;
    QString current;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (!line.startsWith(QLatin1Char(' ')) && !line.trimmed().isEmpty())
            inPaths = line.startsWith(QLatin1String("paths:"));
        if (!inPaths)
            continue;
        if (const auto m = pathRe.match(line); m.hasMatch())
            current = m.captured(1);
        else if (const auto m = methodRe.match(line); m.hasMatch() && !current.isEmpty())
            out.append({m.captured(1).toUpper().toLatin1(), current});
    }
    return out;
}

} // namespace

class OpenApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void documentedRoutesAreServed()
    {
        QString error;
        const QList<DocumentedRoute> routes = documentedRoutes(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(routes.size() >= 25, qPrintable(QStringLiteral("only %1 routes parsed").arg(routes.size())));

        KLIV_START(fx, apitest::wallClock());
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("Acme"), QStringLiteral("owner@acme.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        QVERIFY2(!fx->setPlan(ws.id, QStringLiteral("enterprise"), 100).isEmpty(), qPrintable(fx->errorString()));
        const QString owner = fx->issueUserToken(ws.ownerEmail);
        const QString service = fx->issueServiceToken();
        QVERIFY(!owner.isEmpty() && !service.isEmpty());

        // The router's own answer for a path it does not know.
        const HttpReply probe = fx->get(QStringLiteral("/v1/openapi-probe-no-such-route"), owner);
        KLIV_VERIFY_STATUS(probe, 404);
        QVERIFY2(probe.isJson() && !probe.errorCode().isEmpty(), qPrintable(probe.describe()));
        const QString genericMessage = probe.json()[QLatin1String("error")][QLatin1String("message")].toString();
        auto isGenericMiss = [&](const HttpReply &r) {
            return r.status == 405
                || (r.status == 404 && r.json()[QLatin1String("error")][QLatin1String("message")].toString() == genericMessage);
        };

        QStringList missing;
        for (const DocumentedRoute &route : routes) {
            QString path = route.path;
            path.replace(QLatin1String("{ws}"), ws.id);
            if (path.contains(QLatin1String("{id}"))) {
                const QJsonObject m = fx->addMember(ws.id, QStringLiteral("m%1@acme.test").arg(missing.size() + path.size() + int(route.method[0])));
                QVERIFY2(!m.isEmpty(), qPrintable(fx->errorString()));
                path.replace(QLatin1String("{id}"), m[QLatin1String("member_id")].toString());
            }
            const bool serviceRoute = route.method == "POST" && route.path.startsWith(QLatin1String("/v1/workspaces/{ws}/usage"));
            const QByteArray token = (serviceRoute ? service : owner).toUtf8();
            QList<QPair<QByteArray, QByteArray>> headers;
            if (route.path.endsWith(QLatin1String("/live"))) {
                headers = {{"Upgrade", "websocket"}, {"Connection", "Upgrade"},
                           {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}, {"Sec-WebSocket-Version", "13"}};
            }
            HttpConnection conn(fx->baseUrl()); // a fresh connection: some routes upgrade or close it
            const HttpReply r = conn.exec(HttpConnection::buildRequest(route.method, path.toUtf8(),
                                                                       route.method == "GET" || route.method == "DELETE" ? QByteArray() : QByteArray("{}"),
                                                                       token, "application/json", headers),
                                          10000);
            if (r.status == 0 || isGenericMiss(r))
                missing << QStringLiteral("%1 %2 -> %3").arg(QString::fromLatin1(route.method), route.path, r.describe().left(200));
            if (route.path.endsWith(QLatin1String("/live")) && r.status != 101)
                missing << QStringLiteral("GET %1 did not upgrade: %2").arg(route.path, r.describe().left(200));
        }
        qInfo("%lld documented routes checked", qint64(routes.size()));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("documented but not served:\n") + missing.join(QLatin1Char('\n'))));

        // Undocumented paths get the router's 404, not a handler.
        const QStringList probes = {
            QStringLiteral("/v1/workspaces"), QStringLiteral("/v1/workspaces/%1/nothing-here"),
            QStringLiteral("/v1/workspaces/%1/usage/batch/1"), QStringLiteral("/v1/workspaces/%1/members/x/y"),
            QStringLiteral("/v1/admin"), QStringLiteral("/v2/plans"), QStringLiteral("/v1/plans/pro-200"),
            QStringLiteral("/v1/dev/time"), QStringLiteral("/oauth/userinfo"), QStringLiteral("/healthz/deep"),
            QStringLiteral("/"), QStringLiteral("/v1/workspaces/%1/balance/extra"),
        };
        QStringList served;
        for (const QString &p : probes) {
            const QString path = p.contains(QLatin1String("%1")) ? p.arg(ws.id) : p;
            const HttpReply r = fx->get(path, owner);
            if (!(r.status == 404 && r.errorCode() == probe.errorCode()
                  && r.json()[QLatin1String("error")][QLatin1String("message")].toString() == genericMessage))
                served << QStringLiteral("GET %1 -> %2").arg(p, r.describe().left(200));
        }
        QVERIFY2(served.isEmpty(), qPrintable(QStringLiteral("undocumented but served:\n") + served.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(OpenApi)
#include "tst_openapi.moc"

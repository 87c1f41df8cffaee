// GET /metrics (Prometheus text format): requests by route pattern and status,
// latency histograms, usage events by outcome, commit groups, gauges; only for
// the allowed addresses; no path values or secrets in it. And the JSON request log.
#include "apitest.h"

#include <QRegularExpression>

namespace {

// The value of one sample line, e.g. name{a="b"}; -1 when absent.
double sample(const QByteArray &text, const QString &nameAndLabels)
{
    for (const QByteArray &line : text.split('\n')) {
        const QString l = QString::fromUtf8(line);
        if (l.startsWith(nameAndLabels + QLatin1Char(' ')))
            return l.mid(nameAndLabels.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class Metrics : public QObject
{
    Q_OBJECT
    std::unique_ptr<ServerFixture> fx;

private Q_SLOTS:
    void initTestCase_data() { apitest::addBackendRows(); }
    void cleanup() { fx.reset(); }

    void countsWhatHappened()
    {
        KLIV_START(fx, apitest::at("2026-12-01T09:00:00Z"));
        const WorkspaceIds ws = fx->createWorkspace(QStringLiteral("Mätt AB"), QStringLiteral("owner@matt.test"));
        QVERIFY2(ws.isValid(), qPrintable(fx->errorString()));
        const QString service = fx->issueServiceToken();
        for (int i = 0; i < 5; ++i)
            KLIV_VERIFY_STATUS(fx->spend(ws.id, service, ws.ownerMemberId, 1, QStringLiteral("m-%1").arg(i)), 201);
        KLIV_VERIFY_STATUS(fx->spend(ws.id, service, ws.ownerMemberId, 1, QStringLiteral("m-0")), 201);     // replayed
        KLIV_VERIFY_STATUS(fx->spend(ws.id, service, ws.ownerMemberId, 1, QStringLiteral("m-over")), 402);  // Free: 5 a day
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/no/such/route")), 404);

        const HttpReply r = fx->get(QStringLiteral("/metrics"));
        KLIV_VERIFY_STATUS(r, 200);
        QVERIFY(r.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
        const QByteArray m = r.body;
        const QString usage = QStringLiteral("route=\"/v1/workspaces/{ws}/usage\",method=\"POST\"");
        QCOMPARE(sample(m, QStringLiteral("kliv_http_requests_total{%1,status=\"201\"}").arg(usage)), 6.0);
        QCOMPARE(sample(m, QStringLiteral("kliv_http_requests_total{%1,status=\"402\"}").arg(usage)), 1.0);
        QCOMPARE(sample(m, QStringLiteral("kliv_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"}")), 1.0);
        QCOMPARE(sample(m, QStringLiteral("kliv_usage_events_total{outcome=\"recorded\"}")), 5.0);
        QCOMPARE(sample(m, QStringLiteral("kliv_usage_events_total{outcome=\"replayed\"}")), 1.0);
        QCOMPARE(sample(m, QStringLiteral("kliv_usage_events_total{outcome=\"insufficient_credits\"}")), 1.0);
        // A histogram: +Inf holds every observation, the buckets only grow.
        const QString lat = QStringLiteral("kliv_http_request_duration_seconds");
        QCOMPARE(sample(m, lat + QStringLiteral("_count{route=\"/v1/workspaces/{ws}/usage\"}")), 7.0);
        QCOMPARE(sample(m, lat + QStringLiteral("_bucket{route=\"/v1/workspaces/{ws}/usage\",le=\"+Inf\"}")), 7.0);
        QVERIFY(sample(m, lat + QStringLiteral("_bucket{route=\"/v1/workspaces/{ws}/usage\",le=\"0.001\"}"))
                <= sample(m, lat + QStringLiteral("_bucket{route=\"/v1/workspaces/{ws}/usage\",le=\"10\"}")));
        QVERIFY(sample(m, QStringLiteral("kliv_usage_commit_group_events_count")) >= 1);
        QCOMPARE(sample(m, QStringLiteral("kliv_usage_commit_group_events_sum")), 7.0);
        QVERIFY(sample(m, QStringLiteral("kliv_db_workers")) >= 4);
        QCOMPARE(sample(m, QStringLiteral("kliv_live_connections")), 0.0);
        QVERIFY(sample(m, QStringLiteral("kliv_http_connections_max")) > 0);
        // Patterns, never the values in a path; never a token.
        QVERIFY(!m.contains(ws.id.toUtf8()));
        QVERIFY(!m.contains(service.toUtf8()));
        // Every sample line is NAME{labels} VALUE or NAME VALUE.
        const QRegularExpression line(QStringLiteral("^(#.*|[a-z_]+(\\{([a-z_]+=\"([^\"\\\\]|\\\\.)*\",?)*\\})? [0-9.e+-]+)$"));
        for (const QByteArray &l : m.split('\n'))
            QVERIFY2(l.isEmpty() || line.match(QString::fromUtf8(l)).hasMatch(), l.constData());
    }

    void onlyForAllowedAddressesAndJsonLogs()
    {
        QFETCH_GLOBAL(int, backend);
        if (backend != ServerFixture::Sqlite)
            QSKIP("the same on both backends");
        fx = std::make_unique<ServerFixture>(ServerFixture::Sqlite);
        QVERIFY2(fx->start(apitest::wallClock(), {QStringLiteral("--metrics-allow"), QStringLiteral("10.0.0.0/8"),
                                                  QStringLiteral("--log-format"), QStringLiteral("json")}),
                 qPrintable(fx->errorString()));
        const HttpReply refused = fx->get(QStringLiteral("/metrics"));
        KLIV_VERIFY_STATUS(refused, 403);
        KLIV_VERIFY_STATUS(fx->get(QStringLiteral("/oauth/authorize?code=hemlig-kod&state=abc")), 400);
        fx->stop();
        bool sawJson = false;
        for (const QByteArray &l : fx->serverStderr().split('\n')) {
            const int brace = l.indexOf('{');
            if (brace < 0 || !l.contains("\"route\""))
                continue;
            const QJsonObject o = QJsonDocument::fromJson(l.mid(brace)).object();
            QVERIFY2(!o.isEmpty(), l.constData());
            if (o.value(QLatin1String("path")).toString() == QLatin1String("/metrics")) {
                QCOMPARE(o.value(QLatin1String("status")).toInt(), 403);
                QCOMPARE(o.value(QLatin1String("method")).toString(), QStringLiteral("GET"));
                QVERIFY(o.value(QLatin1String("ms")).isDouble());
                sawJson = true;
            }
        }
        QVERIFY2(sawJson, fx->serverStderr().constData());
        QVERIFY(!fx->serverStderr().contains("hemlig-kod"));
    }
};

QTEST_GUILESS_MAIN(Metrics)
#include "tst_metrics.moc"

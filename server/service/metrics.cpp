#include "metrics.h"

#include <QMutexLocker>
#include <QStringList>
#include <algorithm>

namespace service {

namespace {
const std::vector<double> kLatencyBounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
const std::vector<double> kGroupBounds{1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
const std::vector<double> kLagBounds{0.1, 0.5, 1, 5, 15, 60, 300, 1800, 3600, 86400};

QByteArray escaped(const QString &v)
{
    QString s = v;
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\"")).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return s.toUtf8();
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 12);
}

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += "# HELP " + QByteArray(name) + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

void histogramLines(QByteArray &out, const QByteArray &name, const QByteArray &labels, const std::vector<double> &bounds,
                    const std::vector<quint64> &counts, double sum, quint64 count)
{
    const QByteArray sep = labels.isEmpty() ? QByteArray() : labels + ',';
    quint64 cumulative = 0;
    for (size_t i = 0; i < bounds.size(); ++i) {
        cumulative += counts[i];
        out += name + "_bucket{" + sep + "le=\"" + number(bounds[i]) + "\"} " + QByteArray::number(cumulative) + '\n';
    }
    out += name + "_bucket{" + sep + "le=\"+Inf\"} " + QByteArray::number(count) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum" + braces + ' ' + number(sum) + '\n';
    out += name + "_count" + braces + ' ' + QByteArray::number(count) + '\n';
}
// One counter line per outcome, sorted: NAME{outcome="..."} N.
void outcomeLines(QByteArray &out, const QByteArray &name, const QHash<QString, quint64> &byOutcome)
{
    QStringList outcomes = byOutcome.keys();
    outcomes.sort();
    for (const QString &o : std::as_const(outcomes))
        out += name + "{outcome=\"" + escaped(o) + "\"} " + QByteArray::number(byOutcome.value(o)) + '\n';
}
} // namespace

void Metrics::Histogram::observe(double v)
{
    const auto it = std::lower_bound(bounds.begin(), bounds.end(), v);
    if (it != bounds.end())
        ++counts[size_t(it - bounds.begin())];
    sum += v;
    ++count;
}

Metrics::Metrics()
    : m_groupRequests(kGroupBounds), m_groupEvents(kGroupBounds), m_webhookLag(kLagBounds)
{
}

Metrics &Metrics::instance()
{
    static Metrics m;
    return m;
}

void Metrics::request(const QString &route, const QByteArray &method, int status, qint64 micros)
{
    const QString key = route + QLatin1Char('\t') + QString::fromLatin1(method) + QLatin1Char('\t') + QString::number(status);
    QMutexLocker lock(&m_mutex);
    ++m_requests[key];
    auto h = m_latency.find(route);
    if (h == m_latency.end())
        h = m_latency.insert(route, Histogram(kLatencyBounds));
    h->observe(double(micros) / 1e6);
}

void Metrics::usage(const QString &outcome, qint64 events)
{
    QMutexLocker lock(&m_mutex);
    m_usage[outcome] += quint64(events);
}

void Metrics::commitGroup(qint64 requests, qint64 events)
{
    QMutexLocker lock(&m_mutex);
    m_groupRequests.observe(double(requests));
    m_groupEvents.observe(double(events));
}

void Metrics::webhook(const QString &outcome, double lagSeconds)
{
    QMutexLocker lock(&m_mutex);
    ++m_webhooks[outcome];
    if (lagSeconds >= 0)
        m_webhookLag.observe(lagSeconds);
}

void Metrics::gauge(const QString &name, const QString &help, std::function<double()> read)
{
    QMutexLocker lock(&m_mutex);
    m_gauges.erase(std::remove_if(m_gauges.begin(), m_gauges.end(), [&](const Gauge &g) { return g.name == name; }),
                   m_gauges.end());
    m_gauges.append(Gauge{name, help, std::move(read)});
}

void Metrics::reset()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_latency.clear();
    m_usage.clear();
    m_groupRequests = Histogram(kGroupBounds);
    m_groupEvents = Histogram(kGroupBounds);
    m_webhooks.clear();
    m_webhookLag = Histogram(kLagBounds);
    m_gauges.clear();
}

QByteArray Metrics::render()
{
    QList<Gauge> gauges;
    QByteArray out;
    {
        QMutexLocker lock(&m_mutex);
        gauges = m_gauges;
        header(out, "kliv_http_requests_total", "counter", "HTTP requests answered, by route pattern, method and status.");
        QStringList keys = m_requests.keys();
        keys.sort();
        for (const QString &k : std::as_const(keys)) {
            const QStringList p = k.split(QLatin1Char('\t'));
            out += "kliv_http_requests_total{route=\"" + escaped(p.value(0)) + "\",method=\"" + escaped(p.value(1))
                + "\",status=\"" + p.value(2).toLatin1() + "\"} " + QByteArray::number(m_requests.value(k)) + '\n';
        }
        header(out, "kliv_http_request_duration_seconds", "histogram", "Time from the request's arrival to its answer, by route pattern.");
        QStringList routes = m_latency.keys();
        routes.sort();
        for (const QString &r : std::as_const(routes)) {
            const Histogram &h = m_latency[r];
            histogramLines(out, "kliv_http_request_duration_seconds", "route=\"" + escaped(r) + '"', h.bounds, h.counts, h.sum, h.count);
        }
        header(out, "kliv_usage_events_total", "counter", "Usage events by outcome (recorded, replayed, or refused and why).");
        outcomeLines(out, "kliv_usage_events_total", m_usage);
        header(out, "kliv_usage_commit_group_requests", "histogram", "Requests per group commit of the usage writers.");
        histogramLines(out, "kliv_usage_commit_group_requests", {}, m_groupRequests.bounds, m_groupRequests.counts, m_groupRequests.sum, m_groupRequests.count);
        header(out, "kliv_usage_commit_group_events", "histogram", "Usage events per group commit of the usage writers.");
        histogramLines(out, "kliv_usage_commit_group_events", {}, m_groupEvents.bounds, m_groupEvents.counts, m_groupEvents.sum, m_groupEvents.count);
        header(out, "kliv_stripe_webhooks_total", "counter", "Stripe webhook deliveries by outcome.");
        outcomeLines(out, "kliv_stripe_webhooks_total", m_webhooks);
        header(out, "kliv_stripe_webhook_lag_seconds", "histogram", "From the event's creation at Stripe to its delivery here.");
        histogramLines(out, "kliv_stripe_webhook_lag_seconds", {}, m_webhookLag.bounds, m_webhookLag.counts, m_webhookLag.sum, m_webhookLag.count);
    }
    // Read outside the lock: a gauge may take other locks.
    for (const Gauge &g : std::as_const(gauges)) {
        const QByteArray name = g.name.toLatin1();
        out += "# HELP " + name + ' ' + g.help.toUtf8() + "\n# TYPE " + name + " gauge\n" + name + ' ' + number(g.read()) + '\n';
    }
    return out;
}

} // namespace service

#pragma once
// The server's metrics in the Prometheus text format (GET /metrics). One
// process-wide registry: counters and histograms are updated from any thread
// (a mutex per family, held for a hash lookup and an add); gauges are read when
// scraped. Label values are bounded by the caller (route patterns, not paths).
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <functional>
#include <vector>

namespace service {

class Metrics
{
public:
    static Metrics &instance();

    // One answered HTTP request: its route pattern ("unmatched" for 404s), method and status.
    void request(const QString &route, const QByteArray &method, int status, qint64 micros);
    // Usage events by outcome: recorded, replayed, insufficient_credits, not_found, invalid, error.
    void usage(const QString &outcome, qint64 events = 1);
    // One commit group of the usage writers: requests and events in it.
    void commitGroup(qint64 requests, qint64 events);
    // One Stripe webhook delivery: applied, duplicate, refused, error; lag = now - event.created.
    void webhook(const QString &outcome, double lagSeconds = -1);
    // A value read at scrape time (live connections, worker queue, ...).
    void gauge(const QString &name, const QString &help, std::function<double()> read);

    QByteArray render();
    void reset();   // tests

private:
    Metrics();
    struct Histogram {
        std::vector<double> bounds;
        explicit Histogram(std::vector<double> upperBounds = {})
            : bounds(std::move(upperBounds)), counts(bounds.size(), 0) {}
        std::vector<quint64> counts;   // per bucket, not cumulative
        double sum = 0;
        quint64 count = 0;
        void observe(double v);
    };
    struct Gauge {
        QString name, help;
        std::function<double()> read;
    };
    QMutex m_mutex;
    QHash<QString, quint64> m_requests;          // route \t method \t status
    QHash<QString, Histogram> m_latency;         // route
    QHash<QString, quint64> m_usage;             // outcome
    Histogram m_groupRequests, m_groupEvents;    // buckets set by the constructor
    QHash<QString, quint64> m_webhooks;          // outcome
    Histogram m_webhookLag;
    QList<Gauge> m_gauges;
};

} // namespace service

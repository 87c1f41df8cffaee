#pragma once
// kliv-billingd's HTTP front: the hardened edge (server/edge) parses, our
// router routes, and every answer, including unknown routes and oversized
// bodies, is the API's JSON error shape; every request is logged once (without
// secrets). The event loop only parses, routes and writes: authentication and
// the handlers run on worker threads.
#include "router.h"
#include "servercontext.h"

#include "edge/edgeserver.h"

#include <QObject>
#include <QHostAddress>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <memory>

namespace storage { class Store; }
namespace service { class Workers; class UsageRecorder; }
namespace saml { class ServiceProvider; }

namespace http {

class LiveHub;
class PaymentProvider;

class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Config {
        bool dev = false;
        int tokenTtl = 3600;
        int transitionIntervalMs = 30000;   // period-end sweep over all workspaces
        int workers = 0;                    // worker threads; 0 = by the machine's cores
        int writers = 0;                    // usage writers; 0 = 1 on SQLite, 4 on PostgreSQL
        edge::Limits limits;                // header/body/WebSocket limits, timeouts, connection cap
        // Who may read GET /metrics: address/prefix entries, e.g. "127.0.0.1/8", "10.0.0.0/8".
        QStringList metricsAllow{QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")};
        // How browsers and IdPs reach this server (SAML entity IDs, ACS URLs); empty: http://HOST:PORT it listens on.
        QUrl publicUrl;
    };

    // `clock` is the billing clock; pass a ManualClock as `devClock` too in development mode.
    HttpServer(storage::Store *store, const billing::PlanCatalog *catalog, billing::Clock *clock,
               billing::ManualClock *devClock, const Config &config, QObject *parent = nullptr);
    ~HttpServer() override;

    // Starts the worker threads and the usage writers (each opens its own
    // connection to the store's database); false and *error when one cannot.
    bool start(QString *error);
    // Listens on host:port (0 = a free port). Returns the port, 0 on failure.
    // Starts the workers first if start() was not called.
    quint16 listenOn(const QHostAddress &host, quint16 port);
    // Graceful stop: no new connections, the requests in flight answered, usage
    // queued recorded, then the workers and writers closed. Emits stopped().
    void shutdown(int graceMs = 10000);

    // The seam to the payment provider (Stripe); null = money routes answer 503.
    void setPaymentProvider(PaymentProvider *provider);
    PaymentProvider *paymentProvider() const { return m_ctx.provider; }

    LiveHub *liveHub() const { return m_ctx.live; }
    ServerContext &context() { return m_ctx; }
    const Router &router() const { return m_router; }
    edge::EdgeServer &edge() { return m_edge; }

    // Applies due period-end transitions to every workspace now (timer, dev clock moves).
    void applyTransitions();

Q_SIGNALS:
    void stopped();

private:
    void handleRequest(edge::HttpRequest &&request, edge::ResponderPtr responder);
    std::optional<ApiError> authenticate(Request &req, Auth needed);

    void dispatch(const Router::Route *route, Request &&req, const ReplyPtr &reply);
    ReplyPtr makeReply(const edge::HttpRequest &request, edge::ResponderPtr responder);
    void finishShutdown();
    void applyTransitionsOnWorker();

    ServerContext m_ctx;
    void addMetricsRoute();
    Config m_config;
    edge::EdgeServer m_edge;
    Router m_router;
    QTimer m_transitionTimer;
    std::unique_ptr<service::Workers> m_workers;
    std::unique_ptr<service::Workers> m_slowLane;
    std::unique_ptr<service::UsageRecorder> m_recorder;
    std::unique_ptr<saml::ServiceProvider> m_saml;
    std::atomic_bool m_sweeping = false;
    bool m_stopping = false;
};

} // namespace http

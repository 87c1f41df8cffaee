#pragma once
// kliv-billingd's HTTP front: one QAbstractHttpServer with our own router so
// that every answer, including unknown routes and oversized bodies, is the
// API's JSON error shape, every request is logged once (without secrets), and
// authentication is checked before any handler runs.
#include "router.h"
#include "servercontext.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QTimer>
#include <memory>

namespace storage { class Store; }

namespace http {

class LiveHub;
class PaymentProvider;

class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qint64 MaxBodyBytes = 1024 * 1024;

    struct Config {
        bool dev = false;
        int tokenTtl = 3600;
        int transitionIntervalMs = 30000;   // period-end sweep over all workspaces
    };

    // `clock` is the billing clock; pass a ManualClock as `devClock` too in development mode.
    HttpServer(storage::Store *store, const billing::PlanCatalog *catalog, billing::Clock *clock,
               billing::ManualClock *devClock, const Config &config, QObject *parent = nullptr);
    ~HttpServer() override;

    // Listens on host:port (0 = a free port). Returns the port, 0 on failure.
    quint16 listenOn(const QHostAddress &host, quint16 port);

    // The seam to the payment provider (Stripe); null = money routes answer 503.
    void setPaymentProvider(PaymentProvider *provider);
    PaymentProvider *paymentProvider() const { return m_ctx.provider; }

    LiveHub *liveHub() const { return m_ctx.live; }
    ServerContext &context() { return m_ctx; }
    const Router &router() const { return m_router; }

    // Applies due period-end transitions to every workspace now (timer, dev clock moves).
    void applyTransitions();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    std::optional<ApiError> authenticate(Request &req, Auth needed);

    ServerContext m_ctx;
    Config m_config;
    Router m_router;
    QTimer m_transitionTimer;
};

} // namespace http

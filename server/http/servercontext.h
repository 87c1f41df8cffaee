#pragma once
// What every route group shares: the store, the catalog, the clocks, the
// optional payment provider and the live hub. Owned by HttpServer.
#include "billing/clock.h"
#include "billing/plancatalog.h"

#include <QDateTime>
#include <functional>

namespace storage { class Store; }

namespace http {

class LiveHub;
class PaymentProvider;

struct ServerContext {
    storage::Store *store = nullptr;
    const billing::PlanCatalog *catalog = nullptr;
    billing::Clock *clock = nullptr;            // the billing clock
    billing::ManualClock *devClock = nullptr;   // set only in development mode
    PaymentProvider *provider = nullptr;        // null: money routes answer 503
    LiveHub *live = nullptr;
    int tokenTtl = 3600;                        // access token lifetime, seconds
    std::function<void()> clockMoved;           // dev clock moved: apply transitions, push refills

    QDateTime now() const { return clock->now(); }
    // Tokens and sign-in codes expire by the wall clock: moving the development
    // clock is about billing periods, not about signing everyone out (and the
    // `admin issue-token` process cannot know the server's development clock).
    static QDateTime wallNow() { return QDateTime::currentDateTimeUtc(); }
};

} // namespace http

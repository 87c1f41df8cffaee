#pragma once
// What every route group shares: the store (each thread's own, see
// service/threadstore.h), the catalog, the clocks, the worker threads, the usage
// recorder, the optional payment provider and the live hub. Owned by HttpServer.
//
// Route handlers run on worker threads, several at once: what they touch here is
// read-only after start-up, thread-safe (workers, recorder), or reached on its
// own thread: the live hub through onMainThread() (it lives on the event loop),
// the payment provider through QMetaObject::invokeMethod (it has a thread of its own).
#include "billing/clock.h"
#include "billing/plancatalog.h"
#include "service/threadstore.h"

#include <QDateTime>
#include <QMetaObject>
#include <QObject>
#include <QThread>
#include <QUrl>
#include <functional>
#include <optional>

namespace service { class Workers; class UsageRecorder; }
namespace saml { class ServiceProvider; }

namespace http {

class LiveHub;
class PaymentProvider;

struct ServerContext {
    service::StoreHandle store;                 // the calling thread's Store
    const billing::PlanCatalog *catalog = nullptr;
    billing::Clock *clock = nullptr;            // the billing clock (thread-safe reads)
    billing::ManualClock *devClock = nullptr;   // set only in development mode
    PaymentProvider *provider = nullptr;        // null: money routes answer 503
    LiveHub *live = nullptr;
    service::Workers *workers = nullptr;
    service::Workers *slowLane = nullptr;       // password hashing (Argon2id)
    service::UsageRecorder *recorder = nullptr;
    QObject *mainThread = nullptr;              // an object living on the event loop thread
    int tokenTtl = 3600;                        // access token lifetime, seconds
    saml::ServiceProvider *saml = nullptr;      // SAML single sign-on (thread-safe)
    QUrl publicBase;                            // how browsers and IdPs reach this server (SP entity IDs)
    std::function<void()> clockMoved;           // dev clock moved: apply transitions, push refills
    // Development mode: POST /v1/dev/seed (set by the app); the demo workspace's id.
    std::function<std::optional<QString>(QString *error)> seedDemo;

    QDateTime now() const { return clock->now(); }
    // Tokens and sign-in codes expire by the wall clock: moving the development
    // clock is about billing periods, not about signing everyone out (and the
    // `admin issue-token` process cannot know the server's development clock).
    static QDateTime wallNow() { return QDateTime::currentDateTimeUtc(); }

    // Runs fn on the event loop thread (the payment provider and the live hub are
    // not thread-safe); at once when already there.
    void onMainThread(std::function<void()> fn) const
    {
        if (QThread::currentThread() == mainThread->thread())
            fn();
        else
            QMetaObject::invokeMethod(mainThread, std::move(fn), Qt::QueuedConnection);
    }
};

} // namespace http

#pragma once
// A service's own thread with its own Store: the payment provider (its HTTP
// client, Stripe calls, their answers and the webhooks handled in order, off
// the event loop) and the notifier (the outbox's deliveries) each have one, so
// they never wait for each other's database work on the requests' workers.
#include "service/threadstore.h"

#include <QThread>
#include <functional>
#include <memory>

class QObject;

namespace app {

class StoreThread
{
public:
    explicit StoreThread(const QString &name);
    ~StoreThread();   // destroys what make() built, on the thread, then stops it

    // Opens a Store like `main` on the thread and builds the service there
    // (make gets that Store). Returns the provider, or nullptr and *error.
    QObject *start(const storage::Store &main, const std::function<QObject *(storage::Store *)> &make, QString *error);

private:
    QThread m_thread;
    QObject *m_provider = nullptr;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<service::ThreadStoreScope> m_scope;
};

} // namespace app

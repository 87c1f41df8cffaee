#pragma once
// The payment provider's own thread: its HTTP client (QNetworkAccessManager)
// and its Store live there, so Stripe calls, their answers and the webhooks
// are handled in order, off the event loop, and never wait for each other's
// database work on the requests' workers.
#include "service/threadstore.h"

#include <QThread>
#include <functional>
#include <memory>

class QObject;

namespace app {

class PaymentsThread
{
public:
    PaymentsThread();
    ~PaymentsThread();   // destroys what make() built, on the thread, then stops it

    // Opens a Store like `main` on the thread and builds the provider there
    // (make gets that Store). Returns the provider, or nullptr and *error.
    QObject *start(const storage::Store &main, const std::function<QObject *(storage::Store *)> &make, QString *error);

private:
    QThread m_thread;
    QObject *m_provider = nullptr;
    std::unique_ptr<storage::Store> m_store;
    std::unique_ptr<service::ThreadStoreScope> m_scope;
};

} // namespace app

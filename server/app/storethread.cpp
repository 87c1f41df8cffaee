#include "storethread.h"

#include <QMetaObject>
#include <QObject>

namespace app {

StoreThread::StoreThread(const QString &name)
{
    m_thread.setObjectName(name);
}

StoreThread::~StoreThread()
{
    if (!m_thread.isRunning())
        return;
    // Everything made on the thread is destroyed there (Qt SQL and network objects must be).
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(&context, [this] {
        delete m_provider;
        m_provider = nullptr;
        m_scope.reset();
        m_store.reset();
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QObject *StoreThread::start(const storage::Store &main, const std::function<QObject *(storage::Store *)> &make,
                               QString *error)
{
    m_thread.start();
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(&context, [&] {
        m_store = service::openStoreLike(main, error);
        if (!m_store)
            return;
        m_scope = std::make_unique<service::ThreadStoreScope>(m_store.get());
        m_provider = make(m_store.get());
    }, Qt::BlockingQueuedConnection);
    return m_provider;
}

} // namespace app

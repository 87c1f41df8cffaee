#include "threadstore.h"

namespace service {

namespace {
thread_local storage::Store *t_store = nullptr;
}

std::unique_ptr<storage::Store> openStoreLike(const storage::Store &main, QString *error)
{
    storage::Store::Options options;
    options.listen = false;
    return storage::Store::open(main.location(), error, options);
}

storage::Store *threadStore() { return t_store; }

std::unique_ptr<storage::Store> StartGate::open(const storage::Store &main, const OnOpen &onOpen)
{
    QString error;
    std::unique_ptr<storage::Store> store = openStoreLike(main, &error);
    if (store && onOpen)
        onOpen(store.get());
    {
        std::lock_guard lock(m_mutex);
        if (!store && m_error.isEmpty())
            m_error = error;
        ++m_count;
    }
    m_tried.notify_all();
    return store;
}

bool StartGate::wait(int threads, QString *error)
{
    std::unique_lock lock(m_mutex);
    m_tried.wait(lock, [&] { return m_count >= threads; });
    if (m_error.isEmpty())
        return true;
    if (error)
        *error = m_error;
    return false;
}

ThreadStoreScope::ThreadStoreScope(storage::Store *store) : m_previous(t_store) { t_store = store; }
ThreadStoreScope::~ThreadStoreScope() { t_store = m_previous; }

} // namespace service

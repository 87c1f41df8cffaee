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

ThreadStoreScope::ThreadStoreScope(storage::Store *store) : m_previous(t_store) { t_store = store; }
ThreadStoreScope::~ThreadStoreScope() { t_store = m_previous; }

} // namespace service

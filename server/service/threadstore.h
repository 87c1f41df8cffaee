#pragma once
// Every thread that touches the database has its own storage::Store: a Qt SQL
// connection may only be used by the thread that made it. Worker threads set
// theirs for their lifetime (ThreadStoreScope); code reaches it through a
// StoreHandle, which falls back to the event loop thread's own Store.
#include "storage/store.h"

#include <QString>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace service {

// Opens a Store on the same database as `main` for the calling thread. It does
// not LISTEN (one listener per process delivers every live event) and it shares
// the already migrated schema.
std::unique_ptr<storage::Store> openStoreLike(const storage::Store &main, QString *error);

// Threads that each open their own Store as they start (workers, usage
// writers): the starting thread waits until every one has tried.
class StartGate
{
public:
    using OnOpen = std::function<void(storage::Store *)>;
    // On the new thread: its Store, opened like `main`, after onOpen ran; nullptr
    // (the error kept for wait()) when it cannot be opened.
    std::unique_ptr<storage::Store> open(const storage::Store &main, const OnOpen &onOpen);
    // On the starting thread: until `threads` have tried; false and the first error.
    bool wait(int threads, QString *error);

private:
    std::mutex m_mutex;
    std::condition_variable m_tried;
    int m_count = 0;
    QString m_error;
};

// The calling thread's Store, or nullptr on a thread that has none (the event loop's).
storage::Store *threadStore();

// Sets the calling thread's Store for the lifetime of the scope.
class ThreadStoreScope
{
public:
    explicit ThreadStoreScope(storage::Store *store);
    ~ThreadStoreScope();
    ThreadStoreScope(const ThreadStoreScope &) = delete;
    ThreadStoreScope &operator=(const ThreadStoreScope &) = delete;

private:
    storage::Store *m_previous;
};

// Reads like a Store pointer (`ctx.store->balance(...)`), but resolves to the
// Store of the thread that uses it.
class StoreHandle
{
public:
    StoreHandle() = default;
    explicit StoreHandle(storage::Store *main) : m_main(main) {}
    storage::Store *get() const
    {
        storage::Store *own = threadStore();
        return own ? own : m_main;
    }
    storage::Store *main() const { return m_main; }
    storage::Store *operator->() const { return get(); }
    storage::Store &operator*() const { return *get(); }
    operator storage::Store *() const { return get(); }
    explicit operator bool() const { return m_main != nullptr; }

private:
    storage::Store *m_main = nullptr;
};

} // namespace service

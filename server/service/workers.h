#pragma once
// Worker threads for everything that blocks (SQL, Argon2id, CSV building): the
// event loop only parses, routes and writes. Each worker has its own Store
// (threadstore.h). The queue is bounded: when it is full, post() says so and the
// caller answers 503 at once instead of letting memory and latency grow.
#include "threadstore.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace service {

class Workers
{
public:
    struct Config {
        int threads = 4;
        int maxQueued = 8192;
        int niceness = 0;   // > 0: the threads yield the CPU to everyone else (password hashing)
    };
    using OnOpen = std::function<void(storage::Store *)>;

    // onOpen runs on each worker thread with its new Store (e.g. to connect its
    // liveEvent signal, queued, to the live hub).
    Workers(const storage::Store &main, const Config &config, OnOpen onOpen = {});
    ~Workers();
    Workers(const Workers &) = delete;
    Workers &operator=(const Workers &) = delete;

    // Starts the threads and opens their Stores; false (and *error) when a Store cannot be opened.
    bool start(QString *error);
    // Runs job on a worker, in FIFO order. False when stopped or the queue is full.
    bool post(std::function<void()> job);
    // work() on a worker, then then(result) on context's thread (skipped if context is gone).
    template<typename T>
    bool run(QObject *context, std::function<T()> work, std::function<void(T)> then)
    {
        QPointer<QObject> guard(context);
        return post([guard, work = std::move(work), then = std::move(then)]() mutable {
            T result = work();
            if (!guard)
                return;
            QMetaObject::invokeMethod(guard.data(), [then = std::move(then), result = std::move(result)]() mutable {
                then(std::move(result));
            }, Qt::QueuedConnection);
        });
    }
    // Finishes what is queued, closes the Stores and joins the threads.
    void stop();

    int threadCount() const { return int(m_threads.size()); }
    int queued() const;

private:
    void loop(int index);

    const storage::Store &m_main;
    Config m_config;
    OnOpen m_onOpen;
    std::vector<std::thread> m_threads;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    StartGate m_gate;
    bool m_stopping = false;
};

} // namespace service

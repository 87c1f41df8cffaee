#include "workers.h"

#include <QLoggingCategory>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcWorkers, "kliv.workers")

namespace service {

Workers::Workers(const storage::Store &main, const Config &config, OnOpen onOpen)
    : m_main(main)
    , m_config(config)
    , m_onOpen(std::move(onOpen))
{
}

Workers::~Workers() { stop(); }

bool Workers::start(QString *error)
{
    const int n = qMax(1, m_config.threads);
    for (int i = 0; i < n; ++i)
        m_threads.emplace_back([this, i] { loop(i); });
    if (m_gate.wait(n, error))
        return true;
    stop();
    return false;
}

bool Workers::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_threads.empty() || int(m_queue.size()) >= m_config.maxQueued)
            return false;
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

int Workers::queued() const
{
    std::lock_guard lock(m_mutex);
    return int(m_queue.size());
}

void Workers::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads) {
        if (t.joinable())
            t.join();
    }
    m_threads.clear();
}

void Workers::loop(int index)
{
    // Linux: a thread's nice value is its own (setpriority on its thread id).
    if (m_config.niceness > 0)
        setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), m_config.niceness);
    std::unique_ptr<storage::Store> store = m_gate.open(m_main, m_onOpen);
    if (!store)
        return;
    ThreadStoreScope scope(store.get());
    qCDebug(lcWorkers) << "worker" << index << "ready";
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                break;   // stopping, and everything queued is done
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        job();
    }
}

} // namespace service

#pragma once
// Usage recording with group commit. Spends that arrive together are applied in
// one transaction (Store::spendGroup): per workspace in arrival order, each still
// checked against the balance in the same step that records it and its
// idempotency key written with it; then every caller gets its own answer.
//
// Workspaces are spread over the writers by a hash of their id, so one workspace
// is always recorded by the same writer (arrival order holds, and two writers
// never wait for each other's row locks). SQLite has one writer (it has one
// write lock anyway); PostgreSQL several, each with its own connection.
#include "threadstore.h"

#include "billing/plancatalog.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace service {

class UsageRecorder
{
public:
    struct Config {
        int writers = 1;
        int maxGroupEvents = 2000;      // events per transaction at most
        int maxQueuedEvents = 100000;   // beyond this submit() refuses (the caller answers 503)
    };
    using Done = std::function<void(const storage::BatchResult &)>;
    using OnOpen = std::function<void(storage::Store *)>;
    // Where the answers are built (JSON) once a group is durable: not on the
    // writer, whose only job is the next transaction. Returns false to run it inline.
    using Deliver = std::function<bool(std::function<void()>)>;

    UsageRecorder(const storage::Store &main, const billing::PlanCatalog &catalog, const Config &config,
                  OnOpen onOpen = {}, Deliver deliver = {});
    ~UsageRecorder();
    UsageRecorder(const UsageRecorder &) = delete;
    UsageRecorder &operator=(const UsageRecorder &) = delete;

    bool start(QString *error);
    // Queues a batch (1..MaxBatch events) of one workspace; done(result) runs on a
    // writer thread once it is durable (or refused). False: stopped or full.
    bool submit(const QString &workspaceId, QList<storage::UsageRequest> requests, const QDateTime &now, Done done);
    // Records everything queued, then closes the writers' Stores.
    void stop();

    // Transactions committed and events in them, for metrics and the benchmark.
    struct Stats { qint64 groups = 0; qint64 batches = 0; qint64 events = 0; };
    Stats stats() const;
    qint64 queuedEvents() const;

private:
    struct Job {
        storage::Store::SpendJob spend;
        Done done;
    };
    struct Writer {
        std::thread thread;
        std::deque<Job> queue;
        std::condition_variable wake;
    };
    void loop(Writer &writer);

    const storage::Store &m_main;
    const billing::PlanCatalog &m_catalog;
    Config m_config;
    OnOpen m_onOpen;
    Deliver m_deliver;
    std::vector<std::unique_ptr<Writer>> m_writers;
    mutable std::mutex m_mutex;
    StartGate m_gate;
    bool m_stopping = false;
    qint64 m_queuedEvents = 0;
    Stats m_stats;
};

} // namespace service

#include "usagerecorder.h"
#include "metrics.h"

#include <QHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRecorder, "kliv.usage")

namespace service {

UsageRecorder::UsageRecorder(const storage::Store &main, const billing::PlanCatalog &catalog, const Config &config,
                             OnOpen onOpen, Deliver deliver)
    : m_main(main)
    , m_catalog(catalog)
    , m_config(config)
    , m_onOpen(std::move(onOpen))
    , m_deliver(std::move(deliver))
{
}

UsageRecorder::~UsageRecorder() { stop(); }

bool UsageRecorder::start(QString *error)
{
    const int n = qMax(1, m_config.writers);
    for (int i = 0; i < n; ++i)
        m_writers.push_back(std::make_unique<Writer>());
    for (auto &w : m_writers)
        w->thread = std::thread([this, writer = w.get()] { loop(*writer); });
    if (m_gate.wait(n, error))
        return true;
    stop();
    return false;
}

bool UsageRecorder::submit(const QString &workspaceId, QList<storage::UsageRequest> requests, const QDateTime &now,
                           Done done)
{
    Writer *writer = nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_writers.empty() || m_queuedEvents + requests.size() > m_config.maxQueuedEvents)
            return false;
        writer = m_writers.at(size_t(qHash(workspaceId) % m_writers.size())).get();
        m_queuedEvents += requests.size();
        writer->queue.push_back(Job{{workspaceId, std::move(requests), now}, std::move(done)});
    }
    writer->wake.notify_one();
    return true;
}

void UsageRecorder::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    for (auto &w : m_writers)
        w->wake.notify_all();
    for (auto &w : m_writers) {
        if (w->thread.joinable())
            w->thread.join();
    }
    m_writers.clear();
}

UsageRecorder::Stats UsageRecorder::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

qint64 UsageRecorder::queuedEvents() const
{
    std::lock_guard lock(m_mutex);
    return m_queuedEvents;
}

namespace {
const char *outcomeName(storage::SpendStatus s)
{
    switch (s) {
    case storage::SpendStatus::Spent: return "recorded";
    case storage::SpendStatus::Replayed: return "replayed";
    case storage::SpendStatus::Insufficient: return "insufficient_credits";
    case storage::SpendStatus::MemberLimitReached: return "member_limit_reached";
    case storage::SpendStatus::Conflict: return "idempotency_conflict";
    case storage::SpendStatus::UnknownMember: return "unknown_member";
    case storage::SpendStatus::Invalid: return "invalid";
    case storage::SpendStatus::NotFound: return "workspace_not_found";
    case storage::SpendStatus::Error: return "error";
    }
    return "error";
}

// /metrics: each event's outcome, and the group's size.
void countOutcomes(const QList<storage::BatchResult> &results, qint64 events)
{
    Metrics &m = Metrics::instance();
    m.commitGroup(results.size(), events);
    QHash<QString, qint64> outcomes;
    for (const storage::BatchResult &b : results) {
        if (b.results.isEmpty()) {
            ++outcomes[QString::fromLatin1(outcomeName(b.status))];
            continue;
        }
        for (const storage::SpendResult &r : b.results)
            ++outcomes[QString::fromLatin1(outcomeName(r.status))];
    }
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        m.usage(it.key(), it.value());
}
} // namespace

void UsageRecorder::loop(Writer &writer)
{
    std::unique_ptr<storage::Store> store = m_gate.open(m_main, m_onOpen);
    if (!store)
        return;
    ThreadStoreScope scope(store.get());

    QList<storage::Store::SpendJob> spends;
    std::vector<Done> dones;
    for (;;) {
        spends.clear();
        dones.clear();
        qint64 events = 0;
        {
            std::unique_lock lock(m_mutex);
            writer.wake.wait(lock, [&] { return m_stopping || !writer.queue.empty(); });
            if (writer.queue.empty())
                break;   // stopping, and everything queued is recorded
            // Everything that arrived while the last commit ran forms this group.
            while (!writer.queue.empty()
                   && (events == 0 || events + writer.queue.front().spend.requests.size() <= m_config.maxGroupEvents)) {
                Job &job = writer.queue.front();
                events += job.spend.requests.size();
                spends.append(std::move(job.spend));
                dones.push_back(std::move(job.done));
                writer.queue.pop_front();
            }
            m_queuedEvents -= events;
        }
        // Same workspace together, in arrival order (stable): fewer lock round trips,
        // and rows are locked in one order by every writer and instance.
        std::vector<int> order(size_t(spends.size()));
        for (int i = 0; i < spends.size(); ++i)
            order[size_t(i)] = i;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return spends.at(a).workspaceId < spends.at(b).workspaceId;
        });
        QList<storage::Store::SpendJob> sorted;
        sorted.reserve(spends.size());
        for (int i : order)
            sorted.append(spends.at(i));
        const QList<storage::BatchResult> results = store->spendGroup(sorted, m_catalog);
        {
            std::lock_guard lock(m_mutex);
            ++m_stats.groups;
            m_stats.batches += spends.size();
            m_stats.events += events;
        }
        countOutcomes(results, events);
        // One hand-off for the whole group: the answers are built elsewhere.
        auto answer = [dones = std::move(dones), order = std::move(order), results]() {
            for (size_t k = 0; k < order.size(); ++k) {
                const Done &done = dones[size_t(order[k])];
                if (done)
                    done(results.value(qsizetype(k)));
            }
        };
        if (!m_deliver || !m_deliver(answer))
            answer();
        dones = {};
    }
}

} // namespace service

#include "responder.h"
#include "edgeconnection.h"
#include "edgeserver.h"

#include <QThread>

namespace edge {

Responder::Responder(std::shared_ptr<ResponderLink> link, EdgeConnection *connection, QThread *thread, quint64 seq)
    : m_link(std::move(link))
    , m_connection(connection)
    , m_thread(thread)
    , m_seq(seq)
{
}

// A handler that drops its responder unanswered must not stall the pipeline.
Responder::~Responder()
{
    if (m_sent.exchange(true))
        return;
    HttpResponse r;
    r.status = 500;
    r.headers = {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}};
    r.body = R"({"error":{"code":"internal","message":"the request was not answered"}})";
    post(std::move(r));
}

void Responder::send(HttpResponse response)
{
    if (m_sent.exchange(true))
        return;
    post(std::move(response));
}

void Responder::post(HttpResponse &&response)
{
    if (isGone())
        return;
    if (QThread::currentThread() == m_thread) {
        m_connection->deliver(m_seq, std::move(response));
        return;
    }
    QMutexLocker lock(&m_link->mutex);
    if (!m_link->server)
        return;
    // The state and connection pointer are copied: the responder may be gone when this runs.
    QMetaObject::invokeMethod(
        m_link->server,
        [state = m_state, connection = m_connection, seq = m_seq, r = std::move(response)]() mutable {
            if (!state->gone.load(std::memory_order_acquire))
                connection->deliver(seq, std::move(r));
        },
        Qt::QueuedConnection);
}

} // namespace edge

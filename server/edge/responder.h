#pragma once
// The answer channel of one request. send() may be called from any thread,
// once; the bytes are written by the connection's thread in request order.
#include "httpmessage.h"

#include <QMutex>
#include <QPointer>

#include <atomic>
#include <memory>

class QThread;

namespace edge {

class EdgeConnection;
class EdgeServer;

// Shared by the server and its responders: lets a worker thread post an answer
// without touching a server that is being destroyed.
struct ResponderLink {
    QMutex mutex;
    EdgeServer *server = nullptr;   // cleared by ~EdgeServer under the mutex
};

// Shared by a responder and its connection: "the connection is gone".
struct ResponderState {
    std::atomic<bool> gone{false};
};

class Responder : public std::enable_shared_from_this<Responder>
{
public:
    Responder(std::shared_ptr<ResponderLink> link, EdgeConnection *connection, QThread *thread, quint64 seq);
    ~Responder();
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;

    void send(HttpResponse response);
    bool isGone() const { return m_state->gone.load(std::memory_order_acquire); }
    bool isSent() const { return m_sent.load(std::memory_order_acquire); }

    std::shared_ptr<ResponderState> state() const { return m_state; }

private:
    void post(HttpResponse &&response);

    std::shared_ptr<ResponderLink> m_link;
    std::shared_ptr<ResponderState> m_state = std::make_shared<ResponderState>();
    EdgeConnection *m_connection;   // only used on m_thread while !gone
    QThread *m_thread;
    quint64 m_seq;
    std::atomic<bool> m_sent{false};
};

using ResponderPtr = std::shared_ptr<Responder>;

} // namespace edge

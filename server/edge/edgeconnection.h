#pragma once
// One HTTP/1.1 connection: reads and parses as bytes arrive, hands requests to
// the server's handler, writes the answers in request order (pipelining), and
// closes on errors, timeouts, "Connection: close" and shutdown. Deadlines are
// plain numbers checked by the server's sweep, so a request costs no timer.
#include "httpparser.h"
#include "responder.h"

#include <QObject>

#include <deque>

class QTcpSocket;

namespace edge {

class EdgeServer;

class EdgeConnection : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Headers, Body, Waiting, Idle, Closing };

    EdgeConnection(EdgeServer *server, QTcpSocket *socket, qint64 now, quint64 id);
    ~EdgeConnection() override;

    void deliver(quint64 seq, HttpResponse &&response);   // from Responder, on this thread
    void checkDeadline(qint64 now);
    void beginShutdown();
    void abort();                    // drop at once (eviction, end of the grace period)

    bool inFlight() const;           // answers pending or not yet handed to the kernel
    // Eviction order at the connection cap: lower first; -1 = never evicted.
    int evictionRank() const;
    qint64 phaseSince() const { return m_phaseSince; }
    quint64 id() const { return m_id; }     // accept order: ties of phaseSince go to the older one

Q_SIGNALS:
    void finished(edge::EdgeConnection *connection);   // socket closed or handed off

private:
    struct Slot {
        quint64 seq = 0;
        bool ready = false;
        bool interim = false;        // "100 Continue": bytes ready at once
        bool head = false;
        bool http10 = false;
        bool keepAlive = true;
        HttpResponse response;
        QByteArray raw;
        std::shared_ptr<ResponderState> state;
    };

    void processInput();
    bool canParse() const;
    bool hasInput() const;
    void handleRequest(HttpRequest &&request);
    void answerError(const EdgeError &error);
    void flush();
    void beginClose();
    void onBytesWritten();
    void shutdownWrite();
    void tryHandOff();
    void onDisconnected();
    void finish();
    void updatePhase();
    qint64 now() const;

    EdgeServer *m_server;
    QTcpSocket *m_socket;
    HttpParser m_parser;
    std::deque<Slot> m_slots;
    quint64 m_nextSeq = 0;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    quint64 m_id;

    Phase m_phase = Phase::Headers;
    qint64 m_phaseSince = 0;
    qint64 m_deadline = 0;           // 0 = none
    quint64 m_phaseRequest = 0;      // requests parsed when the phase began
    quint64 m_requests = 0;

    bool m_processing = false;
    bool m_inputDone = false;        // no more requests are read (close requested, error, shutdown)
    bool m_closing = false;
    bool m_lingering = false;        // write side shut, draining unread input
    bool m_shutdown = false;
    bool m_handingOff = false;
    bool m_transaction = false;      // socket transaction open since the current request's first byte
    bool m_finished = false;
};

} // namespace edge

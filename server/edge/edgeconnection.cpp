#include "edgeconnection.h"
#include "edgelogging.h"
#include "edgeserver.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace edge {

// Output the client does not read stops parsing (its answers would pile up).
static constexpr qint64 kMaxUnsentBytes = 1024 * 1024;
static constexpr qint64 kReadChunk = 64 * 1024;

EdgeConnection::EdgeConnection(EdgeServer *server, QTcpSocket *socket, qint64 now, quint64 id)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_parser(server->limits())
    , m_peerAddress(socket->peerAddress())
    , m_peerPort(socket->peerPort())
    , m_id(id)
    , m_phaseSince(now)
{
    const Limits &l = server->limits();
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bounded: a request's header bytes (kept in a transaction for the WebSocket
    // hand-off) plus one read; the kernel holds the rest (TCP backpressure).
    socket->setReadBufferSize(qint64(l.maxRequestLineBytes) + l.maxHeaderBytes + 4 * qint64(l.maxHeaderCount) + kReadChunk);
    m_deadline = now + l.headerTimeoutMs;
    connect(socket, &QTcpSocket::readyRead, this, &EdgeConnection::processInput);
    connect(socket, &QTcpSocket::bytesWritten, this, &EdgeConnection::onBytesWritten);
    connect(socket, &QTcpSocket::disconnected, this, &EdgeConnection::onDisconnected);
    // Bytes that came with the connection.
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &EdgeConnection::processInput, Qt::QueuedConnection);
}

EdgeConnection::~EdgeConnection()
{
    for (const Slot &s : m_slots) {
        if (s.state)
            s.state->gone.store(true, std::memory_order_release);
    }
}

qint64 EdgeConnection::now() const
{
    return m_server->now();
}

// Pipelined requests may wait in the parser's buffer as well as in the socket's.
bool EdgeConnection::hasInput() const
{
    return m_socket->bytesAvailable() > 0 || m_parser.bufferedBytes() > 0;
}

bool EdgeConnection::canParse() const
{
    return !m_inputDone && !m_handingOff && !m_finished
        && int(m_slots.size()) < qMax(1, m_server->limits().maxPipelined)
        && m_socket->bytesToWrite() < kMaxUnsentBytes;
}

void EdgeConnection::processInput()
{
    if (m_finished)
        return;
    if (m_closing) {
        m_socket->skip(m_socket->bytesAvailable());   // lingering: read and forget
        return;
    }
    if (m_processing)
        return;
    m_processing = true;
    while (canParse()) {
        const HttpParser::Result r = m_parser.parse();
        if (r == HttpParser::Result::NeedMore) {
            if (m_transaction && m_parser.inBody()) {
                m_socket->commitTransaction();   // headers done: the body never stays in the socket
                m_transaction = false;
            }
            if (m_socket->bytesAvailable() <= 0)
                break;
            if (!m_transaction && !m_parser.hasPartialRequest()) {
                m_socket->startTransaction();
                m_transaction = true;
            }
            // Exactly what is there: read(kReadChunk) would allocate 64 KiB per request.
            m_parser.feed(m_socket->read(qMin(m_socket->bytesAvailable(), kReadChunk)));
            continue;
        }
        if (r == HttpParser::Result::Continue) {
            Slot s;
            s.seq = m_nextSeq++;
            s.ready = s.interim = true;
            s.raw = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
            m_slots.push_back(std::move(s));
            flush();
            continue;
        }
        if (r == HttpParser::Result::Error) {
            if (m_transaction) {
                m_socket->commitTransaction();
                m_transaction = false;
            }
            qCDebug(lcEdge) << "refused" << m_peerAddress << m_parser.error().status << m_parser.error().code;
            answerError(m_parser.error());
            break;
        }
        HttpRequest request = m_parser.takeRequest();
        ++m_requests;
        if (request.header("upgrade").compare("websocket", Qt::CaseInsensitive) == 0
            && m_server->acceptsWebSocket(request)) {
            // The handshake bytes go back into the socket for QWebSocketServer: only
            // possible when they are exactly what the open transaction read.
            if (m_transaction && m_parser.bufferedBytes() == 0) {
                m_socket->rollbackTransaction();
                m_transaction = false;
                m_handingOff = true;
                m_inputDone = true;
                tryHandOff();
                break;
            }
            answerError({400, "bad_request", QStringLiteral("a WebSocket upgrade cannot be pipelined")});
            break;
        }
        if (m_transaction) {
            m_socket->commitTransaction();
            m_transaction = false;
        }
        handleRequest(std::move(request));
    }
    m_processing = false;
    if (!m_finished)
        updatePhase();
}

void EdgeConnection::handleRequest(HttpRequest &&request)
{
    request.remoteAddress = m_peerAddress;
    request.remotePort = m_peerPort;
    Slot s;
    s.seq = m_nextSeq++;
    s.head = request.method == "HEAD";
    s.http10 = request.http10;
    s.keepAlive = request.keepAlive;
    if (!request.keepAlive)
        m_inputDone = true;   // answered, then closed: later bytes are not requests
    auto responder = std::make_shared<Responder>(m_server->link(), this, thread(), s.seq);
    s.state = responder->state();
    m_slots.push_back(std::move(s));
    m_server->dispatch(std::move(request), std::move(responder));
}

void EdgeConnection::answerError(const EdgeError &error)
{
    m_inputDone = true;
    Slot s;
    s.seq = m_nextSeq++;
    s.ready = true;
    s.keepAlive = false;
    s.response = m_server->errorResponse(error);
    m_slots.push_back(std::move(s));
    flush();
}

void EdgeConnection::deliver(quint64 seq, HttpResponse &&response)
{
    if (m_finished || m_slots.empty() || seq < m_slots.front().seq)
        return;
    const quint64 index = seq - m_slots.front().seq;
    if (index >= m_slots.size() || m_slots[index].ready)
        return;
    m_slots[index].ready = true;
    m_slots[index].response = std::move(response);
    if (index == 0)
        flush();
}

void EdgeConnection::flush()
{
    if (m_finished || m_closing)
        return;
    bool wrote = false;
    while (!m_slots.empty() && m_slots.front().ready) {
        Slot s = std::move(m_slots.front());
        m_slots.pop_front();
        if (s.interim) {
            m_socket->write(s.raw);
            continue;
        }
        // In a shutdown the last answer in flight says Connection: close.
        const bool keepAlive = s.keepAlive && !(m_shutdown && m_slots.empty());
        m_socket->write(serializeResponse(s.response, s.http10, keepAlive, s.head));
        // To the kernel now: saves arming the write notifier and one event loop pass per answer.
        m_socket->flush();
        wrote = true;
        if (!keepAlive) {
            for (const Slot &rest : m_slots) {
                if (rest.state)
                    rest.state->gone.store(true, std::memory_order_release);
            }
            m_slots.clear();
            beginClose();
            return;
        }
    }
    if (m_handingOff) {
        tryHandOff();
        return;
    }
    if (m_shutdown && m_slots.empty()) {
        beginClose();
        return;
    }
    // Room again for parsed-ahead requests (the socket may hold more).
    if (wrote && !m_processing && canParse() && hasInput())
        QMetaObject::invokeMethod(this, &EdgeConnection::processInput, Qt::QueuedConnection);
    if (!m_processing)
        updatePhase();
}

void EdgeConnection::beginClose()
{
    if (m_closing || m_finished)
        return;
    m_closing = true;
    m_inputDone = true;
    if (m_transaction) {
        m_socket->commitTransaction();
        m_transaction = false;
    }
    updatePhase();
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void EdgeConnection::onBytesWritten()
{
    if (m_finished)
        return;
    if (m_closing && !m_lingering && m_socket->bytesToWrite() == 0) {
        shutdownWrite();
        return;
    }
    if (m_handingOff) {
        tryHandOff();
        return;
    }
    // Unread answers no longer hold parsing back.
    if (!m_closing && canParse() && hasInput())
        processInput();
}

// FIN after the last answer, then read and drop what the client still sends
// for a moment: closing with unread input would reset the connection and the
// client could lose the answer (typical after a 413 while it is uploading).
void EdgeConnection::shutdownWrite()
{
    m_lingering = true;
    m_deadline = now() + m_server->limits().lingerMs;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->skip(m_socket->bytesAvailable());
    m_server->connectionSettled();
}

void EdgeConnection::tryHandOff()
{
    if (m_finished || !m_slots.empty() || m_socket->bytesToWrite() > 0)
        return;
    QTcpSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    socket->setParent(nullptr);
    m_socket = nullptr;
    m_finished = true;
    m_server->handOff(socket);
    Q_EMIT finished(this);
}

void EdgeConnection::onDisconnected()
{
    finish();
}

void EdgeConnection::abort()
{
    if (m_finished)
        return;
    m_socket->abort();
    finish();
}

void EdgeConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (const Slot &s : m_slots) {
        if (s.state)
            s.state->gone.store(true, std::memory_order_release);
    }
    m_slots.clear();
    disconnect(m_socket, nullptr, this, nullptr);
    Q_EMIT finished(this);
}

bool EdgeConnection::inFlight() const
{
    if (m_finished || m_lingering)
        return false;
    return !m_slots.empty() || m_socket->bytesToWrite() > 0 || m_handingOff;
}

int EdgeConnection::evictionRank() const
{
    if (m_finished)
        return -1;
    if (m_lingering)
        return 0;
    if (!m_slots.empty() || m_handingOff || m_closing)
        return -1;
    switch (m_phase) {
    case Phase::Headers: return 1;   // half-open: never completed the headers of its request
    case Phase::Idle: return 2;
    default: return -1;
    }
}

void EdgeConnection::beginShutdown()
{
    if (m_finished)
        return;
    m_shutdown = true;
    m_inputDone = true;
    if (m_slots.empty() && !m_handingOff)
        beginClose();
}

void EdgeConnection::updatePhase()
{
    if (m_finished)
        return;
    const Limits &l = m_server->limits();
    Phase p;
    if (m_closing)
        p = Phase::Closing;
    else if (m_handingOff)
        p = Phase::Waiting;          // earlier answers go out first, then QWebSocketServer takes over
    else if (!canParse() && !m_inputDone)
        p = Phase::Waiting;          // held back by our own answers: no client deadline
    else if (m_parser.inBody())
        p = Phase::Body;
    else if (m_parser.hasPartialRequest() || m_requests == 0)
        p = Phase::Headers;          // a fresh connection must send its headers in time too
    else if (!m_slots.empty())
        p = Phase::Waiting;
    else
        p = Phase::Idle;
    if (p == m_phase && m_requests == m_phaseRequest)
        return;
    const qint64 t = now();
    m_phase = p;
    m_phaseRequest = m_requests;
    m_phaseSince = t;
    switch (p) {
    case Phase::Headers: m_deadline = t + l.headerTimeoutMs; break;
    case Phase::Body: m_deadline = t + l.bodyTimeoutMs; break;
    case Phase::Idle: m_deadline = t + l.idleTimeoutMs; break;
    case Phase::Waiting: m_deadline = 0; break;
    case Phase::Closing: m_deadline = t + l.lingerMs; break;
    }
}

void EdgeConnection::checkDeadline(qint64 t)
{
    if (m_finished || m_deadline == 0 || t < m_deadline)
        return;
    switch (m_phase) {
    case Phase::Headers:
        if (m_requests > 0 || m_parser.hasPartialRequest()) {
            answerError({408, "request_timeout",
                         QStringLiteral("the request headers were not complete within %1 ms").arg(m_server->limits().headerTimeoutMs)});
        } else {
            abort();   // never sent a byte: nobody to answer
        }
        break;
    case Phase::Body:
        answerError({408, "request_timeout",
                     QStringLiteral("the request body was not complete within %1 ms").arg(m_server->limits().bodyTimeoutMs)});
        break;
    case Phase::Idle:
        beginClose();
        break;
    case Phase::Closing:
        abort();
        break;
    case Phase::Waiting:
        break;
    }
}

} // namespace edge

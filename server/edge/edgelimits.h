#pragma once
// Limits of the edge: every one is checked as bytes arrive, so a client can
// never make the server hold more than a limit plus one socket read.
#include <QByteArray>
#include <QString>

namespace edge {

struct Limits {
    int maxRequestLineBytes = 8 * 1024;     // longer -> 414
    int maxHeaderLineBytes = 8 * 1024;      // one header line longer -> 431
    int maxHeaderBytes = 32 * 1024;         // all header lines together (without line ends) -> 431
    int maxHeaderCount = 100;               // -> 431
    qint64 maxBodyBytes = 1024 * 1024;      // Content-Length above it -> 413 before any body byte;
                                            // chunked: 413 as soon as the decoded size would pass it
    int headerTimeoutMs = 10000;            // a request's headers complete within this -> 408, close
    int bodyTimeoutMs = 30000;              // its body within this -> 408, close
    int idleTimeoutMs = 60000;              // keep-alive connection with nothing in flight -> closed
    int maxConnections = 0;                 // 0 = RLIMIT_NOFILE (soft raised to hard at listen())
                                            //     minus reservedDescriptors and the descriptors already open
    int reservedDescriptors = 64;           // kept for the database, files, the WebSocket server
    int maxPipelined = 32;                  // requests parsed ahead of their answers
    int wsHandshakeTimeoutMs = 10000;
    qint64 wsMaxFrameBytes = 64 * 1024;     // QWebSocket::setMaxAllowedIncomingFrameSize
    qint64 wsMaxMessageBytes = 64 * 1024;   // QWebSocket::setMaxAllowedIncomingMessageSize
    int maxChunkLineBytes = 1024;           // "1a2b;ext=..." of one chunk -> 400 when longer
    int lingerMs = 2000;                    // after the last answer: how long unread input is drained
};

// An answer the edge gives itself (the request never reaches the handler).
struct EdgeError {
    int status = 0;                         // 0 = no error
    QByteArray code;                        // bad_request, body_too_large, ...
    QString message;
};

} // namespace edge

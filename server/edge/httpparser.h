#pragma once
// Incremental HTTP/1.1 request parser (no sockets). Feed bytes as they arrive
// and call parse() until it returns NeedMore. Every limit is checked on the
// bytes seen so far, so the buffer never holds more than a limit plus the last
// feed; body bytes move into the request as they come. After an Error the
// parser stays failed (the connection answers error() and closes).
#include "edgelimits.h"
#include "httpmessage.h"

namespace edge {

class HttpParser
{
public:
    enum class Result {
        NeedMore,       // feed more bytes
        Request,        // a complete request: takeRequest()
        Continue,       // headers done, the client waits for "100 Continue" before the body
        Error,          // error() says what to answer
    };

    explicit HttpParser(const Limits &limits = {});

    void feed(const char *data, qsizetype size);
    void feed(const QByteArray &data) { feed(data.constData(), data.size()); }
    Result parse();
    HttpRequest takeRequest();
    const EdgeError &error() const { return m_error; }

    bool hasPartialRequest() const;       // bytes of a request not complete yet are buffered
    bool inBody() const;                  // the current request's headers are complete
    qsizetype bufferedBytes() const { return m_buf.size() - m_pos; }

private:
    enum class State { Start, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Failed };

    Result fail(int status, const char *code, const QString &message);
    // The next line without its line end; false with *tooLong when the bytes
    // without a line end already exceed limit.
    bool nextLine(int limit, QByteArray *line, bool *tooLong);
    Result parseRequestLine(const QByteArray &line);
    Result parseHeaderLine(const QByteArray &line, bool trailer);
    Result headersComplete();
    Result parseChunkSize(const QByteArray &line);
    int headerLineLimit() const;
    void resetRequest();

    Limits m_limits;
    QByteArray m_buf;
    qsizetype m_pos = 0;
    State m_state = State::Start;
    HttpRequest m_req;
    qint64 m_remaining = 0;       // body or chunk bytes still expected
    int m_headerBytes = 0;
    int m_headerCount = 0;
    bool m_chunked = false;
    bool m_continueSent = false;
    EdgeError m_error;
};

} // namespace edge

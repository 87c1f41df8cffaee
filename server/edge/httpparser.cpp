#include "httpparser.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace edge {

static bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

static bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

static bool isOws(char c) { return c == ' ' || c == '\t'; }

// Does the comma-separated list (Connection, Transfer-Encoding) hold token?
static bool listHas(const QByteArray &list, const char *token)
{
    for (const QByteArray &part : list.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpParser::HttpParser(const Limits &limits)
    : m_limits(limits)
{
}

void HttpParser::feed(const char *data, qsizetype size)
{
    if (m_state == State::Failed || size <= 0)
        return;
    // Drop consumed bytes before growing: the buffer stays one read plus a partial line.
    if (m_pos == m_buf.size()) {
        m_buf.clear();
        m_pos = 0;
    } else if (m_pos > 0) {
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
    m_buf.append(data, size);
}

bool HttpParser::hasPartialRequest() const
{
    return m_state != State::Start || m_pos < m_buf.size();
}

bool HttpParser::inBody() const
{
    return m_state == State::Body || m_state == State::ChunkSize || m_state == State::ChunkData
        || m_state == State::ChunkDataEnd || m_state == State::Trailers;
}

HttpParser::Result HttpParser::fail(int status, const char *code, const QString &message)
{
    m_state = State::Failed;
    m_error = {status, QByteArray(code), message};
    m_buf.clear();
    m_pos = 0;
    return Result::Error;
}

bool HttpParser::nextLine(int limit, QByteArray *line, bool *tooLong)
{
    *tooLong = false;
    const qsizetype lf = m_buf.indexOf('\n', m_pos);
    if (lf < 0) {
        const qsizetype pending = m_buf.size() - m_pos;
        // One byte more than the limit may still be the CR of a line exactly at it.
        if (pending > qsizetype(limit) + 1 || (pending == qsizetype(limit) + 1 && m_buf.back() != '\r'))
            *tooLong = true;
        return false;
    }
    qsizetype end = lf;
    if (end > m_pos && m_buf.at(end - 1) == '\r')
        --end;
    if (end - m_pos > limit) {
        *tooLong = true;
        return false;
    }
    *line = m_buf.mid(m_pos, end - m_pos);
    m_pos = lf + 1;
    return true;
}

int HttpParser::headerLineLimit() const
{
    return qMin(m_limits.maxHeaderLineBytes, m_limits.maxHeaderBytes - m_headerBytes);
}

void HttpParser::resetRequest()
{
    m_req = HttpRequest();
    m_remaining = 0;
    m_headerBytes = 0;
    m_headerCount = 0;
    m_chunked = false;
    m_continueSent = false;
}

HttpRequest HttpParser::takeRequest()
{
    HttpRequest r = std::move(m_req);
    resetRequest();
    m_state = State::Start;
    return r;
}

HttpParser::Result HttpParser::parse()
{
    QByteArray line;
    bool tooLong = false;
    for (;;) {
        switch (m_state) {
        case State::Failed:
            return Result::Error;
        case State::Done:
            return Result::Request;
        case State::Start:
            // Empty lines between requests are tolerated (RFC 9112 2.2).
            while (m_pos < m_buf.size() && (m_buf.at(m_pos) == '\n' || m_buf.at(m_pos) == '\r')) {
                if (m_buf.at(m_pos) == '\r' && (m_pos + 1 >= m_buf.size()))
                    return Result::NeedMore;
                if (m_buf.at(m_pos) == '\r' && m_buf.at(m_pos + 1) != '\n')
                    return fail(400, "bad_request", QStringLiteral("stray carriage return before the request line"));
                m_pos += m_buf.at(m_pos) == '\r' ? 2 : 1;
            }
            if (!nextLine(m_limits.maxRequestLineBytes, &line, &tooLong)) {
                if (tooLong)
                    return fail(414, "uri_too_long",
                                QStringLiteral("the request line is longer than %1 bytes").arg(m_limits.maxRequestLineBytes));
                return Result::NeedMore;
            }
            if (Result r = parseRequestLine(line); r == Result::Error)
                return r;
            m_state = State::Headers;
            break;
        case State::Headers:
        case State::Trailers: {
            const bool trailer = m_state == State::Trailers;
            if (!nextLine(headerLineLimit(), &line, &tooLong)) {
                if (tooLong)
                    return fail(431, "headers_too_large",
                                m_headerBytes + m_limits.maxHeaderLineBytes > m_limits.maxHeaderBytes
                                    ? QStringLiteral("the header lines are longer than %1 bytes together").arg(m_limits.maxHeaderBytes)
                                    : QStringLiteral("a header line is longer than %1 bytes").arg(m_limits.maxHeaderLineBytes));
                return Result::NeedMore;
            }
            if (line.isEmpty()) {
                if (trailer) {
                    m_state = State::Done;
                    return Result::Request;
                }
                Result r = headersComplete();
                if (r != Result::NeedMore)
                    return r;
                break;
            }
            if (Result r = parseHeaderLine(line, trailer); r == Result::Error)
                return r;
            break;
        }
        case State::Body: {
            const qsizetype n = qMin<qint64>(m_remaining, m_buf.size() - m_pos);
            m_req.body.append(m_buf.constData() + m_pos, n);
            m_pos += n;
            m_remaining -= n;
            if (m_remaining > 0)
                return Result::NeedMore;
            m_state = State::Done;
            return Result::Request;
        }
        case State::ChunkSize:
            if (!nextLine(m_limits.maxChunkLineBytes, &line, &tooLong)) {
                if (tooLong)
                    return fail(400, "bad_request", QStringLiteral("a chunk size line is too long"));
                return Result::NeedMore;
            }
            if (Result r = parseChunkSize(line); r == Result::Error)
                return r;
            break;
        case State::ChunkData: {
            const qsizetype n = qMin<qint64>(m_remaining, m_buf.size() - m_pos);
            m_req.body.append(m_buf.constData() + m_pos, n);
            m_pos += n;
            m_remaining -= n;
            if (m_remaining > 0)
                return Result::NeedMore;
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
            if (m_pos >= m_buf.size())
                return Result::NeedMore;
            if (m_buf.at(m_pos) == '\n') {
                m_pos += 1;
            } else if (m_buf.at(m_pos) == '\r') {
                if (m_pos + 1 >= m_buf.size())
                    return Result::NeedMore;
                if (m_buf.at(m_pos + 1) != '\n')
                    return fail(400, "bad_request", QStringLiteral("chunk data is not followed by a line end"));
                m_pos += 2;
            } else {
                return fail(400, "bad_request", QStringLiteral("chunk data is longer than its size"));
            }
            m_state = State::ChunkSize;
            break;
        }
    }
}

HttpParser::Result HttpParser::parseRequestLine(const QByteArray &line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, "bad_request", QStringLiteral("malformed request line"));
    m_req.method = line.left(sp1);
    m_req.target = line.mid(sp1 + 1, sp2 - sp1 - 1);
    const QByteArray version = line.mid(sp2 + 1);
    if (!isToken(m_req.method))
        return fail(400, "bad_request", QStringLiteral("malformed method"));
    if (m_req.target.isEmpty())
        return fail(400, "bad_request", QStringLiteral("empty request target"));
    for (char c : m_req.target) {
        if (uchar(c) <= 0x20 || uchar(c) == 0x7f)
            return fail(400, "bad_request", QStringLiteral("control character in the request target"));
    }
    if (version == "HTTP/1.1") {
        m_req.http10 = false;
    } else if (version == "HTTP/1.0") {
        m_req.http10 = true;
    } else if (version == "HTTP/0.9" || version == "HTTP/2.0" || version == "HTTP/3.0") {
        // Versions that exist, but not on this parser: 505 says "use HTTP/1.1".
        // Anything else (HTTP/9.9) is not an HTTP version at all: 400 below.
        return fail(505, "http_version_not_supported", QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));
    } else {
        return fail(400, "bad_request", QStringLiteral("malformed HTTP version"));
    }
    if (m_req.target.startsWith('/')) {
        m_req.url = QUrl::fromEncoded(m_req.target);
    } else if (m_req.target == "*") {
        m_req.url = QUrl(QStringLiteral("*"));
    } else {
        m_req.url = QUrl::fromEncoded(m_req.target, QUrl::StrictMode);
        if (m_req.url.scheme().isEmpty())
            return fail(400, "bad_request", QStringLiteral("malformed request target"));
    }
    if (!m_req.url.isValid())
        return fail(400, "bad_request", QStringLiteral("malformed request target"));
    return Result::NeedMore;
}

HttpParser::Result HttpParser::parseHeaderLine(const QByteArray &line, bool trailer)
{
    if (isOws(line.at(0)))
        return fail(400, "bad_request", QStringLiteral("folded header lines are not accepted"));
    m_headerBytes += int(line.size());
    if (++m_headerCount > m_limits.maxHeaderCount)
        return fail(431, "headers_too_large", QStringLiteral("more than %1 header lines").arg(m_limits.maxHeaderCount));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, "bad_request", QStringLiteral("malformed header line"));
    QByteArray name = line.left(colon);
    if (!isToken(name))
        return fail(400, "bad_request", QStringLiteral("malformed header name"));
    qsizetype b = colon + 1;
    qsizetype e = line.size();
    while (b < e && isOws(line.at(b)))
        ++b;
    while (e > b && isOws(line.at(e - 1)))
        --e;
    for (qsizetype i = b; i < e; ++i) {
        const uchar c = uchar(line.at(i));
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return fail(400, "bad_request", QStringLiteral("control character in a header value"));
    }
    if (!trailer)   // trailer fields are checked but never merged into the headers (smuggling)
        m_req.headers.append({std::move(name), line.mid(b, e - b)});
    return Result::NeedMore;
}

HttpParser::Result HttpParser::headersComplete()
{
    QByteArray te;
    QByteArray contentLength;
    bool haveLength = false;
    bool haveTe = false;
    int hosts = 0;
    QByteArray connection;
    bool expectContinue = false;
    for (const auto &h : std::as_const(m_req.headers)) {
        if (h.first.compare("content-length", Qt::CaseInsensitive) == 0) {
            // "5", "5, 5" and a repeated identical line are one length; anything else is smuggling.
            for (const QByteArray &part : h.second.split(',')) {
                const QByteArray v = part.trimmed();
                if (v.isEmpty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    return fail(400, "bad_request", QStringLiteral("malformed Content-Length"));
                if (haveLength && v != contentLength)
                    return fail(400, "bad_request", QStringLiteral("conflicting Content-Length headers"));
                contentLength = v;
                haveLength = true;
            }
        } else if (h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            te += haveTe ? ", " + h.second : h.second;
            haveTe = true;
        } else if (h.first.compare("host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (h.first.compare("connection", Qt::CaseInsensitive) == 0) {
            connection += ',' + h.second;
        } else if (h.first.compare("expect", Qt::CaseInsensitive) == 0) {
            expectContinue = h.second.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    if (hosts > 1 || (hosts == 0 && !m_req.http10))
        return fail(400, "bad_request", QStringLiteral("an HTTP/1.1 request needs exactly one Host header"));
    m_req.keepAlive = m_req.http10 ? listHas(connection, "keep-alive") : !listHas(connection, "close");

    if (haveTe) {
        if (haveLength)
            return fail(400, "bad_request", QStringLiteral("both Content-Length and Transfer-Encoding"));
        if (m_req.http10)
            return fail(400, "bad_request", QStringLiteral("Transfer-Encoding in an HTTP/1.0 request"));
        if (te.trimmed().compare("chunked", Qt::CaseInsensitive) != 0)
            return fail(400, "bad_request", QStringLiteral("only Transfer-Encoding: chunked is supported"));
        m_chunked = true;
        m_state = State::ChunkSize;
    } else {
        qint64 length = 0;
        // More than 18 significant digits is beyond any limit and would overflow.
        qsizetype firstNonZero = 0;
        while (firstNonZero < contentLength.size() - 1 && contentLength.at(firstNonZero) == '0')
            ++firstNonZero;
        if (contentLength.size() - firstNonZero > 18)
            length = std::numeric_limits<qint64>::max();
        else
            length = haveLength ? contentLength.toLongLong() : 0;
        if (length > m_limits.maxBodyBytes)
            return fail(413, "body_too_large", QStringLiteral("the body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        if (length == 0) {
            m_state = State::Done;
            return Result::Request;
        }
        m_req.body.reserve(length);
        m_remaining = length;
        m_state = State::Body;
    }
    if (expectContinue && !m_req.http10 && !m_continueSent) {
        m_continueSent = true;
        return Result::Continue;
    }
    return Result::NeedMore;
}

HttpParser::Result HttpParser::parseChunkSize(const QByteArray &line)
{
    qint64 size = 0;
    qsizetype i = 0;
    bool tooLarge = false;
    const qint64 allowance = m_limits.maxBodyBytes - m_req.body.size();
    for (; i < line.size(); ++i) {
        const char c = line.at(i);
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            break;
        if (!tooLarge) {
            size = size * 16 + digit;
            tooLarge = size > allowance;
        }
    }
    if (i == 0)
        return fail(400, "bad_request", QStringLiteral("malformed chunk size"));
    qsizetype j = i;
    while (j < line.size() && isOws(line.at(j)))
        ++j;
    if (j < line.size() && line.at(j) != ';')
        return fail(400, "bad_request", QStringLiteral("malformed chunk size"));
    for (; j < line.size(); ++j) {
        const uchar c = uchar(line.at(j));
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return fail(400, "bad_request", QStringLiteral("control character in a chunk extension"));
    }
    // Refused when announced: the decoded body would pass the limit.
    if (tooLarge)
        return fail(413, "body_too_large", QStringLiteral("the body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
    if (size == 0) {
        m_state = State::Trailers;
        return Result::NeedMore;
    }
    m_remaining = size;
    m_state = State::ChunkData;
    return Result::NeedMore;
}

} // namespace edge

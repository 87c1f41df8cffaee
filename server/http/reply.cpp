#include "reply.h"
#include "logging.h"
#include "request.h"

#include "service/metrics.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace http {

QByteArray Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

Reply::Reply(Write write, QByteArray method, QString logPath)
    : m_write(std::move(write))
    , m_method(std::move(method))
    , m_logPath(std::move(logPath))
{
    m_timer.start();
}

Reply::~Reply()
{
    if (!m_sent)
        error(ApiError::internal(QStringLiteral("the request was not answered")));
}

namespace {
std::atomic_bool s_jsonLog = false;
}

void Reply::setJsonLog(bool json)
{
    s_jsonLog = json;
}

void Reply::send(Response response)
{
    if (m_sent.exchange(true))
        return;
    const qint64 micros = m_timer.nsecsElapsed() / 1000;
    service::Metrics::instance().request(m_route, m_method, response.status, micros);
    // The path is scrubbed of token-like query values; bodies and headers never reach the log.
    if (s_jsonLog) {
        const QJsonObject line{{QStringLiteral("method"), QString::fromLatin1(m_method)},
                               {QStringLiteral("path"), m_logPath},
                               {QStringLiteral("route"), m_route},
                               {QStringLiteral("status"), response.status},
                               {QStringLiteral("ms"), double(micros) / 1000.0}};
        qCInfo(lcHttp).noquote() << QJsonDocument(line).toJson(QJsonDocument::Compact);
    } else {
        qCInfo(lcHttp).noquote() << m_method << m_logPath << response.status << micros / 1000 << "ms";
    }
    if (m_write)
        m_write(std::move(response));
}

void Reply::noContent()
{
    send(Response(204));
}

QString Reply::scrubbedPath(const QUrl &url)
{
    static const QStringList secretKeys = {
        QStringLiteral("code"), QStringLiteral("token"), QStringLiteral("access_token"),
        QStringLiteral("refresh_token"), QStringLiteral("code_verifier"), QStringLiteral("password"),
        QStringLiteral("state"), QStringLiteral("code_challenge"), QStringLiteral("client_secret"),
        // Single sign-on: an e-mail, and SAML messages (the log never carries an assertion's contents).
        QStringLiteral("login_hint"), QStringLiteral("samlrequest"), QStringLiteral("samlresponse"),
        QStringLiteral("signature"), QStringLiteral("relaystate"),
    };
    QString out = url.path();
    QUrlQuery q(url);
    if (q.isEmpty())
        return out;
    QStringList parts;
    for (const auto &item : q.queryItems(QUrl::FullyEncoded)) {
        const bool secret = secretKeys.contains(item.first.toLower()) || item.first.toLower().contains(QLatin1String("token"));
        parts.append(item.first + QLatin1Char('=') + (secret ? QStringLiteral("***") : item.second));
    }
    return out + QLatin1Char('?') + parts.join(QLatin1Char('&'));
}

} // namespace http

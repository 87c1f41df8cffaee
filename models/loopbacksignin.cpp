#include "loopbacksignin.h"

#include "logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace {
constexpr int kMaxRequestBytes = 8192;
}

LoopbackSignIn::LoopbackSignIn(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackSignIn::onConnection);
}

LoopbackSignIn::~LoopbackSignIn() = default;

QString LoopbackSignIn::randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + (bytes / 4) * 4));
    for (int i = (bytes / 4) * 4; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool LoopbackSignIn::start()
{
    m_done = false;
    m_state = randomUrlSafe(24);
    m_verifier = randomUrlSafe(48); // 64 characters, within RFC 7636's 43..128
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        qCWarning(lcAuth) << "cannot listen on loopback:" << m_server.errorString();
        return false;
    }
    // Kept: the port is gone once the listener closes after the callback.
    m_redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(port());
    qCDebug(lcAuth) << "listening for the sign-in callback on port" << port();
    return true;
}

void LoopbackSignIn::stop()
{
    m_server.close();
}

QString LoopbackSignIn::redirectUri() const
{
    return m_redirectUri;
}

QString LoopbackSignIn::codeChallenge() const
{
    return QString::fromLatin1(QCryptographicHash::hash(m_verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QUrl LoopbackSignIn::authorizeUrl(const QUrl &server, const QString &clientId,
                                  const QList<std::pair<QString, QString>> &extra) const
{
    QUrl u = server;
    QString base = u.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    u.setPath(base + QStringLiteral("/oauth/authorize"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), clientId);
    q.addQueryItem(QStringLiteral("redirect_uri"), redirectUri());
    q.addQueryItem(QStringLiteral("state"), m_state);
    q.addQueryItem(QStringLiteral("code_challenge"), codeChallenge());
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    for (const auto &[key, value] : extra)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    u.setQuery(q);
    return u;
}

void LoopbackSignIn::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // The socket outlives the listener so the answer page gets out.
        socket->setParent(nullptr);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handle(socket); });
        // A client that never finishes its request must not hold us forever.
        QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
    }
}

void LoopbackSignIn::handle(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    if (buffer.size() > kMaxRequestBytes) {
        socket->abort();
        return;
    }
    if (!buffer.contains("\r\n\r\n"))
        return;
    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    if (requestLine.value(0) != "GET" || target.path() != QLatin1String("/callback") || m_done) {
        respond(socket, 404, QStringLiteral("Kliv Konto"), QCoreApplication::translate("LoopbackSignIn", "Sidan finns inte."));
        return;
    }
    const QUrlQuery q(target);
    const QString state = q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    const QString code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    m_done = true;
    // One callback only, whatever it says: the listener closes now.
    m_server.close();
    if (state != m_state || state.isEmpty()) {
        qCWarning(lcAuth) << "sign-in callback with a wrong state rejected";
        respond(socket, 400, QCoreApplication::translate("LoopbackSignIn", "Inloggningen misslyckades"),
                QCoreApplication::translate("LoopbackSignIn", "Svaret hörde inte till den här inloggningen. Gå tillbaka till Kliv Konto och försök igen."));
        Q_EMIT failed(QCoreApplication::translate("LoopbackSignIn", "Inloggningen avbröts: svaret från webbläsaren hörde inte till den här inloggningen."));
        return;
    }
    if (code.isEmpty()) {
        respond(socket, 400, QCoreApplication::translate("LoopbackSignIn", "Inloggningen misslyckades"),
                QCoreApplication::translate("LoopbackSignIn", "Gå tillbaka till Kliv Konto och försök igen."));
        Q_EMIT failed(QCoreApplication::translate("LoopbackSignIn", "Inloggningen avbröts i webbläsaren."));
        return;
    }
    respond(socket, 200, QCoreApplication::translate("LoopbackSignIn", "Du är inloggad"),
            QCoreApplication::translate("LoopbackSignIn", "Du är inloggad – gå tillbaka till Kliv Konto."));
    Q_EMIT codeReceived(code);
}

void LoopbackSignIn::respond(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray html = QStringLiteral(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>%1</title></head>"
        "<body style=\"font-family:sans-serif;margin:4em;text-align:center\"><h1>%1</h1><p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped()).toUtf8();
    const char *reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : "Not Found";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
        "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
        "Content-Length: " + QByteArray::number(html.size()) + "\r\n\r\n";
    socket->write(head + html);
    socket->disconnectFromHost();
}

#include "liveclient.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>

LiveClient::LiveClient(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_messages << QJsonDocument::fromJson(text.toUtf8()).object();
    });
}

bool LiveClient::connectTo(const QUrl &serverBase, const QString &workspaceId, const QString &token, int timeoutMs)
{
    QUrl url = serverBase;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/v1/workspaces/%1/live").arg(workspaceId));
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    m_socket.open(req);
    const bool hello = QTest::qWaitFor([&] {
        return !since(0, [](const QJsonObject &m) { return m.value(QLatin1String("type")) == QLatin1String("hello"); }).isEmpty()
            || (m_socket.state() == QAbstractSocket::UnconnectedState && !m_socket.errorString().isEmpty());
    }, timeoutMs);
    if (hello && isConnected())
        return true;
    m_error = QStringLiteral("no \"hello\" on %1 within %2 ms (socket: %3; received: %4)")
                  .arg(url.toString()).arg(timeoutMs).arg(m_socket.errorString(), describe());
    return false;
}

QList<QJsonObject> LiveClient::since(int from, const std::function<bool(const QJsonObject &)> &pred) const
{
    QList<QJsonObject> out;
    for (int i = from; i < m_messages.size(); ++i)
        if (!pred || pred(m_messages[i]))
            out << m_messages[i];
    return out;
}

QString LiveClient::describe(int from) const
{
    QStringList parts;
    for (int i = from; i < m_messages.size(); ++i) {
        const QJsonObject m = m_messages[i];
        const QJsonObject d = m.value(QLatin1String("data")).toObject();
        QString what = m.value(QLatin1String("type")).toString();
        if (d.contains(QLatin1String("plan")))
            what += QLatin1Char(' ') + d.value(QLatin1String("plan")).toObject().value(QLatin1String("id")).toString() + QLatin1Char('/')
                  + d.value(QLatin1String("subscription")).toObject().value(QLatin1String("status")).toString();
        if (d.contains(QLatin1String("remaining")))
            what += QStringLiteral(" %1/%2 %3").arg(d.value(QLatin1String("remaining")).toInt())
                        .arg(d.value(QLatin1String("allowance")).toInt()).arg(d.value(QLatin1String("plan_id")).toString());
        parts << what;
    }
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

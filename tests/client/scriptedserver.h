#pragma once
// A tiny HTTP server for the error paths: answers each request with the next
// scripted raw response (garbage, 500, 401, ...) or with nothing at all.
#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

class ScriptedServer : public QTcpServer
{
public:
    struct Seen { QByteArray method, path; QList<QPair<QByteArray, QByteArray>> headers; QByteArray body; };

    explicit ScriptedServer(QObject *parent = nullptr) : QTcpServer(parent)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, s, [this, s] { onRead(s); });
        });
        listen(QHostAddress::LocalHost, 0);
    }

    static QByteArray response(int status, const QByteArray &body,
                               const QByteArray &contentType = "application/json", const QByteArray &extra = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body;
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    QList<QByteArray> script;   // popped per request; empty = never answer
    QList<Seen> seen;

    QByteArray header(int i, const QByteArray &name) const
    {
        for (const auto &h : seen.at(i).headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray buf = s->property("buf").toByteArray() + s->readAll();
        for (;;) {
            const int end = buf.indexOf("\r\n\r\n");
            if (end < 0)
                break;
            Seen r;
            const QList<QByteArray> lines = buf.left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.path = first.value(1);
            int length = 0;
            for (int i = 1; i < lines.size(); ++i) {
                const int c = lines[i].indexOf(':');
                if (c < 0)
                    continue;
                const QByteArray k = lines[i].left(c).trimmed(), v = lines[i].mid(c + 1).trimmed();
                r.headers.append({k, v});
                if (k.compare("content-length", Qt::CaseInsensitive) == 0)
                    length = v.toInt();
            }
            if (buf.size() < end + 4 + length)
                break;
            r.body = buf.mid(end + 4, length);
            buf.remove(0, end + 4 + length);
            seen << r;
            if (!script.isEmpty())
                s->write(script.takeFirst());
        }
        s->setProperty("buf", buf);
    }
};

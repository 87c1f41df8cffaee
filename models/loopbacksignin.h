#pragma once
#include <QList>
#include <QObject>
#include <QString>
#include <utility>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// RFC 8252 native-app sign-in: a listener on 127.0.0.1 (ephemeral port), PKCE
// S256 and a random state. Accepts exactly one callback, then closes.
class LoopbackSignIn : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackSignIn(QObject *parent = nullptr);
    ~LoopbackSignIn() override;

    bool start();
    void stop();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }

    QString redirectUri() const;
    QString state() const { return m_state; }
    QString codeVerifier() const { return m_verifier; }
    QString codeChallenge() const;
    // extra: further authorize parameters (e.g. sso=1 and login_hint for single sign-on).
    QUrl authorizeUrl(const QUrl &server, const QString &clientId,
                      const QList<std::pair<QString, QString>> &extra = {}) const;

    static QString randomUrlSafe(int bytes);

Q_SIGNALS:
    void codeReceived(const QString &code);
    void failed(const QString &message);

private:
    void onConnection();
    void handle(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QString &title, const QString &text);

    QTcpServer m_server;
    QString m_state;
    QString m_verifier;
    QString m_redirectUri;
    bool m_done = false;
};

#pragma once
// IdpProcess: the SAML identity provider of the SSO tests, tests/e2e/idp/idp.js
// (samlify, from the npm registry: ./dev test installs it), on 127.0.0.1:0 with
// a key pair made here by the openssl command line.
//
//   IdpProcess idp;
//   QVERIFY2(idp.start(), qPrintable(idp.errorString()));
//   idp.metadataFile();                                   // for admin set-sso --metadata
//   idp.control({{"email", "ann@acme.se"}, {"name", "Ann"}, {"sign", "response"}});
//   HttpReply r = idp.login(locationFromOurServer + "&format=json");  // {"acs","SAMLResponse","RelayState"}
#include "httpconnection.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

class IdpProcess
{
public:
    ~IdpProcess()
    {
        if (m_proc && m_proc->state() != QProcess::NotRunning) {
            m_proc->kill();
            m_proc->waitForFinished(3000);
        }
    }

    bool start(bool wantSignedRequests = false)
    {
        const QString key = m_dir.filePath(QStringLiteral("idp-key.pem")), cert = m_dir.filePath(QStringLiteral("idp-cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                                  QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("30"),
                                                  QStringLiteral("-subj"), QStringLiteral("/CN=kliv-test-idp")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            return fail(QStringLiteral("openssl req failed: ") + QString::fromUtf8(openssl.readAllStandardError()));
        const QString source = qEnvironmentVariable("KLIV_SOURCE_DIR");
        QString modules = qEnvironmentVariable("KLIV_NODE_MODULES");
        if (modules.isEmpty())
            modules = qEnvironmentVariable("KLIV_BUILD_DIR") + QStringLiteral("/node/node_modules");
        if (!QFile::exists(modules + QStringLiteral("/samlify/package.json")))
            return fail(QStringLiteral("samlify is not installed in %1 (./dev test installs it)").arg(modules));
        m_proc = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KLIV_NODE_MODULES"), modules);
        m_proc->setProcessEnvironment(env);
        QStringList args{source + QStringLiteral("/tests/e2e/idp/idp.js"), QStringLiteral("--key"), key,
                         QStringLiteral("--cert"), cert};
        if (wantSignedRequests)
            args << QStringLiteral("--want-signed-requests");
        m_proc->start(QStringLiteral("node"), args);
        QByteArray out;
        const bool up = QTest::qWaitFor([&] {
            out += m_proc->readAllStandardOutput();
            return out.contains('\n') || m_proc->state() == QProcess::NotRunning;
        }, 20000);
        const qsizetype at = out.indexOf("http://");
        if (!up || at < 0)
            return fail(QStringLiteral("the IdP did not start: ") + QString::fromUtf8(out + m_proc->readAllStandardError()));
        m_base = QUrl(QString::fromUtf8(out.mid(at, out.indexOf('\n', at) - at).trimmed()));
        m_conn = std::make_unique<HttpConnection>(m_base);
        const HttpReply md = get(QStringLiteral("/metadata"));
        if (md.status != 200)
            return fail(QStringLiteral("IdP metadata: ") + md.describe());
        m_metadata = md.body;
        QFile f(metadataFile());
        return (f.open(QIODevice::WriteOnly) && f.write(m_metadata) == m_metadata.size()) || fail(QStringLiteral("cannot write"));
    }

    QString errorString() const { return m_error; }
    QUrl baseUrl() const { return m_base; }
    QByteArray metadata() const { return m_metadata; }
    QString metadataFile() const { return m_dir.filePath(QStringLiteral("idp-metadata.xml")); }

    HttpReply get(const QString &pathAndQuery) { return m_conn->exec(HttpConnection::buildRequest("GET", pathAndQuery.toUtf8())); }
    // The next logins' user and variant (see idp.js).
    bool control(const QJsonObject &settings)
    {
        return m_conn->exec(HttpConnection::buildRequest("POST", "/control", QJsonDocument(settings).toJson(QJsonDocument::Compact)))
                   .status == 204;
    }
    // Follows our server's redirect to the IdP (an absolute URL) and answers its JSON form.
    QJsonObject login(const QByteArray &location)
    {
        const QUrl url(QString::fromUtf8(location));
        return get(url.path(QUrl::FullyEncoded) + QLatin1Char('?') + url.query(QUrl::FullyEncoded) + QStringLiteral("&format=json")).json();
    }

private:
    bool fail(const QString &e) { m_error = e; return false; }
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_proc;
    std::unique_ptr<HttpConnection> m_conn;
    QUrl m_base;
    QByteArray m_metadata;
    QString m_error;
};

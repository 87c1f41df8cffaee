#include "apitestserver.h"
#include "bootstrap.h"
#include "demoseed.h"
#include "secrets.h"
#include "tokenauth.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

QJsonObject ApiReply::json() const { return QJsonDocument::fromJson(body).object(); }

QString ApiReply::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QByteArray ApiReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ApiTestServer::ApiTestServer(bool dev)
    : m_dev(dev)
    , m_clock(QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC))
{
    m_clock.setFrozen(true);
}

ApiTestServer::~ApiTestServer()
{
    m_server.reset();
    m_store.reset();
}

bool ApiTestServer::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temp dir");
        return false;
    }
    m_catalog = app::loadCatalog(qEnvironmentVariable("KLIV_PLANS_FILE", QStringLiteral(KLIV_PLANS_FILE)), error);
    if (!m_catalog)
        return false;
    app::StorageOptions opts;
    opts.dataDir = m_dir.path();
    m_store = app::openStore(opts, error);
    if (!m_store)
        return false;
    http::HttpServer::Config config;
    config.dev = m_dev;
    m_server = std::make_unique<http::HttpServer>(m_store.get(), &*m_catalog, &m_clock, &m_clock, config);
    if (m_dev) {
        m_server->context().seedDemo = [this](QString *error) -> std::optional<QString> {
            const auto seed = app::seedDemo(m_server->context(), error);
            return seed ? std::optional<QString>(seed->workspaceId) : std::nullopt;
        };
    }
    m_port = m_server->listenOn(QHostAddress::LocalHost, 0);
    if (!m_port)
        *error = QStringLiteral("listen failed");
    return m_port != 0;
}

QUrl ApiTestServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

ApiReply ApiTestServer::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                const QString &token, const QByteArray &contentType)
{
    QNetworkRequest req(url(path));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty() || method == "POST")
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    ApiReply out;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
        reply->abort();
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return out;
}

ApiReply ApiTestServer::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

ApiReply ApiTestServer::postForm(const QString &path, const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery q;
    for (const auto &f : fields)
        q.addQueryItem(f.first, QString::fromLatin1(QUrl::toPercentEncoding(f.second)));
    return request("POST", path, q.query(QUrl::FullyEncoded).toLatin1(), {}, "application/x-www-form-urlencoded");
}

QString ApiTestServer::createUser(const QString &email, const QString &password)
{
    if (auto u = m_store->userByEmail(email))
        return u->id;
    const QString hash = password.isEmpty() ? QStringLiteral("") : http::secrets::hashPassword(password);
    const auto u = m_store->createUser(email, email.section(QLatin1Char('@'), 0, 0), hash, m_clock.now());
    return u ? u->id : QString();
}

TestWorkspace ApiTestServer::createWorkspace(const QString &name, const QString &ownerEmail, const QString &plan)
{
    const QString user = createUser(ownerEmail);
    const auto c = m_store->createWorkspace(name, user, m_clock.now());
    if (!c)
        return {};
    if (plan != QLatin1String("free")) {
        m_store->mutateSubscription(c->workspace.id, m_clock.now(), *m_catalog, [&](billing::SubscriptionState &s) {
            s = billing::setPlanByAdmin(*m_catalog, s, plan, 0, m_clock.now());
            return true;
        });
    }
    return {c->workspace.id, c->owner.id, user};
}

QString ApiTestServer::addMember(const QString &ws, const QString &email, const QString &role)
{
    storage::Member m;
    m_store->addMember(ws, createUser(email), role, m_clock.now(), *m_catalog, &m);
    return m.id;
}

QString ApiTestServer::userToken(const QString &email, int ttlSeconds)
{
    const auto user = m_store->userByEmail(email);
    if (!user)
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto t = http::newToken(storage::TokenKind::Access, user->id, QStringLiteral("test"), {}, now.addSecs(ttlSeconds));
    return m_store->storeToken(t, now.addSecs(qMin(0, ttlSeconds) - 1)) ? t.token : QString();
}

QString ApiTestServer::serviceToken()
{
    const auto t = http::newToken(storage::TokenKind::Service, {}, QStringLiteral("service"), {}, {});
    return m_store->storeToken(t, QDateTime::currentDateTimeUtc()) ? t.token : QString();
}

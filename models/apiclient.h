#pragma once
#include "apierror.h"
#include "transport.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

// The one HTTP choke point: base URL, Bearer token, 15 s timeout, user agent,
// retries with backoff for GETs, one token refresh on 401, and every failure
// mapped to an ApiError. Callbacks are dropped when their context object dies.
// It is the models' Transport over QNetworkAccessManager.
class ApiClient : public QObject, public Transport
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setAccessToken(const QString &token) { m_accessToken = token; }
    QString accessToken() const { return m_accessToken; }
    bool hasAccessToken() const { return !m_accessToken.isEmpty(); }
    // Called on a 401: gets a new access token and reports whether it worked.
    using Refresher = std::function<void(std::function<void(bool)>)>;
    void setRefresher(Refresher r) { m_refresher = std::move(r); }
    void setRetryDelays(QList<int> delaysMs) { m_retryDelays = std::move(delaysMs); }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    QUrl url(const QString &path, const QUrlQuery &query = {}) const;

    // get/getRaw/post/patch/del come from Transport and end up here.
    void send(const ApiRequest &request, QObject *context, ApiCallback cb) override;
    // OAuth endpoints: form-encoded, no Bearer, no refresh; RFC 6749 errors.
    void postForm(const QString &path, const QUrlQuery &form, QObject *context, ApiCallback cb);

    QNetworkAccessManager *network() { return &m_nam; }
    static QByteArray userAgent();

private:
    struct Call;
    void start(const std::shared_ptr<Call> &call);
    void finished(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void deliver(const std::shared_ptr<Call> &call, const ApiResult &result);

    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QString m_accessToken;
    Refresher m_refresher;
    QList<int> m_retryDelays {250, 1000};
    int m_timeoutMs = 15000;
};

#pragma once
#include "requesttracker.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

// The always-visible credit balance of the current workspace: fetched, pushed
// live over the WebSocket, cached for a stale first paint.
class CreditMeter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int remaining READ remaining NOTIFY changed)
    Q_PROPERTY(int allowance READ allowance NOTIFY changed)
    Q_PROPERTY(int used READ used NOTIFY changed)
    Q_PROPERTY(QString periodKind READ periodKind NOTIFY changed)
    Q_PROPERTY(QDateTime nextRefillAt READ nextRefillAt NOTIFY changed)
    Q_PROPERTY(QString nextRefillText READ nextRefillText NOTIFY changed)
    Q_PROPERTY(bool monthlyCapReached READ monthlyCapReached NOTIFY changed)
    Q_PROPERTY(int monthlyCap READ monthlyCap NOTIFY changed)
    Q_PROPERTY(int monthlyCapUsed READ monthlyCapUsed NOTIFY changed)
    Q_PROPERTY(Level level READ level NOTIFY changed)
    Q_PROPERTY(bool stale READ stale NOTIFY changed)
    Q_PROPERTY(bool hasData READ hasData NOTIFY changed)
    Q_PROPERTY(QDateTime lastUpdated READ lastUpdated NOTIFY changed)
    Q_PROPERTY(QString lastUpdatedText READ lastUpdatedText NOTIFY changed)
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    // The server's forecast in a sentence ("Räcker till ca 14 dec."); empty when
    // there is none, nothing is left, or what is shown is stale.
    Q_PROPERTY(QString forecastText READ forecastText NOTIFY changed)
    Q_PROPERTY(qreal fraction READ fraction NOTIFY changed)
    // The caller's own credit limit this billing cycle (the balance's member_limit), when they have one.
    Q_PROPERTY(bool hasMemberLimit READ hasMemberLimit NOTIFY changed)
    Q_PROPERTY(int memberLimit READ memberLimit NOTIFY changed)
    Q_PROPERTY(int memberLimitUsed READ memberLimitUsed NOTIFY changed)
    Q_PROPERTY(QString memberLimitText READ memberLimitText NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Level { Normal, Low, Empty, CapReached };
    Q_ENUM(Level)

    static CreditMeter *instance();
    static CreditMeter *create(QQmlEngine *, QJSEngine *);

    int remaining() const { return m_remaining; }
    int allowance() const { return m_allowance; }
    int used() const { return m_used; }
    QString periodKind() const { return m_periodKind; }
    QDateTime nextRefillAt() const { return m_nextRefillAt; }
    QString nextRefillText() const;
    bool monthlyCapReached() const { return m_monthlyCapReached; }
    int monthlyCap() const { return m_monthlyCap; }
    int monthlyCapUsed() const { return m_monthlyCapUsed; }
    Level level() const;
    bool stale() const { return m_stale; }
    bool hasData() const { return m_hasData; }
    QDateTime lastUpdated() const { return m_lastUpdated; }
    QString lastUpdatedText() const;
    bool live() const;
    QString summary() const;
    QString forecastText() const;
    qreal fraction() const;
    bool hasMemberLimit() const { return m_hasMemberLimit; }
    int memberLimit() const { return m_memberLimit; }
    int memberLimitUsed() const { return m_memberLimitUsed; }
    QString memberLimitText() const;
    bool loading() const { return m_requests.loading(); }
    QString error() const { return m_requests.error(); }
    // Where the balance is asked for: the session's transport unless one is given.
    void setTransport(Transport *transport) { m_requests.setTransport(transport); }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void changed();
    void liveChanged();
    void loadingChanged();
    void errorChanged();

private:
    explicit CreditMeter(QObject *parent = nullptr);
    void apply(const QJsonObject &balance, bool stale, const QDateTime &updated);
    void showCached();
    void prefetch(const QString &workspaceId);
    void onWorkspaceReady();
    void fetch();
    void clear();
    void onLiveChanged(bool connected);
    QString nextChangeText() const;

    int m_remaining = 0, m_allowance = 0, m_used = 0;
    int m_monthlyCap = 0, m_monthlyCapUsed = 0;
    int m_memberLimit = 0, m_memberLimitUsed = 0;
    bool m_hasMemberLimit = false;
    QString m_periodKind;
    QJsonObject m_forecast;     // the balance's "forecast" (api/openapi.yaml, Forecast)
    QDateTime m_nextRefillAt, m_asOf, m_lastUpdated;
    bool m_monthlyCapReached = false;
    bool m_stale = false;
    bool m_hasData = false;
    bool m_wasLive = false;
    bool m_liveDropped = false; // the live channel went down: its return refetches the balance
    QString m_workspaceId;
    QString m_prefetched;       // asked for before /v1/me answered: serves the next workspaceReady
    QTimer m_usageDebounce;
    RequestTracker m_requests;
};

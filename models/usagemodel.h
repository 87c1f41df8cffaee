#pragma once
#include "dailyusagemodel.h"
#include "requesttracker.h"
#include "usagebreakdownmodel.h"
#include "usageentriesmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QDateTime>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

// The current workspace's usage of one period: totals, per day, breakdowns and
// the entries. By default the period the plan counts by, as the server says
// (GET .../usage?period=cycle): the billing cycle on paid plans, the calendar
// month on Free; a calendar month is the other choice (setMonth, the arrows).
// Members without team usage see their own ("own" scope).
class UsageModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    Q_PROPERTY(QString monthTitle READ monthTitle NOTIFY monthChanged)
    // "cycle" (the plan's current period, the default) or "month" (a calendar month)
    Q_PROPERTY(QString view READ view WRITE setView NOTIFY monthChanged)
    // What is shown: true while it is a billing cycle (paid plans, "cycle" view)
    Q_PROPERTY(bool showingCycle READ showingCycle NOTIFY monthChanged)
    // The workspace has a billing cycle to choose (learnt from the server)
    Q_PROPERTY(bool hasCycle READ hasCycle NOTIFY monthChanged)
    // "17 nov.–17 dec. 2026" for a cycle, "december 2026" for a month
    Q_PROPERTY(QString periodTitle READ periodTitle NOTIFY monthChanged)
    Q_PROPERTY(QString scope READ scope NOTIFY dataChanged)
    // Whose usage the figures are: "Din användning" or "Teamets användning"
    Q_PROPERTY(QString scopeText READ scopeText NOTIFY dataChanged)
    // The CSV export's suggestion: "kliv-anvandning-2026-12.csv" in Documents
    Q_PROPERTY(QString exportFileName READ exportFileName NOTIFY monthChanged)
    Q_PROPERTY(QUrl exportFolder READ exportFolder CONSTANT)
    Q_PROPERTY(QUrl exportFileUrl READ exportFileUrl NOTIFY monthChanged)
    Q_PROPERTY(int total READ total NOTIFY dataChanged)
    Q_PROPERTY(int maxDaily READ maxDaily NOTIFY dataChanged)
    Q_PROPERTY(DailyUsageModel *daily READ daily CONSTANT)
    Q_PROPERTY(UsageBreakdownModel *byActivity READ byActivity CONSTANT)
    Q_PROPERTY(UsageBreakdownModel *byProject READ byProject CONSTANT)
    Q_PROPERTY(UsageBreakdownModel *byMember READ byMember CONSTANT)
    Q_PROPERTY(UsageEntriesModel *entries READ entries CONSTANT)
    // false where no list shows the entries (Översikt): their request is spared
    Q_PROPERTY(bool withEntries READ withEntries WRITE setWithEntries NOTIFY withEntriesChanged)
    Q_PROPERTY(bool canGoNext READ canGoNext NOTIFY monthChanged)
    Q_PROPERTY(bool canGoPrevious READ canGoPrevious NOTIFY monthChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit UsageModel(QObject *parent = nullptr);

    QString month() const { return m_month; }
    void setMonth(const QString &month);
    QString monthTitle() const;
    QString view() const { return m_view; }
    void setView(const QString &view);
    bool showingCycle() const { return m_view == QLatin1String("cycle") && m_servedCycle; }
    bool hasCycle() const { return m_hasCycle; }
    QString periodTitle() const;
    QString scope() const { return m_scope; }
    QString scopeText() const;
    QString exportFileName() const;
    static QUrl exportFolder();
    QUrl exportFileUrl() const;
    int total() const { return int(m_total); }
    int maxDaily() const { return int(m_daily.maxCredits()); }
    DailyUsageModel *daily() { return &m_daily; }
    UsageBreakdownModel *byActivity() { return &m_byActivity; }
    UsageBreakdownModel *byProject() { return &m_byProject; }
    UsageBreakdownModel *byMember() { return &m_byMember; }
    UsageEntriesModel *entries() { return &m_entries; }
    bool withEntries() const { return m_withEntries; }
    void setWithEntries(bool on);
    bool canGoNext() const;
    bool canGoPrevious() const { return !m_month.isEmpty(); }
    bool loading() const { return m_requests.loading(); }
    QString error() const { return m_requests.error(); }
    // Where the usage and its entries are asked for: the session's transport unless one is given.
    void setTransport(Transport *transport)
    {
        m_requests.setTransport(transport);
        m_entries.setTransport(transport);
    }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void previousMonth();
    Q_INVOKABLE void nextMonth();
    // Saves the server's usage.csv for the month to a local file.
    Q_INVOKABLE void exportCsv(const QUrl &file);

Q_SIGNALS:
    void monthChanged();
    void dataChanged();
    void loadingChanged();
    void errorChanged();
    void exportFinished(bool ok, const QString &message);
    void withEntriesChanged();

private:
    void shiftMonth(int delta);
    QUrlQuery periodQuery() const;

    QString m_month; // empty until the server says which month is current
    QString m_currentMonth;
    QString m_view = QStringLiteral("cycle");
    bool m_servedCycle = false; // the last answer was a billing cycle
    bool m_hasCycle = false;
    QDateTime m_from, m_to;     // the period shown, [from, to)
    QString m_scope;
    qint64 m_total = 0;
    DailyUsageModel m_daily;
    UsageBreakdownModel m_byActivity, m_byProject, m_byMember;
    UsageEntriesModel m_entries;
    bool m_withEntries = true;
    QTimer m_liveDebounce;
    RequestTracker m_requests;
};

#pragma once
#include "dailyusagemodel.h"
#include "usagebreakdownmodel.h"
#include "usageentriesmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>

// One month of the current workspace's usage: totals, per day, breakdowns and
// the entries. Members without team usage see their own ("own" scope).
class UsageModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    Q_PROPERTY(QString monthTitle READ monthTitle NOTIFY monthChanged)
    Q_PROPERTY(QString scope READ scope NOTIFY dataChanged)
    Q_PROPERTY(int total READ total NOTIFY dataChanged)
    Q_PROPERTY(int maxDaily READ maxDaily NOTIFY dataChanged)
    Q_PROPERTY(DailyUsageModel *daily READ daily CONSTANT)
    Q_PROPERTY(UsageBreakdownModel *byActivity READ byActivity CONSTANT)
    Q_PROPERTY(UsageBreakdownModel *byProject READ byProject CONSTANT)
    Q_PROPERTY(UsageBreakdownModel *byMember READ byMember CONSTANT)
    Q_PROPERTY(UsageEntriesModel *entries READ entries CONSTANT)
    Q_PROPERTY(bool canGoNext READ canGoNext NOTIFY monthChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit UsageModel(QObject *parent = nullptr);

    QString month() const { return m_month; }
    void setMonth(const QString &month);
    QString monthTitle() const;
    QString scope() const { return m_scope; }
    int total() const { return int(m_total); }
    int maxDaily() const { return int(m_daily.maxCredits()); }
    DailyUsageModel *daily() { return &m_daily; }
    UsageBreakdownModel *byActivity() { return &m_byActivity; }
    UsageBreakdownModel *byProject() { return &m_byProject; }
    UsageBreakdownModel *byMember() { return &m_byMember; }
    UsageEntriesModel *entries() { return &m_entries; }
    bool canGoNext() const;
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }

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

private:
    void shiftMonth(int delta);
    void setLoading(bool l);
    void setError(const QString &e);

    QString m_month; // empty until the server says which month is current
    QString m_currentMonth;
    QString m_scope;
    qint64 m_total = 0;
    DailyUsageModel m_daily;
    UsageBreakdownModel m_byActivity, m_byProject, m_byMember;
    UsageEntriesModel m_entries;
    bool m_loading = false;
    QString m_error;
    int m_generation = 0;
    QTimer m_liveDebounce;
};

#include "usagemodel.h"

#include "appsettings.h"
#include "format.h"
#include "csvexport.h"
#include "logging.h"
#include "session.h"

#include <QDate>
#include <QDir>
#include <QJsonArray>
#include <QStandardPaths>

UsageModel::UsageModel(QObject *parent)
    : QObject(parent)
    , m_requests(this, [this] { Q_EMIT loadingChanged(); }, [this] { Q_EMIT errorChanged(); })
{
    Session *s = Session::instance();
    connect(s, &Session::workspaceReady, this, &UsageModel::reload);
    // New usage arrives live: refetch, but not once per event in a burst.
    m_liveDebounce.setSingleShot(true);
    m_liveDebounce.setInterval(500);
    connect(&m_liveDebounce, &QTimer::timeout, this, &UsageModel::reload);
    connect(s->live(), &LiveChannel::usageReceived, &m_liveDebounce, qOverload<>(&QTimer::start));
    connect(s->live(), &LiveChannel::resyncNeeded, &m_liveDebounce, qOverload<>(&QTimer::start));
    connect(AppSettings::instance(), &AppSettings::languageChanged, this, &UsageModel::monthChanged);
    connect(AppSettings::instance(), &AppSettings::languageChanged, this, &UsageModel::dataChanged); // scopeText
    QTimer::singleShot(0, this, [this] {
        if (Session::instance()->isReady() && !loading() && m_scope.isEmpty())
            reload();
    });
}

void UsageModel::setMonth(const QString &month)
{
    if ((month == m_month && m_view == QLatin1String("month"))
        || (!month.isEmpty() && !QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate).isValid()))
        return;
    m_month = month;
    m_view = QStringLiteral("month"); // a chosen month is a calendar month
    Q_EMIT monthChanged();
    reload();
}

void UsageModel::setView(const QString &view)
{
    if (view == m_view || (view != QLatin1String("cycle") && view != QLatin1String("month")))
        return;
    m_view = view;
    // The month view starts at the current calendar month.
    if (m_view == QLatin1String("month") && !m_currentMonth.isEmpty())
        m_month = m_currentMonth;
    Q_EMIT monthChanged();
    reload();
}

QString UsageModel::periodTitle() const
{
    if (showingCycle() && m_from.isValid() && m_to.isValid())
        return tr("%1–%2").arg(Format::shortDate(m_from), Format::date(m_to));
    return monthTitle();
}

QString UsageModel::scopeText() const
{
    if (m_scope == QLatin1String("own"))
        return tr("Din användning");
    if (m_scope == QLatin1String("workspace"))
        return tr("Teamets användning");
    return {};
}

QString UsageModel::exportFileName() const
{
    // ASCII: the name travels to other systems and mail attachments.
    if (showingCycle() && m_from.isValid())
        return QStringLiteral("kliv-anvandning-%1.csv").arg(m_from.toLocalTime().date().toString(Qt::ISODate));
    const QString month = m_month.isEmpty() ? QDate::currentDate().toString(QStringLiteral("yyyy-MM")) : m_month;
    return QStringLiteral("kliv-anvandning-%1.csv").arg(month);
}

QUrl UsageModel::exportFolder()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QUrl::fromLocalFile(dir);
}

QUrl UsageModel::exportFileUrl() const
{
    return QUrl::fromLocalFile(QDir(exportFolder().toLocalFile()).filePath(exportFileName()));
}

QString UsageModel::monthTitle() const
{
    const QDate d = QDate::fromString(m_month + QStringLiteral("-01"), Qt::ISODate);
    if (!d.isValid())
        return {};
    return Format::locale().standaloneMonthName(d.month()) + QLatin1Char(' ') + QString::number(d.year());
}

bool UsageModel::canGoNext() const
{
    // Not past the current month (a cycle is the latest period there is).
    return !showingCycle() && !m_month.isEmpty() && !m_currentMonth.isEmpty() && m_month < m_currentMonth;
}

void UsageModel::shiftMonth(int delta)
{
    // From a cycle, the months go on from the current calendar month.
    if (showingCycle() && !m_currentMonth.isEmpty())
        m_month = m_currentMonth;
    const QDate d = QDate::fromString(m_month + QStringLiteral("-01"), Qt::ISODate);
    if (!d.isValid())
        return;
    setMonth(d.addMonths(delta).toString(QStringLiteral("yyyy-MM")));
}

void UsageModel::previousMonth() { shiftMonth(-1); }

void UsageModel::nextMonth()
{
    if (canGoNext())
        shiftMonth(1);
}

void UsageModel::setWithEntries(bool on)
{
    if (on == m_withEntries)
        return;
    m_withEntries = on;
    Q_EMIT withEntriesChanged();
}

void UsageModel::reload()
{
    Session *s = Session::instance();
    const bool cycle = m_view == QLatin1String("cycle");
    if (m_withEntries)
        m_entries.reset(cycle ? QString() : m_month, cycle ? m_view : QString());
    if (!s->isReady())
        return;
    // The latest period asked for is the one shown: an answer still coming for
    // another is dropped.
    m_requests.abandon();
    m_requests.run({"GET", s->workspacePath(QStringLiteral("/usage")), periodQuery()}, RequestTracker::CurrentWorkspace,
                   [this](const ApiResult &r) {
        const QJsonObject o = r.object();
        const QString month = o.value(QLatin1String("month")).toString();
        const bool servedCycle = o.value(QLatin1String("period")).toString() == QLatin1String("cycle");
        const QDateTime to = Format::parseInstant(o.value(QLatin1String("to")).toString());
        if (m_currentMonth.isEmpty()) {
            // The current month: the one the server answered for "now" (a
            // cycle's end is after now; its month is the current one or the next).
            if (!servedCycle && m_month.isEmpty())
                m_currentMonth = month;
            else
                m_currentMonth = QDateTime::currentDateTimeUtc().date().toString(QStringLiteral("yyyy-MM"));
        }
        if (m_view == QLatin1String("cycle"))
            m_hasCycle = servedCycle;
        m_servedCycle = servedCycle;
        m_from = Format::parseInstant(o.value(QLatin1String("from")).toString());
        m_to = to;
        if (m_month.isEmpty() || servedCycle)
            m_month = servedCycle ? m_currentMonth : month;
        Q_EMIT monthChanged();
        m_scope = o.value(QLatin1String("scope")).toString();
        m_total = o.value(QLatin1String("total")).toInteger();
        m_daily.set(o.value(QLatin1String("days")).toArray());
        m_byActivity.set(o.value(QLatin1String("by_activity")).toArray(), QStringLiteral("activity"));
        m_byProject.set(o.value(QLatin1String("by_project")).toArray(), QStringLiteral("project"));
        m_byMember.set(o.value(QLatin1String("by_member")).toArray(), QStringLiteral("name"),
                       QStringLiteral("member_id"), QStringLiteral("email"));
        Q_EMIT dataChanged();
    });
}

void UsageModel::exportCsv(const QUrl &file)
{
    Session *s = Session::instance();
    const QString path = CsvExport::pathOf(file);
    if (!s->isReady() || path.isEmpty())
        return;
    m_requests.setLoading(true);
    CsvExport::fetchAndSave(m_requests.transport(), s->workspacePath(QStringLiteral("/usage.csv")), periodQuery(), path, this,
                            [this, path](bool ok, const QString &message) {
        m_requests.setLoading(false);
        m_requests.setError(ok ? QString() : message);
        Q_EMIT exportFinished(ok, ok ? tr("Användningen är sparad i %1.").arg(path) : message);
    });
}

QUrlQuery UsageModel::periodQuery() const
{
    QUrlQuery q;
    if (m_view == QLatin1String("cycle"))
        q.addQueryItem(QStringLiteral("period"), QStringLiteral("cycle"));
    else if (!m_month.isEmpty())
        q.addQueryItem(QStringLiteral("month"), m_month);
    return q;
}

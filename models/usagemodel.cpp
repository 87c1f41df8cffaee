#include "usagemodel.h"

#include "appsettings.h"
#include "format.h"
#include "logging.h"
#include "session.h"

#include <QDate>
#include <QJsonArray>
#include <QSaveFile>

UsageModel::UsageModel(QObject *parent)
    : QObject(parent)
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
    QTimer::singleShot(0, this, [this] {
        if (Session::instance()->isReady() && !m_loading && m_scope.isEmpty())
            reload();
    });
}

void UsageModel::setMonth(const QString &month)
{
    if (month == m_month || (!month.isEmpty() && !QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate).isValid()))
        return;
    m_month = month;
    Q_EMIT monthChanged();
    reload();
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
    return !m_month.isEmpty() && !m_currentMonth.isEmpty() && m_month < m_currentMonth;
}

void UsageModel::shiftMonth(int delta)
{
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

void UsageModel::reload()
{
    Session *s = Session::instance();
    m_entries.reset(m_month);
    if (!s->isReady())
        return;
    QUrlQuery q;
    if (!m_month.isEmpty())
        q.addQueryItem(QStringLiteral("month"), m_month);
    setLoading(true);
    const int generation = ++m_generation;
    s->api()->get(s->workspacePath(QStringLiteral("/usage")), q, this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        setLoading(false);
        if (!r.ok())
            return setError(r.error.message);
        setError({});
        const QJsonObject o = r.object();
        const QString month = o.value(QLatin1String("month")).toString();
        if (m_month.isEmpty()) {
            m_currentMonth = month;
            m_month = month;
            Q_EMIT monthChanged();
        } else if (m_currentMonth.isEmpty()) {
            m_currentMonth = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
        }
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
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (!s->isReady() || path.isEmpty())
        return;
    QUrlQuery q;
    if (!m_month.isEmpty())
        q.addQueryItem(QStringLiteral("month"), m_month);
    setLoading(true);
    s->api()->getRaw(s->workspacePath(QStringLiteral("/usage.csv")), q, this, [this, path](const ApiResult &r) {
        setLoading(false);
        if (!r.ok()) {
            setError(r.error.message);
            Q_EMIT exportFinished(false, r.error.message);
            return;
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(r.body) != r.body.size() || !out.commit()) {
            const QString msg = tr("Filen %1 gick inte att spara.").arg(path);
            qCWarning(lcModels) << "export failed" << path << out.errorString();
            setError(msg);
            Q_EMIT exportFinished(false, msg);
            return;
        }
        setError({});
        Q_EMIT exportFinished(true, tr("Användningen är sparad i %1.").arg(path));
    });
}

void UsageModel::setLoading(bool l)
{
    if (l == m_loading)
        return;
    m_loading = l;
    Q_EMIT loadingChanged();
}

void UsageModel::setError(const QString &e)
{
    if (e == m_error)
        return;
    m_error = e;
    Q_EMIT errorChanged();
}

#include "creditmeter.h"

#include "appsettings.h"
#include "format.h"
#include "session.h"
#include "startuptrace.h"
#include "statecache.h"
#include "subscription.h"

#include <QCoreApplication>

namespace {
const auto kCacheKind = QStringLiteral("balance");
}

CreditMeter::CreditMeter(QObject *parent)
    : QObject(parent)
    , m_requests(this, [this] { Q_EMIT loadingChanged(); }, [this] { Q_EMIT errorChanged(); })
{
    Session *s = Session::instance();
    m_usageDebounce.setSingleShot(true);
    m_usageDebounce.setInterval(400);
    connect(&m_usageDebounce, &QTimer::timeout, this, &CreditMeter::refresh);
    connect(s, &Session::currentWorkspaceIdChanged, this, &CreditMeter::showCached);
    connect(s, &Session::workspaceExpected, this, &CreditMeter::prefetch);
    connect(s, &Session::workspaceReady, this, &CreditMeter::onWorkspaceReady);
    connect(s, &Session::stateChanged, this, [this] {
        if (Session::instance()->state() == Session::SignedOut) {
            clear(); // nothing of a signed-out session stays on screen
            m_workspaceId.clear();
            m_prefetched.clear();
        }
    });
    // The channel may have connected before this meter existed.
    m_wasLive = s->live()->isConnected();
    connect(s->live(), &LiveChannel::connectedChanged, this, &CreditMeter::onLiveChanged);
    connect(s->live(), &LiveChannel::balanceReceived, this, [this](const QJsonObject &b) {
        m_usageDebounce.stop();
        m_requests.setError({}); // the server is there and this is its current balance
        apply(b, false, QDateTime::currentDateTimeUtc());
    });
    // A usage message is normally followed by a balance message; if not, ask.
    connect(s->live(), &LiveChannel::usageReceived, this, [this] { m_usageDebounce.start(); });
    connect(s->live(), &LiveChannel::resyncNeeded, this, &CreditMeter::refresh);
    connect(AppSettings::instance(), &AppSettings::languageChanged, this, &CreditMeter::changed);
    // The sentence says what the period end brings (a cancellation, a downgrade).
    connect(Subscription::instance(), &Subscription::changed, this, &CreditMeter::changed);
    connect(s, &Session::plansChanged, this, &CreditMeter::changed);
    showCached();
    if (s->isReady())
        refresh();
}

CreditMeter *CreditMeter::instance()
{
    static CreditMeter *self = new CreditMeter(QCoreApplication::instance());
    return self;
}

CreditMeter *CreditMeter::create(QQmlEngine *, QJSEngine *)
{
    QQmlEngine::setObjectOwnership(instance(), QQmlEngine::CppOwnership);
    return instance();
}

void CreditMeter::showCached()
{
    const QString ws = Session::instance()->currentWorkspaceId();
    if (ws == m_workspaceId && m_hasData)
        return;
    clear();
    m_workspaceId = ws;
    if (ws.isEmpty())
        return;
    const auto cached = StateCache::load(Session::instance()->serverUrl(), ws, kCacheKind);
    if (cached.isValid())
        apply(cached.data, true, cached.savedAt);
}

void CreditMeter::onLiveChanged(bool connected)
{
    if (!connected && m_wasLive) {
        // The push channel dropped (server gone, network down): what we show may
        // already be out of date, so say so at once rather than at the next request.
        m_liveDropped = true;
        if (m_hasData && !m_stale) {
            m_stale = true;
            Q_EMIT changed();
        }
    }
    if (connected && m_liveDropped) {
        m_liveDropped = false;
        refresh(); // resync: the balance may have moved while we were away
    }
    m_wasLive = connected;
    Q_EMIT liveChanged();
}

void CreditMeter::clear()
{
    m_remaining = m_allowance = m_used = m_monthlyCap = m_monthlyCapUsed = m_memberLimit = m_memberLimitUsed = 0;
    m_hasMemberLimit = false;
    m_periodKind.clear();
    m_forecast = {};
    m_nextRefillAt = m_asOf = m_lastUpdated = {};
    m_monthlyCapReached = m_stale = m_hasData = false;
    m_requests.setError({});
    Q_EMIT changed();
}

void CreditMeter::refresh()
{
    if (Session::instance()->isReady())
        fetch();
}

void CreditMeter::prefetch(const QString &workspaceId)
{
    // The first frame waits for the balance, not for /v1/me: ask now.
    if (workspaceId != Session::instance()->currentWorkspaceId())
        return;
    m_prefetched = workspaceId;
    fetch();
}

void CreditMeter::onWorkspaceReady()
{
    // The balance asked for ahead of /v1/me serves this round (answered or on
    // its way); the live channel's hello brings it again once connected.
    if (!m_prefetched.isEmpty() && std::exchange(m_prefetched, {}) == Session::instance()->currentWorkspaceId())
        return;
    refresh();
}

void CreditMeter::fetch()
{
    Session *s = Session::instance();
    m_requests.run({"GET", s->workspacePath(QStringLiteral("/balance"))}, RequestTracker::CurrentWorkspace,
                   [this](const ApiResult &r) { apply(r.object(), false, QDateTime::currentDateTimeUtc()); },
                   [this](const ApiResult &) {
        if (m_prefetched == Session::instance()->currentWorkspaceId())
            m_prefetched.clear(); // workspaceReady asks again
        if (m_hasData && !m_stale) {
            m_stale = true; // offline: what we show is no longer current
            Q_EMIT changed();
        }
    });
}

void CreditMeter::apply(const QJsonObject &b, bool stale, const QDateTime &updated)
{
    if (!b.contains(QLatin1String("remaining")))
        return;
    m_remaining = b.value(QLatin1String("remaining")).toInt();
    m_allowance = b.value(QLatin1String("allowance")).toInt();
    m_used = b.value(QLatin1String("used")).toInt();
    m_periodKind = b.value(QLatin1String("period")).toObject().value(QLatin1String("kind")).toString();
    m_nextRefillAt = Format::parseInstant(b.value(QLatin1String("next_refill_at")).toString());
    m_asOf = Format::parseInstant(b.value(QLatin1String("as_of")).toString());
    const QJsonObject cap = b.value(QLatin1String("monthly_cap")).toObject();
    m_monthlyCap = cap.value(QLatin1String("cap")).toInt();
    m_monthlyCapUsed = cap.value(QLatin1String("used")).toInt();
    m_monthlyCapReached = b.value(QLatin1String("monthly_cap_reached")).toBool();
    // Absent: no limit (every balance message carries the caller's own when there is one).
    const QJsonObject limit = b.value(QLatin1String("member_limit")).toObject();
    m_hasMemberLimit = limit.contains(QLatin1String("limit"));
    m_memberLimit = limit.value(QLatin1String("limit")).toInt();
    m_memberLimitUsed = limit.value(QLatin1String("used")).toInt();
    // While the live channel is down, even a fresh answer will not stay fresh:
    // it shows as of now, still marked stale, until the channel is back.
    m_forecast = b.value(QLatin1String("forecast")).toObject();
    m_stale = stale || m_liveDropped;
    m_hasData = true;
    m_lastUpdated = updated;
    StartupTrace::mark(stale ? QStringLiteral("meter.balance cached") : QStringLiteral("meter.balance from server"));
    if (!stale)
        StateCache::save(Session::instance()->serverUrl(), m_workspaceId, kCacheKind, b);
    Q_EMIT changed();
}

CreditMeter::Level CreditMeter::level() const
{
    if (m_monthlyCapReached && m_remaining == 0)
        return CapReached;
    if (m_remaining <= 0)
        return Empty;
    if (m_remaining * 5 < m_allowance)
        return Low;
    return Normal;
}

qreal CreditMeter::fraction() const
{
    if (m_allowance <= 0)
        return 0;
    return qBound<qreal>(0, qreal(m_remaining) / m_allowance, 1);
}

bool CreditMeter::live() const
{
    return Session::instance()->live()->isConnected();
}

QString CreditMeter::nextRefillText() const
{
    if (!m_nextRefillAt.isValid())
        return {};
    // Relative to the server's now, so "i morgon" agrees with the balance.
    const QDateTime now = m_asOf.isValid() ? m_asOf : QDateTime::currentDateTimeUtc();
    return Format::relative(m_nextRefillAt, now);
}

QString CreditMeter::lastUpdatedText() const
{
    if (!m_lastUpdated.isValid())
        return {};
    if (m_lastUpdated.toLocalTime().date() == QDate::currentDate())
        return Format::time(m_lastUpdated);
    return Format::shortDate(m_lastUpdated) + QLatin1Char(' ') + Format::time(m_lastUpdated);
}

QString CreditMeter::nextChangeText() const
{
    // What the end of the period brings, as the server says (Subscription):
    // no promise of a reset that a cancellation or a downgrade will not keep.
    const Subscription *sub = Subscription::instance();
    const QJsonObject &ws = sub->workspace();
    if (!ws.isEmpty() && ws.value(QLatin1String("id")).toString() == m_workspaceId && m_periodKind != QLatin1String("day")) {
        const QDateTime now = m_asOf.isValid() ? m_asOf : QDateTime::currentDateTimeUtc();
        const QDateTime pendingAt = sub->pendingEffectiveAt();
        if (sub->cancelAtPeriodEnd()) {
            const QDateTime at = sub->periodEnd().isValid() ? sub->periodEnd() : pendingAt;
            if (at.isValid())
                return tr("övergår till %1 %2").arg(Session::instance()->planName(QStringLiteral("free")), Format::relative(at, now));
        } else if (!sub->pendingTier().isEmpty() && pendingAt.isValid()) {
            return tr("%1 från %2").arg(sub->pendingTierName(), Format::relative(pendingAt, now));
        }
    }
    return m_periodKind == QLatin1String("day") ? tr("fylls på %1").arg(nextRefillText())
                                                : tr("återställs %1").arg(nextRefillText());
}

QString CreditMeter::summary() const
{
    if (!m_hasData)
        return {};
    const QLocale l = Format::locale();
    if (m_stale)
        return tr("%1 av %2 krediter · senast uppdaterad %3")
            .arg(l.toString(m_remaining), l.toString(m_allowance), lastUpdatedText());
    if (level() == CapReached)
        return tr("Månadens %1 krediter är använda · nya %2")
            .arg(l.toString(m_monthlyCap), Format::shortDate(m_nextRefillAt));
    // Empty says the same numbers; the meter's state word says "Slut" once.
    return m_periodKind == QLatin1String("day")
        ? tr("%1 av %2 krediter i dag · %3").arg(l.toString(m_remaining), l.toString(m_allowance), nextChangeText())
        : tr("%1 av %2 krediter · %3").arg(l.toString(m_remaining), l.toString(m_allowance), nextChangeText());
}

QString CreditMeter::memberLimitText() const
{
    if (!m_hasData || !m_hasMemberLimit)
        return {};
    const QLocale l = Format::locale();
    return tr("Din gräns: %1 av %2 krediter").arg(l.toString(m_memberLimitUsed), l.toString(m_memberLimit));
}

QString CreditMeter::forecastText() const
{
    // The server computed the forecast; this only words it.
    if (!m_hasData || m_stale || m_forecast.isEmpty())
        return {};
    const QDateTime now = m_asOf.isValid() ? m_asOf : QDateTime::currentDateTimeUtc();
    const QDateTime runsOut = Format::parseInstant(m_forecast.value(QLatin1String("runs_out_at")).toString());
    const QDateTime reset = Format::parseInstant(m_forecast.value(QLatin1String("reset_at")).toString());
    const bool lasts = m_forecast.value(QLatin1String("lasts_until_reset")).toBool();
    const bool today = runsOut.isValid() && runsOut.toLocalTime().date() == now.toLocalTime().date();
    if (m_periodKind != QLatin1String("day")) {
        if (m_remaining <= 0)
            return {};
        if (lasts && reset.isValid())
            return Subscription::instance()->cancelAtPeriodEnd()
                ? tr("Räcker till periodens slut %1").arg(Format::shortDate(reset))
                : tr("Räcker till återställningen %1").arg(Format::shortDate(reset));
        if (!runsOut.isValid())
            return {};
        return today ? tr("Räcker till ca kl. %1 i dag").arg(Format::time(runsOut))
                     : tr("Räcker till ca %1").arg(Format::shortDate(runsOut));
    }
    // Free: today's credits, then the month's cap.
    const QJsonObject month = m_forecast.value(QLatin1String("month")).toObject();
    const int monthRest = month.value(QLatin1String("remaining")).toInt();
    const bool monthLasts = month.value(QLatin1String("lasts_until_reset")).toBool();
    const QDateTime monthOut = Format::parseInstant(month.value(QLatin1String("runs_out_at")).toString());
    const QString cap = Format::locale().toString(m_monthlyCap);
    if (month.isEmpty() || monthRest <= 0)
        return {};
    // The month's rest is all that is left: one sentence about the month.
    if (monthRest <= m_remaining)
        return monthLasts ? tr("Månadens %1 krediter räcker månaden ut").arg(cap)
                          : tr("Månadens %1 krediter räcker till ca %2").arg(cap, Format::shortDate(monthOut));
    QString day;
    if (m_remaining <= 0)
        day = tr("Dagens krediter är slut");
    else if (lasts)
        day = tr("Dagens krediter räcker i dag");
    else
        day = tr("Dagens krediter räcker till ca kl. %1").arg(Format::time(runsOut));
    const QString rest = monthLasts ? tr("månadens %1 räcker månaden ut").arg(cap)
                                    : tr("månadens %1 räcker till ca %2").arg(cap, Format::shortDate(monthOut));
    return day + QStringLiteral(" · ") + rest;
}

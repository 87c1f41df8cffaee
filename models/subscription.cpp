#include "subscription.h"

#include "appsettings.h"
#include "creditmeter.h"
#include "format.h"
#include "logging.h"
#include "session.h"
#include "statecache.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonArray>

namespace {
const auto kCacheKind = QStringLiteral("workspace");
}

Subscription::Subscription(QObject *parent)
    : QObject(parent)
    , m_actions(this, [this] { Q_EMIT busyChanged(); }, [this] { Q_EMIT errorChanged(); })
    , m_portal(this, [this] { Q_EMIT busyChanged(); }, [this] { Q_EMIT errorChanged(); })
{
    Session *s = Session::instance();
    connect(s, &Session::currentWorkspaceIdChanged, this, &Subscription::showCached);
    // Another workspace's request to sales is not this one's (Planer asks when it is shown).
    connect(s, &Session::currentWorkspaceIdChanged, this, [this] { takeInquiry({}); });
    connect(s, &Session::workspaceReady, this, &Subscription::refresh);
    connect(s, &Session::stateChanged, this, [this] {
        if (Session::instance()->state() == Session::SignedOut)
            apply({}, true);
    });
    connect(s, &Session::plansChanged, this, &Subscription::changed);
    connect(s->live(), &LiveChannel::workspaceReceived, this, [this](const QJsonObject &ws) { apply(ws); });
    connect(s->live(), &LiveChannel::resyncNeeded, this, &Subscription::refresh);
    connect(AppSettings::instance(), &AppSettings::languageChanged, this, &Subscription::changed);
    // Back from the browser (Checkout, portal): ask the server what happened.
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(app, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState st) {
            if (st == Qt::ApplicationActive && m_awaitingBrowser) {
                m_awaitingBrowser = false;
                refresh();
                CreditMeter::instance()->refresh();
            }
        });
    }
    showCached();
    if (s->isReady())
        refresh();
}

Subscription *Subscription::instance()
{
    static Subscription *self = new Subscription(QCoreApplication::instance());
    return self;
}

Subscription *Subscription::create(QQmlEngine *, QJSEngine *)
{
    QQmlEngine::setObjectOwnership(instance(), QQmlEngine::CppOwnership);
    return instance();
}

void Subscription::showCached()
{
    Session *s = Session::instance();
    // Another workspace: the last one's checkout, errors and outcome are not its.
    m_checkoutTier.clear();
    clearMessages();
    apply({}, true);
    const auto cached = StateCache::load(s->serverUrl(), s->currentWorkspaceId(), kCacheKind);
    if (cached.isValid())
        apply(cached.data, true);
}

void Subscription::apply(const QJsonObject &ws, bool fromCache)
{
    Session *s = Session::instance();
    if (!ws.isEmpty() && ws.value(QLatin1String("id")).toString() != s->currentWorkspaceId())
        return; // a message about a workspace we left
    m_workspace = ws;
    const QJsonObject sub = ws.value(QLatin1String("subscription")).toObject();
    m_status = sub.value(QLatin1String("status")).toString();
    m_tier = sub.value(QLatin1String("tier")).toString(ws.value(QLatin1String("plan")).toObject().value(QLatin1String("id")).toString());
    m_periodEnd = Format::parseInstant(sub.value(QLatin1String("period_end")).toString());
    m_cancelAtPeriodEnd = sub.value(QLatin1String("cancel_at_period_end")).toBool();
    const QJsonObject pending = sub.value(QLatin1String("pending_change")).toObject();
    m_pendingTier = pending.value(QLatin1String("tier")).toString();
    m_pendingEffectiveAt = Format::parseInstant(pending.value(QLatin1String("effective_at")).toString());
    const QJsonObject seats = ws.value(QLatin1String("seats")).toObject();
    m_seatsUsed = seats.value(QLatin1String("used")).toInt();
    m_seatLimit = seats.value(QLatin1String("limit")).toInt(0);
    m_entitlements.clear();
    for (const auto &e : ws.value(QLatin1String("entitlements")).toArray())
        m_entitlements << e.toString();
    if (!fromCache && !ws.isEmpty())
        StateCache::save(s->serverUrl(), s->currentWorkspaceId(), kCacheKind, ws);
    Q_EMIT changed();
    // Back from Checkout: the server (live channel or refresh) now has the plan.
    if (!fromCache && !m_checkoutTier.isEmpty() && m_tier == m_checkoutTier) {
        m_checkoutTier.clear();
        setOutcome(tr("Betalningen är klar. Du har nu %1.").arg(tierName()));
        findReceipt(m_tier);
    }
}

bool Subscription::managedBySales() const
{
    return m_workspace.value(QLatin1String("managed_by_sales")).toBool();
}

QString Subscription::tierName() const
{
    const QString name = m_workspace.value(QLatin1String("plan")).toObject().value(QLatin1String("name")).toString();
    return name.isEmpty() ? Session::instance()->planName(m_tier) : Format::planName(m_tier, name);
}

QString Subscription::planKind() const
{
    const QString kind = m_workspace.value(QLatin1String("plan")).toObject().value(QLatin1String("kind")).toString();
    return kind.isEmpty() ? Session::instance()->plan(m_tier).value(QLatin1String("kind")).toString() : kind;
}

QString Subscription::periodEndText() const
{
    return m_periodEnd.isValid() ? Format::date(m_periodEnd) : QString();
}

QString Subscription::pendingTierName() const
{
    if (!m_pendingTier.isEmpty())
        return Session::instance()->planName(m_pendingTier);
    return m_cancelAtPeriodEnd ? Session::instance()->planName(QStringLiteral("free")) : QString();
}

QString Subscription::pendingEffectiveAtText() const
{
    const QDateTime at = m_pendingEffectiveAt.isValid() ? m_pendingEffectiveAt : (m_cancelAtPeriodEnd ? m_periodEnd : QDateTime());
    return at.isValid() ? Format::date(at) : QString();
}

void Subscription::refresh()
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    m_actions.runQuietly({"GET", s->workspacePath()}, RequestTracker::CurrentWorkspace, [this](const ApiResult &r) {
        // Not an action of the user's: no error on a page (the meter says offline).
        if (!r.ok()) {
            qCWarning(lcModels) << "workspace refresh failed:" << r.error.message;
            return;
        }
        apply(r.object());
    });
}

QString Subscription::confirmationText(const QJsonObject &p) const
{
    Session *s = Session::instance();
    const QString kind = p.value(QLatin1String("kind")).toString();
    const QString tier = p.value(QLatin1String("tier")).toString();
    const QString name = s->planName(tier);
    const QDateTime at = Format::parseInstant(p.value(QLatin1String("effective_at")).toString());
    const QString amount = Format::money(p.value(QLatin1String("amount_due_now")));
    if (kind == QLatin1String("upgrade")) {
        // The credits added now: the new allowance over the current one.
        const int current = m_workspace.value(QLatin1String("plan")).toObject().value(QLatin1String("monthly_credits")).toInt();
        const int extra = p.contains(QLatin1String("allowance_after")) && current > 0
            ? p.value(QLatin1String("allowance_after")).toInt() - current
            : p.value(QLatin1String("credits_after")).toInt() - CreditMeter::instance()->remaining();
        return tr("Du uppgraderas till %1 nu. Du debiteras %2 i dag för resten av perioden och får %3 krediter till direkt.")
            .arg(name, amount, Format::locale().toString(extra));
    }
    if (kind == QLatin1String("downgrade"))
        return tr("Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.")
            .arg(name, Format::date(at), tierName());
    if (kind == QLatin1String("cancel")) {
        const QString keep = planKind() == QLatin1String("enterprise") ? QStringLiteral("Enterprise") : tr("Pro");
        return tr("Din prenumeration avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis. Dina projekt finns kvar.")
            .arg(Format::date(m_periodEnd.isValid() && !at.isValid() ? m_periodEnd : at), keep);
    }
    if (kind == QLatin1String("checkout"))
        return tr("Du byter till %1 för %2 i månaden. Betalningen görs i webbläsaren, och du får %3 krediter så snart den är klar.")
            .arg(name, amount, Format::locale().toString(p.value(QLatin1String("allowance_after")).toInt()));
    return {};
}

QString Subscription::nextCycleText(const QJsonObject &p) const
{
    const QString kind = p.value(QLatin1String("kind")).toString();
    if (kind != QLatin1String("downgrade") && kind != QLatin1String("cancel"))
        return {};
    const QDateTime at = Format::parseInstant(p.value(QLatin1String("effective_at")).toString());
    const QJsonObject price = p.value(QLatin1String("price_from_next_cycle")).toObject();
    if (!at.isValid() || price.isEmpty())
        return {};
    if (price.value(QLatin1String("amount")).toInteger() == 0)
        return tr("Från den %1 betalar du ingenting.").arg(Format::date(at));
    return tr("Från den %1 betalar du %2 i månaden.").arg(Format::date(at), Format::money(price));
}

QString Subscription::pendingCancellationText(const QJsonObject &p) const
{
    const QString kind = p.value(QLatin1String("kind")).toString();
    if (!m_cancelAtPeriodEnd || kind == QLatin1String("cancel") || !p.contains(QLatin1String("cancel_at_period_end_after")))
        return {};
    return p.value(QLatin1String("cancel_at_period_end_after")).toBool()
        ? tr("Den planerade uppsägningen står kvar: prenumerationen avslutas den %1.").arg(periodEndText())
        : tr("Den planerade uppsägningen tas bort: prenumerationen fortsätter efter den %1.").arg(periodEndText());
}

void Subscription::preview(const QString &tier)
{
    post(QStringLiteral("/subscription/preview"), {{QStringLiteral("tier"), tier}}, [this](const QJsonObject &p) {
        m_preview = p;
        const QString kind = p.value(QLatin1String("kind")).toString();
        QString button;
        if (kind == QLatin1String("upgrade")) button = tr("Uppgradera");
        else if (kind == QLatin1String("downgrade")) button = tr("Nedgradera");
        else if (kind == QLatin1String("cancel")) button = tr("Avsluta prenumeration");
        else if (kind == QLatin1String("checkout")) button = tr("Gå till betalning");
        const QDateTime at = Format::parseInstant(p.value(QLatin1String("effective_at")).toString());
        Q_EMIT previewReady(kind, p.value(QLatin1String("tier")).toString(), confirmationText(p), button,
                            Format::money(p.value(QLatin1String("amount_due_now"))),
                            at.isValid() ? Format::date(at) : QString(), nextCycleText(p), pendingCancellationText(p));
    });
}

void Subscription::change(const QString &tier)
{
    QJsonObject body{{QStringLiteral("tier"), tier}};
    // The preview's instant: the upgrade is charged what the dialog said.
    const QJsonObject quote = m_preview.value(QLatin1String("tier")).toString() == tier ? m_preview : QJsonObject();
    if (quote.contains(QLatin1String("quoted_at")))
        body.insert(QStringLiteral("quoted_at"), quote.value(QLatin1String("quoted_at")));
    post(QStringLiteral("/subscription/change"), body, [this, tier, quote](const QJsonObject &o) {
        const QString kind = o.value(QLatin1String("kind")).toString();
        const QString name = Session::instance()->planName(tier);
        if (kind == QLatin1String("checkout")) {
            const QUrl url(o.value(QLatin1String("checkout_url")).toString());
            m_awaitingBrowser = true;
            m_checkoutTier = tier;
            openInBrowser(url);
            setOutcome(tr("Betalningen för %1 är öppnad i webbläsaren. Planen byts när betalningen är klar.").arg(name));
            Q_EMIT checkoutOpened(url);
        } else {
            apply(o.value(QLatin1String("workspace")).toObject());
            CreditMeter::instance()->refresh();
            if (kind == QLatin1String("upgrade")) {
                const QString amount = quote.contains(QLatin1String("amount_due_now"))
                    ? Format::money(quote.value(QLatin1String("amount_due_now"))) : QString();
                setOutcome(amount.isEmpty() ? tr("Uppgraderingen till %1 är betald.").arg(name)
                                            : tr("Uppgraderingen till %1 är betald: %2.").arg(name, amount));
                findReceipt(tier);
            } else if (kind == QLatin1String("downgrade")) {
                setOutcome(tr("Klart: du byter till %1 den %2. Till dess har du kvar %3.")
                               .arg(pendingTierName(), pendingEffectiveAtText(), tierName()));
            } else if (kind == QLatin1String("cancel")) {
                setOutcome(tr("Klart: prenumerationen avslutas den %1. Till dess har du kvar %2.")
                               .arg(pendingEffectiveAtText(), tierName()));
            }
        }
        Q_EMIT changeDone(kind);
    });
}

void Subscription::cancel()
{
    post(QStringLiteral("/subscription/cancel"), {}, [this](const QJsonObject &o) {
        apply(o.value(QLatin1String("workspace")).toObject());
        setOutcome(tr("Klart: prenumerationen avslutas den %1. Till dess har du kvar %2.")
                       .arg(pendingEffectiveAtText(), tierName()));
        Q_EMIT changeDone(QStringLiteral("cancel"));
    });
}

void Subscription::undo()
{
    post(QStringLiteral("/subscription/undo"), {}, [this](const QJsonObject &o) {
        apply(o.value(QLatin1String("workspace")).toObject());
        setOutcome(tr("Klart: den planerade ändringen är ångrad. Du fortsätter med %1.").arg(tierName()));
        Q_EMIT changeDone(QStringLiteral("undo"));
    });
}

// The receipt of a change: the newest issued invoice for that plan, as the
// server lists it (the link is added to the message that is already shown).
void Subscription::findReceipt(const QString &tier)
{
    Session *s = Session::instance();
    if (!s->isReady() || !s->canViewBilling())
        return;
    const QString text = m_outcomeText;
    m_actions.runQuietly({"GET", s->workspacePath(QStringLiteral("/invoices"))}, RequestTracker::CurrentWorkspace,
                         [this, tier, text](const ApiResult &r) {
        if (!r.ok() || m_outcomeText != text)
            return;
        for (const auto &v : r.object().value(QLatin1String("invoices")).toArray()) {
            const QJsonObject inv = v.toObject();
            if (inv.value(QLatin1String("plan_id")).toString() == tier && inv.value(QLatin1String("status")).toString() != QLatin1String("draft")) {
                setOutcome(text, QUrl(inv.value(QLatin1String("hosted_url")).toString()));
                return;
            }
        }
    });
}

void Subscription::clearMessages()
{
    m_actions.setError({});
    m_portal.setError({});
    setOutcome({});
}

void Subscription::setOutcome(const QString &text, const QUrl &url)
{
    if (text == m_outcomeText && url == m_outcomeUrl)
        return;
    m_outcomeText = text;
    m_outcomeUrl = url;
    Q_EMIT outcomeChanged();
}

void Subscription::openPortal()
{
    post(QStringLiteral("/billing-portal"), {}, [this](const QJsonObject &o) {
        const QUrl url(o.value(QLatin1String("url")).toString());
        m_awaitingBrowser = true;
        openInBrowser(url);
        Q_EMIT portalOpened(url);
    }, Action::Portal);
}

void Subscription::sendEnterpriseInquiry(const QString &contact, int seats, const QString &message)
{
    post(QStringLiteral("/enterprise-inquiry"),
         {{QStringLiteral("contact"), contact}, {QStringLiteral("seats"), seats}, {QStringLiteral("message"), message}},
         [this](const QJsonObject &o) {
             takeInquiry(o);
             Q_EMIT inquirySent();
         });
}

void Subscription::takeInquiry(const QJsonObject &o)
{
    m_inquiryAt = Format::parseInstant(o.value(QLatin1String("created_at")).toString());
    m_inquiryHandledAt = Format::parseInstant(o.value(QLatin1String("handled_at")).toString());
    Q_EMIT inquiryChanged();
}

void Subscription::loadInquiry()
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    m_actions.runQuietly({"GET", s->workspacePath(QStringLiteral("/enterprise-inquiry"))}, RequestTracker::CurrentWorkspace,
                         [this](const ApiResult &r) {
        if (r.ok())
            return takeInquiry(r.object());
        if (r.error.kind == ApiError::NotFound)   // none yet
            takeInquiry({});
        // Otherwise (offline): what was shown stays; the page says offline elsewhere.
    });
}

QString Subscription::inquiryText() const
{
    if (!m_inquiryAt.isValid())
        return {};
    if (m_inquiryHandledAt.isValid())
        return tr("Säljteamet tog emot din förfrågan %1 och hanterade den %2.")
            .arg(Format::date(m_inquiryAt), Format::date(m_inquiryHandledAt));
    return tr("Säljteamet tog emot din förfrågan %1 kl. %2 och hör av sig.")
        .arg(Format::date(m_inquiryAt), Format::time(m_inquiryAt));
}

void Subscription::post(const QString &path, const QJsonObject &body, std::function<void(const QJsonObject &)> ok,
                        Action action)
{
    Session *s = Session::instance();
    if (!s->isReady() || busy())
        return;
    // A new action: the last one's error and outcome are history. Its answer
    // belongs to the workspace it was made in: dropped once the user left it
    // (coming back there, the refresh shows what the change did).
    clearMessages();
    requests(action).run({"POST", s->workspacePath(path), {}, body}, RequestTracker::CurrentWorkspace,
                         [ok](const ApiResult &r) { ok(r.object()); });
}

void Subscription::openInBrowser(const QUrl &url)
{
    // openUrl may fail (no browser): then the UI offers the link to copy.
    const bool opened = url.isValid() && QDesktopServices::openUrl(url);
    if (!opened)
        qCWarning(lcModels) << "could not open the browser";
    const QUrl pending = opened ? QUrl() : url;
    if (pending != m_pendingUrl) {
        m_pendingUrl = pending;
        Q_EMIT pendingUrlChanged();
    }
}

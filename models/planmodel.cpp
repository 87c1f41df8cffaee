#include "planmodel.h"

#include "apierror.h"
#include "appsettings.h"
#include "format.h"
#include "session.h"
#include "subscription.h"

#include <QCoreApplication>
#include <QJsonObject>

PlanModel::PlanModel(QObject *parent)
    : RequestModel(parent)
{
    Session *s = Session::instance();
    connect(s, &Session::plansChanged, this, &PlanModel::rebuild);
    // What a change means depends on the subscription and the role: ask again
    // (once for a burst of changes).
    m_askLater.setSingleShot(true);
    m_askLater.setInterval(50);
    connect(&m_askLater, &QTimer::timeout, this, &PlanModel::askKinds);
    connect(Subscription::instance(), &Subscription::changed, &m_askLater, qOverload<>(&QTimer::start));
    connect(s, &Session::currentWorkspaceIdChanged, &m_askLater, qOverload<>(&QTimer::start));
    connect(AppSettings::instance(), &AppSettings::languageChanged, this, &PlanModel::refreshAll);
    m_plans = s->plans();
    if (m_plans.isEmpty())
        reload();
    m_askLater.start();
}

void PlanModel::refreshAll()
{
    if (!m_plans.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

QString PlanModel::vatNote() const
{
    for (const auto &v : m_plans) {
        const QJsonObject p = v.toObject();
        if (p.contains(QLatin1String("price_includes_vat")))
            return p.value(QLatin1String("price_includes_vat")).toBool() ? tr("Priserna är inklusive moms.")
                                                                         : tr("Priserna är exklusive moms.");
    }
    return {};
}

// The server's preview of every other tier gives its kind; nothing is asked
// where the answer is known to be no (no manage_plan, a plan sales manages).
void PlanModel::askKinds()
{
    Session *s = Session::instance();
    const Subscription *sub = Subscription::instance();
    const int generation = ++m_generation;
    m_kinds.clear();
    m_reasons.clear();
    refreshAll();
    if (!s->isReady() || !s->canManagePlan() || sub->workspace().isEmpty())
        return;
    const QString current = sub->tier().isEmpty() ? QStringLiteral("free") : sub->tier();
    for (const auto &v : std::as_const(m_plans)) {
        const QJsonObject p = v.toObject();
        const QString id = p.value(QLatin1String("id")).toString();
        if (id == current)
            continue;
        if (sub->managedBySales()) {
            m_reasons.insert(id, ApiError::messageFor(ApiError::ManagedByAdmin));
            continue;
        }
        // The catalog says a paid plan is not sold online: it is bought through sales.
        if (!p.value(QLatin1String("purchasable")).toBool() && p.value(QLatin1String("kind")).toString() != QLatin1String("free")) {
            m_kinds.insert(id, QStringLiteral("contact_sales"));
            continue;
        }
        // Not run(): the previews are per card and leave the page's loading alone.
        transport()->post(s->workspacePath(QStringLiteral("/subscription/preview")), {{QStringLiteral("tier"), id}}, this,
                          [this, id, generation](const ApiResult &r) {
            if (generation != m_generation)
                return; // asked again since
            if (r.ok())
                m_kinds.insert(id, r.object().value(QLatin1String("kind")).toString());
            else
                m_reasons.insert(id, r.error.message);
            for (int i = 0; i < m_plans.size(); ++i)
                if (m_plans.at(i).toObject().value(QLatin1String("id")).toString() == id)
                    Q_EMIT dataChanged(index(i), index(i), {ChangeKindRole, BlockedReasonRole});
        });
    }
    refreshAll();
}

void PlanModel::reload()
{
    // The catalog is the same for every workspace.
    run({"GET", QStringLiteral("/v1/plans")}, AnyWorkspace, [this](const ApiResult &r) {
        m_plans = r.object().value(QLatin1String("plans")).toArray();
        rebuild();
    });
}

void PlanModel::rebuild()
{
    beginResetModel();
    if (!Session::instance()->plans().isEmpty())
        m_plans = Session::instance()->plans();
    endResetModel();
    Q_EMIT countChanged();
    m_askLater.start();
}

QString PlanModel::featureName(const QString &e)
{
    if (e == QLatin1String("core_ai")) return QCoreApplication::translate("PlanModel", "Alla AI-funktioner");
    if (e == QLatin1String("responsive_design")) return QCoreApplication::translate("PlanModel", "Responsiv design");
    if (e == QLatin1String("publishing")) return QCoreApplication::translate("PlanModel", "Publicering");
    if (e == QLatin1String("kliv_subdomain")) return QCoreApplication::translate("PlanModel", "Adress på kliv.site");
    if (e == QLatin1String("made_with_kliv_badge")) return QCoreApplication::translate("PlanModel", "Märkningen ”Made with Kliv” visas på webbplatsen");
    if (e == QLatin1String("custom_domains")) return QCoreApplication::translate("PlanModel", "Anpassad domän");
    if (e == QLatin1String("no_badge")) return QCoreApplication::translate("PlanModel", "Utan märkningen ”Made with Kliv”");
    if (e == QLatin1String("priority_hosting")) return QCoreApplication::translate("PlanModel", "Prioriterad hosting");
    if (e == QLatin1String("faster_support")) return QCoreApplication::translate("PlanModel", "Snabbare support");
    if (e == QLatin1String("team_usage")) return QCoreApplication::translate("PlanModel", "Användning per teammedlem");
    if (e == QLatin1String("dedicated_deployments")) return QCoreApplication::translate("PlanModel", "Dedikerade driftmiljöer");
    if (e == QLatin1String("saml_sso")) return QCoreApplication::translate("PlanModel", "SAML SSO");
    if (e == QLatin1String("custom_roles")) return QCoreApplication::translate("PlanModel", "Egna roller och behörigheter");
    if (e == QLatin1String("dedicated_support")) return QCoreApplication::translate("PlanModel", "Dedikerad support");
    if (e == QLatin1String("invoiced_billing")) return QCoreApplication::translate("PlanModel", "Betalning mot faktura");
    return e;
}

bool PlanModel::isLimitation(const QString &e)
{
    return e == QLatin1String("made_with_kliv_badge");
}

QStringList PlanModel::entitlementsOf(int row) const
{
    QStringList out;
    if (row < 0 || row >= m_plans.size())
        return out;
    for (const auto &e : m_plans.at(row).toObject().value(QLatin1String("entitlements")).toArray())
        out << e.toString();
    return out;
}

QVariant PlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject p = m_plans.at(index.row()).toObject();
    const QString id = p.value(QLatin1String("id")).toString();
    const Subscription *sub = Subscription::instance();
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return Format::planName(id, p.value(QLatin1String("name")).toString());
    case PlanIdRole: return id;
    case KindRole: return p.value(QLatin1String("kind")).toString();
    case MonthlyCreditsRole: return p.value(QLatin1String("monthly_credits")).toInt();
    case DailyCreditsRole: return p.value(QLatin1String("daily_credits")).toInt();
    case SeatLimitRole: return p.value(QLatin1String("seat_limit")).toInt(0);
    case PriceTextRole: {
        const QJsonValue price = p.value(QLatin1String("price"));
        if (price.isNull() || price.isUndefined())
            return tr("Enligt avtal");
        // The catalog gives {amount, currency} (or, in the raw file, öre).
        const QString money = price.isObject() ? Format::money(price) : Format::money(price.toInteger(), QStringLiteral("SEK"));
        return tr("%1/mån").arg(money);
    }
    case FeaturesRole: {
        QStringList out;
        for (const QString &e : entitlementsOf(index.row()))
            if (!isLimitation(e))
                out << featureName(e);
        return out;
    }
    case AddedFeaturesRole: {
        // What this tier has that the one before it lacks (the first: everything).
        const QStringList before = entitlementsOf(index.row() - 1);
        QStringList out;
        for (const QString &e : entitlementsOf(index.row()))
            if (!isLimitation(e) && !before.contains(e))
                out << featureName(e);
        return out;
    }
    case LimitationsRole: {
        QStringList out;
        for (const QString &e : entitlementsOf(index.row()))
            if (isLimitation(e))
                out << featureName(e);
        return out;
    }
    case PreviousNameRole:
        if (index.row() == 0)
            return QString();
        else {
            const QJsonObject prev = m_plans.at(index.row() - 1).toObject();
            return Format::planName(prev.value(QLatin1String("id")).toString(), prev.value(QLatin1String("name")).toString());
        }
    case MonthlyCapRole: return p.value(QLatin1String("monthly_cap")).toInt(0);
    case IsCurrentRole: return id == (sub->tier().isEmpty() ? QStringLiteral("free") : sub->tier());
    case IsPendingRole: return !sub->pendingTier().isEmpty() ? sub->pendingTier() == id
                                                              : sub->cancelAtPeriodEnd() && id == QLatin1String("free");
    case ChangeKindRole:
        if (id == (sub->tier().isEmpty() ? QStringLiteral("free") : sub->tier()))
            return QStringLiteral("current");
        return m_kinds.value(id);
    case BlockedReasonRole: return m_reasons.value(id);
    }
    return {};
}

QHash<int, QByteArray> PlanModel::roleNames() const
{
    return {{PlanIdRole, "planId"}, {NameRole, "name"}, {KindRole, "kind"}, {MonthlyCreditsRole, "monthlyCredits"},
            {DailyCreditsRole, "dailyCredits"}, {PriceTextRole, "priceText"}, {FeaturesRole, "features"},
            {IsCurrentRole, "isCurrent"}, {IsPendingRole, "isPending"}, {ChangeKindRole, "changeKind"},
            {SeatLimitRole, "seatLimit"}, {MonthlyCapRole, "monthlyCap"}, {AddedFeaturesRole, "addedFeatures"},
            {LimitationsRole, "limitations"}, {PreviousNameRole, "previousName"}, {BlockedReasonRole, "blockedReason"}};
}

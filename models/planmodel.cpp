#include "planmodel.h"

#include "appsettings.h"
#include "format.h"
#include "session.h"
#include "subscription.h"

#include <QCoreApplication>
#include <QJsonObject>

PlanModel::PlanModel(QObject *parent)
    : QAbstractListModel(parent)
{
    Session *s = Session::instance();
    connect(s, &Session::plansChanged, this, &PlanModel::rebuild);
    connect(Subscription::instance(), &Subscription::changed, this, [this] {
        if (!m_plans.isEmpty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    });
    connect(AppSettings::instance(), &AppSettings::languageChanged, this, [this] {
        if (!m_plans.isEmpty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    });
    m_plans = s->plans();
    if (m_plans.isEmpty())
        reload();
}

void PlanModel::reload()
{
    Session *s = Session::instance();
    m_loading = true;
    Q_EMIT loadingChanged();
    s->api()->get(QStringLiteral("/v1/plans"), {}, this, [this](const ApiResult &r) {
        m_loading = false;
        Q_EMIT loadingChanged();
        m_error = r.ok() ? QString() : r.error.message;
        Q_EMIT errorChanged();
        if (!r.ok())
            return;
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
}

QString PlanModel::featureName(const QString &e)
{
    if (e == QLatin1String("core_ai")) return QCoreApplication::translate("PlanModel", "Alla AI-funktioner");
    if (e == QLatin1String("responsive_design")) return QCoreApplication::translate("PlanModel", "Responsiv design");
    if (e == QLatin1String("publishing")) return QCoreApplication::translate("PlanModel", "Publicering");
    if (e == QLatin1String("kliv_subdomain")) return QCoreApplication::translate("PlanModel", "Adress på kliv.site");
    if (e == QLatin1String("made_with_kliv_badge")) return QCoreApplication::translate("PlanModel", "”Made with Kliv”-märkningen");
    if (e == QLatin1String("custom_domains")) return QCoreApplication::translate("PlanModel", "Anpassad domän");
    if (e == QLatin1String("no_badge")) return QCoreApplication::translate("PlanModel", "Utan ”Made with Kliv”-märkningen");
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

QString PlanModel::changeKind(const QJsonObject &plan) const
{
    const Subscription *sub = Subscription::instance();
    const QString id = plan.value(QLatin1String("id")).toString();
    const QString kind = plan.value(QLatin1String("kind")).toString();
    const QString currentTier = sub->tier().isEmpty() ? QStringLiteral("free") : sub->tier();
    if (id == currentTier)
        return QStringLiteral("current");
    const QJsonObject current = Session::instance()->plan(currentTier);
    const QString currentKind = current.value(QLatin1String("kind")).toString(QStringLiteral("free"));
    if (kind == QLatin1String("enterprise") || currentKind == QLatin1String("enterprise"))
        return QStringLiteral("contact_sales");
    if (kind == QLatin1String("free"))
        return QStringLiteral("cancel");
    if (currentKind == QLatin1String("free"))
        return QStringLiteral("checkout");
    return plan.value(QLatin1String("rank")).toInt() > current.value(QLatin1String("rank")).toInt()
        ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
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
        for (const auto &e : p.value(QLatin1String("entitlements")).toArray())
            out << featureName(e.toString());
        return out;
    }
    case IsCurrentRole: return changeKind(p) == QLatin1String("current");
    case IsPendingRole: return !sub->pendingTier().isEmpty() ? sub->pendingTier() == id
                                                              : sub->cancelAtPeriodEnd() && id == QLatin1String("free");
    case ChangeKindRole: return changeKind(p);
    }
    return {};
}

QHash<int, QByteArray> PlanModel::roleNames() const
{
    return {{PlanIdRole, "planId"}, {NameRole, "name"}, {KindRole, "kind"}, {MonthlyCreditsRole, "monthlyCredits"},
            {DailyCreditsRole, "dailyCredits"}, {PriceTextRole, "priceText"}, {FeaturesRole, "features"},
            {IsCurrentRole, "isCurrent"}, {IsPendingRole, "isPending"}, {ChangeKindRole, "changeKind"},
            {SeatLimitRole, "seatLimit"}};
}

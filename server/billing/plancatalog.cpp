#include "plancatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>

namespace billing {

namespace {

// Collects the first problem found while reading one plan, with its location,
// so an operator sees e.g. `plans[2] ("pro-200"): monthly_credits must be ...`.
class PlanReader
{
public:
    PlanReader(const QJsonObject &o, QString where) : m_o(o), m_where(std::move(where)) {}

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = m_where + QStringLiteral(": ") + what;
    }
    bool isAbsent(const QString &key) const
    {
        return !m_o.contains(key) || m_o.value(key).isNull();
    }

    QString string(const QString &key, bool required)
    {
        const QJsonValue v = m_o.value(key);
        if (isAbsent(key)) {
            if (required)
                fail(QStringLiteral("\"%1\" is required").arg(key));
            return {};
        }
        if (!v.isString()) {
            fail(QStringLiteral("\"%1\" must be a string").arg(key));
            return {};
        }
        return v.toString();
    }

    // A whole, non-negative number that fits in an int (no strings, no fractions).
    std::optional<int> count(const QString &key, bool required)
    {
        if (isAbsent(key)) {
            if (required)
                fail(QStringLiteral("\"%1\" is required").arg(key));
            return std::nullopt;
        }
        return wholeNumber(key, std::numeric_limits<int>::max());
    }
    std::optional<qint64> amount(const QString &key)
    {
        if (isAbsent(key))
            return std::nullopt;
        // 2^53: the largest integer a JSON double holds exactly.
        const auto n = wholeNumber(key, qint64(1) << 53);
        return n ? std::optional<qint64>(*n) : std::nullopt;
    }

    bool boolean(const QString &key)
    {
        if (isAbsent(key))
            return false;
        const QJsonValue v = m_o.value(key);
        if (!v.isBool()) {
            fail(QStringLiteral("\"%1\" must be true or false").arg(key));
            return false;
        }
        return v.toBool();
    }

    QStringList stringList(const QString &key)
    {
        if (isAbsent(key))
            return {};
        const QJsonValue v = m_o.value(key);
        if (!v.isArray()) {
            fail(QStringLiteral("\"%1\" must be an array of strings").arg(key));
            return {};
        }
        QStringList out;
        for (const QJsonValue &e : v.toArray()) {
            if (!e.isString() || e.toString().isEmpty()) {
                fail(QStringLiteral("\"%1\" must contain only non-empty strings").arg(key));
                return {};
            }
            if (!out.contains(e.toString()))
                out.append(e.toString());
        }
        return out;
    }

private:
    std::optional<qint64> wholeNumber(const QString &key, qint64 max)
    {
        const QJsonValue v = m_o.value(key);
        const double d = v.toDouble(-1);
        if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < 0 || d > double(max)) {
            fail(QStringLiteral("\"%1\" must be a whole number between 0 and %2").arg(key).arg(max));
            return std::nullopt;
        }
        return qint64(d);
    }

    QJsonObject m_o;
    QString m_where;
    QString m_error;
};

std::optional<PlanKind> kindFromString(const QString &s)
{
    if (s == QLatin1String("free"))
        return PlanKind::Free;
    if (s == QLatin1String("pro"))
        return PlanKind::Pro;
    if (s == QLatin1String("enterprise"))
        return PlanKind::Enterprise;
    return std::nullopt;
}

std::optional<Plan> readPlan(const QJsonObject &o, const QString &currency, const QString &where,
                             QString *error)
{
    PlanReader r(o, where);
    Plan p;
    p.id = r.string(QStringLiteral("id"), true);
    if (!r.failed() && !QRegularExpression(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$")).match(p.id).hasMatch())
        r.fail(QStringLiteral("id \"%1\" must be 1-64 lower-case letters, digits, '-' or '_'").arg(p.id));
    const QString kind = r.string(QStringLiteral("kind"), true);
    if (!r.failed()) {
        if (const auto k = kindFromString(kind))
            p.kind = *k;
        else
            r.fail(QStringLiteral("unknown kind \"%1\" (expected free, pro or enterprise)").arg(kind));
    }
    p.name = r.string(QStringLiteral("name"), true);
    if (!r.failed() && p.name.trimmed().isEmpty())
        r.fail(QStringLiteral("\"name\" must not be empty"));
    p.rank = r.count(QStringLiteral("rank"), true).value_or(0);

    const bool isFree = p.kind == PlanKind::Free;
    const bool isPro = p.kind == PlanKind::Pro;
    const auto daily = r.count(QStringLiteral("daily_credits"), isFree);
    const auto cap = r.count(QStringLiteral("monthly_cap"), isFree);
    const auto monthly = r.count(QStringLiteral("monthly_credits"), isPro);
    const auto seats = r.count(QStringLiteral("seat_limit"), false);
    const auto price = r.amount(QStringLiteral("price"));
    p.stripePriceId = r.string(QStringLiteral("stripe_price_id"), false);
    p.purchasable = r.boolean(QStringLiteral("purchasable"));
    p.entitlements = r.stringList(QStringLiteral("entitlements"));
    if (r.failed()) {
        *error = r.error();
        return std::nullopt;
    }

    if (isFree) {
        if (*daily < 1 || *cap < *daily)
            r.fail(QStringLiteral("a free plan needs daily_credits >= 1 and monthly_cap >= daily_credits"));
        if (!r.isAbsent(QStringLiteral("monthly_credits")))
            r.fail(QStringLiteral("a free plan has no monthly_credits (use daily_credits and monthly_cap)"));
        if (p.purchasable)
            r.fail(QStringLiteral("a free plan cannot be purchasable"));
        if (price.value_or(0) != 0)
            r.fail(QStringLiteral("a free plan must have price 0"));
        p.dailyCredits = *daily;
        p.monthlyCap = *cap;
        p.price = Money{0, currency};
    } else {
        if (daily || cap)
            r.fail(QStringLiteral("daily_credits and monthly_cap apply to the free plan only"));
        if (isPro) {
            if (*monthly < 1)
                r.fail(QStringLiteral("a pro plan needs monthly_credits >= 1"));
            if (!price)
                r.fail(QStringLiteral("a pro plan needs a price (whole minor units)"));
            p.monthlyCredits = *monthly;
        } else {
            // Enterprise: allowance and price are per contract.
            if (monthly.value_or(0) != 0)
                r.fail(QStringLiteral("an enterprise plan's monthly_credits must be null (set per contract)"));
            if (price)
                r.fail(QStringLiteral("an enterprise plan's price must be null (set per contract)"));
            if (p.purchasable)
                r.fail(QStringLiteral("an enterprise plan is sold through sales and cannot be purchasable"));
        }
        if (price)
            p.price = Money{*price, currency};
    }
    if (p.purchasable && p.stripePriceId.isEmpty())
        r.fail(QStringLiteral("a purchasable plan needs a stripe_price_id"));
    p.seatLimit = seats;
    if (seats && *seats < 1)
        r.fail(QStringLiteral("seat_limit must be at least 1 (or null for unlimited)"));

    if (r.failed()) {
        *error = r.error();
        return std::nullopt;
    }
    return p;
}

} // namespace

std::optional<PlanCatalog> PlanCatalog::fromJson(const QByteArray &json, QString *error)
{
    QString scratch;
    QString &err = error ? *error : scratch;
    const auto fail = [&err](const QString &m) {
        err = QStringLiteral("plan catalog: ") + m;
        return std::nullopt;
    };

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return fail(QStringLiteral("invalid JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject())
        return fail(QStringLiteral("the top level must be an object {\"currency\", \"plans\"}"));
    const QJsonObject root = doc.object();

    const QJsonValue cur = root.value(QStringLiteral("currency"));
    if (!cur.isString() || !QRegularExpression(QStringLiteral("^[A-Z]{3}$")).match(cur.toString()).hasMatch())
        return fail(QStringLiteral("\"currency\" must be an ISO 4217 code such as \"SEK\""));
    const QJsonValue plans = root.value(QStringLiteral("plans"));
    if (!plans.isArray() || plans.toArray().isEmpty())
        return fail(QStringLiteral("\"plans\" must be a non-empty array"));

    const QJsonValue vat = root.value(QStringLiteral("prices_include_vat"));
    if (!vat.isUndefined() && !vat.isBool())
        return fail(QStringLiteral("\"prices_include_vat\" must be true or false"));

    PlanCatalog c;
    c.m_currency = cur.toString();
    QSet<QString> ids, priceIds;
    QSet<int> ranks;
    const QJsonArray arr = plans.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        QString where = QStringLiteral("plans[%1]").arg(i);
        if (!arr.at(i).isObject())
            return fail(where + QStringLiteral(": must be an object"));
        const QJsonObject o = arr.at(i).toObject();
        if (o.value(QStringLiteral("id")).isString())
            where += QStringLiteral(" (\"%1\")").arg(o.value(QStringLiteral("id")).toString());
        QString planError;
        auto plan = readPlan(o, c.m_currency, where, &planError);
        if (!plan)
            return fail(planError);
        plan->priceIncludesVat = vat.toBool(true);
        if (ids.contains(plan->id))
            return fail(where + QStringLiteral(": duplicate plan id \"%1\"").arg(plan->id));
        if (!plan->stripePriceId.isEmpty() && priceIds.contains(plan->stripePriceId))
            return fail(where + QStringLiteral(": duplicate stripe_price_id \"%1\"").arg(plan->stripePriceId));
        if (ranks.contains(plan->rank))
            return fail(where + QStringLiteral(": duplicate rank %1 (ranks order the tiers)").arg(plan->rank));
        if (plan->kind == PlanKind::Free && plan->id != QLatin1String("free"))
            return fail(where + QStringLiteral(": the free plan must have id \"free\""));
        ids.insert(plan->id);
        ranks.insert(plan->rank);
        if (!plan->stripePriceId.isEmpty())
            priceIds.insert(plan->stripePriceId);
        c.m_plans.append(*plan);
    }
    if (!ids.contains(QStringLiteral("free")))
        return fail(QStringLiteral("the catalog has no \"free\" plan"));
    if (error)
        error->clear();
    return c;
}

const Plan *PlanCatalog::find(const QString &id) const
{
    for (const Plan &p : m_plans) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const Plan *PlanCatalog::findByStripePrice(const QString &priceId) const
{
    if (priceId.isEmpty())
        return nullptr;
    for (const Plan &p : m_plans) {
        if (p.stripePriceId == priceId)
            return &p;
    }
    return nullptr;
}

const Plan &PlanCatalog::freePlan() const
{
    // fromJson guarantees a plan with id "free" exists; a default-constructed
    // catalog (never loaded) answers with a Free plan that allows nothing.
    static const Plan nothing = [] {
        Plan p;
        p.id = QStringLiteral("free");
        p.seatLimit = 0;
        return p;
    }();
    const Plan *p = find(QStringLiteral("free"));
    return p ? *p : nothing;
}

} // namespace billing

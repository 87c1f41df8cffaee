#include "membermodel.h"

#include "format.h"
#include "logging.h"
#include "session.h"
#include "subscription.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <algorithm>

MemberModel::MemberModel(QObject *parent)
    : RequestModel(parent)
{
    connect(Session::instance(), &Session::workspaceReady, this, &MemberModel::reload);
    connect(Session::instance(), &Session::currentWorkspaceIdChanged, this, &MemberModel::seatsChanged);
    QTimer::singleShot(0, this, &MemberModel::reload);
}

QString MemberModel::roleText(const QString &role)
{
    if (role == QLatin1String("owner")) return QCoreApplication::translate("MemberModel", "Ägare");
    if (role == QLatin1String("admin")) return QCoreApplication::translate("MemberModel", "Administratör");
    if (role == QLatin1String("member")) return QCoreApplication::translate("MemberModel", "Medlem");
    return role; // an Enterprise custom role: its own name
}

bool MemberModel::canAdd() const
{
    return Session::instance()->canManageMembers() && (m_seatLimit <= 0 || m_seatsUsed < m_seatLimit);
}

QString MemberModel::addBlockedReason() const
{
    if (!Session::instance()->canManageMembers())
        return tr("Bara ägare och administratörer kan bjuda in teammedlemmar.");
    if (m_seatLimit > 0 && m_seatsUsed >= m_seatLimit)
        return tr("Gratis-planen har plats för högst %1 teammedlemmar. Uppgradera till Pro för att bjuda in fler.")
            .arg(m_seatLimit);
    return {};
}

void MemberModel::reload()
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    run({"GET", s->workspacePath(QStringLiteral("/members"))}, CurrentWorkspace, [this](const ApiResult &r) {
        beginResetModel();
        m_rows.clear();
        for (const auto &v : r.object().value(QLatin1String("members")).toArray()) {
            const QJsonObject o = v.toObject();
            const auto optInt = [&o](const char *key) {
                const QJsonValue v = o.value(QLatin1String(key));
                return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
            };
            m_rows << Row{o.value(QLatin1String("id")).toString(), o.value(QLatin1String("user_id")).toString(),
                          o.value(QLatin1String("name")).toString(), o.value(QLatin1String("email")).toString(),
                          o.value(QLatin1String("role")).toString(),
                          Format::parseInstant(o.value(QLatin1String("joined_at")).toString()),
                          optInt("limit"), optInt("used_this_cycle")};
        }
        endResetModel();
        const QJsonObject seats = r.object().value(QLatin1String("seats")).toObject();
        m_seatsUsed = seats.value(QLatin1String("used")).toInt(int(m_rows.size()));
        m_seatLimit = seats.value(QLatin1String("limit")).toInt(0);
        Q_EMIT countChanged();
        Q_EMIT seatsChanged();
    });
}

void MemberModel::invite(const QString &email, const QString &name, const QString &role)
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    QJsonObject body{{QStringLiteral("email"), email.trimmed()}, {QStringLiteral("role"), role}};
    if (!name.trimmed().isEmpty())
        body.insert(QStringLiteral("name"), name.trimmed());
    // A change's answer matters even after a switch: the form waits for actionDone.
    run({"POST", s->workspacePath(QStringLiteral("/members")), {}, body}, AnyWorkspace,
        [this](const ApiResult &) { afterChange(QStringLiteral("invite")); });
}

void MemberModel::remove(const QString &memberId)
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    run({"DELETE", s->workspacePath(QStringLiteral("/members/") + QString::fromLatin1(QUrl::toPercentEncoding(memberId)))},
        AnyWorkspace, [this](const ApiResult &) { afterChange(QStringLiteral("remove")); });
}

void MemberModel::changeRole(const QString &memberId, const QString &role)
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    run({"PATCH", s->workspacePath(QStringLiteral("/members/") + QString::fromLatin1(QUrl::toPercentEncoding(memberId))), {},
         {{QStringLiteral("role"), role}}},
        AnyWorkspace, [this](const ApiResult &) { afterChange(QStringLiteral("role")); });
}

void MemberModel::setLimit(const QString &memberId, int credits)
{
    sendLimit(memberId, credits);
}

void MemberModel::clearLimit(const QString &memberId)
{
    sendLimit(memberId, QJsonValue());
}

void MemberModel::sendLimit(const QString &memberId, const QJsonValue &credits)
{
    Session *s = Session::instance();
    if (!s->isReady())
        return;
    setLimitError({});
    // The server checks the plan and the range (at most the plan's credits per period).
    run({"PUT", s->workspacePath(QStringLiteral("/members/") + QString::fromLatin1(QUrl::toPercentEncoding(memberId))
                                 + QStringLiteral("/limit")), {},
         {{QStringLiteral("monthly_credits"), credits}}},
        AnyWorkspace, [this](const ApiResult &) { afterChange(QStringLiteral("limit")); },
        [this](const ApiResult &r) {
            // Shown in the limit dialog, where it was caused, not with the page's other actions.
            const QJsonObject err = QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
            if (r.error.code == QLatin1String("member_limits_need_paid_plan"))
                setLimitError(tr("Gränser för medlemmar finns bara på betalda planer."));
            else if (err.contains(QLatin1String("max")))
                setLimitError(tr("Gränsen kan vara högst %1 krediter per period.")
                                  .arg(Format::locale().toString(err.value(QLatin1String("max")).toInteger())));
            else
                setLimitError(r.error.message);
            qCInfo(lcModels).noquote() << "member limit refused:" << r.status << r.error.code;
            setError({});
        });
}

void MemberModel::setLimitError(const QString &error)
{
    if (m_limitError == error)
        return;
    m_limitError = error;
    Q_EMIT limitErrorChanged();
}

bool MemberModel::limitsShown() const
{
    // The caller's own use this cycle is always there on a paid plan; Free has no cycle.
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.usedThisCycle.has_value(); });
}

QString MemberModel::limitText(const Row &r) const
{
    if (!limitsShown())
        return {};
    if (!r.limit)
        return tr("Ingen gräns");
    // Another member's use is team usage: without it the server leaves it out.
    if (!r.usedThisCycle)
        return Format::credits(*r.limit);
    return tr("%1 av %2 krediter").arg(Format::locale().toString(*r.usedThisCycle), Format::locale().toString(*r.limit));
}

void MemberModel::afterChange(const QString &action)
{
    Q_EMIT actionDone(action);
    reload();
    Subscription::instance()->refresh(); // seats are part of the workspace
}

QVariant MemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case MemberIdRole: return r.id;
    case UserIdRole: return r.userId;
    case EmailRole: return r.email;
    case RoleRole: return r.role;
    case RoleTextRole: return roleText(r.role);
    case JoinedTextRole: return r.joined.isValid() ? Format::date(r.joined) : QString();
    case HasLimitRole: return r.limit.has_value();
    case LimitRole: return r.limit ? QVariant(*r.limit) : QVariant();
    case UsedThisCycleRole: return r.usedThisCycle ? QVariant(*r.usedThisCycle) : QVariant();
    case LimitTextRole: return limitText(r);
    }
    return {};
}

QHash<int, QByteArray> MemberModel::roleNames() const
{
    return {{MemberIdRole, "memberId"}, {NameRole, "name"}, {EmailRole, "email"}, {RoleRole, "role"},
            {RoleTextRole, "roleText"}, {JoinedTextRole, "joinedText"}, {UserIdRole, "userId"},
            {HasLimitRole, "hasLimit"}, {LimitRole, "limit"}, {UsedThisCycleRole, "usedThisCycle"},
            {LimitTextRole, "limitText"}};
}

#include "auditlogmodel.h"

#include "format.h"
#include "csvexport.h"
#include "logging.h"
#include "membermodel.h"
#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTimer>

namespace {
// The kinds the server writes (server/storage/audit.h), in the filter's order.
struct KindName { const char *kind; const char *text; };
const KindName kKinds[] = {
    {"plan.change_requested", QT_TRANSLATE_NOOP("AuditLogModel", "Planbyte begärt")},
    {"plan.changed", QT_TRANSLATE_NOOP("AuditLogModel", "Plan ändrad")},
    {"plan.change_failed", QT_TRANSLATE_NOOP("AuditLogModel", "Planbyte misslyckades")},
    {"plan.change_undone", QT_TRANSLATE_NOOP("AuditLogModel", "Planbyte ångrat")},
    {"plan.cancel_scheduled", QT_TRANSLATE_NOOP("AuditLogModel", "Uppsägning")},
    {"plan.cancel_undone", QT_TRANSLATE_NOOP("AuditLogModel", "Uppsägning ångrad")},
    {"subscription.payment_failed", QT_TRANSLATE_NOOP("AuditLogModel", "Betalning misslyckades")},
    {"subscription.ended", QT_TRANSLATE_NOOP("AuditLogModel", "Prenumeration avslutad")},
    {"member.invited", QT_TRANSLATE_NOOP("AuditLogModel", "Medlem inbjuden")},
    {"member.removed", QT_TRANSLATE_NOOP("AuditLogModel", "Medlem borttagen")},
    {"member.role_changed", QT_TRANSLATE_NOOP("AuditLogModel", "Roll ändrad")},
    {"member.limit_changed", QT_TRANSLATE_NOOP("AuditLogModel", "Gräns ändrad")},
    {"ownership.transferred", QT_TRANSLATE_NOOP("AuditLogModel", "Ägarskap överlåtet")},
    {"role.created", QT_TRANSLATE_NOOP("AuditLogModel", "Roll skapad")},
    {"role.updated", QT_TRANSLATE_NOOP("AuditLogModel", "Roll redigerad")},
    {"role.deleted", QT_TRANSLATE_NOOP("AuditLogModel", "Roll borttagen")},
    {"sso.settings_changed", QT_TRANSLATE_NOOP("AuditLogModel", "SSO-inställningar ändrade")},
    {"sso.sign_in_failed", QT_TRANSLATE_NOOP("AuditLogModel", "SSO-inloggning nekad")},
};

// "pro-200" -> "Pro 200", "free" -> "Gratis" (the catalog's names, without asking for the catalog).
QString planText(const QString &planId)
{
    if (planId.isEmpty())
        return QStringLiteral("–");
    QString name = planId;
    name.replace(QLatin1Char('-'), QLatin1Char(' '));
    name[0] = name[0].toUpper();
    return Format::planName(planId, name);
}

QString roleOf(const QJsonObject &o) { return MemberModel::roleText(o.value(QLatin1String("role")).toString()); }
QString planOf(const QJsonObject &o) { return planText(o.value(QLatin1String("plan")).toString()); }
QString dateOf(const QJsonObject &o)
{
    const QDateTime t = Format::parseInstant(o.value(QLatin1String("effective_at")).toString());
    return t.isValid() ? Format::date(t) : QString();
}
} // namespace

AuditLogModel::AuditLogModel(QObject *parent)
    : RequestModel(parent)
{
    connect(Session::instance(), &Session::workspaceReady, this, &AuditLogModel::reload);
    QTimer::singleShot(0, this, &AuditLogModel::reload);
}

QString AuditLogModel::kindText(const QString &kind)
{
    for (const KindName &k : kKinds) {
        if (kind == QLatin1String(k.kind))
            return QCoreApplication::translate("AuditLogModel", k.text);
    }
    return kind;   // a kind this app does not know yet: its stable name
}

QVariantList AuditLogModel::kindChoices()
{
    QVariantList out{QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("text"), tr("Alla händelser")}}};
    for (const KindName &k : kKinds)
        out.append(QVariantMap{{QStringLiteral("value"), QString::fromLatin1(k.kind)},
                               {QStringLiteral("text"), QCoreApplication::translate("AuditLogModel", k.text)}});
    return out;
}

// What happened, as a sentence with before → after; who did it is its own column.
QString AuditLogModel::sentence(const Row &r)
{
    const QString &k = r.kind;
    if (k == QLatin1String("member.invited"))
        return tr("Bjöd in %1 som %2").arg(r.target, roleOf(r.after));
    if (k == QLatin1String("member.removed"))
        return tr("Tog bort %1 (%2)").arg(r.target, roleOf(r.before));
    if (k == QLatin1String("member.role_changed"))
        return tr("Ändrade rollen för %1: %2 → %3").arg(r.target, roleOf(r.before), roleOf(r.after));
    if (k == QLatin1String("member.limit_changed")) {
        const auto limitOf = [](const QJsonObject &o) {
            const QJsonValue v = o.value(QLatin1String("monthly_credits"));
            return v.isDouble() ? Format::credits(v.toInteger()) : tr("ingen gräns");
        };
        return tr("Ändrade gränsen för %1: %2 → %3").arg(r.target, limitOf(r.before), limitOf(r.after));
    }
    if (k == QLatin1String("ownership.transferred"))
        return tr("Lämnade över ägarskapet: %1 → %2").arg(r.before.value(QLatin1String("owner")).toString(),
                                                          r.after.value(QLatin1String("owner")).toString());
    if (k == QLatin1String("role.created"))
        return tr("Skapade rollen %1 med %n behörigheter", nullptr,
                  int(r.after.value(QLatin1String("permissions")).toArray().size())).arg(r.target);
    if (k == QLatin1String("role.updated")) {
        const QString from = r.before.value(QLatin1String("name")).toString(), to = r.after.value(QLatin1String("name")).toString();
        const int n = int(r.after.value(QLatin1String("permissions")).toArray().size());
        return from == to ? tr("Ändrade rollen %1: nu %n behörigheter", nullptr, n).arg(to)
                          : tr("Döpte om rollen %1 till %2 (%n behörigheter)", nullptr, n).arg(from, to);
    }
    if (k == QLatin1String("role.deleted"))
        return tr("Tog bort rollen %1").arg(r.target);
    if (k == QLatin1String("sso.settings_changed")) {
        QStringList what;
        const auto changed = [&](const char *key) { return r.before.value(QLatin1String(key)) != r.after.value(QLatin1String(key)); };
        if (changed("domain"))
            what << tr("domän %1").arg(r.after.value(QLatin1String("domain")).toString());
        if (changed("domain_verified"))
            what << (r.after.value(QLatin1String("domain_verified")).toBool() ? tr("domänen verifierad") : tr("domänen overifierad"));
        if (changed("idp_entity_id"))
            what << tr("identitetsleverantör %1").arg(r.after.value(QLatin1String("idp_entity_id")).toString());
        if (changed("enforced"))
            what << (r.after.value(QLatin1String("enforced")).toBool() ? tr("SSO krävs") : tr("SSO krävs inte"));
        if (changed("default_role"))
            what << tr("roll för nya medlemmar %1").arg(MemberModel::roleText(r.after.value(QLatin1String("default_role")).toString()));
        if (changed("break_glass_user_id"))
            what << tr("nödkonto ändrat");
        return what.isEmpty() ? tr("Ändrade SSO-inställningarna") : tr("Ändrade SSO-inställningarna: %1").arg(what.join(QStringLiteral(", ")));
    }
    if (k == QLatin1String("sso.sign_in_failed"))
        return tr("En inloggning med SSO nekades: %1").arg(r.after.value(QLatin1String("reason")).toString());
    if (k == QLatin1String("plan.change_requested")) {
        const QString when = dateOf(r.after);
        return when.isEmpty() ? tr("Begärde planbyte: %1 → %2").arg(planOf(r.before), planOf(r.after))
                              : tr("Begärde planbyte: %1 → %2 den %3").arg(planOf(r.before), planOf(r.after), when);
    }
    if (k == QLatin1String("plan.changed"))
        return tr("Planen ändrades: %1 → %2").arg(planOf(r.before), planOf(r.after));
    if (k == QLatin1String("plan.change_failed"))
        return r.after.value(QLatin1String("error")).toString() == QLatin1String("card_declined")
            ? tr("Planbytet %1 → %2 genomfördes inte: betalningen nekades").arg(planOf(r.before), planOf(r.after))
            : tr("Planbytet %1 → %2 genomfördes inte").arg(planOf(r.before), planOf(r.after));
    if (k == QLatin1String("plan.change_undone"))
        return tr("Ångrade planbytet till %1").arg(planOf(r.before));
    if (k == QLatin1String("plan.cancel_scheduled"))
        return tr("Sade upp %1: övergår till Gratis den %2").arg(planOf(r.before), dateOf(r.after));
    if (k == QLatin1String("plan.cancel_undone"))
        return tr("Ångrade uppsägningen av %1").arg(planOf(r.after));
    if (k == QLatin1String("subscription.payment_failed"))
        return tr("Betalningen för %1 misslyckades").arg(planOf(r.after));
    if (k == QLatin1String("subscription.ended"))
        return tr("Prenumerationen avslutades: %1 → %2").arg(planOf(r.before), planOf(r.after));
    return r.target;
}

QString AuditLogModel::actorText(const Row &r)
{
    if (r.actorKind == QLatin1String("member"))
        return r.actorEmail;
    if (r.actorKind == QLatin1String("operator"))
        return tr("Kliv (%1)").arg(r.actorEmail.section(QLatin1Char(':'), 1));
    return tr("Automatiskt");   // a payment's outcome from Stripe, a period end
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case EntryIdRole: return r.id;
    case AtRole: return r.at;
    case AtTextRole: return Format::date(r.at) + QChar(0x00A0) + Format::time(r.at);
    case KindRole: return r.kind;
    case KindTextRole: return kindText(r.kind);
    case ActorKindRole: return r.actorKind;
    case ActorTextRole: return actorText(r);
    case TargetRole: return r.target;
    case Qt::DisplayRole:
    case SentenceRole: return sentence(r);
    }
    return {};
}

QHash<int, QByteArray> AuditLogModel::roleNames() const
{
    return {{EntryIdRole, "entryId"}, {AtRole, "at"}, {AtTextRole, "atText"}, {KindRole, "kind"},
            {KindTextRole, "kindText"}, {ActorKindRole, "actorKind"}, {ActorTextRole, "actorText"},
            {TargetRole, "target"}, {SentenceRole, "sentence"}};
}

void AuditLogModel::setKindFilter(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    Q_EMIT filterChanged();
    reload();
}

void AuditLogModel::setActorFilter(const QString &userId)
{
    if (userId == m_actor)
        return;
    m_actor = userId;
    Q_EMIT filterChanged();
    reload();
}

QUrlQuery AuditLogModel::filterQuery() const
{
    QUrlQuery q;
    if (!m_kind.isEmpty())
        q.addQueryItem(QStringLiteral("kind"), m_kind);
    if (!m_actor.isEmpty())
        q.addQueryItem(QStringLiteral("actor"), m_actor);
    return q;
}

void AuditLogModel::reload()
{
    // A page still coming is for the filters we leave.
    abandonRequests();
    beginResetModel();
    m_rows.clear();
    m_nextBefore = 0;
    endResetModel();
    Q_EMIT countChanged();
    fetch(false);
}

void AuditLogModel::loadMore()
{
    if (canLoadMore() && !loading())
        fetch(true);
}

void AuditLogModel::fetch(bool append)
{
    Session *s = Session::instance();
    // The server answers 403 to everyone else: no need to ask.
    if (!s->isReady() || (s->role() != QLatin1String("owner") && s->role() != QLatin1String("admin")))
        return;
    QUrlQuery q = filterQuery();
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (append)
        q.addQueryItem(QStringLiteral("before"), QString::number(m_nextBefore));
    run({"GET", s->workspacePath(QStringLiteral("/audit")), q}, CurrentWorkspace, [this](const ApiResult &r) {
        const QJsonArray entries = r.object().value(QLatin1String("entries")).toArray();
        m_nextBefore = r.object().value(QLatin1String("next_before")).toInteger();
        if (!entries.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + entries.size() - 1));
            for (const auto &v : entries) {
                const QJsonObject o = v.toObject();
                const QJsonObject actor = o.value(QLatin1String("actor")).toObject();
                m_rows << Row{o.value(QLatin1String("id")).toInteger(),
                              Format::parseInstant(o.value(QLatin1String("at")).toString()),
                              o.value(QLatin1String("kind")).toString(), actor.value(QLatin1String("kind")).toString(),
                              actor.value(QLatin1String("email")).toString(), o.value(QLatin1String("target")).toString(),
                              o.value(QLatin1String("before")).toObject(), o.value(QLatin1String("after")).toObject()};
            }
            endInsertRows();
        }
        Q_EMIT countChanged();
    });
}

QString AuditLogModel::exportFileName()
{
    // ASCII: the name travels to other systems and mail attachments.
    return QStringLiteral("kliv-handelselogg-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
}

QUrl AuditLogModel::exportFolder()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QUrl::fromLocalFile(dir);
}

QUrl AuditLogModel::exportFileUrl()
{
    return QUrl::fromLocalFile(QDir(exportFolder().toLocalFile()).filePath(exportFileName()));
}

void AuditLogModel::exportCsv(const QUrl &file)
{
    Session *s = Session::instance();
    const QString path = CsvExport::pathOf(file);
    if (!s->isReady() || path.isEmpty())
        return;
    setLoading(true);
    CsvExport::fetchAndSave(transport(), s->workspacePath(QStringLiteral("/audit.csv")), filterQuery(), path, this,
                            [this, path](bool ok, const QString &message) {
        setLoading(false);
        setError(ok ? QString() : message);
        Q_EMIT exportFinished(ok, ok ? tr("Händelseloggen är sparad i %1.").arg(path) : message);
    });
}

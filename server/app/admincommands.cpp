#include "admincommands.h"
#include "bootstrap.h"
#include "storage/devclock.h"
#include "jsonviews.h"
#include "secrets.h"
#include "tokenauth.h"
#include "workspaceaccess.h"

#include "billing/permissions.h"
#include "storage/sqlitebackup.h"
#include "storage/wirejson.h"

#include "saml/serviceprovider.h"

#include <QFile>
#include <QFileInfo>

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace app {

using http::newToken;
using http::workspaceJson;
using http::effectivePermissions;
using storage::registerDevClockMigrations;
namespace secrets = http::secrets;


namespace {

struct AdminError {
    QString code, message;
};

class Admin
{
public:
    Admin(storage::Store *store, const billing::PlanCatalog *catalog, std::optional<QDateTime> devNow,
          InvoicedPlanStarter invoicing)
        : m_store(store), m_catalog(catalog), m_invoicing(std::move(invoicing))
    {
        if (devNow)
            m_now = *devNow;
    }

    std::optional<AdminError> run(const QString &command, const QHash<QString, QString> &opts, QJsonObject *out);

private:
    QString opt(const char *name) const { return m_opts.value(QString::fromLatin1(name)); }
    bool has(const char *name) const { return m_opts.contains(QString::fromLatin1(name)); }
    std::optional<AdminError> require(std::initializer_list<const char *> names) const;
    std::optional<storage::User> findOrCreateUser(const QString &email, const QString &name, const QString &password,
                                                  AdminError *err);
    QJsonObject workspaceView(const QString &workspaceId);
    // The audit log's actor: --actor NAME, else the login running the command.
    storage::Actor actor() const
    {
        QString name = opt("actor");
        if (name.isEmpty())
            name = qEnvironmentVariable("USER", QStringLiteral("unknown"));
        return storage::Actor::operatorNamed(name);
    }

    std::optional<AdminError> createWorkspace(QJsonObject *out);
    std::optional<AdminError> addMember(QJsonObject *out);
    std::optional<AdminError> issueToken(QJsonObject *out);
    std::optional<AdminError> setPlan(QJsonObject *out);
    std::optional<AdminError> grant(QJsonObject *out);
    std::optional<AdminError> setPassword(QJsonObject *out);
    std::optional<AdminError> inquiries(QJsonObject *out);
    std::optional<AdminError> showInquiry(QJsonObject *out);
    std::optional<AdminError> handleInquiry(QJsonObject *out);
    std::optional<AdminError> markInquiryHandled(const QString &id, QJsonObject *out);
    // set-plan --price ...: validated options, or the error.
    std::optional<AdminError> readInvoicedPlan(const billing::Plan &plan, InvoicedPlanRequest *req) const;
    std::optional<AdminError> setSso(QJsonObject *out);
    std::optional<AdminError> showSso(QJsonObject *out);
    QJsonObject ssoView(const storage::SsoSettings &s);

    storage::Store *m_store;
    const billing::PlanCatalog *m_catalog;
    InvoicedPlanStarter m_invoicing;
    QHash<QString, QString> m_opts;
    // Billing acts at the server's "now": on a development database that is
    // the stored dev clock. Tokens expire by the wall clock, as the server checks them.
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    const QDateTime m_wallNow = QDateTime::currentDateTimeUtc();
};

AdminError notFound(const QString &what) { return {QStringLiteral("not_found"), what}; }
AdminError invalid(const QString &what) { return {QStringLiteral("validation_failed"), what}; }
AdminError internal(const QString &what) { return {QStringLiteral("internal"), what}; }

bool validEmail(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return re.match(s).hasMatch();
}

std::optional<AdminError> Admin::require(std::initializer_list<const char *> names) const
{
    for (const char *n : names) {
        if (opt(n).isEmpty())
            return invalid(QStringLiteral("--%1 is required").arg(QString::fromLatin1(n)));
    }
    return std::nullopt;
}

std::optional<storage::User> Admin::findOrCreateUser(const QString &email, const QString &name,
                                                     const QString &password, AdminError *err)
{
    if (!validEmail(email)) {
        *err = invalid(QStringLiteral("%1 is not an e-mail address").arg(email));
        return std::nullopt;
    }
    if (auto user = m_store->userByEmail(email)) {
        if (!password.isEmpty() && !m_store->setPasswordHash(user->id, secrets::hashPassword(password))) {
            *err = internal(QStringLiteral("could not set the password"));
            return std::nullopt;
        }
        return user;
    }
    const QString hash = password.isEmpty() ? QStringLiteral("") : secrets::hashPassword(password);
    auto user = m_store->createUser(email, name.isEmpty() ? email.section(QLatin1Char('@'), 0, 0) : name, hash, m_now);
    if (!user)
        *err = internal(QStringLiteral("could not create the user: %1").arg(m_store->lastError()));
    return user;
}

QJsonObject Admin::workspaceView(const QString &workspaceId)
{
    const auto ws = m_store->workspace(workspaceId);
    const auto state = m_store->subscription(workspaceId);
    if (!ws || !state)
        return {};
    const billing::Plan *plan = m_catalog->find(state->planId);
    const billing::Permissions all = *billing::builtInRolePermissions(QStringLiteral("owner"));
    return workspaceJson(m_store, *ws, *state, plan ? *plan : m_catalog->freePlan(), QStringLiteral("operator"),
                         effectivePermissions(all, plan ? *plan : m_catalog->freePlan()),
                         // the operator's view: no payment provider in this process
                         false);
}

std::optional<AdminError> Admin::createWorkspace(QJsonObject *out)
{
    if (auto e = require({"name", "owner-email"}))
        return e;
    const QString planId = has("plan") ? opt("plan") : QStringLiteral("free");
    if (!m_catalog->find(planId))
        return invalid(QStringLiteral("unknown plan %1").arg(planId));
    AdminError err;
    const auto user = findOrCreateUser(opt("owner-email"), opt("owner-name"), opt("owner-password"), &err);
    if (!user)
        return err;
    const auto created = m_store->createWorkspace(opt("name"), user->id, m_now);
    if (!created)
        return internal(QStringLiteral("could not create the workspace: %1").arg(m_store->lastError()));
    if (planId != m_catalog->freePlan().id) {
        const auto r = m_store->mutateSubscription(created->workspace.id, m_now, *m_catalog, [&](billing::SubscriptionState &s) {
            s = billing::setPlanByAdmin(*m_catalog, s, planId, 0, m_now);
            return true;
        }, actor());
        if (!r.ok)
            return internal(QStringLiteral("could not set the plan"));
    }
    *out = {{QStringLiteral("workspace_id"), created->workspace.id},
            {QStringLiteral("owner_member_id"), created->owner.id},
            {QStringLiteral("owner_user_id"), user->id}};
    return std::nullopt;
}

std::optional<AdminError> Admin::addMember(QJsonObject *out)
{
    if (auto e = require({"workspace", "email"}))
        return e;
    if (!m_store->workspace(opt("workspace")))
        return notFound(QStringLiteral("no workspace %1").arg(opt("workspace")));
    AdminError err;
    const auto user = findOrCreateUser(opt("email"), opt("name"), opt("password"), &err);
    if (!user)
        return err;
    storage::Member m;
    const QString role = has("role") ? opt("role") : QStringLiteral("member");
    switch (m_store->addMember(opt("workspace"), user->id, role, m_now, *m_catalog, &m, actor())) {
    case storage::MemberChange::Done:
        *out = {{QStringLiteral("member_id"), m.id}, {QStringLiteral("user_id"), user->id}};
        return std::nullopt;
    case storage::MemberChange::AlreadyMember:
        return AdminError{QStringLiteral("conflict"), QStringLiteral("%1 is already a member").arg(opt("email"))};
    case storage::MemberChange::SeatLimit:
        return AdminError{QStringLiteral("seat_limit_reached"), QStringLiteral("the plan's member limit is reached")};
    case storage::MemberChange::UnknownRole:
        return invalid(QStringLiteral("unknown role %1").arg(role));
    case storage::MemberChange::NotFound:
        return notFound(QStringLiteral("no workspace %1").arg(opt("workspace")));
    default:
        return internal(QStringLiteral("could not add the member"));
    }
}

std::optional<AdminError> Admin::issueToken(QJsonObject *out)
{
    if (has("service")) {
        const auto token = newToken(storage::TokenKind::Service, {}, QStringLiteral("service"), {}, {});
        if (!m_store->storeToken(token, m_wallNow))
            return internal(QStringLiteral("could not store the token"));
        *out = {{QStringLiteral("service_token"), token.token}};
        return std::nullopt;
    }
    if (auto e = require({"user"}))
        return e;
    const auto user = m_store->userByEmail(opt("user"));
    if (!user)
        return notFound(QStringLiteral("no user %1").arg(opt("user")));
    bool ok = true;
    const int ttl = has("ttl") ? opt("ttl").toInt(&ok) : 3600;
    if (!ok || ttl < 1)
        return invalid(QStringLiteral("--ttl needs a positive number of seconds"));
    const QDateTime expires = m_wallNow.addSecs(ttl);
    const auto token = newToken(storage::TokenKind::Access, user->id, QStringLiteral("admin"), {}, expires);
    if (!m_store->storeToken(token, m_wallNow))
        return internal(QStringLiteral("could not store the token"));
    *out = {{QStringLiteral("access_token"), token.token}, {QStringLiteral("expires_at"), storage::toRfc3339(expires)}};
    return std::nullopt;
}

std::optional<AdminError> Admin::readInvoicedPlan(const billing::Plan &plan, InvoicedPlanRequest *req) const
{
    if (plan.kind != billing::PlanKind::Enterprise)
        return invalid(QStringLiteral("--price is for an Enterprise plan (Pro is bought in the app)"));
    bool ok = false;
    req->price = opt("price").toLongLong(&ok);
    if (!ok || req->price < 1)
        return invalid(QStringLiteral("--price needs a positive whole number of öre (120000 kr is 12000000)"));
    req->interval = has("interval") ? opt("interval") : QStringLiteral("month");
    if (req->interval != QLatin1String("month") && req->interval != QLatin1String("year"))
        return invalid(QStringLiteral("--interval is month or year"));
    req->invoiceDays = has("invoice-days") ? opt("invoice-days").toInt(&ok) : 30;
    if (!ok || req->invoiceDays < 1 || req->invoiceDays > 90)
        return invalid(QStringLiteral("--invoice-days needs a number of days from 1 to 90"));
    if (!m_invoicing)
        return AdminError{QStringLiteral("payments_unavailable"),
                          QStringLiteral("--price sends the invoice through Stripe: set STRIPE_SECRET_KEY (or [stripe] secret_key_file)")};
    return std::nullopt;
}

std::optional<AdminError> Admin::setPlan(QJsonObject *out)
{
    if (auto e = require({"workspace", "plan"}))
        return e;
    const billing::Plan *plan = m_catalog->find(opt("plan"));
    if (!plan)
        return invalid(QStringLiteral("unknown plan %1").arg(opt("plan")));
    bool ok = true;
    const int credits = has("credits") ? opt("credits").toInt(&ok) : 0;
    if (!ok || credits < 0)
        return invalid(QStringLiteral("--credits needs a non-negative number"));
    if (plan->kind == billing::PlanKind::Enterprise && !has("credits"))
        return invalid(QStringLiteral("an Enterprise plan needs --credits (the contract allowance)"));
    const bool invoiced = has("price");
    InvoicedPlanRequest req;
    if (invoiced) {
        if (auto e = readInvoicedPlan(*plan, &req))
            return e;
    } else if (has("interval") || has("invoice-days")) {
        return invalid(QStringLiteral("--interval and --invoice-days go with --price"));
    }
    if (has("inquiry")) {   // checked before anything changes
        const auto inquiry = m_store->enterpriseInquiry(opt("inquiry"));
        if (!inquiry)
            return notFound(QStringLiteral("no inquiry %1").arg(opt("inquiry")));
        if (inquiry->handledAt.isValid())
            return AdminError{QStringLiteral("conflict"), QStringLiteral("inquiry %1 was handled already").arg(opt("inquiry"))};
    }
    const auto before = m_store->subscription(opt("workspace"));
    // Set here first, so that the subscription's webhooks find an operator-managed
    // plan: the allowance starts now, not when the invoice is paid.
    const auto r = m_store->mutateSubscription(opt("workspace"), m_now, *m_catalog, [&](billing::SubscriptionState &s) {
        s = billing::setPlanByAdmin(*m_catalog, s, plan->id, credits, m_now);
        return true;
    }, actor());
    if (r.notFound)
        return notFound(QStringLiteral("no workspace %1").arg(opt("workspace")));
    if (!r.ok)
        return internal(QStringLiteral("could not set the plan: %1").arg(r.error));
    QJsonObject invoicing;
    if (invoiced) {
        const http::WorkspaceRef ws = http::workspaceRef(m_store, *m_store->workspace(opt("workspace")));
        req.workspaceId = ws.workspaceId;
        req.workspaceName = ws.name;
        req.ownerEmail = ws.ownerEmail;
        req.credits = credits;
        req.now = m_now;
        InvoicingError err;
        invoicing = m_invoicing(m_store, *m_catalog, req, &err);
        if (!err.code.isEmpty()) {
            // Nothing sent: the workspace goes back to what it had.
            m_store->mutateSubscription(ws.workspaceId, m_now, *m_catalog, [&](billing::SubscriptionState &s) {
                s = *before;
                return true;
            }, actor());
            return AdminError{err.code, err.message};
        }
    }
    *out = workspaceView(opt("workspace"));
    if (invoiced)
        out->insert(QStringLiteral("invoicing"), invoicing);
    if (has("inquiry")) {
        QJsonObject inquiry;
        if (auto e = markInquiryHandled(opt("inquiry"), &inquiry))
            return e;
        out->insert(QStringLiteral("inquiry"), inquiry);
    }
    return std::nullopt;
}

std::optional<AdminError> Admin::grant(QJsonObject *out)
{
    if (auto e = require({"workspace", "credits"}))
        return e;
    bool ok = false;
    const qint64 credits = opt("credits").toLongLong(&ok);
    if (!ok || credits < 1 || credits > 1000000)
        return invalid(QStringLiteral("--credits needs a number from 1 to 1000000"));
    const QString reason = has("reason") ? opt("reason") : QStringLiteral("admin grant");
    const auto r = m_store->addGrant(opt("workspace"), credits, reason, QString(), m_now, *m_catalog);
    switch (r.status) {
    case storage::GrantResult::Added:
    case storage::GrantResult::Duplicate:
        *out = {{QStringLiteral("grant_id"), r.grantId}, {QStringLiteral("balance"), storage::balanceToJson(r.balance)}};
        return std::nullopt;
    case storage::GrantResult::NotFound:
        return notFound(QStringLiteral("no workspace %1").arg(opt("workspace")));
    case storage::GrantResult::Invalid:
        return invalid(r.error);
    case storage::GrantResult::Error:
        break;
    }
    return internal(QStringLiteral("could not grant: %1").arg(r.error));
}

std::optional<AdminError> Admin::setPassword(QJsonObject *out)
{
    if (auto e = require({"user", "password"}))
        return e;
    const auto user = m_store->userByEmail(opt("user"));
    if (!user)
        return notFound(QStringLiteral("no user %1").arg(opt("user")));
    if (!m_store->setPasswordHash(user->id, secrets::hashPassword(opt("password"))))
        return internal(QStringLiteral("could not set the password"));
    *out = {{QStringLiteral("ok"), true}};
    return std::nullopt;
}

// The sales inbox: what customers asked for through "Kontakta säljteamet".
std::optional<AdminError> Admin::inquiries(QJsonObject *out)
{
    const bool all = has("all");
    QJsonArray list;
    for (const auto &i : m_store->enterpriseInquiries(all))
        list.append(http::inquiryJson(i, true));
    *out = {{QStringLiteral("inquiries"), list}, {QStringLiteral("open_only"), !all}};
    return std::nullopt;
}

std::optional<AdminError> Admin::showInquiry(QJsonObject *out)
{
    if (auto e = require({"id"}))
        return e;
    const auto i = m_store->enterpriseInquiry(opt("id"));
    if (!i)
        return notFound(QStringLiteral("no inquiry %1").arg(opt("id")));
    *out = http::inquiryJson(*i, true);
    return std::nullopt;
}

std::optional<AdminError> Admin::handleInquiry(QJsonObject *out)
{
    if (auto e = require({"id"}))
        return e;
    return markInquiryHandled(opt("id"), out);
}

std::optional<AdminError> Admin::markInquiryHandled(const QString &id, QJsonObject *out)
{
    bool wasHandled = false;
    if (!m_store->markInquiryHandled(id, opt("note"), QDateTime::currentDateTimeUtc(), &wasHandled))
        return notFound(QStringLiteral("no inquiry %1").arg(id));
    if (wasHandled)
        return AdminError{QStringLiteral("conflict"), QStringLiteral("inquiry %1 was handled already").arg(id)};
    *out = http::inquiryJson(*m_store->enterpriseInquiry(id), true);
    return std::nullopt;
}

// SAML single sign-on of a workspace. The operator verifies the domain
// (--verify-domain) once the customer has shown that it is theirs.
QJsonObject Admin::ssoView(const storage::SsoSettings &s)
{
    QJsonObject view = http::ssoSettingsJson(m_store, s);
    view.insert(QStringLiteral("workspace_id"), s.workspaceId);
    view.insert(QStringLiteral("sp_metadata_path"), QStringLiteral("/saml/%1/metadata").arg(s.workspaceId));
    return view;
}

std::optional<AdminError> Admin::showSso(QJsonObject *out)
{
    if (auto e = require({"workspace"}))
        return e;
    if (!m_store->workspace(opt("workspace")))
        return notFound(QStringLiteral("no workspace %1").arg(opt("workspace")));
    storage::SsoSettings s = m_store->ssoSettings(opt("workspace")).value_or(storage::SsoSettings{});
    s.workspaceId = opt("workspace");
    *out = ssoView(s);
    return std::nullopt;
}

std::optional<AdminError> Admin::setSso(QJsonObject *out)
{
    if (auto e = require({"workspace"}))
        return e;
    const QString ws = opt("workspace");
    if (!m_store->workspace(ws))
        return notFound(QStringLiteral("no workspace %1").arg(ws));
    storage::SsoSettings s = m_store->ssoSettings(ws).value_or(storage::SsoSettings{});
    s.workspaceId = ws;
    if (has("metadata")) {
        QFile file(opt("metadata"));
        if (!file.open(QIODevice::ReadOnly))
            return invalid(QStringLiteral("cannot read %1").arg(opt("metadata")));
        const QByteArray xml = file.read(256 * 1024 + 1);
        QString error;
        const auto info = xml.size() > 256 * 1024 ? std::nullopt : saml::parseIdpMetadata(xml, &error);
        if (!info)
            return invalid(QStringLiteral("not usable IdP metadata: %1").arg(error.isEmpty() ? QStringLiteral("larger than 256 KiB") : error));
        s.idpMetadata = QString::fromUtf8(xml);
        s.idpEntityId = info->entityId;
    }
    if (has("domain")) {
        const QString domain = opt("domain").trimmed().toLower();
        static const QRegularExpression re(QStringLiteral("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$"));
        if (!domain.isEmpty() && !re.match(domain).hasMatch())
            return invalid(QStringLiteral("--domain needs a domain such as acme.se"));
        if (domain != s.domain) {
            s.domain = domain;
            s.domainVerified = false;
            s.enforced = false;
        }
    }
    if (has("verify-domain")) {
        if (s.domain.isEmpty())
            return invalid(QStringLiteral("--verify-domain needs a domain (--domain)"));
        s.domainVerified = true;
    }
    if (has("break-glass")) {
        const auto user = m_store->userByEmail(opt("break-glass"));
        const auto member = user ? m_store->memberOfUser(ws, user->id) : std::nullopt;
        if (!member || member->role != QLatin1String("owner"))
            return invalid(QStringLiteral("--break-glass must be an owner of the workspace"));
        s.breakGlassUserId = user->id;
    }
    if (has("default-role")) {
        const QString role = opt("default-role");
        const bool known = role == QLatin1String("admin") || role == QLatin1String("member") || m_store->role(ws, role);
        if (!known)
            return invalid(QStringLiteral("--default-role must be admin, member or a custom role of the workspace"));
        s.defaultRole = role;
    }
    if (has("enforce")) {
        if (opt("enforce") != QLatin1String("on") && opt("enforce") != QLatin1String("off"))
            return invalid(QStringLiteral("--enforce is on or off"));
        s.enforced = opt("enforce") == QLatin1String("on");
    }
    if (s.enforced && (s.idpMetadata.isEmpty() || !s.domainVerified || s.breakGlassUserId.isEmpty()))
        return invalid(QStringLiteral("--enforce on needs IdP metadata, a verified domain and a break-glass owner"));
    s.updatedAt = m_wallNow;
    switch (m_store->saveSsoSettings(s, actor())) {
    case storage::Store::SsoSave::DomainTaken:
        return AdminError{QStringLiteral("conflict"), QStringLiteral("another workspace has the domain %1").arg(s.domain)};
    case storage::Store::SsoSave::Error:
        return internal(QStringLiteral("could not save: %1").arg(m_store->lastError()));
    case storage::Store::SsoSave::Saved:
        break;
    }
    *out = ssoView(s);
    return std::nullopt;
}

std::optional<AdminError> Admin::run(const QString &command, const QHash<QString, QString> &opts, QJsonObject *out)
{
    m_opts = opts;
    if (command == QLatin1String("create-workspace"))
        return createWorkspace(out);
    if (command == QLatin1String("add-member"))
        return addMember(out);
    if (command == QLatin1String("issue-token"))
        return issueToken(out);
    if (command == QLatin1String("set-plan"))
        return setPlan(out);
    if (command == QLatin1String("grant"))
        return grant(out);
    if (command == QLatin1String("set-password"))
        return setPassword(out);
    if (command == QLatin1String("inquiries"))
        return inquiries(out);
    if (command == QLatin1String("show-inquiry"))
        return showInquiry(out);
    if (command == QLatin1String("handle-inquiry"))
        return handleInquiry(out);
    if (command == QLatin1String("set-sso"))
        return setSso(out);
    if (command == QLatin1String("show-sso"))
        return showSso(out);
    return AdminError{QStringLiteral("bad_request"), QStringLiteral("unknown admin command %1").arg(command)};
}

} // namespace

namespace {

// backup --to FILE: a consistent copy of the live SQLite database (the server keeps serving).
// restore --from FILE: the server stopped, the backup replaces the database (the old one is kept).
template<typename Fail>
int backupCommand(const QString &command, const StorageOptions &storage, const QHash<QString, QString> &opts,
                  QJsonObject *out, const Fail &fail)
{
    if (!storage.databaseUrl.isEmpty())
        return fail(QStringLiteral("bad_request"),
                    QStringLiteral("PostgreSQL is backed up with pg_dump and restored with pg_restore (see README, \"Operating\")"));
    QString error;
    if (command == QLatin1String("backup")) {
        const QString to = opts.value(QStringLiteral("to"));
        if (to.isEmpty())
            return fail(QStringLiteral("bad_request"), QStringLiteral("usage: admin backup --to FILE"));
        if (QFileInfo::exists(to))
            return fail(QStringLiteral("conflict"), QStringLiteral("%1 exists already; choose a new file").arg(to));
        if (!storage::backupSqlite(storage.dataDir, to, &error))
            return fail(QStringLiteral("internal"), error);
        *out = {{QStringLiteral("backup"), QFileInfo(to).absoluteFilePath()},
                {QStringLiteral("bytes"), QFileInfo(to).size()},
                {QStringLiteral("schema_version"), storage::checkSqliteBackup(to, &error)}};
        return 0;
    }
    const QString from = opts.value(QStringLiteral("from"));
    if (from.isEmpty())
        return fail(QStringLiteral("bad_request"), QStringLiteral("usage: admin restore --from FILE"));
    const auto lock = lockDataDir(storage.dataDir, &error);
    if (!lock)
        return fail(QStringLiteral("conflict"), error);
    QString keptAs;
    if (!storage::restoreSqlite(from, storage.dataDir, &keptAs, &error))
        return fail(QStringLiteral("internal"), error);
    *out = {{QStringLiteral("restored"), storage::sqliteFileIn(storage.dataDir)},
            {QStringLiteral("previous_kept_as"), keptAs.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(keptAs)}};
    return 0;
}

} // namespace

int runAdminCommand(const QStringList &argsIn, const QString &compiledPlansFile, QJsonObject *out,
                    const InvoicedPlanStarter &invoicing)
{
    const auto fail = [out](const QString &code, const QString &message) {
        *out = {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
        return 1;
    };
    QStringList args = argsIn;
    StorageOptions storage;
    QString error;
    if (!takeStorageOptions(&args, &storage, &error))
        return fail(QStringLiteral("bad_request"), error);
    if (args.isEmpty())
        return fail(QStringLiteral("bad_request"),
                    QStringLiteral("usage: kliv-billingd admin create-workspace|add-member|issue-token|set-plan|grant|set-password|inquiries|show-inquiry|handle-inquiry|set-sso|show-sso|backup|restore ..."));
    const QString command = args.takeFirst();
    QHash<QString, QString> opts;
    // set-sso WS / show-sso WS: the workspace may come first, without --workspace.
    if ((command == QLatin1String("set-sso") || command == QLatin1String("show-sso")) && !args.isEmpty()
        && !args.first().startsWith(QLatin1String("--")))
        opts.insert(QStringLiteral("workspace"), args.takeFirst());
    for (int i = 0; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (!a.startsWith(QLatin1String("--")) || a.size() < 3)
            return fail(QStringLiteral("bad_request"), QStringLiteral("unexpected argument %1").arg(a));
        if (a == QLatin1String("--service") || a == QLatin1String("--all") || a == QLatin1String("--verify-domain")) {   // flags without a value
            opts.insert(a.mid(2), QStringLiteral("1"));
            continue;
        }
        if (i + 1 >= args.size())
            return fail(QStringLiteral("bad_request"), QStringLiteral("%1 needs a value").arg(a));
        opts.insert(a.mid(2), args.at(++i));
    }
    applyStorageDefaults(&storage, compiledPlansFile);
    if (command == QLatin1String("backup") || command == QLatin1String("restore"))
        return backupCommand(command, storage, opts, out, fail);
    const auto catalog = loadCatalog(storage.plansFile, &error);
    if (!catalog)
        return fail(QStringLiteral("internal"), error);
    storage::Store::Options storeOptions;
    storeOptions.listen = false;
    registerDevClockMigrations();
    const auto store = openStore(storage, &error, storeOptions);
    if (!store)
        return fail(QStringLiteral("internal"), QStringLiteral("cannot open the database: %1").arg(error));
    Admin admin(store.get(), &*catalog, loadDevClockNow(store.get()), invoicing);
    if (const auto err = admin.run(command, opts, out))
        return fail(err->code, err->message);
    return 0;
}

} // namespace app

// Skeleton: the interface compiles; the implementation follows in the next commits.
// Every call fails with "not implemented yet" until then.
#include "store.h"

#include <QCryptographicHash>

namespace storage {

class Store::Private {};

namespace {
const QString kNotYet = QStringLiteral("storage: not implemented yet");
}

Store::Store(QObject *parent) : QObject(parent), d(std::make_unique<Private>()) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::open(const QString &where, QString *error) { return open(where, error, Options{}); }
std::unique_ptr<Store> Store::open(const QString &, QString *error, const Options &)
{
    if (error) *error = kNotYet;
    return nullptr;
}
void Store::registerMigrations(const QString &, const QList<Migration> &) {}
Dialect Store::dialect() const { return Dialect::Sqlite; }
QSqlDatabase Store::database() const { return {}; }
bool Store::ping() { return false; }
QString Store::lastError() const { return kNotYet; }
bool Store::transaction(const std::function<bool()> &, QString *error) { if (error) *error = kNotYet; return false; }
bool Store::lockWorkspace(const QString &) { return false; }
std::optional<User> Store::createUser(const QString &, const QString &, const QString &, const QDateTime &, bool *) { return {}; }
std::optional<User> Store::userById(const QString &) { return {}; }
std::optional<User> Store::userByEmail(const QString &) { return {}; }
bool Store::setPasswordHash(const QString &, const QString &) { return false; }
bool Store::setUserName(const QString &, const QString &) { return false; }
std::optional<Store::CreatedWorkspace> Store::createWorkspace(const QString &, const QString &, const QDateTime &) { return {}; }
std::optional<Workspace> Store::workspace(const QString &) { return {}; }
QList<Workspace> Store::workspaces() { return {}; }
QList<Membership> Store::membershipsOfUser(const QString &) { return {}; }
MemberChange Store::addMember(const QString &, const QString &, const QString &, const QDateTime &, const billing::PlanCatalog &, Member *) { return MemberChange::Error; }
MemberChange Store::setMemberRole(const QString &, const QString &, const QString &) { return MemberChange::Error; }
MemberChange Store::removeMember(const QString &, const QString &) { return MemberChange::Error; }
std::optional<Member> Store::member(const QString &, const QString &) { return {}; }
std::optional<Member> Store::memberOfUser(const QString &, const QString &) { return {}; }
QList<Member> Store::members(const QString &) { return {}; }
int Store::memberCount(const QString &) { return -1; }
bool Store::createRole(const QString &, const CustomRole &, bool *) { return false; }
std::optional<CustomRole> Store::role(const QString &, const QString &) { return {}; }
QList<CustomRole> Store::roles(const QString &) { return {}; }
std::optional<billing::SubscriptionState> Store::subscription(const QString &) { return {}; }
SubscriptionChange Store::mutateSubscription(const QString &, const QDateTime &, const billing::PlanCatalog &,
                                             const std::function<bool(billing::SubscriptionState &)> &)
{ SubscriptionChange c; c.error = kNotYet; return c; }
std::optional<BalanceInfo> Store::balance(const QString &, const QDateTime &, const billing::PlanCatalog &) { return {}; }
SpendResult Store::spend(const QString &, const UsageRequest &, const QDateTime &, const billing::PlanCatalog &)
{ SpendResult r; r.error = kNotYet; return r; }
BatchResult Store::spendBatch(const QString &, const QList<UsageRequest> &, const QDateTime &, const billing::PlanCatalog &)
{ BatchResult r; r.status = SpendStatus::Error; r.error = kNotYet; return r; }
GrantResult Store::addGrant(const QString &, qint64, const QString &, const QString &, const QDateTime &, const billing::PlanCatalog &)
{ GrantResult r; r.error = kNotYet; return r; }
std::optional<MonthHistory> Store::monthHistory(const QString &, const QDate &, const QString &) { return {}; }
std::optional<EntryPage> Store::entries(const QString &, const EntryQuery &, QString *error) { if (error) *error = kNotYet; return {}; }
QByteArray Store::usageCsv(const QString &, const QDate &, const QString &) { return {}; }
QByteArray Store::hashToken(const QString &token)
{ return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex(); }
bool Store::storeToken(const NewToken &, const QDateTime &, QString *) { return false; }
std::optional<TokenRecord> Store::findToken(const QString &, const QDateTime &) { return {}; }
RotateResult Store::rotateRefreshToken(const QString &, const NewToken &, const NewToken &, const QDateTime &) { return {}; }
bool Store::revokeToken(const QString &) { return false; }
bool Store::revokeFamily(const QString &) { return false; }
bool Store::storeAuthCode(const QString &, const AuthCode &) { return false; }
std::optional<AuthCode> Store::consumeAuthCode(const QString &, const QDateTime &) { return {}; }
std::optional<QString> Store::addEnterpriseInquiry(const EnterpriseInquiry &) { return {}; }
QList<EnterpriseInquiry> Store::enterpriseInquiries() { return {}; }
qint64 Store::liveSeq(const QString &) { return -1; }

} // namespace storage

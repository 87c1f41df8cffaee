// Tokens (only SHA-256 hashes are stored), OAuth authorization codes and
// enterprise inquiries.
#include "store_p.h"

#include <QHash>
#include <QMutex>
#include <algorithm>

namespace storage {

namespace {
QString kindName(TokenKind k)
{
    switch (k) {
    case TokenKind::Access: return QStringLiteral("access");
    case TokenKind::Refresh: return QStringLiteral("refresh");
    case TokenKind::Service: return QStringLiteral("service");
    }
    return {};
}

TokenKind kindFrom(const QString &s)
{
    if (s == QLatin1String("refresh"))
        return TokenKind::Refresh;
    return s == QLatin1String("service") ? TokenKind::Service : TokenKind::Access;
}

const QString kTokenSelect = QStringLiteral(
    "SELECT hash, kind, user_id, workspace_id, client_id, family_id, created_ms, expires_ms, revoked, used FROM tokens WHERE hash = ?");

TokenRecord tokenFrom(const QSqlQuery &q)
{
    TokenRecord t;
    t.hash = q.value(0).toString().toLatin1();
    t.kind = kindFrom(q.value(1).toString());
    t.userId = q.value(2).toString();
    t.workspaceId = q.value(3).toString();
    t.clientId = q.value(4).toString();
    t.familyId = q.value(5).toString();
    t.createdAt = fromMs(q.value(6).toLongLong());
    t.expiresAt = optFromMs(q.value(7));
    t.revoked = q.value(8).toInt() != 0;
    t.used = q.value(9).toInt() != 0;
    return t;
}

} // namespace

bool Store::Private::insertToken(const NewToken &t, const QString &familyId, const QDateTime &now)
{
    if (t.token.isEmpty())
        return fail(QStringLiteral("empty token"));
    return exec(QStringLiteral("INSERT INTO tokens (hash, kind, user_id, workspace_id, client_id, family_id, created_ms, expires_ms) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                   {QString::fromLatin1(Store::hashToken(t.token)), kindName(t.kind), t.userId, t.workspaceId, t.clientId,
                    familyId, msOf(now), optMs(t.expiresAt)})
        != nullptr;
}

bool Store::storeToken(const NewToken &token, const QDateTime &now, QString *familyId)
{
    QString family = token.familyId;
    if (family.isEmpty() && token.kind == TokenKind::Refresh)
        family = newId("fam_");
    if (!d->insertToken(token, family, now))
        return false;
    if (familyId)
        *familyId = family;
    return true;
}

namespace {
// The platform's service token comes with every usage event: its record is kept
// for a second (per database), so the hot path does not look it up each time.
// Any revocation in this process empties the cache at once; another instance's
// revocation of a service token is seen within a second. User tokens are never
// cached (sign-out and refresh-reuse must bite immediately).
constexpr qint64 kServiceTokenCacheMs = 1000;
struct CachedToken { TokenRecord record; qint64 until = 0; };
QMutex s_tokenCacheMutex;
QHash<QByteArray, CachedToken> s_tokenCache;

QByteArray cacheKey(const QString &location, const QByteArray &hash) { return location.toUtf8() + '\n' + hash; }
void forgetCachedTokens()
{
    QMutexLocker lock(&s_tokenCacheMutex);
    s_tokenCache.clear();
}
} // namespace

std::optional<TokenRecord> Store::findToken(const QString &token, const QDateTime &now)
{
    const QByteArray hash = hashToken(token);
    const QByteArray key = cacheKey(d->location, hash);
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&s_tokenCacheMutex);
        const auto it = s_tokenCache.constFind(key);
        if (it != s_tokenCache.constEnd() && it->until > wall
            && (!it->record.expiresAt.isValid() || it->record.expiresAt > now))
            return it->record;
    }
    QSqlQuery *q = d->exec(kTokenSelect, {QString::fromLatin1(hash)});
    if (!q || !q->next())
        return std::nullopt;
    const TokenRecord t = tokenFrom(*q);
    q->finish();
    if (t.kind == TokenKind::Service && !t.revoked) {
        QMutexLocker lock(&s_tokenCacheMutex);
        if (s_tokenCache.size() > 1000)
            s_tokenCache.clear();   // bounded: only a handful of service tokens exist
        s_tokenCache.insert(key, CachedToken{t, wall + kServiceTokenCacheMs});
    }
    if (t.revoked || (t.expiresAt.isValid() && t.expiresAt <= now) || (t.kind == TokenKind::Refresh && t.used))
        return std::nullopt;
    return t;
}

RotateResult Store::rotateRefreshToken(const QString &oldRefresh, const NewToken &newRefresh, const NewToken &newAccess,
                                       const QDateTime &now)
{
    RotateResult result;
    const bool ok = transaction([&] {
        const QString sql = d->dialect == Dialect::Postgres ? kTokenSelect + QStringLiteral(" FOR UPDATE") : kTokenSelect;
        QSqlQuery *q = d->exec(sql, {QString::fromLatin1(hashToken(oldRefresh))});
        if (!q)
            return false;
        if (!q->next() || q->value(1).toString() != QLatin1String("refresh")) {
            q->finish();
            result.status = RotateResult::Invalid;
            return true;
        }
        const TokenRecord old = tokenFrom(*q);
        q->finish();
        result.userId = old.userId;
        result.clientId = old.clientId;
        result.familyId = old.familyId;
        if (old.revoked) {
            result.status = RotateResult::Invalid;
            return true;
        }
        if (old.used) {
            // A stolen, already rotated token: end the whole chain.
            result.status = RotateResult::Reused;
            return revokeFamily(old.familyId);
        }
        if (old.expiresAt.isValid() && old.expiresAt <= now) {
            result.status = RotateResult::Expired;
            return true;
        }
        NewToken refresh = newRefresh, access = newAccess;
        refresh.kind = TokenKind::Refresh;
        refresh.userId = access.userId = old.userId;
        refresh.clientId = access.clientId = old.clientId;
        if (!d->exec(QStringLiteral("UPDATE tokens SET used = 1 WHERE hash = ?"), {QString::fromLatin1(old.hash)})
            || !d->insertToken(refresh, old.familyId, now) || !d->insertToken(access, old.familyId, now))
            return false;
        result.status = RotateResult::Rotated;
        return true;
    });
    if (!ok)
        result.status = RotateResult::Error;
    return result;
}

bool Store::revokeToken(const QString &token)
{
    forgetCachedTokens();
    QSqlQuery *q = d->exec(QStringLiteral("SELECT family_id FROM tokens WHERE hash = ?"), {QString::fromLatin1(hashToken(token))});
    if (!q || !q->next())
        return false;
    const QString family = q->value(0).toString();
    q->finish();
    if (!family.isEmpty())
        return revokeFamily(family);
    q = d->exec(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE hash = ?"), {QString::fromLatin1(hashToken(token))});
    return q != nullptr;
}

bool Store::revokeFamily(const QString &familyId)
{
    forgetCachedTokens();
    if (familyId.isEmpty())
        return false;
    return d->exec(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE family_id = ?"), {familyId}) != nullptr;
}

std::optional<QSet<QByteArray>> Store::standingTokens(const QList<QByteArray> &hashes)
{
    QStringList values;
    for (const QByteArray &h : hashes)
        values.append(QString::fromLatin1(h));
    QSet<QByteArray> standing;
    const bool ok = d->execInChunks(QStringLiteral("SELECT hash FROM tokens WHERE revoked = 0 AND hash IN (%1)"), values,
                    [&](const QSqlQuery &q) { standing.insert(q.value(0).toString().toLatin1()); });
    return ok ? std::optional(standing) : std::nullopt;
}

bool Store::storeAuthCode(const QString &code, const AuthCode &data)
{
    if (code.isEmpty() || !data.expiresAt.isValid())
        return d->fail(QStringLiteral("an authorization code needs a value and an expiry"));
    return d->exec(QStringLiteral("INSERT INTO auth_codes (hash, user_id, client_id, redirect_uri, code_challenge, expires_ms) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"),
                   {QString::fromLatin1(hashToken(code)), data.userId, data.clientId, data.redirectUri, data.codeChallenge,
                    msOf(data.expiresAt)})
        != nullptr;
}

std::optional<AuthCode> Store::consumeAuthCode(const QString &code, const QDateTime &now)
{
    // Mark used and read back in one statement: of two racing consumers only one gets a row.
    QSqlQuery *q = d->exec(QStringLiteral("UPDATE auth_codes SET used = 1 WHERE hash = ? AND used = 0 "
                                          "RETURNING user_id, client_id, redirect_uri, code_challenge, expires_ms"),
                           {QString::fromLatin1(hashToken(code))});
    if (!q || !q->next())
        return std::nullopt;
    AuthCode c{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
               fromMs(q->value(4).toLongLong())};
    q->finish();
    if (c.expiresAt <= now)
        return std::nullopt;
    return c;
}

int Store::pruneExpiredAuth(const QDateTime &now, int limit)
{
    // By primary key through a bounded sub-select: the same SQL on SQLite and PostgreSQL.
    QSqlQuery *codes = d->exec(QStringLiteral("DELETE FROM auth_codes WHERE hash IN (SELECT hash FROM auth_codes "
                                              "WHERE used = 1 OR expires_ms <= ? LIMIT ?)"),
                               {msOf(now), limit});
    if (!codes)
        return -1;
    const int deletedCodes = codes->numRowsAffected();
    codes->finish();
    QSqlQuery *tokens = d->exec(QStringLiteral("DELETE FROM tokens WHERE hash IN (SELECT hash FROM tokens "
                                               "WHERE expires_ms IS NOT NULL AND expires_ms <= ? LIMIT ?)"),
                                {msOf(now.addDays(-1)), limit});
    if (!tokens)
        return -1;
    const int deletedTokens = tokens->numRowsAffected();
    tokens->finish();
    return std::max(0, deletedCodes) + std::max(0, deletedTokens);
}

std::optional<QString> Store::addEnterpriseInquiry(const EnterpriseInquiry &inquiry)
{
    const QString id = newId("inq_");
    const QDateTime at = inquiry.createdAt.isValid() ? inquiry.createdAt : QDateTime::currentDateTimeUtc();
    // Sales hears of it through the operator's notification URL, sent only if this commits.
    const bool ok = transaction([&] {
        if (!d->exec(QStringLiteral("INSERT INTO enterprise_inquiries (id, workspace_id, user_id, contact, seats, message, created_ms) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {id, inquiry.workspaceId, inquiry.userId, inquiry.contact, inquiry.seats, inquiry.message, msOf(at)}))
            return false;
        const auto name = d->scalar(QStringLiteral("SELECT name FROM workspaces WHERE id = ?"), {inquiry.workspaceId});
        return queueNotification(QStringLiteral("enterprise_inquiry.created"),
                                 {{QStringLiteral("inquiry_id"), id},
                                  {QStringLiteral("workspace_id"), inquiry.workspaceId},
                                  {QStringLiteral("workspace_name"), name ? name->toString() : QString()},
                                  {QStringLiteral("contact"), inquiry.contact},
                                  {QStringLiteral("seats"), inquiry.seats},
                                  {QStringLiteral("message"), inquiry.message}},
                                 at);
    });
    if (!ok)
        return std::nullopt;
    return id;
}

namespace {
const QString kInquirySelect = QStringLiteral(
    "SELECT i.id, i.workspace_id, i.user_id, i.contact, i.seats, i.message, i.created_ms, i.handled_ms, i.handled_note, "
    "COALESCE(w.name, '') FROM enterprise_inquiries i LEFT JOIN workspaces w ON w.id = i.workspace_id ");

EnterpriseInquiry inquiryFrom(const QSqlQuery &q)
{
    EnterpriseInquiry e{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toInt(), q.value(5).toString(), fromMs(q.value(6).toLongLong()),
                        optFromMs(q.value(7)), q.value(8).toString(), q.value(9).toString()};
    return e;
}
} // namespace

QList<EnterpriseInquiry> Store::enterpriseInquiries(bool all)
{
    QList<EnterpriseInquiry> out;
    QSqlQuery *q = d->exec(kInquirySelect + (all ? QString() : QStringLiteral("WHERE i.handled_ms IS NULL "))
                           + QStringLiteral("ORDER BY i.created_ms, i.id"));
    while (q && q->next())
        out.append(inquiryFrom(*q));
    if (q)
        q->finish();
    return out;
}

std::optional<EnterpriseInquiry> Store::enterpriseInquiry(const QString &id)
{
    QSqlQuery *q = d->exec(kInquirySelect + QStringLiteral("WHERE i.id = ?"), {id});
    if (!q || !q->next())
        return std::nullopt;
    const EnterpriseInquiry e = inquiryFrom(*q);
    q->finish();
    return e;
}

std::optional<EnterpriseInquiry> Store::latestEnterpriseInquiry(const QString &workspaceId)
{
    QSqlQuery *q = d->exec(kInquirySelect + QStringLiteral("WHERE i.workspace_id = ? ORDER BY i.created_ms DESC, i.id DESC LIMIT 1"),
                           {workspaceId});
    if (!q || !q->next())
        return std::nullopt;
    const EnterpriseInquiry e = inquiryFrom(*q);
    q->finish();
    return e;
}

bool Store::markInquiryHandled(const QString &id, const QString &note, const QDateTime &now, bool *wasHandled)
{
    *wasHandled = false;
    QSqlQuery *q = d->exec(QStringLiteral("UPDATE enterprise_inquiries SET handled_ms = ?, handled_note = ? "
                                          "WHERE id = ? AND handled_ms IS NULL"),
                           {msOf(now), note, id});
    if (!q)
        return false;
    const int changed = q->numRowsAffected();
    q->finish();
    if (changed > 0)
        return true;
    const auto existing = enterpriseInquiry(id);
    *wasHandled = existing.has_value();
    return existing.has_value();
}

} // namespace storage

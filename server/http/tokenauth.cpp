#include "tokenauth.h"

#include "secrets.h"

namespace http {

std::optional<Caller> authenticateToken(ServerContext &ctx, const QString &token, ApiError *error)
{
    const QDateTime now = ServerContext::wallNow();
    const auto rec = ctx.store->findToken(token, now);
    if (!rec) {
        // Known but past its expiry (looked up as of the epoch): say so, so the client refreshes.
        const auto old = ctx.store->findToken(token, QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
        if (old && old->kind == storage::TokenKind::Access && old->expiresAt.isValid() && old->expiresAt <= now)
            *error = ApiError::tokenExpired();
        else
            *error = ApiError::unauthorized(QStringLiteral("unknown or revoked token"));
        return std::nullopt;
    }
    Caller c;
    c.tokenId = QString::fromLatin1(rec->hash.left(12));
    c.tokenExpiresAt = rec->expiresAt;
    switch (rec->kind) {
    case storage::TokenKind::Access:
        c.kind = Caller::User;
        c.userId = rec->userId;
        return c;
    case storage::TokenKind::Service:
        c.kind = Caller::Service;
        return c;
    case storage::TokenKind::Refresh:
        break;
    }
    *error = ApiError::unauthorized(QStringLiteral("a refresh token is not an access token"));
    return std::nullopt;
}

storage::NewToken newToken(storage::TokenKind kind, const QString &userId, const QString &clientId,
                           const QString &familyId, const QDateTime &expiresAt)
{
    // Empty, not null: the columns are NOT NULL and a null QString binds as NULL.
    const auto orEmpty = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    return {secrets::randomToken(), kind, orEmpty(userId), QStringLiteral(""), orEmpty(clientId), orEmpty(familyId),
            expiresAt};
}

} // namespace http

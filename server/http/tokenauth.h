#pragma once
// Bearer tokens: user access tokens (from /oauth/token or `admin issue-token
// --user`) and service tokens (`admin issue-token --service`).
#include "apierror.h"
#include "request.h"
#include "servercontext.h"

#include "storage/store.h"

#include <optional>

namespace http {

// The caller a token stands for; nullopt with *error (401 unauthorized or
// token_expired) otherwise. Refresh tokens are not accepted as bearer tokens.
std::optional<Caller> authenticateToken(ServerContext &ctx, const QString &token, ApiError *error);

// A fresh random token of `kind` (the raw secret in .token; the store hashes it).
storage::NewToken newToken(storage::TokenKind kind, const QString &userId, const QString &clientId,
                           const QString &familyId, const QDateTime &expiresAt);

} // namespace http

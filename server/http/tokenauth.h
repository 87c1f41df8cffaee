#pragma once
// Bearer tokens: user access tokens (from /oauth/token or `admin issue-token
// --user`) and service tokens (`admin issue-token --service`).
#include "apierror.h"
#include "request.h"
#include "servercontext.h"

#include <optional>

namespace http {

// The caller a token stands for; nullopt with *error (401 unauthorized or
// token_expired) otherwise. Refresh tokens are not accepted as bearer tokens.
std::optional<Caller> authenticateToken(ServerContext &ctx, const QString &token, ApiError *error);

} // namespace http

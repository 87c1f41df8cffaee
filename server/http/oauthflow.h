#pragma once
// What the password sign-in (oauthroutes.cpp) and single sign-on
// (ssoroutes.cpp) share: the authorization code and the redirect to the app's
// loopback listener, the SSO start from the sign-in page, and enforcement.
#include "reply.h"
#include "servercontext.h"

#include "storage/store.h"

#include <QUrlQuery>
#include <optional>

namespace http {

struct OAuthContinuation {
    QString clientId, redirectUri, state, codeChallenge;
};

// The authorize parameters: empty when valid, else a Swedish message for the error page.
QString checkAuthorizeParams(const QUrlQuery &q);

// Issues a single-use code for the user and answers 302 to redirect_uri with code and state.
void redirectWithCode(ServerContext &ctx, const QString &userId, const OAuthContinuation &oauth, const ReplyPtr &reply);

// The sign-in page's "Logga in med SSO": the e-mail's domain must be the verified
// domain of a workspace with SSO; then 302 to its IdP, else the sign-in page
// with "no SSO for this domain". `form` holds the (already checked) authorize parameters.
void startSsoSignIn(ServerContext &ctx, const QString &email, const QUrlQuery &form, const ReplyPtr &reply);

// Password sign-in refused for this e-mail: its domain requires SSO and the
// user is not the workspace's break-glass owner.
bool ssoRequiredFor(ServerContext &ctx, const QString &email, const std::optional<storage::User> &user);

} // namespace http

#pragma once
// The route groups of the API; each file registers its own paths.
#include "router.h"
#include "servercontext.h"

namespace http {

void addPublicRoutes(Router &r, ServerContext &ctx);        // healthz, readyz, plans, me, billing/return
void addWorkspaceRoutes(Router &r, ServerContext &ctx);     // workspace, members, roles, inquiry
void addUsageRoutes(Router &r, ServerContext &ctx);         // balance, usage, entries, csv
void addSubscriptionRoutes(Router &r, ServerContext &ctx);  // preview/change/cancel/undo, portal, invoices, webhook
void addAuditRoutes(Router &r, ServerContext &ctx);         // audit log, audit.csv
void addOAuthRoutes(Router &r, ServerContext &ctx);         // /oauth/*
void addSsoRoutes(Router &r, ServerContext &ctx);           // /oauth/sso, /saml/{ws}/*, /v1/workspaces/{ws}/sso
void addDevRoutes(Router &r, ServerContext &ctx);           // /v1/dev/* (only registered with --dev)

} // namespace http

#pragma once
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)   // "kliv.http": one line per request
Q_DECLARE_LOGGING_CATEGORY(lcAuth)   // "kliv.auth": sign-in, tokens (never the secrets)
Q_DECLARE_LOGGING_CATEGORY(lcLive)   // "kliv.live": WebSocket hub

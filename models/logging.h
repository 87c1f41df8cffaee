#pragma once
#include <QLoggingCategory>

// One category per area; enable with QT_LOGGING_RULES="kliv.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcLive)
Q_DECLARE_LOGGING_CATEGORY(lcModels)
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
Q_DECLARE_LOGGING_CATEGORY(lcTray)

// Replaces anything that looks like a token in a text meant for a log.
QString scrubSecrets(QString text);

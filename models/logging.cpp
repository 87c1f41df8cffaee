#include "logging.h"

#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcApi, "kliv.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "kliv.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLive, "kliv.live", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "kliv.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "kliv.notify", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTray, "kliv.tray", QtInfoMsg)

QString scrubSecrets(QString text)
{
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)\\S+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression param(QStringLiteral("((?:access_token|refresh_token|token|code|code_verifier|password)[\"']?\\s*[=:]\\s*[\"']?)[^&\"'\\s,}]+"));
    text.replace(bearer, QStringLiteral("\\1***"));
    text.replace(param, QStringLiteral("\\1***"));
    return text;
}

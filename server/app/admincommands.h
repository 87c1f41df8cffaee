#pragma once
// `kliv-billingd admin <command> ...`: operator commands on the same
// --data/--database as the server (BRIEF.md). Prints one JSON object; on an
// error {"error":{"code","message"}} and exit code 1.
#include <QJsonObject>
#include <QStringList>

namespace app {

// `args` are the words after "admin". Returns the exit code; *out gets the JSON.
int runAdminCommand(const QStringList &args, const QString &compiledPlansFile, QJsonObject *out);

} // namespace app

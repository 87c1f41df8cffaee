#pragma once
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <utility>

// Where the time goes from main() to the first frame that shows a balance: named
// marks in ms since begin(), in the order reached. Off unless
// kliv.startup.info is enabled (QT_LOGGING_RULES="kliv.startup.info=true"); then
// every mark is also logged. Any thread may mark.
Q_DECLARE_LOGGING_CATEGORY(lcStartup)

namespace StartupTrace {
void begin();                     // main(): the clock starts (else at the first mark)
void mark(const QString &what);   // "keyring.read"; a repeat is kept as "… #2"
QList<std::pair<QString, double>> marks();  // in the order first reached
// A request's mark name: the path with the workspace id left out ("/v1/workspaces/*/balance").
QString requestName(const QString &path);
}

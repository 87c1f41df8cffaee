#pragma once
// Development mode: the demo workspace "Demo AB" (an owner, an admin, three
// members) on Pro 200 mid-cycle with a month and a half of plausible usage,
// and an optional simulator that keeps spending so the meter moves. Demo AB's
// plan is set by an operator (as sales would), so with payments configured it
// changes only through sales; the owner's second workspace "Kliv Studio" is on
// Free with a little usage today, so the upgrade goes through Checkout; and
// "Norrsken Enterprise" is on Enterprise with two custom roles (Ekonomi,
// Projektledare) held by demo people, for the Roller and Säkerhet pages.
#include "servercontext.h"

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>
#include <optional>

namespace app {

using http::ServerContext;


struct DemoAccount {
    QString email, name, role, password, memberId;
};

struct DemoSeed {
    QString workspaceId;          // Demo AB
    QString studioWorkspaceId;    // Kliv Studio (the owner's Free workspace)
    QString enterpriseWorkspaceId; // Norrsken Enterprise (the owner's Enterprise workspace)
    QList<DemoAccount> accounts;
    bool created = false;   // false: it already existed
};

QString demoWorkspaceName();     // "Demo AB"
QString studioWorkspaceName();   // "Kliv Studio"
QString enterpriseWorkspaceName(); // "Norrsken Enterprise"

// Creates the demo once; later calls return the existing one.
std::optional<DemoSeed> seedDemo(ServerContext &ctx, QString *error);

class UsageSimulator : public QObject
{
    Q_OBJECT
public:
    UsageSimulator(ServerContext *ctx, DemoSeed seed, int intervalMs = 4000, QObject *parent = nullptr);

private:
    void tick();

    ServerContext *m_ctx;
    DemoSeed m_seed;
    QTimer m_timer;
    QRandomGenerator m_random;
    qint64 m_count = 0;
};

} // namespace app

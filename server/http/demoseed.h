#pragma once
// Development mode: the demo workspace "Demo AB" (an owner, an admin, three
// members) on Pro 200 mid-cycle with a month and a half of plausible usage,
// and an optional simulator that keeps spending so the meter moves.
#include "servercontext.h"

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>
#include <optional>

namespace http {

struct DemoAccount {
    QString email, name, role, password, memberId;
};

struct DemoSeed {
    QString workspaceId;
    QList<DemoAccount> accounts;
    bool created = false;   // false: it already existed
};

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

} // namespace http

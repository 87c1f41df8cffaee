#pragma once
// A signed-in owner of "Ett AB" (ws1, Pro 200) as the scripted transport answers
// it, and the window as main.cpp loads it. Shared by tst_startup and tst_tray.
#include "windowloader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

// GET /v1/me: Anna, owner of Ett AB (or of `workspaceName`).
inline QJsonObject scriptedMe(const QString &workspaceName = QStringLiteral("Ett AB"))
{
    return {{QStringLiteral("user"), QJsonObject{{QStringLiteral("email"), QStringLiteral("anna@kliv.test")},
                                                 {QStringLiteral("name"), QStringLiteral("Anna")}}},
            {QStringLiteral("memberships"), QJsonArray{QJsonObject{
                {QStringLiteral("workspace_id"), QStringLiteral("ws1")}, {QStringLiteral("workspace_name"), workspaceName},
                {QStringLiteral("member_id"), QStringLiteral("m1")}, {QStringLiteral("role"), QStringLiteral("owner")},
                {QStringLiteral("plan_id"), QStringLiteral("pro-200")},
                {QStringLiteral("permissions"), QJsonArray{QStringLiteral("view_billing"), QStringLiteral("manage_plan")}}}}}};
}

// GET /v1/workspaces/ws1/balance: `remaining` of a 200 cycle, as of 2 Dec 2026;
// with `forecast` (api/openapi.yaml, Forecast) when given.
inline QJsonObject scriptedBalance(int remaining, const QJsonObject &forecast = {})
{
    QJsonObject b{{QStringLiteral("remaining"), remaining}, {QStringLiteral("allowance"), 200}, {QStringLiteral("used"), 200 - remaining},
                  {QStringLiteral("period"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("cycle")}}},
                  {QStringLiteral("next_refill_at"), QStringLiteral("2026-12-17T10:00:00Z")},
                  {QStringLiteral("as_of"), QStringLiteral("2026-12-02T10:00:00Z")}};
    if (!forecast.isEmpty())
        b.insert(QStringLiteral("forecast"), forecast);
    return b;
}

// The window as main.cpp loads it (WindowLoader: the event loop runs while the QML
// compiles); returns once the window exists, or nullptr when it failed or took over 20 s.
inline QQuickWindow *loadMainWindow(QQmlApplicationEngine *engine)
{
    bool done = false;
    QQuickWindow *window = nullptr;
    WindowLoader::load(engine, [&done, &window](QQuickWindow *w) {
        window = w;
        done = true;
    });
    QDeadlineTimer deadline(20000);
    while (!done && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return window;
}

// Repeater delegates are not QObject children of the window: walk the item tree.
inline QQuickItem *visualChild(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    for (QQuickItem *c : item->childItems())
        if (QQuickItem *found = visualChild(c, name))
            return found;
    return nullptr;
}

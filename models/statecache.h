#pragma once
#include <QDateTime>
#include <QJsonObject>
#include <QUrl>

// The last known balance/workspace/plans per server and workspace, kept in the
// cache directory so the app can show them (marked stale) before the server
// answers. Never holds a token.
class StateCache
{
public:
    struct Entry {
        QJsonObject data;
        QDateTime savedAt; // UTC
        bool isValid() const { return savedAt.isValid(); }
    };

    static QString directory();
    static Entry load(const QUrl &server, const QString &workspaceId, const QString &kind);
    static void save(const QUrl &server, const QString &workspaceId, const QString &kind, const QJsonObject &data);
    static void clear(const QUrl &server, const QString &workspaceId);
};

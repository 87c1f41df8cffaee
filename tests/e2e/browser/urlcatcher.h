#pragma once
// UrlCatcher: what the app hands to the system browser (QDesktopServices::openUrl)
// lands here instead, for an end-to-end test to drive in its own headless chromium.
// The handlers for http and https are set for the catcher's lifetime.
#include "browser.h"

#include <QDesktopServices>
#include <QList>
#include <QObject>
#include <QUrl>

class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    UrlCatcher()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "open");
    }
    ~UrlCatcher() override
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }
    // Why a browser flow cannot run here, or empty: chromium and a Secret Service keyring.
    static QString missingForBrowserFlows()
    {
        if (!Browser::available())
            return QStringLiteral("chromium is not installed (/usr/bin/chromium; ./dev deps installs it)");
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            return QStringLiteral("needs a Secret Service keyring: run under ./dev test (dbus-run-session + gnome-keyring)");
        return {};
    }

    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

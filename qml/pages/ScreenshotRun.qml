import QtQuick
import Kliv.Konto

// The QML side of `--screenshots DIR`: visits every page and the credit meter's
// popup and a plan-change confirmation, at the size asked for (1280×800 by default)
// and again at the minimum size (1024×640), and has ScreenshotDriver save each view.
QtObject {
    id: run
    required property var target   // the ApplicationWindow
    readonly property var ownerViews: [
        { name: "01-oversikt", page: 0 },
        { name: "02-anvandning", page: 1 },
        { name: "03-planer", page: 2 },
        { name: "04-fakturering", page: 3 },
        { name: "05-team", page: 4 },
        { name: "06-installningar", page: target.settingsPage },
        { name: "15-handelselogg", page: 7 },
        { name: "07-kreditmatare", page: 0, popup: true },
        { name: "08-bekrafta-planbyte", page: 2, preview: true },
        // The owner's Enterprise workspace: Team scrolled to Roller, and Säkerhet.
        { name: "13-roller", page: 4, enterprise: true, show: "rolesCard" },
        { name: "14-sakerhet", page: 6, enterprise: true }
    ]
    // A member (no billing, no team management, only their own usage).
    readonly property var memberViews: [
        { name: "10-medlem-oversikt", page: 0 },
        { name: "11-medlem-anvandning", page: 1 },
        { name: "12-medlem-team", page: 4 }
    ]
    // The server is stopped after the first picture (tools/demo.sh waits for the
    // signal): the meter goes grey with the time of the last update, a banner says so.
    readonly property var offlineViews: [
        { name: "09-online", page: 0 },
        { name: "09-offline", page: 0, stopServer: true },
        { name: "09-offline-kreditmatare", page: 0, popup: true }
    ]
    // The whole screen with the tray and a credit alert's notification: the
    // script (tools/demo.sh) spends credits when signalled and grabs the screen.
    readonly property var desktopViews: [
        { name: "desktop-window", page: 0, desktop: true }
    ]
    readonly property var views: ScreenshotDriver.set === "member" ? memberViews
                                 : ScreenshotDriver.set === "offline" ? offlineViews
                                 : ScreenshotDriver.set === "desktop" ? desktopViews : ownerViews
    // The size asked for on the command line, then the minimum window size.
    readonly property var sizes: {
        const first = { width: ScreenshotDriver.size.width, height: ScreenshotDriver.size.height, suffix: "" }
        if (ScreenshotDriver.set !== "owner" || (first.width === target.minimumWidth && first.height === target.minimumHeight))
            return [first]
        return [first, { width: target.minimumWidth, height: target.minimumHeight,
                         suffix: "-" + target.minimumWidth + "x" + target.minimumHeight }]
    }
    property int step: -1
    property int settleMs: 1500
    property int waitedMs: 0
    property bool signInStarted: false
    property string homeWorkspace       // where the run began (Demo AB)

    // The first membership on Enterprise (WorkspaceListModel's roles: 257 id, 260 plan).
    function enterpriseWorkspace() {
        const m = Session.workspaces
        for (let i = 0; i < m.count; ++i) {
            if (m.data(m.index(i, 0), 260) === "enterprise")
                return m.data(m.index(i, 0), 257)
        }
        return ""
    }
    function findItem(item, name) {
        if (!item)
            return null
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findItem(item.children[i], name)
            if (found)
                return found
        }
        return null
    }
    // Scrolls the page (a PageFrame) so that the item called `name` starts at the top.
    function show(name) {
        const item = findItem(target.contentItem, name)
        for (let p = item; p; p = p.parent) {
            if (typeof p.ensureVisible === "function") {
                const flick = p.contentItem
                const y = item.mapToItem(flick.contentItem, 0, 0).y
                flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, y - 16))
                return
            }
        }
    }

    function stage(i) {
        const size = sizes[Math.floor(i / views.length)]
        const view = views[i % views.length]
        target.closePopups()
        target.width = size.width
        target.height = size.height
        if (!run.homeWorkspace)
            run.homeWorkspace = Session.currentWorkspaceId
        const workspace = view.enterprise ? enterpriseWorkspace() : run.homeWorkspace
        const switching = workspace.length > 0 && workspace !== Session.currentWorkspaceId
        if (switching)
            Session.switchWorkspace(workspace)
        target.showPage(view.page)
        run.showName = view.show || ""
        if (view.popup)
            target.openUsagePopup()
        if (view.preview)
            target.previewPlanChange()
        if (view.desktop) {
            ScreenshotDriver.signal("desktop")
            run.settleMs = 15000   // the spend, the alert's live message, the notification
        } else if (view.stopServer) {
            ScreenshotDriver.signal("stop-server")
            run.settleMs = 5000   // the live channel drops, the meter turns stale (within 2 s)
        } else {
            run.settleMs = switching || view.show ? 3000 : 1500   // a switch reloads every page
        }
        if (run.showName)
            showTimer.restart()
    }

    property string showName
    // Scrolls once the page has its rows, a moment before the picture.
    property Timer showTimer: Timer {
        id: showTimer
        interval: 2000
        onTriggered: run.show(run.showName)
    }

    property Timer timer: Timer {
        interval: run.settleMs
        repeat: false
        onTriggered: {
            if (run.step < 0) {
                // Let a stored session come back first. Signed out, the sign-in
                // screen is the first picture; then the normal sign-in runs (the
                // demo passes a token instead, or a browser completes it).
                const state = Session.state
                run.waitedMs += interval
                if (state === Session.SigningIn && !run.signInStarted && run.waitedMs < 10000) {
                    start()
                    return
                }
                if (state !== Session.SignedIn && !run.signInStarted) {
                    ScreenshotDriver.capture(run.target, "00-logga-in.png")
                    run.signInStarted = true
                    run.waitedMs = 0
                    Session.signIn()
                    start()
                    return
                }
                if (state !== Session.SignedIn) {
                    if (run.waitedMs < 30000 && state !== Session.Error) {
                        start()
                        return
                    }
                    ScreenshotDriver.finish()
                    return
                }
            } else {
                const view = run.views[run.step % run.views.length]
                const size = run.sizes[Math.floor(run.step / run.views.length)]
                ScreenshotDriver.capture(run.target, view.name + size.suffix + ".png")
            }
            run.step += 1
            if (run.step >= run.views.length * run.sizes.length) {
                ScreenshotDriver.finish()
                return
            }
            run.stage(run.step)
            start()
        }
    }
    Component.onCompleted: timer.start()
}

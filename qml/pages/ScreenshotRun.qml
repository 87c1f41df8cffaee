import QtQuick
import Kliv.Konto

// The QML side of `--screenshots DIR`: visits every page and the credit meter's
// popup at 1280×800 and again at 1024×640, and has ScreenshotDriver save each view.
QtObject {
    id: run
    required property var window
    readonly property var views: [
        { name: "01-oversikt", page: 0 },
        { name: "02-anvandning", page: 1 },
        { name: "03-planer", page: 2 },
        { name: "04-fakturering", page: 3 },
        { name: "05-team", page: 4 },
        { name: "06-installningar", page: 5 },
        { name: "07-kreditmatare", page: 0, popup: true }
    ]
    readonly property var sizes: [
        { width: 1280, height: 800, suffix: "" },
        { width: 1024, height: 640, suffix: "-1024x640" }
    ]
    property int step: -1
    property int settleMs: 1500

    function stage(i) {
        const size = sizes[Math.floor(i / views.length)]
        const view = views[i % views.length]
        window.closePopups()
        window.width = size.width
        window.height = size.height
        window.showPage(view.page)
        if (view.popup)
            window.openUsagePopup()
    }

    property Timer timer: Timer {
        interval: run.settleMs
        repeat: false
        onTriggered: {
            if (run.step >= 0) {
                const view = run.views[run.step % run.views.length]
                const size = run.sizes[Math.floor(run.step / run.views.length)]
                ScreenshotDriver.capture(run.window, view.name + size.suffix + ".png")
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

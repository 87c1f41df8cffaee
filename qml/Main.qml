import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// The window: header (Kliv mark, workspace switcher, credit meter), the left
// navigation, banners at the top of the page area, and the pages. Signed out,
// the whole window is the sign-in screen. The header is the first item of the
// content (not ApplicationWindow.header) so Tab reaches it before the page.
ApplicationWindow {
    id: window
    // Sized from the screen's available geometry once, at start.
    readonly property size defaultSize: AppSettings.defaultWindowSize()
    width: defaultSize.width
    height: defaultSize.height
    minimumWidth: Math.min(1024, defaultSize.width)
    minimumHeight: Math.min(640, defaultSize.height)
    visible: true
    title: qsTr("Kliv Konto")
    font.pixelSize: 14

    property int currentPage: 0
    readonly property bool compactNav: width < 1100
    readonly property bool signedIn: Session.state === Session.SignedIn
    readonly property var pages: [
        { title: qsTr("Översikt"), icon: "overview" },
        { title: qsTr("Användning"), icon: "usage" },
        { title: qsTr("Planer"), icon: "plans" },
        { title: qsTr("Fakturering"), icon: "billing" },
        { title: qsTr("Team"), icon: "team" },
        { title: qsTr("Inställningar"), icon: "settings" },
        { title: qsTr("Säkerhet"), icon: "security", staff: true },
        { title: qsTr("Händelselogg"), icon: "audit", staff: true }
    ]
    // The navigation's order (Inställningar, 5, sits at the bottom); staff pages: owners and admins.
    readonly property var navOrder: [0, 1, 2, 3, 4, 6, 7]
    readonly property int settingsPage: 5
    readonly property bool staff: Session.role === "owner" || Session.role === "admin"
    onStaffChanged: if (!staff && pages[currentPage].staff) showPage(0)

    // Signed in, the focus leaves the hidden sign-in card for the header bar
    // itself, so the next Tab lands on the header's first control, not in the
    // page (the hidden card comes after the header in the chain).
    onSignedInChanged: if (signedIn) headerBar.forceActiveFocus(Qt.OtherFocusReason)

    // Closing hides the window to the tray when the user chose so and a tray
    // host shows the icon (TrayMeter decides); otherwise it closes as always.
    onClosing: (close) => {
        if (TrayMeter.hidesOnClose) {
            close.accepted = false
            window.hide()
        }
    }
    // "Öppna Kliv Konto" in the tray's menu, or a click on its icon.
    Connections {
        target: TrayMeter
        function onOpenRequested() {
            window.show()
            window.raise()
            window.requestActivate()
        }
        // Hidden in a tray that went away (the panel quit): nothing could bring it back.
        function onAvailableChanged() {
            if (!TrayMeter.available && !window.visible)
                window.show()
        }
    }

    // "Uppgradera" in a credit alert's desktop notification.
    Connections {
        target: DesktopNotifier
        function onUpgradeRequested() {
            window.showPage(2)
            window.raise()
            window.requestActivate()
        }
    }

    function showPage(index) {
        currentPage = index
    }
    // A plan action's error or outcome belongs to its page: gone when leaving it.
    onCurrentPageChanged: Subscription.clearMessages()
    function openUsagePopup() {
        meter.popup.open()
    }
    function closePopups() {
        meter.popup.close()
        if (content.item && content.item.plansPage)
            content.item.plansPage.closeDialogs()
    }
    function previewPlanChange() {
        return content.item && content.item.plansPage ? content.item.plansPage.previewFirstUpgrade() : false
    }

    // Ctrl+1…8 open the pages (staff pages for owners and admins), F5 asks the server again.
    Repeater {
        model: window.pages.length
        Item {
            required property int index
            Shortcut {
                sequence: "Ctrl+" + (index + 1)
                enabled: window.signedIn && (!window.pages[index].staff || window.staff)
                onActivated: window.showPage(index)
            }
        }
    }
    Shortcut {
        sequence: "F5"
        enabled: window.signedIn
        onActivated: Session.refresh()
    }

    Tokens { id: tokens }
    MeterState { id: meterState }

    // A page that is built the first time it is shown and then kept. Named by
    // URL, its types compile when it is first shown (off the GUI thread while
    // the signed-in view incubates), not with Main.qml.
    component PageLoader: Loader {
        id: pageLoader
        property int index
        readonly property bool current: window.currentPage === index
        active: false
        onCurrentChanged: if (current) active = true
        Component.onCompleted: if (current) active = true
        Connections {
            target: pageLoader.item
            ignoreUnknownSignals: true
            function onNavigate(index) { window.showPage(index) }
            function onOpenUsageRequested() { window.openUsagePopup() }
        }
    }

    // Follow the system's light or dark palette whatever the Controls style is.
    SystemPalette { id: system; colorGroup: SystemPalette.Active }
    palette.window: system.window
    palette.windowText: system.windowText
    palette.base: system.base
    palette.alternateBase: system.alternateBase
    palette.text: system.text
    palette.button: system.button
    palette.buttonText: system.buttonText
    palette.highlight: system.highlight
    palette.highlightedText: system.highlightedText
    palette.light: system.light
    palette.midlight: system.midlight
    palette.mid: system.mid
    palette.dark: system.dark
    palette.shadow: system.shadow
    palette.placeholderText: system.placeholderText

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

    ToolBar {
        id: headerBar
        objectName: "header"
        visible: window.signedIn
        Layout.fillWidth: true
        Layout.preferredHeight: 56
        leftPadding: tokens.s4
        rightPadding: tokens.s4
        background: Rectangle {
            color: window.palette.window
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Qt.rgba(window.palette.text.r, window.palette.text.g, window.palette.text.b, 0.12)
            }
        }
        RowLayout {
            anchors.fill: parent
            spacing: tokens.s3
            KlivMark { size: 28 }
            Label {
                text: "Kliv"
                font.pixelSize: tokens.emphasis
                font.bold: true
            }
            Rectangle {
                width: 1
                height: 24
                color: Qt.rgba(window.palette.text.r, window.palette.text.g, window.palette.text.b, 0.15)
            }
            // The switcher only where there is a choice: the one-workspace user's
            // first frame does not build a combo box, its popup and its list.
            Loader {
                id: workspaceSwitcher
                active: Session.workspaces.count > 1
                visible: active
                Layout.preferredWidth: 220
                sourceComponent: ChoiceBox {
                    id: workspaceBox
                    model: Session.workspaces
                    textRole: "name"
                    valueRole: "workspaceId"
                    Accessible.name: qsTr("Arbetsyta")
                    popup.width: Math.max(width, 300)
                    // Each workspace with its plan and your role there.
                    delegate: ItemDelegate {
                        id: wsItem
                        required property int index
                        required property string name
                        required property string detail
                        width: workspaceBox.popup.width - workspaceBox.popup.leftPadding - workspaceBox.popup.rightPadding
                        highlighted: workspaceBox.highlightedIndex === index
                        Accessible.name: name + ", " + detail
                        contentItem: ColumnLayout {
                            spacing: 0
                            Label { text: wsItem.name; textFormat: Text.PlainText; font.pixelSize: tokens.body; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: wsItem.detail; textFormat: Text.PlainText; font.pixelSize: tokens.caption; color: window.palette.placeholderText; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                    }
                    onActivated: Session.switchWorkspace(currentValue)
                    function sync() { currentIndex = indexOfValue(Session.currentWorkspaceId) }
                    onCountChanged: sync()
                    Component.onCompleted: sync()
                    Connections {
                        target: Session
                        function onCurrentWorkspaceIdChanged() { workspaceBox.sync() }
                    }
                }
            }
            Label {
                visible: !workspaceSwitcher.active
                text: Session.currentWorkspaceName
                textFormat: Text.PlainText
                font.pixelSize: tokens.body
                font.bold: true
            }
            Item { Layout.fillWidth: true }
            CreditMeterButton {
                id: meter
                objectName: "creditMeter"
                summary: CreditMeter.summary
                fraction: CreditMeter.fraction
                level: meterState.level
                stale: CreditMeter.stale
                loading: CreditMeter.loading
                canUpgrade: Session.canManagePlan
                onUpgradeRequested: window.showPage(2)
                Layout.maximumWidth: window.width * 0.5
                // By URL, so its types load when the popup first opens, not at start.
                popupContent: Component {
                    Loader {
                        id: usagePopupLoader
                        focus: true
                        source: "pages/UsagePopupContent.qml"
                        Connections {
                            target: usagePopupLoader.item
                            function onShowAllRequested() {
                                meter.popup.close()
                                window.showPage(1)
                            }
                        }
                    }
                }
            }
        }
    }

    Item {
        Layout.fillWidth: true
        Layout.fillHeight: true
        // Built the first time the window is signed out (or restoring) and then
        // kept, hidden: a start from the cache, already signed in, does not pay
        // for the sign-in card, and signing in does not wait for its teardown.
        Loader {
            anchors.fill: parent
            visible: !window.signedIn
            active: false
            onVisibleChanged: if (visible) active = true
            Component.onCompleted: if (visible) active = true
            source: "pages/SignInPage.qml"   // by URL: a signed-in start never compiles it
        }

        Loader {
            id: content
            anchors.fill: parent
            active: window.signedIn
            // Built over the frames after the first: that frame already shows
            // the header with the balance, the navigation and Översikt follow.
            asynchronous: true
            sourceComponent: signedInView
            onLoaded: window.builtForWorkspace = Session.currentWorkspaceId
        }
    }
    }

    // A workspace switch rebuilds the pages so every model loads the new workspace;
    // the same workspace confirmed again (/v1/me after a cached start) keeps them.
    property string builtForWorkspace
    Connections {
        target: Session
        function onCurrentWorkspaceIdChanged() {
            if (content.active && Session.currentWorkspaceId !== window.builtForWorkspace) {
                content.active = false
                content.active = Qt.binding(() => window.signedIn)
            }
        }
    }

    Component {
        id: signedInView
        RowLayout {
            readonly property Item plansPage: plansLoader.item
            spacing: 0

            Pane {
                id: nav
                Layout.fillHeight: true
                Layout.preferredWidth: window.compactNav ? 64 : 208
                padding: tokens.s3
                background: Rectangle {
                    color: window.palette.window
                    Rectangle {
                        anchors.right: parent.right
                        width: 1
                        height: parent.height
                        color: Qt.rgba(window.palette.text.r, window.palette.text.g, window.palette.text.b, 0.12)
                    }
                }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: tokens.s1
                    Repeater {
                        model: window.navOrder
                        NavButton {
                            required property int modelData
                            objectName: "nav_" + window.pages[modelData].icon
                            visible: !window.pages[modelData].staff || window.staff
                            text: window.pages[modelData].title
                            iconName: window.pages[modelData].icon
                            current: window.currentPage === modelData
                            compact: window.compactNav
                            Layout.fillWidth: true
                            onClicked: window.showPage(modelData)
                        }
                    }
                    Item { Layout.fillHeight: true }
                    NavButton {
                        objectName: "nav_settings"
                        text: window.pages[5].title
                        iconName: window.pages[5].icon
                        current: window.currentPage === 5
                        compact: window.compactNav
                        Layout.fillWidth: true
                        onClicked: window.showPage(5)
                    }
                }
            }

            // The banners above the page, by anchors rather than in a layout: Qt 6.4's
            // layouts did not always follow the banners' height (an empty band, or a
            // banner over the page title); an anchor follows it at once.
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                BannerArea {
                    id: banners
                    anchors.top: parent.top
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.topMargin: tokens.s4
                    anchors.leftMargin: tokens.s6
                    anchors.rightMargin: tokens.s6
                }

                // Pages are built when first shown (and then kept): only
                // Översikt with the signed-in view, the others (and their
                // types: Dialogs, …) when opened.
                StackLayout {
                    id: stack
                    objectName: "pageStack"
                    currentIndex: window.currentPage
                    anchors.top: banners.visible ? banners.bottom : parent.top
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    PageLoader { index: 0; source: "pages/OverviewPage.qml" }
                    PageLoader { index: 1; source: "pages/UsagePage.qml" }
                    PageLoader { id: plansLoader; index: 2; source: "pages/PlansPage.qml" }
                    PageLoader { index: 3; source: "pages/BillingPage.qml" }
                    PageLoader { index: 4; source: "pages/TeamPage.qml" }
                    PageLoader { index: 5; source: "pages/SettingsPage.qml" }
                    PageLoader { index: 6; source: "pages/SecurityPage.qml" }
                    PageLoader { index: 7; source: "pages/AuditLogPage.qml" }
                }
            }
        }
    }

    // Only a screenshot run loads it.
    Loader {
        id: screenshotRun
        Component.onCompleted: if (ScreenshotDriver.active) setSource("pages/ScreenshotRun.qml", { target: window })
    }
}

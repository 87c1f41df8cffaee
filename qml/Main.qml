import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// The window: header (Kliv mark, workspace switcher, credit meter), the left
// navigation, banners at the top of the page area, and the pages. Signed out,
// the whole window is the sign-in screen.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: qsTr("Kliv Konto")
    font.pixelSize: 14

    property int currentPage: 0
    readonly property bool compactNav: width < 1100
    readonly property bool signedIn: Session.state === Session.SignedIn
    readonly property var pages: [
        { title: qsTr("Översikt"), glyph: "⌂" },
        { title: qsTr("Användning"), glyph: "▥" },
        { title: qsTr("Planer"), glyph: "◈" },
        { title: qsTr("Fakturering"), glyph: "▤" },
        { title: qsTr("Team"), glyph: "☺" },
        { title: qsTr("Inställningar"), glyph: "⚙" }
    ]

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
        if (content.item)
            content.item.plansPage.closeDialogs()
    }
    function previewPlanChange() {
        return content.item ? content.item.plansPage.previewFirstUpgrade() : false
    }

    Tokens { id: tokens }
    MeterState { id: meterState }

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

    header: ToolBar {
        visible: window.signedIn
        height: visible ? 56 : 0
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
            ChoiceBox {
                id: workspaceBox
                visible: count > 1
                model: Session.workspaces
                textRole: "name"
                valueRole: "workspaceId"
                Accessible.name: qsTr("Arbetsyta")
                Layout.preferredWidth: 220
                onActivated: Session.switchWorkspace(currentValue)
                function sync() { currentIndex = indexOfValue(Session.currentWorkspaceId) }
                onCountChanged: sync()
                Component.onCompleted: sync()
                Connections {
                    target: Session
                    function onCurrentWorkspaceIdChanged() { workspaceBox.sync() }
                }
            }
            Label {
                visible: workspaceBox.count <= 1
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
                popupContent: Component {
                    UsagePopupContent {
                        onShowAllRequested: {
                            meter.popup.close()
                            window.showPage(1)
                        }
                    }
                }
            }
        }
    }

    SignInPage {
        anchors.fill: parent
        visible: !window.signedIn
    }

    Loader {
        id: content
        anchors.fill: parent
        active: window.signedIn
        sourceComponent: signedInView
    }

    // A workspace switch rebuilds the pages so every model loads the new workspace.
    Connections {
        target: Session
        function onCurrentWorkspaceIdChanged() {
            if (content.active) {
                content.active = false
                content.active = Qt.binding(() => window.signedIn)
            }
        }
    }

    Component {
        id: signedInView
        RowLayout {
            property alias plansPage: plansPage
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
                        model: 5
                        NavButton {
                            required property int index
                            text: window.pages[index].title
                            glyph: window.pages[index].glyph
                            current: window.currentPage === index
                            compact: window.compactNav
                            Layout.fillWidth: true
                            onClicked: window.showPage(index)
                        }
                    }
                    Item { Layout.fillHeight: true }
                    NavButton {
                        text: window.pages[5].title
                        glyph: window.pages[5].glyph
                        current: window.currentPage === 5
                        compact: window.compactNav
                        Layout.fillWidth: true
                        onClicked: window.showPage(5)
                    }
                }
            }

            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Layout.fillHeight: true

                BannerArea {
                    Layout.fillWidth: true
                    Layout.leftMargin: tokens.s6
                    Layout.rightMargin: tokens.s6
                    Layout.topMargin: visible ? tokens.s4 : 0
                }

                StackLayout {
                    currentIndex: window.currentPage
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    OverviewPage {
                        onNavigate: (index) => window.showPage(index)
                        onOpenUsageRequested: window.openUsagePopup()
                    }
                    UsagePage {}
                    PlansPage { id: plansPage }
                    BillingPage {}
                    TeamPage {}
                    SettingsPage {}
                }
            }
        }
    }

    Loader {
        active: ScreenshotDriver.active
        sourceComponent: ScreenshotRun {
            target: window
        }
    }
}

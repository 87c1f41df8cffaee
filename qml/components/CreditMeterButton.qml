import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The credit meter in the header: a ring, the full sentence from the server side
// and, on click, a popup with the month's usage. It takes its data as properties
// so it can be shown (and tested) without a server.
AbstractButton {
    id: meter

    property string summary
    property real fraction: 0
    property string level: "normal"   // normal, low, empty, capReached
    property bool stale: false
    property bool loading: false
    // May this user change the plan (manage_plan)? An empty meter then offers "Uppgradera".
    property bool canUpgrade: false
    property Component popupContent
    property alias popup: usagePopup
    signal upgradeRequested()
    readonly property bool outOfCredits: !stale && (level === "empty" || level === "capReached")
    readonly property string askText: outOfCredits && !canUpgrade
                                      ? qsTr("Be en ägare eller administratör om fler krediter") : ""
    // Text and ring colour that pass 4.5:1 on this palette's window (Tokens.levelColors).
    readonly property color ringColor: tokens.levelColor(level, stale, palette.window)
    readonly property color summaryColor: stale ? ringColor : palette.text
    readonly property string stateText: {
        if (stale)
            return qsTr("Inte uppdaterad")
        if (level === "low")
            return qsTr("Snart slut")
        if (level === "empty")
            return qsTr("Slut")
        if (level === "capReached")
            return qsTr("Månadens tak nått")
        return ""
    }

    Tokens { id: tokens }

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    padding: tokens.s2
    leftPadding: tokens.s3
    rightPadding: tokens.s3
    Accessible.role: Accessible.Button
    Accessible.name: (stateText.length > 0 ? summary + ". " + stateText : summary) + (askText.length > 0 ? ". " + askText : "")
    Accessible.description: qsTr("Visar månadens användning")

    onClicked: usagePopup.opened ? usagePopup.close() : usagePopup.open()
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    ToolTip.visible: hovered && !usagePopup.opened
    ToolTip.delay: 600
    ToolTip.text: qsTr("Visa månadens användning")

    background: Rectangle {
        radius: tokens.radiusButton
        color: meter.down || usagePopup.opened ? Qt.rgba(meter.palette.highlight.r, meter.palette.highlight.g, meter.palette.highlight.b, 0.18)
             : meter.hovered ? Qt.rgba(meter.palette.text.r, meter.palette.text.g, meter.palette.text.b, 0.06)
             : "transparent"
        border.width: meter.visualFocus ? 2 : 0
        border.color: meter.palette.highlight
    }

    contentItem: RowLayout {
        spacing: tokens.s2
        CreditRing {
            objectName: "meterRing"
            Layout.preferredWidth: 28
            Layout.preferredHeight: 28
            fraction: meter.fraction
            color: meter.ringColor
            trackColor: meter.palette.mid
            stale: meter.stale
            empty: meter.outOfCredits
            opacity: meter.loading ? 0.5 : 1
        }
        Label {
            objectName: "meterSummary"
            text: meter.summary.length > 0 ? meter.summary : qsTr("Hämtar kreditbalans…")
            font.pixelSize: tokens.body
            color: meter.summaryColor
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "meterState"
            visible: meter.stateText.length > 0
            text: meter.stateText
            font.pixelSize: tokens.caption
            font.bold: true
            color: meter.ringColor
        }
        // The way forward from an empty meter: the Planer page, or whom to ask.
        Button {
            objectName: "meterUpgrade"
            visible: meter.outOfCredits && meter.canUpgrade
            text: qsTr("Uppgradera")
            font.pixelSize: tokens.caption
            onClicked: meter.upgradeRequested()
        }
        Label {
            objectName: "meterAsk"
            visible: meter.askText.length > 0
            text: meter.askText
            font.pixelSize: tokens.caption
            color: meter.palette.text
        }
    }

    Popup {
        id: usagePopup
        objectName: "usagePopup"
        y: meter.height + tokens.s1
        x: meter.width - width
        width: 640
        height: Math.min(520, (meter.Window.window ? meter.Window.window.height : 600) - meter.height - tokens.s8)
        padding: tokens.s4
        modal: false
        focus: true
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutsideParent
        // The popup took the focus: when it closes (Escape) the focus goes back
        // to the meter, not to the window's content.
        property bool hadFocus: false
        onAboutToShow: hadFocus = false
        onActiveFocusChanged: if (activeFocus) hadFocus = true
        onClosed: if (hadFocus) meter.forceActiveFocus(Qt.PopupFocusReason)
        background: Rectangle {
            radius: tokens.radiusCard
            color: usagePopup.palette.window
            border.color: usagePopup.palette.mid
        }
        contentItem: Loader {
            active: usagePopup.opened || usagePopup.visible
            sourceComponent: meter.popupContent
            focus: true
        }
    }
}

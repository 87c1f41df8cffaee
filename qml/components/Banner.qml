import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One banner in the page area. tone: "error" (red), "neutral" or "offline" (grey).
Pane {
    id: banner
    property string tone: "neutral"
    property string text
    property string actionText
    signal actionTriggered()

    Tokens { id: tokens }
    readonly property color toneColor: tone === "error" ? tokens.red : tone === "offline" ? tokens.grey : palette.highlight

    padding: tokens.s3
    leftPadding: tokens.s4
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    background: Rectangle {
        radius: tokens.radiusCard
        color: Qt.rgba(banner.toneColor.r, banner.toneColor.g, banner.toneColor.b, banner.tone === "error" ? 0.14 : 0.10)
        border.color: Qt.rgba(banner.toneColor.r, banner.toneColor.g, banner.toneColor.b, 0.55)
        Rectangle {
            width: 4; radius: 2
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 1 }
            color: banner.toneColor
        }
    }
    contentItem: RowLayout {
        spacing: tokens.s3
        Label {
            text: banner.tone === "error" ? "!" : banner.tone === "offline" ? "◷" : "i"
            font.pixelSize: tokens.emphasis
            font.bold: true
            color: banner.toneColor
            Layout.preferredWidth: 16
            horizontalAlignment: Text.AlignHCenter
            Accessible.ignored: true
        }
        Label {
            text: banner.text
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            font.pixelSize: tokens.body
            Layout.fillWidth: true
        }
        ActionButton {
            visible: banner.actionText.length > 0
            text: banner.actionText
            primary: banner.tone === "error"
            onClicked: banner.actionTriggered()
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// An action the user may not be allowed to take: when `reason` is set the button
// is disabled, and the reason is both written under it and shown as a tooltip.
ColumnLayout {
    id: guarded
    property alias text: button.text
    property alias primary: button.primary
    property alias destructive: button.destructive
    property alias button: button
    property string reason
    property bool showReasonText: true
    signal clicked()

    Tokens { id: tokens }
    spacing: tokens.s1

    ActionButton {
        id: button
        enabled: guarded.reason.length === 0
        Layout.alignment: Qt.AlignLeft
        Accessible.description: guarded.reason
        onClicked: guarded.clicked()
        HoverHandler { id: hover; enabled: true }
        ToolTip.visible: hover.hovered && guarded.reason.length > 0
        ToolTip.text: guarded.reason
        ToolTip.delay: 300
    }
    Label {
        visible: guarded.showReasonText && guarded.reason.length > 0
        text: guarded.reason
        font.pixelSize: tokens.caption
        color: guarded.palette.placeholderText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.maximumWidth: 320
    }
}

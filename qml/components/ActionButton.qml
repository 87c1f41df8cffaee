import QtQuick
import QtQuick.Controls

// A button with the guide's 6 px radius. `primary` fills it with the accent,
// `destructive` with red; otherwise it is outlined on the system palette.
Button {
    id: control
    property bool primary: false
    property bool destructive: false
    Tokens { id: tokens }

    font.pixelSize: tokens.body
    leftPadding: tokens.s4
    rightPadding: tokens.s4
    topPadding: tokens.s2
    bottomPadding: tokens.s2
    Accessible.name: text
    Keys.onReturnPressed: if (enabled) clicked()
    Keys.onEnterPressed: if (enabled) clicked()

    readonly property color fill: destructive ? tokens.red : tokens.accent
    contentItem: Label {
        text: control.text
        font: control.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        color: (control.primary || control.destructive) ? "white" : control.palette.buttonText
        opacity: control.enabled ? 1 : 0.55
    }
    background: Rectangle {
        implicitHeight: 36
        implicitWidth: 88
        radius: tokens.radiusButton
        color: (control.primary || control.destructive)
               ? (control.down ? Qt.darker(control.fill, 1.2) : control.hovered ? Qt.lighter(control.fill, 1.1) : control.fill)
               : (control.down ? control.palette.mid : control.hovered ? control.palette.midlight : control.palette.button)
        opacity: control.enabled ? 1 : 0.5
        border.width: control.visualFocus ? 2 : ((control.primary || control.destructive) ? 0 : 1)
        border.color: control.visualFocus ? control.palette.highlight : Qt.rgba(control.palette.text.r, control.palette.text.g, control.palette.text.b, 0.2)
    }
}

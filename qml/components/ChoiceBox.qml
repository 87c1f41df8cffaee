import QtQuick
import QtQuick.Controls

// A combo box with the guide's radius, on the system palette.
ComboBox {
    id: box
    Tokens { id: tokens }
    font.pixelSize: tokens.body
    leftPadding: tokens.s3
    Accessible.name: displayText
    background: Rectangle {
        implicitWidth: 160
        implicitHeight: 36
        radius: tokens.radiusButton
        color: box.down ? box.palette.mid : box.hovered ? box.palette.midlight : box.palette.button
        opacity: box.enabled ? 1 : 0.6
        border.width: box.visualFocus ? 2 : 1
        border.color: box.visualFocus ? box.palette.highlight : Qt.rgba(box.palette.text.r, box.palette.text.g, box.palette.text.b, 0.25)
    }
    indicator: Label {
        x: box.width - width - tokens.s3
        y: (box.height - height) / 2
        text: "▾"
        color: box.palette.buttonText
        font.pixelSize: tokens.body
    }
    contentItem: Label {
        leftPadding: 0
        rightPadding: box.indicator.width + tokens.s2
        text: box.displayText
        font: box.font
        color: box.palette.buttonText
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
}

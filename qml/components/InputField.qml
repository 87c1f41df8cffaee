import QtQuick
import QtQuick.Controls

// A text field with the guide's radius and a focus ring in the highlight colour.
TextField {
    id: field
    Tokens { id: tokens }
    font.pixelSize: tokens.body
    leftPadding: tokens.s3
    rightPadding: tokens.s3
    selectByMouse: true
    color: palette.text
    placeholderTextColor: palette.placeholderText
    Accessible.name: placeholderText
    background: Rectangle {
        implicitWidth: 200
        implicitHeight: 36
        radius: tokens.radiusButton
        color: field.palette.base
        opacity: field.enabled ? 1 : 0.6
        border.width: field.activeFocus ? 2 : 1
        border.color: field.activeFocus ? field.palette.highlight : Qt.rgba(field.palette.text.r, field.palette.text.g, field.palette.text.b, 0.25)
    }
}

import QtQuick
import QtQuick.Controls

// A small labelled chip; the colour only repeats what the text says.
Label {
    id: chip
    property color tone: "#1F9D6B"
    Tokens { id: tokens }
    font.pixelSize: tokens.caption
    font.bold: true
    color: tone
    leftPadding: tokens.s2
    rightPadding: tokens.s2
    topPadding: 2
    bottomPadding: 2
    background: Rectangle {
        radius: tokens.radiusButton
        color: Qt.rgba(chip.tone.r, chip.tone.g, chip.tone.b, 0.14)
    }
}

import QtQuick
import QtQuick.Controls

// Seats used of the limit, as a thin bar in the accent colour (amber when full).
ProgressBar {
    id: bar
    Tokens { id: tokens }
    from: 0
    background: Rectangle {
        implicitWidth: 200
        implicitHeight: 6
        radius: 3
        color: Qt.rgba(bar.palette.text.r, bar.palette.text.g, bar.palette.text.b, 0.1)
    }
    contentItem: Item {
        implicitHeight: 6
        Rectangle {
            width: bar.visualPosition * parent.width
            height: parent.height
            radius: 3
            color: bar.value >= bar.to ? tokens.amber : tokens.accent
        }
    }
}

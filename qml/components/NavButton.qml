import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One entry of the left navigation; shows only its icon when `compact`. The
// icon is one of resources/icons/nav/*.svg, tinted through the app's provider.
ItemDelegate {
    id: nav
    property string iconName
    property bool current: false
    property bool compact: false
    Tokens { id: tokens }

    checkable: false
    highlighted: current
    focusPolicy: Qt.StrongFocus
    Accessible.name: text
    Accessible.role: Accessible.PageTab
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()
    ToolTip.visible: compact && hovered
    ToolTip.text: text
    ToolTip.delay: 300
    padding: tokens.s2
    leftPadding: tokens.s3
    implicitHeight: 40

    background: Rectangle {
        radius: tokens.radiusButton
        color: nav.current ? Qt.rgba(tokens.accent.r, tokens.accent.g, tokens.accent.b, 0.16)
             : nav.hovered ? Qt.rgba(nav.palette.text.r, nav.palette.text.g, nav.palette.text.b, 0.06) : "transparent"
        border.width: nav.visualFocus ? 2 : 0
        border.color: nav.palette.highlight
    }
    contentItem: RowLayout {
        spacing: tokens.s3
        Image {
            objectName: "navIcon"
            readonly property color tint: nav.current ? tokens.accent : nav.palette.text
            source: nav.iconName.length > 0
                    ? "image://klivicon/" + nav.iconName + "/" + tint.toString().slice(-6) : ""
            sourceSize: Qt.size(20, 20)
            // Rendered off the GUI thread (SVG): the first frame does not wait for the icons.
            asynchronous: true
            Layout.preferredWidth: 20
            Layout.preferredHeight: 20
            Accessible.ignored: true
        }
        Label {
            visible: !nav.compact
            text: nav.text
            font.pixelSize: tokens.body
            font.bold: nav.current
            color: nav.palette.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}

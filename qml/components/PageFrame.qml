import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The scrolling frame every page uses: a title, then the page's own content.
ScrollView {
    id: page
    property string title
    property string subtitle
    default property alias content: column.data
    signal navigate(int index)

    Tokens { id: tokens }
    clip: true
    contentWidth: availableWidth
    contentHeight: column.implicitHeight + 2 * tokens.s6
    focusPolicy: Qt.NoFocus

    ColumnLayout {
        id: column
        x: tokens.s6
        y: tokens.s6
        width: page.availableWidth - 2 * tokens.s6
        spacing: tokens.s4
        ColumnLayout {
            spacing: tokens.s1
            Layout.fillWidth: true
            Label {
                text: page.title
                font.pixelSize: tokens.title
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            Label {
                visible: text.length > 0
                text: page.subtitle
                textFormat: Text.PlainText
                font.pixelSize: tokens.body
                color: page.palette.placeholderText
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}

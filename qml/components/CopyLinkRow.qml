import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A link to open by hand (a browser that could not, or may not, be opened): the
// link itself and a copy button.
ColumnLayout {
    id: row
    property string url
    property string explanation: qsTr("Webbläsaren kunde inte öppnas. Öppna länken själv:")
    signal copyRequested(string url)

    Tokens { id: tokens }
    spacing: tokens.s2

    Label {
        text: row.explanation
        wrapMode: Text.WordWrap
        font.pixelSize: tokens.body
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: tokens.s2
        Layout.fillWidth: true
        InputField {
            text: row.url
            readOnly: true
            // Show the start of the link (the server's address), not its end.
            onTextChanged: cursorPosition = 0
            Component.onCompleted: cursorPosition = 0
            selectByMouse: true
            font.pixelSize: tokens.caption
            Layout.fillWidth: true
            Accessible.name: qsTr("Länk")
        }
        ActionButton {
            id: copyButton
            property bool copied: false
            text: copied ? qsTr("Kopierad") : qsTr("Kopiera länk")
            onClicked: { row.copyRequested(row.url); copied = true }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A breakdown (by activity, project or member): name, credits and a share bar.
// The model has the roles name, credits and share (0..1).
Card {
    id: card
    property string title
    property alias model: list.model
    property string emptyText: qsTr("Ingen användning den här månaden.")
    property bool activityIds: false   // the names are activity ids
    Tokens { id: tokens }
    ActivityNames { id: activityNames }

    ColumnLayout {
        anchors.fill: parent
        spacing: tokens.s3
        Label {
            text: card.title
            font.pixelSize: tokens.emphasis
            font.bold: true
        }
        Label {
            visible: list.count === 0
            text: card.emptyText
            color: card.palette.placeholderText
            font.pixelSize: tokens.body
        }
        ListView {
            id: list
            interactive: false
            implicitHeight: contentHeight
            Layout.fillWidth: true
            Layout.preferredHeight: contentHeight
            spacing: tokens.s2
            delegate: ColumnLayout {
                width: ListView.view.width
                spacing: tokens.s1
                Accessible.role: Accessible.ListItem
                readonly property string label: card.activityIds ? activityNames.label(model.name) : model.name
                Accessible.name: qsTr("%1: %n krediter", "", model.credits).arg(label)
                RowLayout {
                    Layout.fillWidth: true
                    Label { text: parent.parent.label; textFormat: Text.PlainText; elide: Text.ElideRight; Layout.fillWidth: true; font.pixelSize: tokens.body }
                    Label { text: qsTr("%n krediter", "", model.credits); font.pixelSize: tokens.body }
                }
                Rectangle {
                    Layout.fillWidth: true
                    height: 6; radius: 3
                    color: Qt.rgba(card.palette.text.r, card.palette.text.g, card.palette.text.b, 0.08)
                    Rectangle {
                        width: parent.width * Math.max(0, Math.min(1, model.share))
                        height: parent.height; radius: 3
                        color: tokens.accent
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}

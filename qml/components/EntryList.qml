import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The usage entries, newest first: when, who, project, activity, credits.
// Fixed-height, reused delegates keep it smooth with thousands of rows; the
// view asks the paged model for more as it reaches the end.
ListView {
    id: list
    property bool showMember: true
    property string emptyText: qsTr("Ingen användning den här månaden.")
    property color headerColor: palette.base   // the surface it sits on: the header is opaque
    Tokens { id: tokens }
    ActivityNames { id: activityNames }

    clip: true
    reuseItems: true
    boundsBehavior: Flickable.StopAtBounds
    keyNavigationEnabled: true
    activeFocusOnTab: true
    highlightMoveDuration: 0
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Användningshistorik")
    ScrollBar.vertical: ScrollBar {}

    // The column headers stay above the rows while they scroll (opaque, on top).
    headerPositioning: ListView.OverlayHeader
    header: Rectangle {
        objectName: "entryHeader"
        width: list.width
        height: 32
        z: 2
        color: list.headerColor
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: tokens.s2
            anchors.rightMargin: tokens.s4
            spacing: tokens.s3
            Label { text: qsTr("Tid"); font.pixelSize: tokens.caption; font.bold: true; color: list.palette.placeholderText; Layout.preferredWidth: 120 }
            Label { visible: list.showMember; text: qsTr("Medlem"); font.pixelSize: tokens.caption; font.bold: true; color: list.palette.placeholderText; Layout.preferredWidth: 140 }
            Label { text: qsTr("Projekt"); font.pixelSize: tokens.caption; font.bold: true; color: list.palette.placeholderText; Layout.fillWidth: true; Layout.preferredWidth: 100 }
            Label { text: qsTr("Aktivitet"); font.pixelSize: tokens.caption; font.bold: true; color: list.palette.placeholderText; Layout.fillWidth: true; Layout.preferredWidth: 100 }
            Label { text: qsTr("Krediter"); font.pixelSize: tokens.caption; font.bold: true; color: list.palette.placeholderText; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 64 }
        }
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Qt.rgba(list.palette.text.r, list.palette.text.g, list.palette.text.b, 0.12) }
    }

    delegate: Rectangle {
        required property int index
        required property string atText
        required property string memberName
        required property string project
        required property string activity
        required property int credits
        width: ListView.view.width
        height: 36
        color: ListView.isCurrentItem && list.activeFocus ? Qt.rgba(list.palette.highlight.r, list.palette.highlight.g, list.palette.highlight.b, 0.15)
             : index % 2 ? Qt.rgba(list.palette.text.r, list.palette.text.g, list.palette.text.b, 0.03) : "transparent"
        Accessible.role: Accessible.ListItem
        Accessible.name: qsTr("%1, %2, %3, %4: %n krediter", "", credits).arg(atText).arg(memberName).arg(project).arg(activityNames.label(activity))
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: tokens.s2
            anchors.rightMargin: tokens.s4
            spacing: tokens.s3
            Label { text: atText; font.pixelSize: tokens.body; Layout.preferredWidth: 120; elide: Text.ElideRight }
            Label { visible: list.showMember; text: memberName; textFormat: Text.PlainText; font.pixelSize: tokens.body; Layout.preferredWidth: 140; elide: Text.ElideRight }
            Label { text: project; textFormat: Text.PlainText; font.pixelSize: tokens.body; Layout.fillWidth: true; Layout.preferredWidth: 100; elide: Text.ElideRight }
            Label { text: activityNames.label(activity); textFormat: Text.PlainText; font.pixelSize: tokens.body; Layout.fillWidth: true; Layout.preferredWidth: 100; elide: Text.ElideRight }
            Label { text: credits; font.pixelSize: tokens.body; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 64 }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: list.count === 0
        text: list.emptyText
        color: list.palette.placeholderText
        font.pixelSize: tokens.body
    }
}

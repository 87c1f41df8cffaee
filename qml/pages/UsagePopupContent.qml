import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// What the credit meter's popup shows: this month per day, then the entries.
ColumnLayout {
    id: content
    signal showAllRequested()
    Tokens { id: tokens }
    spacing: tokens.s3

    UsageModel { id: usage }
    Component.onCompleted: usage.reload()

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("Användning i %1").arg(usage.monthTitle)
            font.pixelSize: tokens.emphasis
            font.bold: true
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("%n krediter totalt", "", usage.total)
            font.pixelSize: tokens.body
            color: content.palette.placeholderText
        }
    }
    DailyChart {
        tableModel: usage.daily
        month: usage.month
        maxValue: usage.maxDaily
        Layout.fillWidth: true
        Layout.preferredHeight: 180
    }
    Label {
        visible: usage.error.length > 0
        text: usage.error
        textFormat: Text.PlainText
        color: tokens.red
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    EntryList {
        model: usage.entries
        showMember: Session.canViewTeamUsage
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        BusyIndicator { anchors.centerIn: parent; running: usage.loading; visible: running }
    }
    ActionButton {
        text: qsTr("Visa all användning")
        Layout.alignment: Qt.AlignRight
        onClicked: content.showAllRequested()
    }
}

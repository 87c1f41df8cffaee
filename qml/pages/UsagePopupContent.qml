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
        // Offline before the month's data came: no month without a name, no "0 krediter totalt".
        Label {
            objectName: "usageTitle"
            text: usage.monthTitle.length > 0 ? qsTr("Användning i %1").arg(usage.monthTitle) : qsTr("Användning")
            font.pixelSize: tokens.emphasis
            font.bold: true
            Layout.fillWidth: true
        }
        Label {
            objectName: "usageTotal"
            visible: usage.monthTitle.length > 0 && usage.error.length === 0
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
        text: usage.monthTitle.length > 0 ? usage.error
              : qsTr("Månadens användning går inte att visa just nu.") + " " + usage.error
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

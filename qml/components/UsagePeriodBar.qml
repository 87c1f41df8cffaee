import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Which usage is shown: the billing cycle or a calendar month (a choice only
// where the plan has a cycle), with arrows to earlier months. "›" is disabled
// at the current month: there is no usage in the future.
RowLayout {
    id: bar
    property string title
    property string view: "cycle"          // "cycle" | "month"
    property bool hasCycle: false
    property bool canGoPrevious: true
    property bool canGoNext: false
    property bool loading: false
    signal previousRequested()
    signal nextRequested()
    signal viewRequested(string view)
    signal exportRequested()
    Tokens { id: tokens }
    spacing: tokens.s2

    ActionButton {
        objectName: "previousButton"
        text: "‹"
        enabled: bar.canGoPrevious
        Accessible.name: qsTr("Föregående månad")
        ToolTip.visible: hovered
        ToolTip.text: Accessible.name
        onClicked: bar.previousRequested()
    }
    Label {
        objectName: "periodTitle"
        text: bar.title
        font.pixelSize: tokens.emphasis
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        Layout.minimumWidth: 140
        Accessible.role: Accessible.StaticText
    }
    ActionButton {
        objectName: "nextButton"
        text: "›"
        enabled: bar.canGoNext
        Accessible.name: qsTr("Nästa månad")
        Accessible.description: enabled ? "" : qsTr("Det finns ingen senare period.")
        ToolTip.visible: hovered
        ToolTip.text: Accessible.name
        onClicked: bar.nextRequested()
    }
    ChoiceBox {
        id: viewBox
        objectName: "viewChoice"
        visible: bar.hasCycle
        model: [
            { value: "cycle", text: qsTr("Faktureringsperiod") },
            { value: "month", text: qsTr("Kalendermånad") }
        ]
        textRole: "text"
        valueRole: "value"
        currentIndex: bar.view === "month" ? 1 : 0
        Layout.preferredWidth: 200
        Accessible.name: qsTr("Visa")
        onActivated: if (currentValue !== bar.view) bar.viewRequested(currentValue)
    }
    BusyIndicator { running: bar.loading; visible: running; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
    Item { Layout.fillWidth: true }
    ActionButton {
        objectName: "exportButton"
        text: qsTr("Exportera CSV")
        onClicked: bar.exportRequested()
    }
}

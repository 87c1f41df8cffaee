import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Confirms a plan change with the server's own sentence, word for word.
// kind: checkout, upgrade, downgrade or cancel (from the server's preview).
Dialog {
    id: dialog
    property string kind
    property string tier
    property string confirmationText
    property string confirmButtonText
    property string amountDueText
    property string effectiveAtText
    // From the same preview: the price from the next cycle (downgrade, cancel)
    // and whether a pending cancellation still stands (upgrade, downgrade).
    property string nextCycleText
    property string pendingCancellationText
    property string keepPlanName: "Pro"
    property bool busy: false
    readonly property string cancelButtonText: kind === "cancel" ? qsTr("Behåll %1").arg(keepPlanName) : qsTr("Avbryt")
    signal confirmed(string kind, string tier)

    Tokens { id: tokens }

    modal: true
    focus: true
    anchors.centerIn: parent
    width: Math.min(480, parent ? parent.width - 2 * tokens.s8 : 480)
    padding: tokens.s6
    title: kind === "cancel" ? qsTr("Avsluta prenumeration")
         : kind === "downgrade" ? qsTr("Nedgradera")
         : qsTr("Uppgradera")
    closePolicy: Popup.CloseOnEscape

    background: Rectangle {
        radius: tokens.radiusCard
        color: dialog.palette.window
        border.color: dialog.palette.mid
    }
    header: Label {
        text: dialog.title
        font.pixelSize: tokens.title
        font.bold: true
        padding: tokens.s6
        bottomPadding: 0
    }
    contentItem: ColumnLayout {
        spacing: tokens.s3
        Label {
            objectName: "confirmationText"
            text: dialog.confirmationText
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            font.pixelSize: tokens.body
            Layout.fillWidth: true
        }
        Label {
            objectName: "nextCycleText"
            visible: dialog.nextCycleText.length > 0
            text: dialog.nextCycleText
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            font.pixelSize: tokens.body
            Layout.fillWidth: true
        }
        Label {
            objectName: "pendingCancellationText"
            visible: dialog.pendingCancellationText.length > 0
            text: dialog.pendingCancellationText
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            font.pixelSize: tokens.body
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.amountDueText.length > 0
            text: qsTr("Att betala i dag: %1").arg(dialog.amountDueText)
            font.pixelSize: tokens.emphasis
            Layout.fillWidth: true
        }
    }
    footer: Pane {
        padding: tokens.s6
        topPadding: tokens.s2
        background: null
        contentItem: RowLayout {
            spacing: tokens.s2
            Item { Layout.fillWidth: true }
            BusyIndicator { running: dialog.busy; visible: running; Layout.preferredHeight: 28; Layout.preferredWidth: 28 }
            ActionButton {
                id: confirmButton
                objectName: "confirmButton"
                text: dialog.confirmButtonText
                primary: dialog.kind !== "cancel"
                destructive: dialog.kind === "cancel"
                enabled: !dialog.busy
                onClicked: { dialog.confirmed(dialog.kind, dialog.tier); dialog.close() }
            }
            ActionButton {
                id: keepButton
                objectName: "cancelButton"
                text: dialog.cancelButtonText
                onClicked: dialog.close()
            }
        }
    }
    // The safe choice has the focus: Enter never changes a plan by accident.
    onOpened: keepButton.forceActiveFocus()
}

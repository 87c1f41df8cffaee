import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Sets or clears a member's credit limit per billing cycle. Nothing is sent
// until "Spara" is pressed; the dialog stays open until the server has
// answered, and shows its refusal here, at the action (`error`).
Dialog {
    id: dialog
    property string memberId
    property string memberName
    property bool hasLimit: false
    property int limit: 0
    property bool busy: false          // the change is on its way
    property string error              // the refusal, from the model
    signal limitConfirmed(string memberId, int credits)
    signal clearConfirmed(string memberId)

    Tokens { id: tokens }

    modal: true
    focus: true
    anchors.centerIn: parent
    width: Math.min(440, parent ? parent.width - 2 * tokens.s8 : 440)
    padding: tokens.s6
    title: qsTr("Gräns för %1").arg(dialog.memberName)
    closePolicy: Popup.CloseOnEscape

    onAboutToShow: {
        noLimit.checked = !dialog.hasLimit
        creditsField.text = dialog.hasLimit ? String(dialog.limit) : ""
    }
    onOpened: {
        if (noLimit.checked)
            noLimit.forceActiveFocus()
        else
            creditsField.forceActiveFocus()
    }

    background: Rectangle { radius: tokens.radiusCard; color: dialog.palette.window; border.color: dialog.palette.mid }
    header: Label { text: dialog.title; font.pixelSize: tokens.title; font.bold: true; textFormat: Text.PlainText; padding: tokens.s6; bottomPadding: 0 }
    contentItem: ColumnLayout {
        spacing: tokens.s3
        Label {
            text: qsTr("Hur många krediter %1 får använda per period. Gränsen börjar om varje ny period.").arg(dialog.memberName)
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            font.pixelSize: tokens.body
            Layout.fillWidth: true
        }
        CheckBox {
            id: noLimit
            objectName: "noLimitBox"
            text: qsTr("Ingen gräns")
        }
        RowLayout {
            spacing: tokens.s2
            enabled: !noLimit.checked
            InputField {
                id: creditsField
                objectName: "creditsField"
                placeholderText: qsTr("Krediter per period")
                inputMethodHints: Qt.ImhDigitsOnly
                validator: IntValidator { bottom: 0 }
                Layout.preferredWidth: 160
                onAccepted: if (saveButton.enabled) saveButton.clicked()
            }
            Label { text: qsTr("krediter per period"); font.pixelSize: tokens.body }
        }
        Label {
            objectName: "limitError"
            visible: text.length > 0
            text: dialog.error
            textFormat: Text.PlainText
            color: tokens.red
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
    footer: Pane {
        padding: tokens.s6
        topPadding: tokens.s2
        background: null
        contentItem: RowLayout {
            spacing: tokens.s2
            BusyIndicator { running: dialog.busy; visible: running; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
            Item { Layout.fillWidth: true }
            ActionButton {
                id: saveButton
                objectName: "saveLimitButton"
                text: qsTr("Spara")
                primary: true
                enabled: !dialog.busy && (noLimit.checked || creditsField.acceptableInput)
                onClicked: {
                    if (noLimit.checked)
                        dialog.clearConfirmed(dialog.memberId)
                    else
                        dialog.limitConfirmed(dialog.memberId, parseInt(creditsField.text, 10))
                }
            }
            ActionButton {
                objectName: "cancelButton"
                text: qsTr("Avbryt")
                onClicked: dialog.reject()
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// The account, the server address, the language, the credit alerts and the tray.
PageFrame {
    id: page
    title: qsTr("Inställningar")
    Tokens { id: tokens }

    readonly property var roleNames: ({ owner: qsTr("Ägare"), admin: qsTr("Administratör"), member: qsTr("Medlem") })

    Card {
        Layout.fillWidth: true
        Layout.maximumWidth: 720
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s3
            Label { text: qsTr("Konto"); font.pixelSize: tokens.emphasis; font.bold: true }
            GridLayout {
                columns: 2
                columnSpacing: tokens.s4
                rowSpacing: tokens.s2
                Label { text: qsTr("Namn"); color: page.palette.placeholderText }
                Label { text: Session.userName; textFormat: Text.PlainText }
                Label { text: qsTr("E-post"); color: page.palette.placeholderText }
                Label { text: Session.userEmail; textFormat: Text.PlainText }
                Label { text: qsTr("Roll"); color: page.palette.placeholderText }
                Label { text: page.roleNames[Session.role] !== undefined ? page.roleNames[Session.role] : Session.role; textFormat: Text.PlainText }
            }
            ActionButton {
                text: qsTr("Logga ut")
                onClicked: Session.signOut()
            }
        }
    }

    Card {
        Layout.fillWidth: true
        Layout.maximumWidth: 720
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s3
            Label { text: qsTr("Server"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("Adressen till Klivs faktureringsserver. Ändra den bara om du har fått en annan adress.")
                wrapMode: Text.WordWrap
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: tokens.s2
                Layout.fillWidth: true
                InputField {
                    id: serverField
                    text: AppSettings.serverUrl
                    Accessible.name: qsTr("Serveradress")
                    selectByMouse: true
                    Layout.fillWidth: true
                    onAccepted: saveButton.clicked()
                }
                ActionButton {
                    id: saveButton
                    text: qsTr("Spara")
                    enabled: serverField.text.trim() !== AppSettings.serverUrl.toString()
                    onClicked: AppSettings.serverUrl = serverField.text.trim()
                }
            }
        }
    }

    Card {
        Layout.fillWidth: true
        Layout.maximumWidth: 720
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s3
            Label { text: qsTr("Språk"); font.pixelSize: tokens.emphasis; font.bold: true }
            ChoiceBox {
                id: language
                model: [ { value: "sv", text: "Svenska" }, { value: "en", text: "English" } ]
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Språk")
                Layout.preferredWidth: 240
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(AppSettings.language))
                onActivated: AppSettings.language = currentValue
            }
        }
    }

    Card {
        Layout.fillWidth: true
        Layout.maximumWidth: 720
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s3
            Label { text: qsTr("Aviseringar"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("En skrivbordsavisering när en del av krediterna är använd, en gång per period.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: [ { threshold: 75, text: qsTr("75 % använt") },
                         { threshold: 90, text: qsTr("90 % använt") },
                         { threshold: 100, text: qsTr("Krediterna är slut") } ]
                delegate: Switch {
                    required property var modelData
                    objectName: "alertSwitch" + modelData.threshold
                    text: modelData.text
                    checked: AppSettings.alertEnabled(modelData.threshold)
                    onToggled: AppSettings.setAlertEnabled(modelData.threshold, checked)
                }
            }
            Label {
                objectName: "notificationsUnavailable"
                visible: !DesktopNotifier.available
                text: qsTr("Skrivbordsaviseringar är inte tillgängliga: ingen aviseringstjänst hittades i skrivbordsmiljön.")
                color: page.palette.placeholderText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    Card {
        Layout.fillWidth: true
        Layout.maximumWidth: 720
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s3
            Label { text: qsTr("Systemfältet"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("Saldot syns som en ring i systemfältet, med kvarvarande krediter när du håller muspekaren över den.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Switch {
                objectName: "keepInTraySwitch"
                text: qsTr("Behåll Kliv Konto i systemfältet när fönstret stängs")
                enabled: TrayMeter.available
                checked: AppSettings.keepInTray
                // Bound again after the click: the switch shows what was saved.
                onToggled: {
                    AppSettings.keepInTray = checked
                    checked = Qt.binding(() => AppSettings.keepInTray)
                }
            }
            // An autostart entry works without a tray: the window opens at login.
            Switch {
                objectName: "startAtLoginSwitch"
                text: qsTr("Starta Kliv Konto vid inloggning")
                checked: AppSettings.startAtLogin
                // A failed write leaves it off, as the file system says.
                onToggled: {
                    AppSettings.startAtLogin = checked
                    checked = Qt.binding(() => AppSettings.startAtLogin)
                }
            }
            Banner {
                objectName: "startAtLoginError"
                visible: text.length > 0
                tone: "error"
                text: AppSettings.startAtLoginError
                Layout.fillWidth: true
            }
            Label {
                objectName: "trayUnavailable"
                visible: !TrayMeter.available
                text: qsTr("Inget systemfält hittades på skrivbordet: Kliv Konto visas som ett vanligt fönster och avslutas när det stängs.")
                color: page.palette.placeholderText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}

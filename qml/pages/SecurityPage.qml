import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Kliv.Konto

// Säkerhet: SAML single sign-on for the workspace (owners and admins see it;
// owners of an Enterprise workspace change it). What to give the IdP, the IdP's
// metadata, the domain, the default role of new SSO members, enforcement with
// a break-glass owner, and a test sign-in. Other plans: what SSO is, and sales.
PageFrame {
    id: page
    title: qsTr("Säkerhet")
    subtitle: qsTr("Single sign-on (SAML 2.0) för arbetsytans domän.")
    Tokens { id: tokens }

    SsoSettings { id: sso }
    RoleModel { id: roles }
    readonly property string ownerReason: sso.editable ? "" : qsTr("Bara ägare kan ändra inställningarna för single sign-on.")

    BusyIndicator { running: sso.loading && !sso.loaded; visible: running }

    Label {
        objectName: "ssoError"
        visible: sso.error.length > 0
        text: sso.error
        textFormat: Text.PlainText
        color: tokens.red
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Card {
        objectName: "ssoUpsell"
        visible: sso.loaded && !sso.available
        Layout.fillWidth: true
        EnterpriseUpsell {
            anchors.fill: parent
            text: qsTr("Med single sign-on loggar teamet in med sitt företagskonto (Microsoft Entra ID, Okta, Google Workspace eller annan SAML 2.0-leverantör) i stället för ett eget lösenord. Nya medarbetare får konto automatiskt och den som slutar förlorar åtkomsten när kontot stängs hos er. SSO ingår i Enterprise.")
        }
    }

    // What the customer's IT enters in their IdP.
    Card {
        objectName: "spCard"
        visible: sso.loaded && sso.available
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label { text: qsTr("Uppgifter till er identitetsleverantör"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("Lägg upp Kliv som en SAML-applikation hos er IdP med de här uppgifterna.")
                wrapMode: Text.WordWrap
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            Repeater {
                model: sso
                ColumnLayout {
                    id: spRow
                    required property string label
                    required property string value
                    required property string key
                    spacing: tokens.s1
                    Layout.fillWidth: true
                    Label { text: spRow.label; font.pixelSize: tokens.caption; font.bold: true }
                    RowLayout {
                        spacing: tokens.s2
                        Layout.fillWidth: true
                        InputField {
                            objectName: "sp_" + spRow.key
                            text: spRow.value
                            readOnly: true
                            selectByMouse: true
                            font.pixelSize: tokens.caption
                            Accessible.name: spRow.label
                            Layout.fillWidth: true
                        }
                        ActionButton {
                            id: copy
                            property bool copied: false
                            text: copied ? qsTr("Kopierad") : qsTr("Kopiera")
                            Accessible.name: qsTr("Kopiera %1").arg(spRow.label)
                            onClicked: { Session.copyToClipboard(spRow.value); copied = true }
                        }
                    }
                }
            }
        }
    }

    Card {
        objectName: "idpCard"
        visible: sso.loaded && sso.available
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label { text: qsTr("Identitetsleverantör (IdP)"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                objectName: "idpNone"
                visible: !sso.hasIdp
                text: qsTr("Ingen IdP är inlagd ännu. Hämta metadata-filen (XML) från er IdP och ladda upp den här.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            GridLayout {
                visible: sso.hasIdp
                columns: 2
                columnSpacing: tokens.s4
                rowSpacing: tokens.s1
                Layout.fillWidth: true
                Label { text: qsTr("Entity ID"); font.pixelSize: tokens.caption; font.bold: true }
                Label { objectName: "idpEntityId"; text: sso.idpEntityId; textFormat: Text.PlainText; elide: Text.ElideMiddle; Layout.fillWidth: true }
                Label { text: qsTr("Certifikat (SHA-256)"); font.pixelSize: tokens.caption; font.bold: true }
                Label { objectName: "idpFingerprint"; text: sso.certificateFingerprint; font.family: "monospace"; font.pixelSize: tokens.caption; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                Label { text: qsTr("Giltigt till"); font.pixelSize: tokens.caption; font.bold: true }
                Label { objectName: "idpExpiry"; text: sso.certificateExpiryText; Layout.fillWidth: true }
            }
            GuardedButton {
                objectName: "uploadMetadata"
                text: qsTr("Ladda upp IdP-metadata")
                reason: page.ownerReason
                onClicked: metadataDialog.open()
            }
        }
    }

    Card {
        objectName: "domainCard"
        visible: sso.loaded && sso.available
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label { text: qsTr("Domän"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("Den som loggar in med en e-postadress i domänen skickas till er IdP. Kliv verifierar att domänen är er innan den används.")
                wrapMode: Text.WordWrap
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: tokens.s2
                enabled: sso.editable
                Layout.fillWidth: true
                InputField {
                    id: domainField
                    objectName: "domainField"
                    text: sso.domain
                    placeholderText: qsTr("t.ex. foretaget.se")
                    Accessible.name: qsTr("Domän")
                    Accessible.description: page.ownerReason
                    Layout.fillWidth: true
                }
                ActionButton {
                    objectName: "saveDomain"
                    text: qsTr("Spara")
                    enabled: domainField.text.trim() !== sso.domain && !sso.loading
                    onClicked: sso.setDomain(domainField.text)
                }
            }
            Label {
                objectName: "domainStatus"
                text: sso.domainStatusText
                color: sso.domainVerified ? page.palette.windowText : page.palette.placeholderText
                font.bold: sso.domainVerified
            }
        }
    }

    Card {
        objectName: "defaultRoleCard"
        visible: sso.loaded && sso.available
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label { text: qsTr("Roll för nya medlemmar"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("Den som loggar in med SSO för första gången blir medlem med den här rollen.")
                wrapMode: Text.WordWrap
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            ChoiceBox {
                id: defaultRoleBox
                objectName: "defaultRole"
                enabled: sso.editable
                model: roles.choices
                textRole: "text"
                valueRole: "value"
                Accessible.name: qsTr("Roll för nya medlemmar")
                Accessible.description: page.ownerReason
                function sync() { currentIndex = Math.max(0, indexOfValue(sso.defaultRole)) }
                onModelChanged: sync()
                Component.onCompleted: sync()
                Connections { target: sso; function onChanged() { defaultRoleBox.sync() } }
                onActivated: if (currentValue !== sso.defaultRole) sso.setDefaultRole(currentValue)
            }
        }
    }

    Card {
        objectName: "enforceCard"
        visible: sso.loaded && sso.available
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label { text: qsTr("Kräv SSO"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("När SSO krävs kan ingen i domänen logga in med lösenord, utom en ägare som reserv om IdP:n inte svarar.")
                wrapMode: Text.WordWrap
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            Label {
                objectName: "enforceReason"
                visible: !sso.canEnforce && !sso.enforced
                text: sso.enforceBlockedReason
                wrapMode: Text.WordWrap
                font.pixelSize: tokens.caption
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: tokens.s2
                enabled: sso.canEnforce || (sso.enforced && sso.editable)
                opacity: enabled ? 1 : 0.6
                Layout.fillWidth: true
                InputField {
                    id: breakGlass
                    objectName: "breakGlassEmail"
                    text: sso.breakGlassEmail.length > 0 ? sso.breakGlassEmail : Session.userEmail
                    placeholderText: qsTr("Reservägarens e-post")
                    Accessible.name: qsTr("Reservägare (får logga in med lösenord)")
                    Layout.fillWidth: true
                }
                Switch {
                    id: enforceSwitch
                    objectName: "enforceSwitch"
                    text: qsTr("Kräv SSO")
                    checked: sso.enforced
                    Accessible.description: sso.enforceBlockedReason
                    onToggled: sso.setEnforced(checked, breakGlass.text)
                    Connections { target: sso; function onChanged() { enforceSwitch.checked = sso.enforced } }
                }
            }
            HoverHandler { id: enforceHover; enabled: !sso.canEnforce }
            ToolTip.visible: enforceHover.hovered && !sso.canEnforce && sso.enforceBlockedReason.length > 0
            ToolTip.text: sso.enforceBlockedReason
        }
    }

    Card {
        objectName: "testCard"
        visible: sso.loaded && sso.available
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            Label { text: qsTr("Testa inloggningen"); font.pixelSize: tokens.emphasis; font.bold: true }
            Label {
                text: qsTr("Öppnar en inloggning via er IdP i webbläsaren, utan att något ändras för teamet.")
                wrapMode: Text.WordWrap
                color: page.palette.placeholderText
                Layout.fillWidth: true
            }
            GuardedButton {
                objectName: "testButton"
                text: qsTr("Testa inloggningen")
                reason: sso.hasIdp ? "" : qsTr("Ladda upp IdP-metadata först.")
                onClicked: sso.openTest()
            }
            CopyLinkRow {
                objectName: "testLink"
                visible: sso.testOpenFailed
                url: sso.testUrl.toString()
                Layout.fillWidth: true
                onCopyRequested: (url) => Session.copyToClipboard(url)
            }
        }
    }

    FileDialog {
        id: metadataDialog
        title: qsTr("Välj IdP-metadata (XML)")
        nameFilters: [qsTr("SAML-metadata (*.xml)"), qsTr("Alla filer (*)")]
        onAccepted: sso.uploadMetadata(selectedFile)
    }
}

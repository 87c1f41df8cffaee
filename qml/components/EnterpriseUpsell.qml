import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// An Enterprise feature on another plan: what it is, and a real way to get it
// (the sales form; once sent, when sales received it).
ColumnLayout {
    id: upsell
    property string text
    Tokens { id: tokens }
    spacing: tokens.s2

    Component.onCompleted: Subscription.loadInquiry()

    Label {
        text: upsell.text
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "upsellInquiry"
        visible: text.length > 0
        text: Subscription.inquiryText
        font.pixelSize: tokens.caption
        color: upsell.palette.placeholderText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    ActionButton {
        objectName: "contactSalesButton"
        text: qsTr("Kontakta sälj")
        onClicked: contactDialog.open()
    }
    ContactSalesDialog {
        id: contactDialog
        parent: Overlay.overlay
        onSendRequested: (contact, seats, message) => Subscription.sendEnterpriseInquiry(contact, seats, message)
    }
}

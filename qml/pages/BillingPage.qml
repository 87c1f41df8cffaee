import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// Subscription, payment methods (in Stripe's portal) and the invoice history.
PageFrame {
    id: page
    title: qsTr("Fakturering")
    subtitle: qsTr("Betalningar hanteras av Stripe. Kliv tar aldrig emot eller lagrar dina kortuppgifter.")
    Tokens { id: tokens }

    InvoiceModel { id: invoices }
    Component.onCompleted: if (Session.canViewBilling) invoices.reload()

    function statusTone(status) {
        if (status === "paid")
            return tokens.accent
        if (status === "open")
            return tokens.amber
        if (status === "uncollectible")
            return tokens.red
        return tokens.grey
    }

    Card {
        visible: !Session.canViewBilling
        Layout.fillWidth: true
        Label {
            anchors.fill: parent
            text: qsTr("Bara ägare och administratörer ser fakturor och betalningsmetoder.")
            wrapMode: Text.WordWrap
        }
    }

    Card {
        visible: Session.canViewBilling
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s3
            Label { text: qsTr("Prenumeration"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText }
            RowLayout {
                spacing: tokens.s2
                Label { text: Subscription.tierName; font.pixelSize: tokens.title; font.bold: true }
                StatusChip {
                    visible: Subscription.pastDue
                    text: qsTr("Betalning misslyckades")
                    tone: tokens.red
                }
                StatusChip {
                    visible: Subscription.cancelAtPeriodEnd
                    text: qsTr("Avslutas")
                    tone: tokens.grey
                }
            }
            Label {
                visible: Subscription.periodEndText.length > 0
                text: Subscription.cancelAtPeriodEnd
                      ? qsTr("Prenumerationen avslutas den %1.").arg(Subscription.periodEndText)
                      : qsTr("Nästa faktureringscykel börjar den %1.").arg(Subscription.periodEndText)
                font.pixelSize: tokens.body
            }
            RowLayout {
                spacing: tokens.s3
                ActionButton {
                    text: Subscription.pastDue ? qsTr("Uppdatera betalningsmetod") : qsTr("Hantera betalningsmetoder")
                    primary: Subscription.pastDue
                    enabled: !Subscription.busy
                    onClicked: Subscription.openPortal()
                }
                BusyIndicator { running: Subscription.busy; visible: running; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
            }
            CopyLinkRow {
                visible: Subscription.pendingUrl.toString().length > 0
                url: Subscription.pendingUrl
                Layout.fillWidth: true
                onCopyRequested: (url) => Session.copyToClipboard(url)
            }
            // Only the portal's own error: a plan change's stays on Planer.
            Label {
                objectName: "portalError"
                visible: Subscription.portalError.length > 0
                text: Subscription.portalError
                textFormat: Text.PlainText
                color: tokens.red
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }

    Card {
        visible: Session.canViewBilling
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            spacing: tokens.s2
            RowLayout {
                Label { text: qsTr("Faktureringshistorik"); font.pixelSize: tokens.emphasis; font.bold: true; Layout.fillWidth: true }
                BusyIndicator { running: invoices.loading; visible: running; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
            }
            Label {
                visible: invoices.error.length > 0
                text: invoices.error
                textFormat: Text.PlainText
                color: tokens.red
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                visible: invoiceList.count === 0 && !invoices.loading && invoices.error.length === 0
                text: qsTr("Inga fakturor ännu.")
                color: page.palette.placeholderText
            }
            CopyLinkRow {
                visible: invoices.pendingUrl.toString().length > 0
                url: invoices.pendingUrl
                Layout.fillWidth: true
                onCopyRequested: (url) => Session.copyToClipboard(url)
            }
            RowLayout {
                visible: invoiceList.count > 0
                spacing: tokens.s3
                Layout.fillWidth: true
                Layout.leftMargin: tokens.s2
                Layout.rightMargin: tokens.s2
                Label { text: qsTr("Faktura"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 160 }
                Label { text: qsTr("Datum"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 130 }
                Label { text: qsTr("Avser"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.fillWidth: true; Layout.minimumWidth: 200 }
                Label { text: qsTr("Belopp"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 110; horizontalAlignment: Text.AlignRight }
                Label { text: qsTr("Status"); font.pixelSize: tokens.caption; font.bold: true; color: page.palette.placeholderText; Layout.preferredWidth: 150; Layout.leftMargin: tokens.s4 }
                Item { Layout.preferredWidth: 150 } // over the buttons
            }
            ListView {
                id: invoiceList
                model: invoices
                interactive: false
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Faktureringshistorik")
                delegate: Rectangle {
                    required property int index
                    required property string number
                    required property string dateText
                    required property string totalText
                    required property string status
                    required property string statusText
                    required property string description
                    required property url pdfUrl
                    required property string taxText
                    width: ListView.view.width
                    height: 44
                    color: index % 2 ? Qt.rgba(page.palette.text.r, page.palette.text.g, page.palette.text.b, 0.03) : "transparent"
                    Accessible.role: Accessible.ListItem
                    Accessible.name: qsTr("Faktura %1, %2, %3, %4, %5").arg(number).arg(dateText).arg(description)
                                     .arg(taxText.length > 0 ? totalText + " " + taxText : totalText).arg(statusText)
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: tokens.s2
                        anchors.rightMargin: tokens.s2
                        spacing: tokens.s3
                        Label { text: number; textFormat: Text.PlainText; Layout.preferredWidth: 160; elide: Text.ElideRight }
                        Label { text: dateText; Layout.preferredWidth: 130 }
                        Label { text: description; textFormat: Text.PlainText; elide: Text.ElideRight; Layout.fillWidth: true; Layout.minimumWidth: 200 }
                        ColumnLayout {
                            spacing: 0
                            Layout.preferredWidth: 110
                            Label { text: totalText; Layout.fillWidth: true; horizontalAlignment: Text.AlignRight }
                            Label {
                                objectName: "invoiceTax"
                                visible: taxText.length > 0
                                text: taxText
                                font.pixelSize: tokens.caption
                                color: page.palette.placeholderText
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignRight
                            }
                        }
                        Item {
                            Layout.preferredWidth: 150
                            Layout.leftMargin: tokens.s4
                            implicitHeight: chip.implicitHeight
                            StatusChip { id: chip; text: statusText; tone: page.statusTone(status); anchors.verticalCenter: parent.verticalCenter }
                        }
                        ActionButton {
                            text: qsTr("Öppna")
                            Accessible.name: qsTr("Öppna faktura %1").arg(number)
                            onClicked: invoices.open(index)
                        }
                        ActionButton {
                            visible: pdfUrl.toString().length > 0
                            text: qsTr("PDF")
                            Accessible.name: qsTr("Ladda ner faktura %1 som PDF").arg(number)
                            onClicked: invoices.openPdf(index)
                        }
                    }
                }
            }
        }
    }
}

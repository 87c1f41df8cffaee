import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// Gratis, the Pro tiers and Enterprise side by side. Every change is confirmed
// with the server's own preview sentence before anything happens.
PageFrame {
    id: page
    title: qsTr("Planer")
    subtitle: qsTr("Din nuvarande plan är %1.").arg(Subscription.tierName)
    Tokens { id: tokens }

    PlanModel { id: plans }

    readonly property string blockedReason: !Session.canManagePlan
        ? qsTr("Bara ägare och administratörer kan byta plan.")
        : ""
    readonly property string pastDueReason: Subscription.pastDue
        ? qsTr("Uppdatera betalningsmetoden innan du byter plan.")
        : ""

    function buttonText(kind, name) {
        switch (kind) {
        case "checkout":
        case "upgrade": return qsTr("Uppgradera")
        case "downgrade": return qsTr("Nedgradera")
        case "cancel": return qsTr("Avsluta prenumeration")
        case "contact_sales": return qsTr("Kontakta säljteamet")
        }
        return qsTr("Nuvarande plan")
    }
    // For the screenshot run: ask the server to preview the first upgrade.
    function previewFirstUpgrade() {
        for (let i = 0; i < planRepeater.count; ++i) {
            const card = planRepeater.itemAt(i)
            if (card && (card.changeKind === "upgrade" || card.changeKind === "checkout")) {
                Subscription.preview(card.planId)
                return true
            }
        }
        return false
    }
    function closeDialogs() {
        confirmDialog.close()
        contactDialog.close()
    }
    function startChange(kind, planId) {
        if (kind === "contact_sales") {
            contactDialog.open()
            return
        }
        Subscription.preview(planId)
    }

    Connections {
        target: Subscription
        function onPreviewReady(kind, tier, confirmationText, confirmButtonText, amountDueText, effectiveAtText) {
            confirmDialog.kind = kind
            confirmDialog.tier = tier
            confirmDialog.confirmationText = confirmationText
            confirmDialog.confirmButtonText = confirmButtonText
            confirmDialog.amountDueText = amountDueText
            confirmDialog.effectiveAtText = effectiveAtText
            confirmDialog.open()
        }
    }

    Label {
        visible: page.blockedReason.length > 0
        text: page.blockedReason
        font.pixelSize: tokens.body
        color: page.palette.placeholderText
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    Label {
        visible: Subscription.error.length > 0
        text: Subscription.error
        textFormat: Text.PlainText
        color: tokens.red
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    CopyLinkRow {
        visible: Subscription.pendingUrl.toString().length > 0
        url: Subscription.pendingUrl
        Layout.fillWidth: true
        onCopyRequested: (url) => Session.copyToClipboard(url)
    }

    GridLayout {
        columns: 3
        columnSpacing: tokens.s4
        rowSpacing: tokens.s4
        Layout.fillWidth: true

        Repeater {
            id: planRepeater
            model: plans
            delegate: Card {
                id: planCard
                required property string planId
                required property string name
                required property string kind
                required property int monthlyCredits
                required property int dailyCredits
                required property int seatLimit
                required property string priceText
                required property var features
                required property bool isCurrent
                required property bool isPending
                required property string changeKind

                highlighted: isCurrent
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Accessible.name: name

                ColumnLayout {
                    anchors.fill: parent
                    spacing: tokens.s2
                    // Name and state chips; anchored, since the chips come and go.
                    Item {
                        Layout.fillWidth: true
                        implicitHeight: planName.implicitHeight
                        Label {
                            id: planName
                            text: planCard.name
                            font.pixelSize: tokens.title
                            font.bold: true
                            elide: Text.ElideRight
                            anchors { left: parent.left; right: chips.left; rightMargin: tokens.s2; verticalCenter: parent.verticalCenter }
                        }
                        Row {
                            id: chips
                            spacing: tokens.s1
                            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                            StatusChip { visible: planCard.isCurrent; text: qsTr("Nuvarande"); tone: tokens.accent }
                            StatusChip { visible: planCard.isPending; text: qsTr("Planerad"); tone: tokens.amber }
                        }
                    }
                    Label {
                        text: planCard.priceText
                        font.pixelSize: tokens.big
                        font.bold: true
                        Layout.preferredHeight: 40
                        verticalAlignment: Text.AlignVCenter
                    }
                    Label {
                        text: planCard.kind === "pro" ? qsTr("%n krediter per månad", "", planCard.monthlyCredits)
                            : planCard.kind === "free" ? qsTr("%n krediter per dag", "", planCard.dailyCredits)
                            : qsTr("Kreditbidrag enligt avtal")
                        font.pixelSize: tokens.body
                        font.bold: true
                        color: tokens.accent
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: planCard.seatLimit > 0 ? qsTr("Upp till %n teammedlemmar", "", planCard.seatLimit)
                                                     : qsTr("Obegränsat antal teammedlemmar")
                        font.pixelSize: tokens.body
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                    }
                    Repeater {
                        model: planCard.features
                        delegate: RowLayout {
                            required property var modelData
                            spacing: tokens.s2
                            Layout.fillWidth: true
                            Label { text: "✓"; color: tokens.accent; font.pixelSize: tokens.body; Layout.alignment: Qt.AlignTop; Accessible.ignored: true }
                            Label { text: modelData; font.pixelSize: tokens.body; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                        }
                    }
                    Item { Layout.fillHeight: true; Layout.minimumHeight: tokens.s2 }
                    Label {
                        visible: planCard.isPending && Subscription.pendingEffectiveAtText.length > 0
                        text: qsTr("Börjar gälla den %1").arg(Subscription.pendingEffectiveAtText)
                        font.pixelSize: tokens.caption
                        color: page.palette.placeholderText
                    }
                    GuardedButton {
                        visible: planCard.changeKind !== "current" && !planCard.isPending
                        text: page.buttonText(planCard.changeKind, planCard.name)
                        primary: planCard.changeKind === "upgrade" || planCard.changeKind === "checkout"
                        reason: page.blockedReason.length > 0 ? page.blockedReason
                              : (planCard.changeKind !== "cancel" && planCard.changeKind !== "contact_sales") ? page.pastDueReason : ""
                        showReasonText: page.blockedReason.length === 0
                        button.enabled: reason.length === 0 && !Subscription.busy
                        onClicked: page.startChange(planCard.changeKind, planCard.planId)
                    }
                    GuardedButton {
                        visible: planCard.isPending
                        text: qsTr("Ångra")
                        reason: page.blockedReason
                        showReasonText: false
                        onClicked: Subscription.undo()
                    }
                    Label {
                        visible: planCard.changeKind === "current"
                        text: qsTr("Din plan i dag")
                        font.pixelSize: tokens.body
                        color: page.palette.placeholderText
                        Layout.preferredHeight: 36
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }
        }
    }

    PlanChangeDialog {
        id: confirmDialog
        parent: Overlay.overlay
        keepPlanName: Subscription.tierName.length > 0 && Subscription.tier.indexOf("pro") === 0 ? "Pro" : Subscription.tierName
        busy: Subscription.busy
        onConfirmed: (kind, tier) => kind === "cancel" ? Subscription.cancel() : Subscription.change(tier)
    }

    ContactSalesDialog {
        id: contactDialog
        parent: Overlay.overlay
        onSendRequested: (contact, seats, message) => Subscription.sendEnterpriseInquiry(contact, seats, message)
    }
}

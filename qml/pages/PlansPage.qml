import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kliv.Konto

// Gratis, the Pro tiers and Enterprise side by side, each card listing only
// what it adds over the tier before it. What a change means is the server's
// (PlanModel asks its preview); every change is confirmed with the server's own
// preview sentence, and what happened is said on the page afterwards.
PageFrame {
    id: page
    title: qsTr("Planer")
    subtitle: qsTr("Din nuvarande plan är %1.").arg(Subscription.tierName)
    Tokens { id: tokens }

    PlanModel { id: plans }

    // The plan whose card started the last action: its error shows there only.
    property string actionTier
    readonly property string blockedReason: !Session.canManagePlan
        ? qsTr("Bara ägare och administratörer kan byta plan.")
        : ""
    readonly property string salesReason: Subscription.managedBySales
        ? qsTr("Planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.")
        : ""

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
        page.actionTier = planId
        if (kind === "contact_sales") {
            Subscription.clearMessages()
            contactDialog.open()
            return
        }
        Subscription.preview(planId)
    }

    Connections {
        target: Subscription
        function onPreviewReady(kind, tier, confirmationText, confirmButtonText, amountDueText, effectiveAtText,
                                nextCycleText, pendingCancellationText) {
            confirmDialog.kind = kind
            confirmDialog.tier = tier
            confirmDialog.confirmationText = confirmationText
            confirmDialog.confirmButtonText = confirmButtonText
            confirmDialog.amountDueText = amountDueText
            confirmDialog.effectiveAtText = effectiveAtText
            confirmDialog.nextCycleText = nextCycleText
            confirmDialog.pendingCancellationText = pendingCancellationText
            confirmDialog.open()
        }
        function onInquirySent() {
            page.actionTier = ""
        }
    }
    // Whether an earlier request reached sales, and when (built when first shown).
    Component.onCompleted: Subscription.loadInquiry()
    Connections {
        target: Session
        function onWorkspaceReady() { Subscription.loadInquiry() }
    }

    Label {
        visible: page.blockedReason.length > 0
        text: page.blockedReason
        font.pixelSize: tokens.body
        color: page.palette.placeholderText
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
    }
    // Said up front: a plan sales manages changes only through sales.
    Banner {
        visible: page.salesReason.length > 0 && page.blockedReason.length === 0
        text: page.salesReason
        actionText: qsTr("Kontakta säljteamet")
        Layout.fillWidth: true
        onActionTriggered: page.startChange("contact_sales", "")
    }
    Label {
        objectName: "inquiryStatus"
        visible: text.length > 0
        text: Subscription.inquiryText
        textFormat: Text.PlainText
        font.pixelSize: tokens.body
        color: page.palette.placeholderText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    // What the last action did, from the server's answer; its receipt when there is one.
    Banner {
        objectName: "outcomeBanner"
        visible: Subscription.outcomeText.length > 0
        text: Subscription.outcomeText
        actionText: Subscription.outcomeUrl.toString().length > 0 ? qsTr("Visa kvitto") : ""
        Layout.fillWidth: true
        onActionTriggered: Qt.openUrlExternally(Subscription.outcomeUrl)
    }
    // An error without a card of its own (the contact form).
    Label {
        visible: Subscription.error.length > 0 && page.actionTier.length === 0
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
    Label {
        visible: plans.vatNote.length > 0
        text: plans.vatNote
        font.pixelSize: tokens.caption
        color: page.palette.placeholderText
        Layout.fillWidth: true
    }

    GridLayout {
        // All six side by side when there is room (1920 px), else two rows of three.
        columns: page.availableWidth >= 1500 ? Math.max(1, plans.count) : page.availableWidth >= 900 ? 3 : 2
        columnSpacing: tokens.s4
        rowSpacing: tokens.s4
        Layout.fillWidth: true

        Repeater {
            id: planRepeater
            model: plans
            delegate: PlanCard {
                required property var model
                planId: model.planId
                name: model.name
                kind: model.kind
                monthlyCredits: model.monthlyCredits
                dailyCredits: model.dailyCredits
                monthlyCap: model.monthlyCap
                seatLimit: model.seatLimit
                priceText: model.priceText
                previousName: model.previousName
                addedFeatures: model.addedFeatures
                limitations: model.limitations
                isCurrent: model.isCurrent
                isPending: model.isPending
                changeKind: model.changeKind
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                pendingEffectiveAtText: Subscription.pendingEffectiveAtText
                busy: Subscription.busy
                blockedReason: page.blockedReason.length > 0 ? page.blockedReason
                             : page.salesReason.length > 0 ? page.salesReason
                             : model.blockedReason
                showReasonText: page.blockedReason.length === 0 && page.salesReason.length === 0
                errorText: page.actionTier === planId ? Subscription.error : ""
                onChangeRequested: (kind, planId) => page.startChange(kind, planId)
                onUndoRequested: { page.actionTier = planId; Subscription.undo() }
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
        onSendRequested: (contact, seats, message) => { page.actionTier = ""; Subscription.sendEnterpriseInquiry(contact, seats, message) }
    }
}

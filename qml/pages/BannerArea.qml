import QtQuick
import QtQuick.Controls
import Kliv.Konto

// The banners at the top of the page area: a failed payment, an overdue
// invoice, a scheduled cancellation or downgrade, offline (stale) data and a
// one-off notice.
// Each banner's condition is a property here: `visible` of a child reads false
// while the area itself is hidden, so the area must not bind to it.
// A Column whose height the page below follows by an anchor (Main.qml): as a
// ColumnLayout inside a layout, Qt 6.4 could keep a hidden banner's height as an
// empty band above the page.
Column {
    id: area
    objectName: "bannerArea"
    spacing: tokens.s2
    readonly property bool showPastDue: Subscription.pastDue
    readonly property bool showOverdue: invoices.overdue
    readonly property bool showCancelling: Subscription.cancelAtPeriodEnd
    readonly property bool showDowngrading: !Subscription.cancelAtPeriodEnd && Subscription.pendingTier.length > 0
    readonly property bool showOffline: CreditMeter.stale
    readonly property bool showNotice: Session.notice.length > 0
    visible: showPastDue || showOverdue || showCancelling || showDowngrading || showOffline || showNotice
    Tokens { id: tokens }
    // The server's overdue invoice (billing viewers only, who can pay it).
    InvoiceModel { id: invoices }
    // Said instead of showing an "Ångra" the user may not press.
    readonly property string undoReason: Session.canManagePlan ? "" : " " + qsTr("Bara ägare och administratörer kan ångra ändringen.")

    Banner {
        id: pastDue
        visible: area.showPastDue
        tone: "error"
        text: Session.canViewBilling
              ? qsTr("Betalningen för din prenumeration misslyckades. Uppdatera betalningsmetoden så att du behåller %1.").arg(Subscription.tierName)
              : qsTr("Betalningen för prenumerationen misslyckades. Be en ägare eller administratör att uppdatera betalningsmetoden.")
        actionText: Session.canViewBilling ? qsTr("Uppdatera betalningsmetod") : ""
        onActionTriggered: Subscription.openPortal()
        width: area.width
    }
    Banner {
        id: overdueInvoice
        objectName: "overdueBanner"
        visible: area.showOverdue
        tone: "error"
        text: invoices.overdueText
        actionText: qsTr("Betala fakturan")
        onActionTriggered: invoices.openOverdue()
        width: area.width
    }
    CopyLinkRow {
        visible: area.showOverdue && invoices.pendingUrl.toString().length > 0
        url: invoices.pendingUrl
        width: area.width
        onCopyRequested: (url) => Session.copyToClipboard(url)
    }
    Banner {
        id: cancelling
        visible: area.showCancelling
        tone: "neutral"
        text: qsTr("Prenumerationen avslutas den %1. Du behåller %2 till dess, sedan går arbetsytan över till Gratis.")
              .arg(Subscription.periodEndText).arg(Subscription.tierName) + area.undoReason
        actionText: Session.canManagePlan ? qsTr("Ångra") : ""
        onActionTriggered: Subscription.undo()
        width: area.width
    }
    Banner {
        id: downgrading
        visible: area.showDowngrading
        tone: "neutral"
        text: qsTr("Du byter till %1 den %2. Till dess har du kvar %3 och dina krediter.")
              .arg(Subscription.pendingTierName).arg(Subscription.pendingEffectiveAtText).arg(Subscription.tierName) + area.undoReason
        actionText: Session.canManagePlan ? qsTr("Ångra") : ""
        onActionTriggered: Subscription.undo()
        width: area.width
    }
    Banner {
        id: offline
        visible: area.showOffline
        tone: "offline"
        text: qsTr("Ingen kontakt med servern. Uppgifterna är från %1.")
              .arg(CreditMeter.lastUpdatedText)
        actionText: qsTr("Försök igen")
        onActionTriggered: CreditMeter.refresh()
        width: area.width
    }
    Banner {
        id: notice
        objectName: "noticeBanner"
        visible: area.showNotice
        tone: "neutral"
        text: Session.notice
        actionText: qsTr("Stäng")
        onActionTriggered: Session.dismissNotice()
        width: area.width
    }
}

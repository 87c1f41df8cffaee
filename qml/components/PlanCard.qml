import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One plan on Planer: price, credits, seats, only what it adds over the tier
// before it, its limitations (never with a ✓), and the one action the server
// says choosing it means. Everything comes in as properties; the card decides
// nothing. `errorText` is the error of this card's own last action.
Card {
    id: card
    property string planId
    property string name
    property string kind            // free, pro, enterprise
    property string priceText
    property int monthlyCredits
    property int dailyCredits
    property int monthlyCap
    property int seatLimit
    property string previousName    // the tier before it ("" for the first)
    property var addedFeatures: []
    property var limitations: []
    property bool isCurrent
    property bool isPending
    property string pendingEffectiveAtText
    property string changeKind      // the server's: checkout, upgrade, downgrade, cancel, contact_sales, current, ""
    property string blockedReason   // why the action is not possible (role, sales, the server's refusal)
    property bool showReasonText: true
    property bool busy
    property string errorText
    signal changeRequested(string kind, string planId)
    signal undoRequested()

    Tokens { id: tokens }
    highlighted: isCurrent
    Accessible.name: name

    function buttonText(kind) {
        switch (kind) {
        case "checkout":
        case "upgrade": return qsTr("Uppgradera")
        case "downgrade": return qsTr("Nedgradera")
        case "cancel": return qsTr("Avsluta prenumeration")
        case "contact_sales": return qsTr("Kontakta säljteamet")
        }
        return qsTr("Byt till %1").arg(card.name)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: tokens.s2
        // Name and state chips; anchored, since the chips come and go.
        Item {
            Layout.fillWidth: true
            implicitHeight: planName.implicitHeight
            Label {
                id: planName
                text: card.name
                font.pixelSize: tokens.title
                font.bold: true
                elide: Text.ElideRight
                anchors { left: parent.left; right: chips.left; rightMargin: tokens.s2; verticalCenter: parent.verticalCenter }
            }
            Row {
                id: chips
                spacing: tokens.s1
                anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                StatusChip { objectName: "currentChip"; visible: card.isCurrent; text: qsTr("Nuvarande"); tone: tokens.accent }
                StatusChip { visible: card.isPending; text: qsTr("Planerad"); tone: tokens.amber }
            }
        }
        Label {
            text: card.priceText
            font.pixelSize: tokens.big
            font.bold: true
            Layout.preferredHeight: 40
            verticalAlignment: Text.AlignVCenter
        }
        Label {
            objectName: "creditsText"
            text: card.kind === "pro" ? qsTr("%n krediter per månad", "", card.monthlyCredits)
                : card.kind === "free" ? (card.monthlyCap > 0
                                          ? qsTr("%1 krediter per dag, högst %2 i månaden").arg(card.dailyCredits).arg(card.monthlyCap)
                                          : qsTr("%n krediter per dag", "", card.dailyCredits))
                : qsTr("Kreditbidrag enligt avtal")
            font.pixelSize: tokens.body
            font.bold: true
            color: tokens.accent
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            text: card.seatLimit > 0 ? qsTr("Upp till %n teammedlemmar", "", card.seatLimit)
                                     : qsTr("Obegränsat antal teammedlemmar")
            font.pixelSize: tokens.body
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "addedHeading"
            visible: card.previousName.length > 0 && card.addedFeatures.length > 0
            text: qsTr("Allt i %1, och dessutom:").arg(card.previousName)
            font.pixelSize: tokens.caption
            color: card.palette.placeholderText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Label {
            objectName: "sameAsBefore"
            visible: card.previousName.length > 0 && card.addedFeatures.length === 0
            text: qsTr("Samma funktioner som %1.").arg(card.previousName)
            font.pixelSize: tokens.caption
            color: card.palette.placeholderText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        Repeater {
            objectName: "addedList"
            model: card.addedFeatures
            delegate: RowLayout {
                required property var modelData
                spacing: tokens.s2
                Layout.fillWidth: true
                Label { text: "✓"; color: tokens.accent; font.pixelSize: tokens.body; Layout.alignment: Qt.AlignTop; Accessible.ignored: true }
                Label { objectName: "feature"; text: modelData; font.pixelSize: tokens.body; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            }
        }
        Repeater {
            objectName: "limitationList"
            model: card.limitations
            delegate: RowLayout {
                required property var modelData
                spacing: tokens.s2
                Layout.fillWidth: true
                Label { objectName: "limitationMark"; text: "–"; color: card.palette.placeholderText; font.pixelSize: tokens.body; Layout.alignment: Qt.AlignTop; Accessible.ignored: true }
                Label {
                    objectName: "limitation"
                    text: modelData
                    font.pixelSize: tokens.body
                    color: card.palette.placeholderText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Begränsning: %1").arg(modelData)
                }
            }
        }
        Item { Layout.fillHeight: true; Layout.minimumHeight: tokens.s2 }
        Label {
            visible: card.isPending && card.pendingEffectiveAtText.length > 0
            text: qsTr("Börjar gälla den %1").arg(card.pendingEffectiveAtText)
            font.pixelSize: tokens.caption
            color: card.palette.placeholderText
        }
        GuardedButton {
            objectName: "changeButton"
            visible: card.changeKind !== "current" && !card.isPending
            text: card.buttonText(card.changeKind)
            primary: card.changeKind === "upgrade" || card.changeKind === "checkout"
            // An unknown kind (still asking the server) is not clickable either.
            reason: card.blockedReason
            showReasonText: card.showReasonText
            button.enabled: reason.length === 0 && card.changeKind.length > 0 && !card.busy
            onClicked: card.changeRequested(card.changeKind, card.planId)
        }
        GuardedButton {
            objectName: "undoButton"
            visible: card.isPending
            text: qsTr("Ångra")
            reason: card.blockedReason
            showReasonText: false
            button.enabled: reason.length === 0 && !card.busy
            onClicked: card.undoRequested()
        }
        Label {
            objectName: "errorText"
            visible: card.errorText.length > 0
            text: card.errorText
            textFormat: Text.PlainText
            color: tokens.red
            font.pixelSize: tokens.caption
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
        }
    }
}

import QtQuick
import QtQuick.Controls

// A surface with the card radius; content goes in as children of a Pane.
Pane {
    id: card
    property bool highlighted: false
    Tokens { id: tokens }
    padding: tokens.s4
    background: Rectangle {
        radius: tokens.radiusCard
        color: card.palette.base
        border.width: card.highlighted ? 2 : 1
        border.color: card.highlighted ? tokens.accent : Qt.rgba(card.palette.text.r, card.palette.text.g, card.palette.text.b, 0.14)
    }
}

import QtQuick

// Readable names for the activity ids the server reports; an unknown id is
// shown as it is.
QtObject {
    function label(id) {
        switch (id) {
        case "chat": return qsTr("Chatt")
        case "image": return qsTr("Bildgenerering")
        case "generate_page": return qsTr("Ny sida")
        case "edit_section": return qsTr("Redigerad sektion")
        case "publish": return qsTr("Publicering")
        }
        return id
    }
}

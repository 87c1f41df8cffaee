import QtQuick
import QtTest
import "../../../qml/components"

// The custom role editor: one line per permission, a permission the user does
// not hold disabled with the reason written out, the choice sent as names.
Item {
    id: root
    width: 800
    height: 700

    Component {
        id: dialogComponent
        RoleEditorDialog {
            permissionChoices: [
                { name: "view_own_usage", text: "Se sina egna krediter och sin användning", held: true, reason: "" },
                { name: "view_billing", text: "Se fakturor och betalningsmetoder", held: true, reason: "" },
                { name: "manage_plan", text: "Byta och avsluta planen", held: false, reason: "Du har inte den här behörigheten själv och kan därför inte ge den." }
            ]
        }
    }
    SignalSpy { id: saveSpy; signalName: "saveRequested" }

    TestCase {
        name: "RoleEditorDialog"
        when: windowShown

        function test_permissions_and_save() {
            const d = createTemporaryObject(dialogComponent, root)
            verify(d)
            saveSpy.target = d
            saveSpy.clear()
            d.openFor("Ekonomi", ["view_own_usage"])
            tryVerify(() => d.opened)
            compare(d.title, "Ändra rollen Ekonomi")
            const own = findChild(d.contentItem, "permission_view_own_usage")
            const billing = findChild(d.contentItem, "permission_view_billing")
            const plan = findChild(d.contentItem, "permission_manage_plan")
            verify(own.checked && !billing.checked && !plan.checked)
            verify(!plan.enabled, "a permission the user lacks cannot be given")
            compare(plan.Accessible.description, "Du har inte den här behörigheten själv och kan därför inte ge den.")
            mouseClick(billing)
            verify(billing.checked)
            findChild(d.contentItem, "roleName").text = "Ekonomi och fakturor"
            mouseClick(findChild(d.footer, "saveRoleButton"))
            compare(saveSpy.count, 1)
            compare(saveSpy.signalArguments[0][0], "Ekonomi")
            compare(saveSpy.signalArguments[0][1], "Ekonomi och fakturor")
            compare(saveSpy.signalArguments[0][2].slice().sort(), ["view_billing", "view_own_usage"])
            verify(d.opened, "stays open until the server says yes")
            d.error = "2 teammedlemmar har den här rollen."
            verify(findChild(d.contentItem, "roleError").visible)
        }

        function test_new_role_needs_a_name() {
            const d = createTemporaryObject(dialogComponent, root)
            d.openFor("", ["view_own_usage"])
            tryVerify(() => d.opened)
            compare(d.title, "Ny roll")
            const save = findChild(d.footer, "saveRoleButton")
            verify(!save.enabled)
            findChild(d.contentItem, "roleName").text = "  "
            verify(!save.enabled, "blank is no name")
            findChild(d.contentItem, "roleName").text = "Support"
            verify(save.enabled)
        }
    }
}

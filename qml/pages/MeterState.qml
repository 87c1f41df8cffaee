import QtQuick
import Kliv.Konto

// CreditMeter's level as the plain name the meter components take.
QtObject {
    readonly property string level: CreditMeter.level === CreditMeter.Low ? "low"
                                  : CreditMeter.level === CreditMeter.Empty ? "empty"
                                  : CreditMeter.level === CreditMeter.CapReached ? "capReached"
                                  : "normal"
}

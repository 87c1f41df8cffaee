#pragma once
// What a Swedish company books from an invoice: the seller's name, address,
// organisationsnummer and VAT number ([invoice] in the server's settings).
// Pure: the checks the server runs on them at start.
#include <QString>

namespace billing {

inline constexpr int kVatPercent = 25;   // moms on Kliv's services

struct SellerDetails {
    QString name;
    QString orgNumber;   // NNNNNN-NNNN
    QString vatNumber;   // SE + the 10 digits of the org.nr + 01
    QString address;     // one line, e.g. "Storgatan 1, 111 22 Stockholm"
    bool isEmpty() const { return name.isEmpty() && orgNumber.isEmpty() && vatNumber.isEmpty() && address.isEmpty(); }
};

// NNNNNN-NNNN whose last digit is the Luhn check digit of the first nine.
bool validOrgNumber(const QString &orgNumber);
// SE, ten digits that pass the same check, then 01 (Skatteverket's form).
bool validVatNumber(const QString &vatNumber);
// "" when the details are usable (all set, numbers valid, the VAT number the
// org.nr's), else what is wrong, naming the setting.
QString checkSellerDetails(const SellerDetails &details);

} // namespace billing

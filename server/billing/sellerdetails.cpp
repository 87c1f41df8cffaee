#include "sellerdetails.h"

#include <QRegularExpression>

namespace billing {

namespace {

// Weights 2,1,2,1,... from the left; a product's digits are summed.
bool luhn(const QString &digits)
{
    int sum = 0;
    for (int i = 0; i < digits.size(); ++i) {
        const int v = digits.at(i).digitValue() * (i % 2 == 0 ? 2 : 1);
        sum += v / 10 + v % 10;
    }
    return sum % 10 == 0;
}

QString orgDigits(const QString &orgNumber) { return QString(orgNumber).remove(QLatin1Char('-')); }

} // namespace

bool validOrgNumber(const QString &orgNumber)
{
    static const QRegularExpression re(QStringLiteral("^\\d{6}-\\d{4}$"));
    return re.match(orgNumber).hasMatch() && luhn(orgDigits(orgNumber));
}

bool validVatNumber(const QString &vatNumber)
{
    static const QRegularExpression re(QStringLiteral("^SE(\\d{10})01$"));
    const auto m = re.match(vatNumber);
    return m.hasMatch() && luhn(m.captured(1));
}

QString checkSellerDetails(const SellerDetails &d)
{
    if (d.name.trimmed().isEmpty())
        return QStringLiteral("[invoice] seller_name is required when the invoice fields are set");
    if (d.address.trimmed().isEmpty())
        return QStringLiteral("[invoice] address is required when the invoice fields are set");
    if (!validOrgNumber(d.orgNumber))
        return QStringLiteral("[invoice] org_number \"%1\" is not an organisationsnummer (NNNNNN-NNNN with a valid check digit)")
            .arg(d.orgNumber);
    if (!validVatNumber(d.vatNumber))
        return QStringLiteral("[invoice] vat_number \"%1\" is not a Swedish VAT number (SE, ten digits, 01)").arg(d.vatNumber);
    if (d.vatNumber.mid(2, 10) != orgDigits(d.orgNumber))
        return QStringLiteral("[invoice] vat_number %1 is not the VAT number of org_number %2 (SE%301)")
            .arg(d.vatNumber, d.orgNumber, orgDigits(d.orgNumber));
    return {};
}

} // namespace billing

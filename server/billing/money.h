#pragma once
// Money is always an integer count of minor units (öre for SEK) with an ISO currency.
#include <QString>
#include <QtGlobal>

namespace billing {

struct Money {
    qint64 amount = 0;          // minor units, e.g. 25000 = 250,00 kr
    QString currency = QStringLiteral("SEK");
    friend bool operator==(const Money &, const Money &) = default;
};

} // namespace billing

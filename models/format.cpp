#include "format.h"

#include "appsettings.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace Format {

QLocale locale()
{
    return AppSettings::instance()->locale();
}

QDateTime parseInstant(const QString &rfc3339)
{
    QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(rfc3339, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString money(qint64 minorUnits, const QString &currency)
{
    const QLocale l = locale();
    const QString symbol = currency.compare(QLatin1String("SEK"), Qt::CaseInsensitive) == 0 || currency.isEmpty()
        ? QStringLiteral("kr") : currency;
    const QString number = minorUnits % 100 == 0
        ? l.toString(minorUnits / 100)
        : l.toString(double(minorUnits) / 100.0, 'f', 2);
    return number + QChar(0x00A0) + symbol;
}

QString money(const QJsonValue &m)
{
    const QJsonObject o = m.toObject();
    return money(o.value(QLatin1String("amount")).toInteger(), o.value(QLatin1String("currency")).toString());
}

QString keepTogether(QString text)
{
    return text.replace(QLatin1Char(' '), QChar(0x00A0));
}

QString date(const QDateTime &utc)
{
    return keepTogether(locale().toString(utc.toLocalTime().date(), QStringLiteral("d MMM yyyy")));
}

QString shortDate(const QDateTime &utc)
{
    return keepTogether(locale().toString(utc.toLocalTime().date(), QStringLiteral("d MMM")));
}

QString time(const QDateTime &utc)
{
    return locale().toString(utc.toLocalTime().time(), QStringLiteral("HH:mm"));
}

QString relative(const QDateTime &utc, const QDateTime &nowUtc)
{
    const QDate day = utc.toLocalTime().date();
    const QDate today = nowUtc.toLocalTime().date();
    // "i dag" and "i morgon" hold a non-breaking space (U+00A0).
    if (day == today)
        return QCoreApplication::translate("Format", "i dag %1").arg(time(utc));
    if (day == today.addDays(1))
        return QCoreApplication::translate("Format", "i morgon %1").arg(time(utc));
    return shortDate(utc);
}

QString credits(qint64 n)
{
    return n == 1 ? QCoreApplication::translate("Format", "%1 kredit").arg(locale().toString(n))
                  : QCoreApplication::translate("Format", "%1 krediter").arg(locale().toString(n));
}

QString planName(const QString &planId, const QString &catalogName)
{
    if (planId == QLatin1String("free"))
        return QCoreApplication::translate("Format", "Gratis");
    return keepTogether(catalogName.isEmpty() ? planId : catalogName);
}

} // namespace Format

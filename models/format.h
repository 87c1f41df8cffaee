#pragma once
#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QString>

// Display formats shared by the models. Everything the user reads goes through
// the locale of the UI language (sv_SE for Swedish, en_GB for English: "1 000 kr"
// and "17 dec. 2026", or "1,000 kr" and "17 Dec 2026"), never hand-built. Words
// that belong together ("17 dec. 2026", "i morgon", "Pro 200") are joined with
// non-breaking spaces so a line never breaks inside them.
namespace Format {
QLocale locale();
QDateTime parseInstant(const QString &rfc3339);      // UTC on the wire
QString money(qint64 minorUnits, const QString &currency); // "250 kr", "249,50 kr"
QString money(const QJsonValue &moneyObject);
QString date(const QDateTime &utc);                  // "10 jan. 2027"
QString shortDate(const QDateTime &utc);             // "26 dec."
QString time(const QDateTime &utc);                  // "14:02" local time
// "i dag 01:00", "i morgon 01:00", otherwise the short date; relative to now.
QString relative(const QDateTime &utc, const QDateTime &nowUtc);
QString credits(qint64 n);                           // "1 kredit", "5 krediter"
// A plan's name in the UI language: the catalog's names are Swedish product
// names, so the free plan ("free") is translated; others keep their name ("Pro 200").
QString planName(const QString &planId, const QString &catalogName);
QString keepTogether(QString text);                  // spaces -> non-breaking
}

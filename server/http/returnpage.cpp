#include "returnpage.h"
#include "signinpage.h"

namespace http {

QString returnPagePath() { return QStringLiteral("/billing/return"); }

static QByteArray textPage(const QString &title, const QString &text)
{
    return renderPage(title, QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n<p class=\"muted\">Du kan stänga den här fliken.</p>\n")
                                 .arg(htmlEscaped(title), htmlEscaped(text)));
}

ReturnPage renderReturnPage(const QString &result)
{
    if (result == QLatin1String("success")) {
        return {200, textPage(QStringLiteral("Tack för din betalning"),
                              QStringLiteral("Betalningen är klar. Gå tillbaka till Kliv Konto – din nya plan visas där "
                                             "så snart betalningen har bekräftats."))};
    }
    if (result == QLatin1String("cancel")) {
        return {200, textPage(QStringLiteral("Betalningen avbröts"),
                              QStringLiteral("Ingenting har debiterats. Gå tillbaka till Kliv Konto om du vill försöka igen."))};
    }
    if (result == QLatin1String("portal")) {
        return {200, textPage(QStringLiteral("Klart"),
                              QStringLiteral("Dina ändringar är sparade. Gå tillbaka till Kliv Konto för att se dem."))};
    }
    return {400, textPage(QStringLiteral("Okänd sida"),
                          QStringLiteral("Adressen är ofullständig eller felaktig. Gå tillbaka till Kliv Konto – "
                                         "där ser du alltid din aktuella plan."))};
}

} // namespace http

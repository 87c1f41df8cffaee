#include "apierror.h"

#include <QCoreApplication>

QString ApiError::messageFor(Kind kind)
{
    switch (kind) {
    case None: return {};
    case Network: return QCoreApplication::translate("ApiError", "Kan inte nå Kliv. Kontrollera internetanslutningen och försök igen.");
    case Timeout: return QCoreApplication::translate("ApiError", "Kliv svarade inte i tid. Försök igen om en stund.");
    case Unauthorized: return QCoreApplication::translate("ApiError", "Du är utloggad. Logga in igen.");
    case Forbidden: return QCoreApplication::translate("ApiError", "Du har inte behörighet till det här.");
    case NotFound: return QCoreApplication::translate("ApiError", "Det här finns inte längre.");
    case InsufficientCredits: return QCoreApplication::translate("ApiError", "Det finns inte tillräckligt med krediter.");
    case MemberLimitReached: return QCoreApplication::translate("ApiError", "Du har nått din gräns för den här perioden. Be en administratör höja gränsen.");
    case Conflict: return QCoreApplication::translate("ApiError", "Ändringen gick inte att göra just nu. Uppdatera och försök igen.");
    case SeatLimitReached: return QCoreApplication::translate("ApiError", "Arbetsytan har inga lediga platser för fler teammedlemmar.");
    case PastDue: return QCoreApplication::translate("ApiError", "Den senaste betalningen misslyckades. Uppdatera betalningsmetoden först.");
    case PaymentsUnavailable: return QCoreApplication::translate("ApiError", "Betalningar är inte tillgängliga just nu. Försök igen senare.");
    case CardDeclined: return QCoreApplication::translate("ApiError", "Kortet nekades. Uppdatera betalningsmetoden och försök igen.");
    case ManagedByAdmin: return QCoreApplication::translate("ApiError", "Den här planen hanteras av Klivs säljteam. Kontakta säljteamet för att ändra den.");
    case PaymentProvider: return QCoreApplication::translate("ApiError", "Betaltjänsten svarade inte som väntat. Försök igen senare.");
    case Validation: return QCoreApplication::translate("ApiError", "Uppgifterna är inte giltiga. Kontrollera dem och försök igen.");
    case RateLimited: return QCoreApplication::translate("ApiError", "För många förfrågningar. Vänta en stund och försök igen.");
    case Server: return QCoreApplication::translate("ApiError", "Något gick fel hos Kliv. Försök igen om en stund.");
    case InvalidResponse: return QCoreApplication::translate("ApiError", "Kliv skickade ett svar som inte gick att läsa. Försök igen om en stund.");
    case Keychain: return QCoreApplication::translate("ApiError", "Nyckelringen går inte att använda.");
    case SignIn: return QCoreApplication::translate("ApiError", "Inloggningen misslyckades. Försök igen.");
    }
    return {};
}

ApiError ApiError::make(Kind kind, int status, const QString &code)
{
    ApiError e;
    e.kind = kind;
    e.status = status;
    e.code = code;
    e.message = messageFor(kind);
    return e;
}

ApiError ApiError::fromResponse(int status, const QByteArray &body)
{
    const QJsonObject err = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    const QString code = err.value(QLatin1String("code")).toString();
    Kind kind = Server;
    if (code == QLatin1String("insufficient_credits")) kind = InsufficientCredits;
    else if (code == QLatin1String("member_limit_reached")) kind = MemberLimitReached;
    else if (code == QLatin1String("seat_limit_reached")) kind = SeatLimitReached;
    else if (code == QLatin1String("past_due")) kind = PastDue;
    else if (code == QLatin1String("payments_unavailable")) kind = PaymentsUnavailable;
    else if (code == QLatin1String("payment_provider_error")) kind = PaymentProvider;
    else if (code == QLatin1String("card_declined")) kind = CardDeclined;
    else if (code == QLatin1String("managed_by_admin")) kind = ManagedByAdmin;
    else if (code == QLatin1String("validation_failed") || code == QLatin1String("bad_request")
             || code == QLatin1String("invalid_json") || code == QLatin1String("body_too_large")) kind = Validation;
    else if (status == 401) kind = Unauthorized;
    else if (status == 402) kind = InsufficientCredits;
    else if (status == 403) kind = Forbidden;
    else if (status == 404) kind = NotFound;
    else if (status == 409) kind = Conflict;
    else if (status == 429) kind = RateLimited;
    else if (status == 503) kind = code.isEmpty() ? Server : PaymentsUnavailable;
    else if (status >= 400 && status < 500) kind = Validation;
    ApiError e = make(kind, status, code);
    e.serverMessage = err.value(QLatin1String("message")).toString();
    // The server words this one for the member, with their limit in it.
    if (kind == MemberLimitReached && !e.serverMessage.isEmpty())
        e.message = e.serverMessage;
    return e;
}

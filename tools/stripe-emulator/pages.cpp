#include "pages.h"

#include "apierror.h"
#include "engine.h"
#include "formdecoder.h"
#include "store.h"

#include <QJsonArray>

using namespace emu;

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

HttpResponse page(int status, const QString &title, const QString &content)
{
    HttpResponse r;
    r.status = status;
    r.body = QStringLiteral(
                 "<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%1</title><style>"
                 "body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d2330;margin:0;padding:2rem}"
                 "main{max-width:34rem;margin:auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 1px 4px #0002}"
                 "h1{font-size:1.4rem;margin-top:0}h2{font-size:1.1rem;margin-top:1.6rem}"
                 "label{display:block;margin:.8rem 0 .3rem;font-weight:600}"
                 "input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #aab;border-radius:6px}"
                 "button{margin-top:1rem;padding:.7rem 1.4rem;font-size:1rem;border:0;border-radius:6px;background:#2d5bd7;color:#fff;cursor:pointer}"
                 "button.secondary{background:#e8eaf0;color:#1d2330}"
                 ".error{background:#fde8e8;color:#8a1111;padding:.7rem;border-radius:6px}"
                 ".note{background:#e8f4ea;color:#17522a;padding:.7rem;border-radius:6px}"
                 ".amount{font-size:1.6rem;font-weight:700;margin:.2rem 0}.muted{color:#5a6272;font-size:.9rem}"
                 "table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #e3e5ea}"
                 "</style></head><body><main>%2</main></body></html>\n")
                 .arg(esc(title), content)
                 .toUtf8();
    return r;
}

HttpResponse redirect(const QString &location)
{
    HttpResponse r;
    r.status = 303;
    r.header("Location", location.toUtf8());
    r.body = QStringLiteral("<!doctype html><a href=\"%1\">Fortsätt</a>\n").arg(esc(location)).toUtf8();
    return r;
}

QString cardMessage(const ApiError &e)
{
    if (e.code == QLatin1String("incorrect_number"))
        return QStringLiteral("Kortnumret är ogiltigt. Kontrollera numret och försök igen.");
    if (e.declineCode == QLatin1String("insufficient_funds"))
        return QStringLiteral("Kortet nekades: otillräckligt saldo. Försök med ett annat kort.");
    if (e.type == QLatin1String("card_error"))
        return QStringLiteral("Kortet nekades. Försök med ett annat kort.");
    return e.message;
}

QString cardFields()
{
    return QStringLiteral(
        "<label for=\"cardnumber\">Kortnummer</label>"
        "<input id=\"cardnumber\" name=\"cardnumber\" inputmode=\"numeric\" autocomplete=\"cc-number\" placeholder=\"1234 1234 1234 1234\" required>"
        "<label for=\"exp\">Utgångsdatum</label><input id=\"exp\" name=\"exp\" placeholder=\"MM / ÅÅ\" autocomplete=\"cc-exp\">"
        "<label for=\"cvc\">CVC</label><input id=\"cvc\" name=\"cvc\" placeholder=\"123\" autocomplete=\"cc-csc\">");
}

QString statusText(const QString &status)
{
    static const QHash<QString, QString> texts{{"active", "Aktiv"}, {"past_due", "Betalning misslyckades – vi försöker igen"},
                                               {"unpaid", "Obetald"}, {"canceled", "Avslutad"}, {"paid", "Betald"},
                                               {"open", "Obetald"}, {"void", "Makulerad"}, {"draft", "Utkast"},
                                               {"uncollectible", "Oindrivbar"}};
    return texts.value(status, status);
}

} // namespace

Pages::Pages(Engine &engine, Store &store, QObject *parent) : QObject(parent), m_engine(engine), m_store(store) {}

std::optional<ApiError> Pages::transact(const std::function<void()> &op)
{
    m_store.begin();
    try {
        op();
        m_store.commit();
        Q_EMIT committed();
        return std::nullopt;
    } catch (const ApiError &e) {
        m_store.rollback();
        return e;
    }
}

HttpResponse Pages::handle(const QString &method, const QString &path, const QByteArray &query, const QByteArray &body)
{
    const QStringList s = path.split('/', Qt::SkipEmptyParts);
    if (method != QLatin1String("GET") && method != QLatin1String("POST"))
        return page(405, "Fel", "<h1>Metoden stöds inte</h1>");
    QJsonObject form, q;
    try {
        form = method == QLatin1String("POST") ? FormDecoder::decode(body) : QJsonObject();
        q = FormDecoder::decode(query);
    } catch (const ApiError &e) {
        return page(400, "Fel", "<h1>Ogiltig begäran</h1><p>" + esc(e.message) + "</p>");
    }
    if (s.size() == 3 && s[0] == QLatin1String("c") && s[1] == QLatin1String("pay"))
        return checkout(method, s[2], form);
    if ((s.size() == 3 || s.size() == 4) && s[0] == QLatin1String("p") && s[1] == QLatin1String("session"))
        return portal(method, s[2], s.value(3), form, q);
    if (s.size() == 3 && s[0] == QLatin1String("i") && s[2] == QLatin1String("pdf") && method == QLatin1String("GET"))
        return invoicePdf(s[1]);
    if ((s.size() == 2 || s.size() == 3) && s[0] == QLatin1String("i"))
        return invoice(s.size() == 3 && s[2] == QLatin1String("pay") ? method : QStringLiteral("GET"), s[1], form);
    if (s.isEmpty())
        return page(200, "Stripe-emulator", "<h1>Kliv Stripe-emulator</h1><p class=\"muted\">API: /v1/…</p>");
    return page(404, "Hittades inte", "<h1>Sidan finns inte</h1>");
}

HttpResponse Pages::checkout(const QString &method, const QString &id, const QJsonObject &form)
{
    const QJsonObject s = m_store.get(id);
    if (s["object"] != QLatin1String("checkout.session"))
        return page(404, "Hittades inte", "<h1>Betalsidan finns inte</h1>");
    if (s["status"] == QLatin1String("expired"))
        return page(410, "Utgången", "<h1>Den här betalsidan har gått ut</h1><p>Starta köpet igen från Kliv.</p>");
    const QString success = s["success_url"].toString().replace("{CHECKOUT_SESSION_ID}", id);
    if (s["status"] == QLatin1String("complete"))
        return page(200, "Betald", QStringLiteral("<h1>Betalningen är klar</h1><p><a href=\"%1\">Tillbaka till Kliv</a></p>").arg(esc(success)));
    QString error;
    int status = 200;
    if (method == QLatin1String("POST")) {
        const CheckoutDetails details{str(form, "email"),
                                      QJsonObject{{"line1", str(form, "line1")}, {"postal_code", str(form, "postal_code")},
                                                  {"city", str(form, "city")}, {"country", str(form, "country")}},
                                      str(form, "vat_number")};
        const auto failure = transact([&] { m_engine.completeCheckout(id, str(form, "cardnumber"), details); });
        if (!failure)
            return redirect(success);
        error = cardMessage(*failure);
        status = failure->status == 402 ? 402 : 400;
    }
    const QJsonObject price = s["_line_items"].toArray().first().toObject()["price"].toObject();
    const QString amount = formatAmount(price["unit_amount"].toInteger(), price["currency"].toString());
    QString html = QStringLiteral("<h1>Kliv</h1><p>%1</p><p class=\"amount\">%2</p><p class=\"muted\">per månad, förnyas automatiskt</p>")
                       .arg(esc(price["nickname"].toString()), esc(amount));
    if (!error.isEmpty())
        html += "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>";
    html += QStringLiteral("<form method=\"post\" action=\"/c/pay/%1\">").arg(esc(id));
    if (s["customer"].isNull())
        html += QStringLiteral("<label for=\"email\">E-post</label><input id=\"email\" name=\"email\" type=\"email\" value=\"%1\">")
                    .arg(esc(s["customer_email"].toString()));
    if (s["billing_address_collection"] == QLatin1String("required"))
        html += QStringLiteral("<h2>Faktureringsadress</h2>"
                               "<label for=\"line1\">Gatuadress</label><input id=\"line1\" name=\"line1\" autocomplete=\"address-line1\" required>"
                               "<label for=\"postal_code\">Postnummer</label><input id=\"postal_code\" name=\"postal_code\" autocomplete=\"postal-code\" required>"
                               "<label for=\"city\">Ort</label><input id=\"city\" name=\"city\" autocomplete=\"address-level2\" required>"
                               "<input type=\"hidden\" name=\"country\" value=\"SE\">");
    if (s["tax_id_collection"].toObject()["enabled"].toBool())
        html += QStringLiteral("<label for=\"vat_number\">Momsregistreringsnummer (företag, valfritt)</label>"
                               "<input id=\"vat_number\" name=\"vat_number\" placeholder=\"SE556036079301\">");
    html += cardFields() + "<button type=\"submit\" id=\"pay\">Betala</button></form>";
    html += "<p class=\"muted\">Testläge: 4242 4242 4242 4242 godkänns, 4000 0000 0000 0002 nekas.</p>";
    if (s["cancel_url"].isString())
        html += QStringLiteral("<p><a href=\"%1\">Avbryt och gå tillbaka</a></p>").arg(esc(s["cancel_url"].toString()));
    return page(status, "Betala – Kliv", html);
}

HttpResponse Pages::portal(const QString &method, const QString &id, const QString &action, const QJsonObject &form,
                           const QJsonObject &query)
{
    const QJsonObject session = m_store.get(id);
    if (session["object"] != QLatin1String("billing_portal.session"))
        return page(404, "Hittades inte", "<h1>Portalsessionen finns inte</h1>");
    const QString customerId = session["customer"].toString();
    QString error;
    int status = 200;
    if (method == QLatin1String("POST")) {
        const QString subId = str(form, "subscription");
        const auto ownSubscription = [&] {
            const QJsonObject sub = m_store.get(subId);
            if (sub["object"] != QLatin1String("subscription") || sub["customer"].toString() != customerId)
                throw ApiError::missing(subId, "subscription");
            return sub;
        };
        QString done;
        const auto failure = transact([&] {
            if (action == QLatin1String("payment-method")) {
                const QString pm = m_engine.attachCard(customerId, str(form, "cardnumber"))["id"].toString();
                m_engine.setDefaultPaymentMethod(customerId, pm);
                for (const QJsonObject &sub : m_store.list("subscription", customerId)) {
                    if (sub["status"] == QLatin1String("canceled"))
                        continue;
                    m_engine.updateSubscription(sub["id"].toString(), QJsonObject{{"default_payment_method", pm}});
                    // A fixed card pays what is owed right away.
                    const QJsonObject latest = m_store.get(sub["latest_invoice"].toString());
                    if (latest["status"] == QLatin1String("open"))
                        m_engine.payInvoice(latest["id"].toString(), false);
                }
                done = "card";
            } else if (action == QLatin1String("cancel")) {
                const QJsonObject sub = ownSubscription();
                if (!sub["schedule"].toString().isEmpty())
                    m_engine.releaseSchedule(sub["schedule"].toString());
                m_engine.setCancelAtPeriodEnd(subId, true);
                done = "canceled";
            } else if (action == QLatin1String("renew")) {
                ownSubscription();
                m_engine.setCancelAtPeriodEnd(subId, false);
                done = "renewed";
            } else {
                throw ApiError::request("Okänd åtgärd");
            }
        });
        if (!failure)
            return redirect("/p/session/" + id + "?m=" + done);
        error = cardMessage(*failure);
        status = failure->status == 402 ? 402 : 400;
    }
    const QJsonObject customer = m_store.get(customerId);
    QString html = QStringLiteral("<h1>Kliv – betalning och fakturor</h1><p class=\"muted\">%1</p>").arg(esc(customer["email"].toString()));
    static const QHash<QString, QString> notes{{"card", "Kortet har sparats."}, {"canceled", "Prenumerationen avslutas vid periodens slut."},
                                               {"renewed", "Prenumerationen fortsätter."}};
    if (notes.contains(str(query, "m")))
        html += "<p class=\"note\" role=\"status\">" + esc(notes.value(str(query, "m"))) + "</p>";
    if (!error.isEmpty())
        html += "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>";

    html += "<h2>Prenumeration</h2>";
    bool any = false;
    for (const QJsonObject &sub : m_store.list("subscription", customerId)) {
        if (sub["status"] == QLatin1String("canceled"))
            continue;
        any = true;
        const QJsonObject it = item(sub);
        const QJsonObject price = it["price"].toObject();
        html += QStringLiteral("<p><strong>%1</strong> – %2 per månad<br>Status: %3<br>")
                    .arg(esc(price["nickname"].toString()), esc(formatAmount(price["unit_amount"].toInteger(), price["currency"].toString())),
                         esc(statusText(sub["status"].toString())));
        const QString end = formatDate(it["current_period_end"].toInteger());
        html += sub["cancel_at_period_end"].toBool() ? QStringLiteral("Avslutas %1").arg(esc(end))
                                                     : QStringLiteral("Förnyas %1").arg(esc(end));
        html += "</p>";
        const QString action = sub["cancel_at_period_end"].toBool() ? "renew" : "cancel";
        const QString label = sub["cancel_at_period_end"].toBool() ? "Förnya prenumerationen" : "Avsluta prenumerationen";
        html += QStringLiteral("<form method=\"post\" action=\"/p/session/%1/%2\"><input type=\"hidden\" name=\"subscription\" value=\"%3\">"
                               "<button type=\"submit\" class=\"secondary\">%4</button></form>")
                    .arg(esc(id), action, esc(sub["id"].toString()), label);
    }
    if (!any)
        html += "<p>Ingen aktiv prenumeration.</p>";

    html += "<h2>Betalningsmetod</h2>";
    const QJsonObject pm = m_store.get(customer["invoice_settings"].toObject()["default_payment_method"].toString());
    html += pm.isEmpty() ? QStringLiteral("<p>Inget kort sparat.</p>")
                         : QStringLiteral("<p>%1 •••• %2</p>").arg(esc(pm["card"].toObject()["brand"].toString().toUpper()),
                                                                  esc(pm["card"].toObject()["last4"].toString()));
    html += QStringLiteral("<form method=\"post\" action=\"/p/session/%1/payment-method\">").arg(esc(id)) + cardFields()
            + "<button type=\"submit\">Spara kort</button></form>";

    html += "<h2>Fakturor</h2><table><tr><th>Datum</th><th>Nummer</th><th>Belopp</th><th>Status</th><th></th></tr>";
    for (const QJsonObject &inv : m_store.list("invoice", customerId))
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td><a href=\"%5\">Visa</a></td></tr>")
                    .arg(esc(formatDate(inv["created"].toInteger()).left(10)), esc(inv["number"].toString()),
                         esc(formatAmount(inv["total"].toInteger(), inv["currency"].toString())), esc(statusText(inv["status"].toString())),
                         esc("/i/" + inv["id"].toString()));
    html += "</table>";
    if (session["return_url"].isString())
        html += QStringLiteral("<p><a href=\"%1\" id=\"return\">Tillbaka till Kliv</a></p>").arg(esc(session["return_url"].toString()));
    return page(status, "Kliv – betalning", html);
}

// The invoice as a one-page PDF (invoice_pdf): number, status, total and lines
// in Helvetica, built by hand (no PDF library in the emulator).
HttpResponse Pages::invoicePdf(const QString &id)
{
    const QJsonObject inv = m_store.get(id);
    if (inv["object"] != QLatin1String("invoice") || inv["status"] == QLatin1String("draft"))
        return page(404, "Hittades inte", "<h1>Fakturan finns inte</h1>");
    const auto pdfText = [](const QString &t) {
        QByteArray out = t.toLatin1(); // WinAnsi covers å, ä, ö
        out.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        return out;
    };
    QStringList rows{QStringLiteral("Faktura %1").arg(inv["number"].toString()),
                     QStringLiteral("Status: %1").arg(statusText(inv["status"].toString())),
                     QStringLiteral("Skapad %1").arg(formatDate(inv["created"].toInteger())),
                     QStringLiteral("Totalt %1").arg(formatAmount(inv["total"].toInteger(), inv["currency"].toString()))};
    for (const QJsonValue &v : inv["lines"].toObject()["data"].toArray()) {
        const QJsonObject l = v.toObject();
        rows << QStringLiteral("%1  %2 - %3  %4").arg(l["description"].toString(),
                                                     formatDate(l["period"].toObject()["start"].toInteger()).left(10),
                                                     formatDate(l["period"].toObject()["end"].toInteger()).left(10),
                                                     formatAmount(l["amount"].toInteger(), l["currency"].toString()));
    }
    QByteArray content = "BT /F1 11 Tf 56 780 Td 16 TL\n";
    for (const QString &r : rows)
        content += "(" + pdfText(r) + ") Tj T*\n";
    content += "ET\n";
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    HttpResponse r;
    r.contentType = "application/pdf";
    r.body = pdf;
    r.header("Content-Disposition", "inline; filename=\"" + inv["number"].toString().toLatin1() + ".pdf\"");
    return r;
}

// What a Swedish company books: the moms in the total, the seller's fields
// (custom_fields, footer) and the buyer's address and VAT number.
static QString invoiceFacts(const QJsonObject &inv)
{
    QString html;
    qint64 tax = 0;
    for (const QJsonValue &t : inv["total_taxes"].toArray())
        tax += t["amount"].toInteger();
    if (!inv["total_taxes"].toArray().isEmpty())
        html += QStringLiteral("<p class=\"tax\" id=\"tax\">varav moms %1</p>").arg(esc(formatAmount(tax, inv["currency"].toString())));
    const QJsonObject address = inv["customer_address"].toObject();
    QString buyer = esc(inv["customer_name"].toString());
    if (!address.isEmpty())
        buyer += QStringLiteral("<br>%1<br>%2 %3").arg(esc(address["line1"].toString()), esc(address["postal_code"].toString()),
                                                     esc(address["city"].toString()));
    for (const QJsonValue &t : inv["customer_tax_ids"].toArray())
        buyer += QStringLiteral("<br>Momsreg.nr %1").arg(esc(t["value"].toString()));
    if (!buyer.isEmpty())
        html += QStringLiteral("<h2>Kund</h2><p id=\"customer\">%1</p>").arg(buyer);
    QString seller;
    for (const QJsonValue &f : inv["custom_fields"].toArray())
        seller += QStringLiteral("<br>%1: %2").arg(esc(f["name"].toString()), esc(f["value"].toString()));
    if (inv["footer"].isString())
        seller = esc(inv["footer"].toString()) + seller;
    if (!seller.isEmpty())
        html += QStringLiteral("<h2>Säljare</h2><p id=\"seller\">%1</p>").arg(seller);
    return html;
}

HttpResponse Pages::invoice(const QString &method, const QString &id, const QJsonObject &form)
{
    const QJsonObject inv = m_store.get(id);
    if (inv["object"] != QLatin1String("invoice"))
        return page(404, "Hittades inte", "<h1>Fakturan finns inte</h1>");
    QString error;
    int status = 200;
    if (method == QLatin1String("POST")) {
        const auto failure = transact([&] {
            const QString pm = m_engine.attachCard(inv["customer"].toString(), str(form, "cardnumber"))["id"].toString();
            QJsonObject withPm = m_store.get(id);
            withPm["default_payment_method"] = pm;
            m_store.put(withPm);
            m_engine.payInvoice(id, true);
        });
        if (!failure)
            return redirect("/i/" + id);
        error = cardMessage(*failure);
        status = failure->status == 402 ? 402 : 400;
    }
    const QJsonObject current = m_store.get(id);
    QString html = QStringLiteral("<h1>Faktura %1</h1><p class=\"amount\">%2</p><p>Status: %3</p><p class=\"muted\">Skapad %4</p>")
                       .arg(esc(current["number"].toString()), esc(formatAmount(current["total"].toInteger(), current["currency"].toString())),
                            esc(statusText(current["status"].toString())), esc(formatDate(current["created"].toInteger())));
    html += "<table><tr><th>Beskrivning</th><th>Period</th><th>Belopp</th></tr>";
    for (const QJsonValue &v : current["lines"].toObject()["data"].toArray()) {
        const QJsonObject l = v.toObject();
        html += QStringLiteral("<tr><td>%1</td><td>%2 – %3</td><td>%4</td></tr>")
                    .arg(esc(l["description"].toString()), esc(formatDate(l["period"].toObject()["start"].toInteger()).left(10)),
                         esc(formatDate(l["period"].toObject()["end"].toInteger()).left(10)),
                         esc(formatAmount(l["amount"].toInteger(), l["currency"].toString())));
    }
    html += "</table>";
    html += invoiceFacts(current);
    html += QStringLiteral("<p><a href=\"/i/%1/pdf\" id=\"pdf\">Ladda ner PDF</a></p>").arg(esc(id));
    if (!error.isEmpty())
        html += "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>";
    if (current["status"] == QLatin1String("open"))
        html += QStringLiteral("<h2>Betala fakturan</h2><form method=\"post\" action=\"/i/%1/pay\">").arg(esc(id)) + cardFields()
                + "<button type=\"submit\">Betala</button></form>";
    return page(status, "Faktura – Kliv", html);
}

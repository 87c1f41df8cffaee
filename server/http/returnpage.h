#pragma once
// The page Stripe Checkout (success_url, cancel_url) and the Customer Portal
// (return_url) send the browser tab back to: GET /billing/return?result=...
// Swedish, no token needed; it only tells the user to go back to Kliv Konto
// (the plan itself changes through the webhook, never through this page).
#include <QByteArray>
#include <QString>

namespace http {

QString returnPagePath();   // "/billing/return"

struct ReturnPage {
    int status = 200;
    QByteArray html;
};

// `result` is "success", "cancel" or "portal"; anything else gets a 400 page
// that does not repeat what it was given.
ReturnPage renderReturnPage(const QString &result);

} // namespace http

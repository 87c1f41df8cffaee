#pragma once
// `kliv-billingd admin <command> ...`: operator commands on the same
// --data/--database as the server (BRIEF.md). Prints one JSON object; on an
// error {"error":{"code","message"}} and exit code 1.
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <functional>

namespace storage { class Store; }
namespace billing { class PlanCatalog; }

namespace app {

// set-plan --price: the invoiced subscription at the payment provider.
struct InvoicedPlanRequest {
    QString workspaceId, workspaceName, ownerEmail;
    qint64 price = 0;        // öre per interval
    QString interval;        // month | year
    int invoiceDays = 30;
    int credits = 0;
    QDateTime now;           // the server's now (the dev clock on a development database)
};
struct InvoicingError { QString code, message; };
// Set by main.cpp where Stripe is linked and configured; empty otherwise.
// Returns what to print under "invoicing", or fills *error.
using InvoicedPlanStarter = std::function<QJsonObject(storage::Store *, const billing::PlanCatalog &,
                                                      const InvoicedPlanRequest &, InvoicingError *error)>;

// `args` are the words after "admin". Returns the exit code; *out gets the JSON.
int runAdminCommand(const QStringList &args, const QString &compiledPlansFile, QJsonObject *out,
                    const InvoicedPlanStarter &invoicing = {});

} // namespace app

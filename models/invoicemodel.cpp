#include "invoicemodel.h"

#include "format.h"
#include "livechannel.h"
#include "session.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QJsonArray>
#include <QTimer>
#include <utility>

InvoiceModel::InvoiceModel(QObject *parent)
    : RequestModel(parent)
{
    Session *s = Session::instance();
    connect(s, &Session::workspaceReady, this, &InvoiceModel::reload);
    // A subscription message follows every payment and plan change; a burst
    // (several webhooks of one payment) is one refetch.
    m_liveReload.setSingleShot(true);
    m_liveReload.setInterval(300);
    connect(&m_liveReload, &QTimer::timeout, this, &InvoiceModel::reload);
    connect(s->live(), &LiveChannel::workspaceReceived, &m_liveReload, qOverload<>(&QTimer::start));
    connect(s->live(), &LiveChannel::resyncNeeded, &m_liveReload, qOverload<>(&QTimer::start));
    QTimer::singleShot(0, this, &InvoiceModel::reload);
}

QString InvoiceModel::statusText(const QString &status)
{
    if (status == QLatin1String("paid")) return QCoreApplication::translate("InvoiceModel", "Betald");
    if (status == QLatin1String("open")) return QCoreApplication::translate("InvoiceModel", "Obetald");
    if (status == QLatin1String("draft")) return QCoreApplication::translate("InvoiceModel", "Utkast");
    if (status == QLatin1String("uncollectible")) return QCoreApplication::translate("InvoiceModel", "Ej indrivningsbar");
    if (status == QLatin1String("void")) return QCoreApplication::translate("InvoiceModel", "Makulerad");
    return status;
}

void InvoiceModel::reload()
{
    Session *s = Session::instance();
    if (!s->isReady() || !s->canViewBilling())
        return;
    // The workspace opening and the live channel's first message both ask at
    // start: one request in flight for this workspace answers both, and a
    // change announced meanwhile is fetched once more after it.
    if (loading() && m_loadingWorkspace == s->currentWorkspaceId()) {
        m_reloadAgain = true;
        return;
    }
    m_loadingWorkspace = s->currentWorkspaceId();
    m_reloadAgain = false;
    // A failed answer empties the list too (as before the base class): no old
    // invoices under an error.
    const ApiCallback fill = [this](const ApiResult &r) {
        beginResetModel();
        m_rows.clear();
        for (const auto &v : r.object().value(QLatin1String("invoices")).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonObject total = o.value(QLatin1String("total")).toObject();
            Row row;
            row.number = o.value(QLatin1String("number")).toString();
            row.status = o.value(QLatin1String("status")).toString();
            row.created = Format::parseInstant(o.value(QLatin1String("created")).toString());
            row.amount = total.value(QLatin1String("amount")).toInteger();
            row.tax = o.value(QLatin1String("tax")).toObject().value(QLatin1String("amount")).toInteger();
            row.currency = total.value(QLatin1String("currency")).toString();
            row.url = QUrl(o.value(QLatin1String("hosted_url")).toString());
            row.pdfUrl = QUrl(o.value(QLatin1String("pdf_url")).toString());
            row.planId = o.value(QLatin1String("plan_id")).toString();
            row.periodStart = Format::parseInstant(o.value(QLatin1String("period_start")).toString());
            row.periodEnd = Format::parseInstant(o.value(QLatin1String("period_end")).toString());
            row.proration = o.value(QLatin1String("proration")).toBool();
            m_rows << row;
        }
        endResetModel();
        Q_EMIT countChanged();
        Overdue overdue;
        const QJsonObject o = r.object().value(QLatin1String("overdue")).toObject();
        if (!o.isEmpty()) {
            const QJsonObject amount = o.value(QLatin1String("amount_due")).toObject();
            overdue = {amount.value(QLatin1String("amount")).toInteger(), amount.value(QLatin1String("currency")).toString(),
                       Format::parseInstant(o.value(QLatin1String("due_date")).toString()),
                       QUrl(o.value(QLatin1String("hosted_url")).toString()),
                       o.value(QLatin1String("allowance_withheld")).toBool()};
        }
        if (!(overdue == m_overdue)) {
            m_overdue = overdue;
            Q_EMIT overdueChanged();
        }
        if (std::exchange(m_reloadAgain, false))
            QTimer::singleShot(0, this, &InvoiceModel::reload);
    };
    run({"GET", s->workspacePath(QStringLiteral("/invoices"))}, CurrentWorkspace, fill, fill);
}

void InvoiceModel::open(int row)
{
    if (row >= 0 && row < m_rows.size())
        openUrl(m_rows.at(row).url);
}

void InvoiceModel::openPdf(int row)
{
    if (row >= 0 && row < m_rows.size())
        openUrl(m_rows.at(row).pdfUrl);
}

void InvoiceModel::openOverdue()
{
    openUrl(m_overdue.url);
}

QString InvoiceModel::overdueText() const
{
    if (!overdue())
        return {};
    const QString amount = Format::money(m_overdue.amount, m_overdue.currency);
    QString due = Format::shortDate(m_overdue.dueDate);
    if (due.endsWith(QLatin1Char('.')))
        due.chop(1);   // "3 jan.": the sentence's full stop ends the abbreviation too
    // Past the grace period the server has withheld the allowance: say so.
    return m_overdue.withheld
        ? tr("Fakturan på %1 förföll %2. Krediterna är pausade tills den är betald.").arg(amount, due)
        : tr("Fakturan på %1 förföll %2. Betala den för att behålla er plan.").arg(amount, due);
}

// "Pro 400, uppgradering 20 dec. 2026 – 10 jan. 2027": the plan, whether it is
// an upgrade's prorated difference, the period it covers.
QString InvoiceModel::description(const Row &r) const
{
    const QString plan = r.planId.isEmpty() ? QString() : Session::instance()->planName(r.planId);
    const QString period = r.periodStart.isValid() && r.periodEnd.isValid()
        ? tr("%1 – %2").arg(Format::date(r.periodStart), Format::date(r.periodEnd)) : QString();
    if (plan.isEmpty())
        return period;
    if (r.proration)
        return period.isEmpty() ? tr("Uppgradering till %1").arg(plan) : tr("Uppgradering till %1, %2").arg(plan, period);
    return period.isEmpty() ? plan : tr("%1, %2").arg(plan, period);
}

void InvoiceModel::openUrl(const QUrl &url)
{
    const bool opened = url.isValid() && QDesktopServices::openUrl(url);
    const QUrl pending = opened ? QUrl() : url;
    if (pending != m_pendingUrl) {
        m_pendingUrl = pending;
        Q_EMIT pendingUrlChanged();
    }
}

QVariant InvoiceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NumberRole: return r.number;
    case DateTextRole: return Format::date(r.created);
    case DateRole: return r.created;
    case TotalTextRole: return Format::money(r.amount, r.currency);
    case StatusRole: return r.status;
    case StatusTextRole: return statusText(r.status);
    case UrlRole: return r.url;
    case DescriptionRole: return description(r);
    case PdfUrlRole: return r.pdfUrl;
    // The server's (Stripe's) moms figure: the prices include it, the app does not compute it.
    case TaxTextRole: return r.tax != 0 ? tr("varav moms %1").arg(Format::money(r.tax, r.currency)) : QString();
    }
    return {};
}

QHash<int, QByteArray> InvoiceModel::roleNames() const
{
    return {{NumberRole, "number"}, {DateTextRole, "dateText"}, {TotalTextRole, "totalText"}, {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {UrlRole, "url"}, {DateRole, "date"}, {DescriptionRole, "description"},
            {PdfUrlRole, "pdfUrl"}, {TaxTextRole, "taxText"}};
}

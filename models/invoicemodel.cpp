#include "invoicemodel.h"

#include "format.h"
#include "session.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QJsonArray>
#include <QTimer>

InvoiceModel::InvoiceModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(Session::instance(), &Session::workspaceReady, this, &InvoiceModel::reload);
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
    m_loading = true;
    Q_EMIT loadingChanged();
    const QString ws = s->currentWorkspaceId();
    s->api()->get(s->workspacePath(QStringLiteral("/invoices")), {}, this, [this, ws](const ApiResult &r) {
        if (ws != Session::instance()->currentWorkspaceId())
            return;
        m_loading = false;
        Q_EMIT loadingChanged();
        m_error = r.ok() ? QString() : r.error.message;
        Q_EMIT errorChanged();
        beginResetModel();
        m_rows.clear();
        for (const auto &v : r.object().value(QLatin1String("invoices")).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonObject total = o.value(QLatin1String("total")).toObject();
            m_rows << Row{o.value(QLatin1String("number")).toString(), o.value(QLatin1String("status")).toString(),
                          Format::parseInstant(o.value(QLatin1String("created")).toString()),
                          total.value(QLatin1String("amount")).toInteger(), total.value(QLatin1String("currency")).toString(),
                          QUrl(o.value(QLatin1String("hosted_url")).toString())};
        }
        endResetModel();
        Q_EMIT countChanged();
    });
}

void InvoiceModel::open(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QUrl url = m_rows.at(row).url;
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
    }
    return {};
}

QHash<int, QByteArray> InvoiceModel::roleNames() const
{
    return {{NumberRole, "number"}, {DateTextRole, "dateText"}, {TotalTextRole, "totalText"}, {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {UrlRole, "url"}, {DateRole, "date"}};
}

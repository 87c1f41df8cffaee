#pragma once
#include "requestmodel.h"

#include <QDateTime>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>

// The billing history (needs view_billing): what each invoice was for, its
// page and its PDF in the browser. Refetched when the live channel reports a
// subscription change (a payment, a plan change), so it is never stale.
// Also the server's overdue invoice (an invoiced plan past its due date) for
// the warning banner: the server decides it, the model only words it.
class InvoiceModel : public RequestModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QUrl pendingUrl READ pendingUrl NOTIFY pendingUrlChanged)
    Q_PROPERTY(bool overdue READ overdue NOTIFY overdueChanged)
    Q_PROPERTY(QString overdueText READ overdueText NOTIFY overdueChanged)
public:
    enum Roles { NumberRole = Qt::UserRole + 1, DateTextRole, TotalTextRole, StatusRole, StatusTextRole, UrlRole, DateRole,
                 DescriptionRole, PdfUrlRole, TaxTextRole };
    Q_ENUM(Roles)

    explicit InvoiceModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QUrl pendingUrl() const { return m_pendingUrl; }
    bool overdue() const { return m_overdue.url.isValid(); }
    QString overdueText() const;

    Q_INVOKABLE void reload();
    Q_INVOKABLE void open(int row);
    Q_INVOKABLE void openPdf(int row);
    Q_INVOKABLE void openOverdue();   // its hosted page, where it is paid
    static QString statusText(const QString &status);

Q_SIGNALS:
    void countChanged();
    void pendingUrlChanged();
    void overdueChanged();

private:
    struct Row {
        QString number, status; QDateTime created; qint64 amount = 0; qint64 tax = 0; QString currency; QUrl url, pdfUrl;
        QString planId; QDateTime periodStart, periodEnd; bool proration = false;
    };
    QString description(const Row &r) const;
    void openUrl(const QUrl &url);
    QTimer m_liveReload;
    QList<Row> m_rows;
    QUrl m_pendingUrl;
    QString m_loadingWorkspace; // the workspace of the request in flight
    bool m_reloadAgain = false;
    struct Overdue {
        qint64 amount = 0; QString currency; QDateTime dueDate; QUrl url; bool withheld = false;
        friend bool operator==(const Overdue &, const Overdue &) = default;
    } m_overdue;
};

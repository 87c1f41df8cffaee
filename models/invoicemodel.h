#pragma once
#include <QAbstractListModel>
#include <QDateTime>
#include <QQmlEngine>
#include <QUrl>

// The billing history (needs view_billing); each invoice opens in the browser.
class InvoiceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QUrl pendingUrl READ pendingUrl NOTIFY pendingUrlChanged)
public:
    enum Roles { NumberRole = Qt::UserRole + 1, DateTextRole, TotalTextRole, StatusRole, StatusTextRole, UrlRole, DateRole };
    Q_ENUM(Roles)

    explicit InvoiceModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    QUrl pendingUrl() const { return m_pendingUrl; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void open(int row);
    static QString statusText(const QString &status);

Q_SIGNALS:
    void countChanged();
    void loadingChanged();
    void errorChanged();
    void pendingUrlChanged();

private:
    struct Row { QString number, status; QDateTime created; qint64 amount = 0; QString currency; QUrl url; };
    QList<Row> m_rows;
    bool m_loading = false;
    QString m_error;
    QUrl m_pendingUrl;
};

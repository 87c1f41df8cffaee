#pragma once
#include <QAbstractListModel>
#include <QJsonArray>
#include <QQmlEngine>

// The plan catalog with what choosing each plan would mean for the current
// workspace (changeKind), for the plans page.
class PlanModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    enum Roles { PlanIdRole = Qt::UserRole + 1, NameRole, KindRole, MonthlyCreditsRole, DailyCreditsRole, PriceTextRole,
                 FeaturesRole, IsCurrentRole, IsPendingRole, ChangeKindRole, SeatLimitRole };
    Q_ENUM(Roles)

    explicit PlanModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_plans.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }

    Q_INVOKABLE void reload();
    static QString featureName(const QString &entitlement);

Q_SIGNALS:
    void countChanged();
    void loadingChanged();
    void errorChanged();

private:
    QString changeKind(const QJsonObject &plan) const;
    void rebuild();

    QJsonArray m_plans;
    bool m_loading = false;
    QString m_error;
};

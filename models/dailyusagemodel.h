#pragma once
#include <QQmlEngine>
#include <QAbstractTableModel>
#include <QDate>
#include <QJsonArray>

// A month's usage per day as a table for Qt Charts' VBarModelMapper:
// column 0 the day of the month, column 1 the credits used that day.
class DailyUsageModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Roles { DayRole = Qt::UserRole + 1, CreditsRole, DateRole, DateTextRole };
    Q_ENUM(Roles)

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_days.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_days.size()); }
    qint64 maxCredits() const { return m_max; }
    void set(const QJsonArray &days);
    Q_INVOKABLE int creditsAt(int row) const;
    Q_INVOKABLE QString labelAt(int row) const; // "12 dec: 14 krediter"

Q_SIGNALS:
    void countChanged();

private:
    struct Day { QDate date; qint64 credits = 0; };
    QList<Day> m_days;
    qint64 m_max = 0;
};

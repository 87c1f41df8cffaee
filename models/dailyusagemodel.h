#pragma once
#include <QQmlEngine>
#include <QAbstractTableModel>
#include <QDate>
#include <QJsonArray>

// A month's (or a billing cycle's) usage per day as a table for Qt Charts'
// VBarModelMapper: column 0 the day of the month, column 1 the credits used
// that day. axisMax/axisStep: the y axis in 1-2-5 steps (niceAxis).
class DailyUsageModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int axisMax READ axisMax NOTIFY countChanged)
    Q_PROPERTY(int axisStep READ axisStep NOTIFY countChanged)
    Q_PROPERTY(int axisTickCount READ axisTickCount NOTIFY countChanged)
public:
    // A y axis from 0 for values up to `maxValue`: the step is 1, 2 or 5 times
    // a power of ten, the fewest-ticks one with at most `maxIntervals` steps to
    // reach maxValue (at least 5), and `max` the first multiple of it >= maxValue.
    // 132 -> step 50, max 150 (0, 50, 100, 150), never 33/66/99/132.
    struct Axis { qint64 max = 5; qint64 step = 1; int tickCount() const { return int(max / step) + 1; } };
    static Axis niceAxis(qint64 maxValue, int maxIntervals = 5);

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
    int axisMax() const { return int(m_axis.max); }
    int axisStep() const { return int(m_axis.step); }
    int axisTickCount() const { return m_axis.tickCount(); }
    // Whether the row is today (UTC: the server's days are UTC days).
    Q_INVOKABLE bool isToday(int row) const;
    void set(const QJsonArray &days);
    Q_INVOKABLE int creditsAt(int row) const;
    Q_INVOKABLE QString labelAt(int row) const; // "12 dec: 14 krediter"

Q_SIGNALS:
    void countChanged();

private:
    struct Day { QDate date; qint64 credits = 0; };
    QList<Day> m_days;
    qint64 m_max = 0;
    Axis m_axis;
};

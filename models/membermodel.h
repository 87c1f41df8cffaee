#pragma once
#include "requestmodel.h"

#include <QDateTime>
#include <QQmlEngine>

// The workspace's team members and seats; invite, remove, change role.
class MemberModel : public RequestModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int seatsUsed READ seatsUsed NOTIFY seatsChanged)
    Q_PROPERTY(int seatLimit READ seatLimit NOTIFY seatsChanged)
    Q_PROPERTY(bool canAdd READ canAdd NOTIFY seatsChanged)
    Q_PROPERTY(QString addBlockedReason READ addBlockedReason NOTIFY seatsChanged)
public:
    enum Roles { MemberIdRole = Qt::UserRole + 1, NameRole, EmailRole, RoleRole, RoleTextRole, JoinedTextRole, UserIdRole };
    Q_ENUM(Roles)

    explicit MemberModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int seatsUsed() const { return m_seatsUsed; }
    int seatLimit() const { return m_seatLimit; } // 0 = unlimited
    bool canAdd() const;
    QString addBlockedReason() const;
    static QString roleText(const QString &role);

    Q_INVOKABLE void reload();
    Q_INVOKABLE void invite(const QString &email, const QString &name, const QString &role);
    Q_INVOKABLE void remove(const QString &memberId);
    Q_INVOKABLE void changeRole(const QString &memberId, const QString &role);

Q_SIGNALS:
    void countChanged();
    void seatsChanged();
    void actionDone(const QString &action);

private:
    struct Row { QString id, userId, name, email, role; QDateTime joined; };
    void afterChange(const QString &action);

    QList<Row> m_rows;
    int m_seatsUsed = 0, m_seatLimit = 0;
};

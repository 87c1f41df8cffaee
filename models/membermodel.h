#pragma once
#include "requestmodel.h"

#include <QDateTime>
#include <QJsonValue>
#include <QQmlEngine>
#include <optional>

// The workspace's team members and seats; invite, remove, change role, and
// each member's credit limit per billing cycle against their use (the server
// enforces it; this only shows and sends it).
class MemberModel : public RequestModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int seatsUsed READ seatsUsed NOTIFY seatsChanged)
    Q_PROPERTY(int seatLimit READ seatLimit NOTIFY seatsChanged)
    Q_PROPERTY(bool canAdd READ canAdd NOTIFY seatsChanged)
    Q_PROPERTY(QString addBlockedReason READ addBlockedReason NOTIFY seatsChanged)
    // The server reports each member's use this billing cycle (paid plans; Free has no cycle, no limits).
    Q_PROPERTY(bool limitsShown READ limitsShown NOTIFY countChanged)
    // Why the last setLimit/clearLimit was refused, for the limit dialog (not `error`, which the page shows elsewhere).
    Q_PROPERTY(QString limitError READ limitError NOTIFY limitErrorChanged)
public:
    enum Roles { MemberIdRole = Qt::UserRole + 1, NameRole, EmailRole, RoleRole, RoleTextRole, JoinedTextRole, UserIdRole,
                 HasLimitRole, LimitRole, UsedThisCycleRole, LimitTextRole };
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
    bool limitsShown() const;
    QString limitError() const { return m_limitError; }

    Q_INVOKABLE void reload();
    Q_INVOKABLE void invite(const QString &email, const QString &name, const QString &role);
    Q_INVOKABLE void remove(const QString &memberId);
    Q_INVOKABLE void changeRole(const QString &memberId, const QString &role);
    // PUT .../members/{id}/limit: credits per billing cycle; clearLimit removes it.
    Q_INVOKABLE void setLimit(const QString &memberId, int credits);
    Q_INVOKABLE void clearLimit(const QString &memberId);

Q_SIGNALS:
    void countChanged();
    void seatsChanged();
    void actionDone(const QString &action);
    void limitErrorChanged();

private:
    struct Row {
        QString id, userId, name, email, role;
        QDateTime joined;
        std::optional<qint64> limit;           // credits per billing cycle; nullopt = none
        std::optional<qint64> usedThisCycle;   // nullopt on Free (no cycle)
    };
    void afterChange(const QString &action);
    void sendLimit(const QString &memberId, const QJsonValue &credits);
    QString limitText(const Row &r) const;
    void setLimitError(const QString &error);

    QList<Row> m_rows;
    QString m_limitError;
    int m_seatsUsed = 0, m_seatLimit = 0;
};

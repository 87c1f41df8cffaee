#pragma once
#include "requestmodel.h"

#include <QHash>
#include <QJsonArray>
#include <QQmlEngine>
#include <QTimer>

// The plan catalog for the plans page: what each tier adds over the one below
// it, and what choosing it would mean for the current workspace (changeKind).
// The kind is the server's: its subscription preview for that tier (the app
// never re-derives the plan-change rules); a refusal comes back as the card's
// blockedReason.
class PlanModel : public RequestModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // "Priserna är inklusive moms." (or exklusive), from the catalog.
    Q_PROPERTY(QString vatNote READ vatNote NOTIFY countChanged)
public:
    enum Roles { PlanIdRole = Qt::UserRole + 1, NameRole, KindRole, MonthlyCreditsRole, DailyCreditsRole, PriceTextRole,
                 FeaturesRole, IsCurrentRole, IsPendingRole, ChangeKindRole, SeatLimitRole, MonthlyCapRole,
                 AddedFeaturesRole, LimitationsRole, PreviousNameRole, BlockedReasonRole };
    Q_ENUM(Roles)

    explicit PlanModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_plans.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QString vatNote() const;

    Q_INVOKABLE void reload();
    static QString featureName(const QString &entitlement);
    // Entitlements that are a limitation, not a feature (the "Made with Kliv" badge).
    static bool isLimitation(const QString &entitlement);

Q_SIGNALS:
    void countChanged();

private:
    void rebuild();
    void askKinds();
    void refreshAll();
    QStringList entitlementsOf(int row) const;

    QJsonArray m_plans;
    // Per plan id: the server's preview kind, or its refusal.
    QHash<QString, QString> m_kinds, m_reasons;
    int m_generation = 0;
    QTimer m_askLater;
};

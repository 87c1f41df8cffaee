#pragma once
#include "requestmodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantList>

// Händelselogg: the workspace's audit log (GET .../audit), newest first, a
// page at a time ("Visa fler" follows the server's next_before), filtered by
// kind and by the member who made the change; the CSV export of the same filters.
class AuditLogModel : public RequestModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY countChanged)
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY filterChanged)
    Q_PROPERTY(QString actorFilter READ actorFilter WRITE setActorFilter NOTIFY filterChanged)
    // [{value: "", text: "Alla händelser"}, {value: "member.invited", text: "Medlem inbjuden"}, ...]
    Q_PROPERTY(QVariantList kindChoices READ kindChoices CONSTANT)
    Q_PROPERTY(QString exportFileName READ exportFileName CONSTANT)
    Q_PROPERTY(QUrl exportFileUrl READ exportFileUrl CONSTANT)
    Q_PROPERTY(QUrl exportFolder READ exportFolder CONSTANT)
public:
    enum Roles {
        EntryIdRole = Qt::UserRole + 1, AtRole, AtTextRole, KindRole, KindTextRole,
        ActorKindRole, ActorTextRole, TargetRole, SentenceRole,
    };
    Q_ENUM(Roles)

    explicit AuditLogModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool canLoadMore() const { return m_nextBefore > 0; }
    QString kindFilter() const { return m_kind; }
    void setKindFilter(const QString &kind);
    QString actorFilter() const { return m_actor; }
    void setActorFilter(const QString &userId);
    static QVariantList kindChoices();
    static QString kindText(const QString &kind);   // "Medlem inbjuden"; an unknown kind as it is
    void setPageSize(int n) { m_pageSize = n; }

    // "kliv-handelselogg-2026-12-02.csv" in Documents.
    static QString exportFileName();
    static QUrl exportFolder();
    static QUrl exportFileUrl();

    Q_INVOKABLE void reload();      // the first page again (filters kept)
    Q_INVOKABLE void loadMore();    // the next page, appended
    Q_INVOKABLE void exportCsv(const QUrl &file);

Q_SIGNALS:
    void countChanged();
    void filterChanged();
    void exportFinished(bool ok, const QString &message);

private:
    struct Row {
        qint64 id = 0;
        QDateTime at;
        QString kind, actorKind, actorEmail, target;
        QJsonObject before, after;
    };
    static QString sentence(const Row &r);
    static QString actorText(const Row &r);
    QUrlQuery filterQuery() const;
    void fetch(bool append);

    QList<Row> m_rows;
    QString m_kind, m_actor;
    qint64 m_nextBefore = 0;
    int m_pageSize = 50;
};

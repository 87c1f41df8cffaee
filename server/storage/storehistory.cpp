// Reading usage: the month's history (from roll-ups), paged entries, CSV.
#include "store_p.h"

#include <QSqlError>
#include <algorithm>
#include <limits>

namespace storage {

namespace {
qint64 epochDay(const QDate &date) { return QDate(1970, 1, 1).daysTo(date); }

// Opaque to clients: base64url("<at_ms>.<id>") of the last entry on a page.
QString makeCursor(qint64 atMs, qint64 id)
{
    return QString::fromLatin1(QByteArray::number(atMs).append('.').append(QByteArray::number(id))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool parseCursor(const QString &cursor, qint64 *atMs, qint64 *id)
{
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QList<QByteArray> parts = decoded.decoded.split('.');
    bool okAt = false, okId = false;
    if (parts.size() == 2) {
        *atMs = parts[0].toLongLong(&okAt);
        *id = parts[1].toLongLong(&okId);
    }
    return okAt && okId;
}

} // namespace

// RFC 4180 quoting; a leading = + - @ would run as a formula in a spreadsheet.
QByteArray csvField(QString value)
{
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r')) || value.startsWith(QLatin1Char('\'')))
        value = QLatin1Char('"') + value.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return value.toUtf8();
}

namespace {
const QString kEntrySelect = QStringLiteral(
    "SELECT e.id, e.at_ms, e.member_id, COALESCE(u.name, ''), e.project, e.activity, e.credits, e.on_free, COALESCE(u.email, '') "
    "FROM usage_entries e LEFT JOIN members m ON m.id = e.member_id LEFT JOIN users u ON u.id = m.user_id "
    "WHERE e.workspace_id = ? AND e.at_ms >= ? AND e.at_ms < ? ");
} // namespace

std::optional<MonthHistory> Store::monthHistory(const QString &workspaceId, const QDate &month, const QString &memberId)
{
    if (!month.isValid())
        return std::nullopt;
    return d->read([&]() -> std::optional<MonthHistory> {
        if (!workspace(workspaceId))
            return std::nullopt;
        MonthHistory h;
        h.month = QDate(month.year(), month.month(), 1);
        h.from = QDateTime(h.month, QTime(0, 0), Qt::UTC);
        h.to = QDateTime(h.month.addMonths(1), QTime(0, 0), Qt::UTC);
        const qint64 d0 = epochDay(h.month), d1 = epochDay(h.month.addMonths(1));
        QHash<qint64, qint64> perDay;
        const QString filter = memberId.isEmpty() ? QString() : QStringLiteral(" AND r.member_id = ?");
        QVariantList args{workspaceId, d0, d1};
        if (!memberId.isEmpty())
            args.append(memberId);
        QSqlQuery *q = memberId.isEmpty()
            ? d->exec(QStringLiteral("SELECT day, credits FROM usage_day WHERE workspace_id = ? AND day >= ? AND day < ?"), args)
            : d->exec(QStringLiteral("SELECT r.day, SUM(r.credits) FROM usage_rollup r WHERE r.workspace_id = ? "
                                     "AND r.day >= ? AND r.day < ?") + filter + QStringLiteral(" GROUP BY r.day"), args);
        if (!q)
            return std::nullopt;
        while (q->next())
            perDay.insert(q->value(0).toLongLong(), q->value(1).toLongLong());
        for (qint64 day = d0; day < d1; ++day) {
            const qint64 credits = perDay.value(day);
            h.days.append(DayTotal{h.month.addDays(day - d0), credits});
            h.total += credits;
        }
        if (memberId.isEmpty()) {
            // The whole workspace: the month totals (usage_month), a few hundred rows.
            const QVariantList margs{workspaceId, d0};
            for (const auto &[kind, target] : {std::pair{QStringLiteral("a"), &h.byActivity}, std::pair{QStringLiteral("p"), &h.byProject}}) {
                q = d->exec(QStringLiteral("SELECT key, credits FROM usage_month WHERE workspace_id = ? AND month = ? "
                                           "AND kind = '%1' AND credits > 0 ORDER BY 2 DESC, 1").arg(kind), margs);
                if (!q)
                    return std::nullopt;
                while (q->next())
                    target->append(KeyTotal{q->value(0).toString(), q->value(1).toLongLong()});
            }
            q = d->exec(QStringLiteral("SELECT t.key, COALESCE(u.name, ''), COALESCE(u.email, ''), t.credits FROM usage_month t "
                                       "LEFT JOIN members m ON m.id = t.key LEFT JOIN users u ON u.id = m.user_id "
                                       "WHERE t.workspace_id = ? AND t.month = ? AND t.kind = 'm' AND t.credits > 0 ORDER BY 4 DESC, 1"),
                        margs);
            if (!q)
                return std::nullopt;
            while (q->next())
                h.byMember.append(MemberTotal{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                              q->value(3).toLongLong()});
            return h;
        }
        // One member ("own" scope): that member's roll-ups of the month (index by member).
        const QString where = QStringLiteral(" FROM usage_rollup r WHERE r.workspace_id = ? AND r.day >= ? AND r.day < ?") + filter;
        for (const auto &[column, target] : {std::pair{QStringLiteral("activity"), &h.byActivity},
                                             std::pair{QStringLiteral("project"), &h.byProject}}) {
            q = d->exec(QStringLiteral("SELECT r.%1, SUM(r.credits)").arg(column) + where
                            + QStringLiteral(" GROUP BY r.%1 ORDER BY 2 DESC, 1").arg(column), args);
            if (!q)
                return std::nullopt;
            while (q->next())
                target->append(KeyTotal{q->value(0).toString(), q->value(1).toLongLong()});
        }
        q = d->exec(QStringLiteral("SELECT r.member_id, COALESCE(u.name, ''), COALESCE(u.email, ''), SUM(r.credits) "
                                   "FROM usage_rollup r LEFT JOIN members m ON m.id = r.member_id LEFT JOIN users u ON u.id = m.user_id "
                                   "WHERE r.workspace_id = ? AND r.day >= ? AND r.day < ?") + filter
                        + QStringLiteral(" GROUP BY r.member_id, u.name, u.email ORDER BY 4 DESC, 1"), args);
        if (!q)
            return std::nullopt;
        while (q->next())
            h.byMember.append(MemberTotal{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                          q->value(3).toLongLong()});
        return h;
    });
}

std::optional<MonthHistory> Store::windowHistory(const QString &workspaceId, const QDateTime &from, const QDateTime &to,
                                                const QString &memberId)
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return std::nullopt;
    return d->read([&]() -> std::optional<MonthHistory> {
        if (!workspace(workspaceId))
            return std::nullopt;
        MonthHistory h;
        h.from = from.toUTC();
        h.to = to.toUTC();
        h.month = QDate(h.from.date().year(), h.from.date().month(), 1);
        const qint64 a = msOf(from), b = msOf(to);
        // Whole UTC days from the roll-ups, the partial first and last day from
        // their raw events (as the balance's cycle counter is rebuilt).
        const auto [firstWhole, endWhole, headEnd, tailStart, split] = splitDays(a, b);
        const qint64 firstDay = dayOf(a), lastDay = dayOf(b - 1);
        const QDate epoch(1970, 1, 1);

        QHash<qint64, qint64> perDay;
        QHash<QString, qint64> perActivity, perProject;
        QHash<QString, MemberTotal> perMember;
        auto addMember = [&](const QString &id, const QString &name, const QString &email, qint64 credits) {
            MemberTotal &m = perMember[id];
            m.memberId = id;
            m.name = name;
            m.email = email;
            m.credits += credits;
        };
        const QString filter = memberId.isEmpty() ? QString() : QStringLiteral(" AND r.member_id = ?");
        QVariantList args{workspaceId, split ? firstWhole : 0, split ? endWhole : 0};
        if (!memberId.isEmpty())
            args.append(memberId);
        const QString where = QStringLiteral(" FROM usage_rollup r WHERE r.workspace_id = ? AND r.day >= ? AND r.day < ?") + filter;
        QSqlQuery *q = nullptr;
        if (split) {
            for (const auto &[column, target] : {std::pair{QStringLiteral("activity"), &perActivity},
                                                 std::pair{QStringLiteral("project"), &perProject}}) {
                q = d->exec(QStringLiteral("SELECT r.%1, SUM(r.credits)").arg(column) + where
                                + QStringLiteral(" GROUP BY r.%1").arg(column), args);
                if (!q)
                    return std::nullopt;
                while (q->next())
                    (*target)[q->value(0).toString()] += q->value(1).toLongLong();
            }
            q = d->exec(QStringLiteral("SELECT r.day, SUM(r.credits)") + where + QStringLiteral(" GROUP BY r.day"), args);
            if (!q)
                return std::nullopt;
            while (q->next())
                perDay[q->value(0).toLongLong()] += q->value(1).toLongLong();
            q = d->exec(QStringLiteral("SELECT r.member_id, COALESCE(u.name, ''), COALESCE(u.email, ''), SUM(r.credits) "
                                       "FROM usage_rollup r LEFT JOIN members m ON m.id = r.member_id LEFT JOIN users u ON u.id = m.user_id "
                                       "WHERE r.workspace_id = ? AND r.day >= ? AND r.day < ?") + filter
                            + QStringLiteral(" GROUP BY r.member_id, u.name, u.email"), args);
            if (!q)
                return std::nullopt;
            while (q->next())
                addMember(q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toLongLong());
        }
        // The partial days: [a, headEnd) and [tailStart, b), a day's events at most each.
        QString sql = kEntrySelect;
        sql.replace(QStringLiteral("e.at_ms >= ? AND e.at_ms < ?"),
                    QStringLiteral("((e.at_ms >= ? AND e.at_ms < ?) OR (e.at_ms >= ? AND e.at_ms < ?))"));
        QVariantList eargs{workspaceId, a, headEnd, tailStart, b};
        if (!memberId.isEmpty()) {
            sql += QStringLiteral("AND e.member_id = ? ");
            eargs.append(memberId);
        }
        q = d->exec(sql, eargs);
        if (!q)
            return std::nullopt;
        while (q->next()) {
            const qint64 credits = q->value(6).toLongLong();
            perDay[dayOf(q->value(1).toLongLong())] += credits;
            perProject[q->value(4).toString()] += credits;
            perActivity[q->value(5).toString()] += credits;
            addMember(q->value(2).toString(), q->value(3).toString(), q->value(8).toString(), credits);
        }
        q->finish();

        for (qint64 day = firstDay; day <= lastDay; ++day) {
            const qint64 credits = perDay.value(day);
            h.days.append(DayTotal{epoch.addDays(day), credits});
            h.total += credits;
        }
        auto sorted = [](const QHash<QString, qint64> &totals) {
            QList<KeyTotal> out;
            for (auto it = totals.cbegin(); it != totals.cend(); ++it)
                if (it.value() > 0)
                    out.append(KeyTotal{it.key(), it.value()});
            std::sort(out.begin(), out.end(), [](const KeyTotal &x, const KeyTotal &y) {
                return x.credits != y.credits ? x.credits > y.credits : x.key < y.key;
            });
            return out;
        };
        h.byActivity = sorted(perActivity);
        h.byProject = sorted(perProject);
        for (const MemberTotal &m : std::as_const(perMember))
            if (m.credits > 0)
                h.byMember.append(m);
        std::sort(h.byMember.begin(), h.byMember.end(), [](const MemberTotal &x, const MemberTotal &y) {
            return x.credits != y.credits ? x.credits > y.credits : x.memberId < y.memberId;
        });
        return h;
    });
}

std::optional<EntryPage> Store::entries(const QString &workspaceId, const EntryQuery &query, QString *error)
{
    auto refuse = [error](const QString &why) -> std::optional<EntryPage> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (query.limit < 1 || query.limit > 500)
        return refuse(QStringLiteral("limit must be between 1 and 500"));
    qint64 afterAt = std::numeric_limits<qint64>::max(), afterId = std::numeric_limits<qint64>::max();
    if (!query.cursor.isEmpty() && !parseCursor(query.cursor, &afterAt, &afterId))
        return refuse(QStringLiteral("invalid cursor"));
    qint64 from = std::numeric_limits<qint64>::min(), to = std::numeric_limits<qint64>::max();
    if (query.from.isValid() && query.to.isValid()) {
        from = msOf(query.from);
        to = msOf(query.to);
    } else if (query.month.isValid()) {
        const QDate first(query.month.year(), query.month.month(), 1);
        from = QDateTime(first, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        to = QDateTime(first.addMonths(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    }
    if (!workspace(workspaceId))
        return refuse(QStringLiteral("workspace not found"));
    QVariantList args{workspaceId, from, to};
    QString sql = kEntrySelect;
    if (!query.memberId.isEmpty()) {
        sql += QStringLiteral("AND e.member_id = ? ");
        args.append(query.memberId);
    }
    sql += QStringLiteral("AND (e.at_ms < ? OR (e.at_ms = ? AND e.id < ?)) ORDER BY e.at_ms DESC, e.id DESC LIMIT ?");
    args << afterAt << afterAt << afterId << query.limit + 1;
    QSqlQuery *q = d->exec(sql, args);
    if (!q)
        return refuse(d->lastError);
    EntryPage page;
    qint64 lastAt = 0, lastId = 0;
    while (q->next()) {
        if (page.entries.size() == query.limit) {
            page.nextCursor = makeCursor(lastAt, lastId);
            break;
        }
        lastId = q->value(0).toLongLong();
        lastAt = q->value(1).toLongLong();
        page.entries.append(UsageEntry{QStringLiteral("ue_%1").arg(lastId), workspaceId, fromMs(lastAt), q->value(2).toString(),
                                       q->value(3).toString(), q->value(4).toString(), q->value(5).toString(),
                                       q->value(6).toLongLong(), q->value(7).toInt() != 0});
    }
    q->finish();
    return page;
}

std::optional<QByteArray> Store::usageCsv(const QString &workspaceId, const QDate &month, const QString &memberId,
                                          bool *notFound)
{
    const QDate first(month.year(), month.month(), 1);
    return usageCsv(workspaceId, QDateTime(first, QTime(0, 0), Qt::UTC), QDateTime(first.addMonths(1), QTime(0, 0), Qt::UTC),
                    memberId, notFound);
}

std::optional<QByteArray> Store::usageCsv(const QString &workspaceId, const QDateTime &from, const QDateTime &to,
                                          const QString &memberId, bool *notFound)
{
    return d->read([&]() -> std::optional<QByteArray> {
        bool missing = false;
        auto csv = d->usageCsv(workspaceId, msOf(from), msOf(to), memberId, &missing);
        if (notFound)
            *notFound = missing;
        return csv;
    });
}

std::optional<QByteArray> Store::Private::usageCsv(const QString &workspaceId, qint64 startMs, qint64 endMs,
                                                   const QString &memberId, bool *notFound)
{
    const auto exists = scalar(QStringLiteral("SELECT id FROM workspaces WHERE id = ?"), {workspaceId});
    if (!exists)
        return std::nullopt;
    if (exists->isNull()) {
        *notFound = true;
        fail(QStringLiteral("workspace not found"));
        return std::nullopt;
    }
    QByteArray csv("at,member,project,activity,credits\r\n");
    QVariantList args{workspaceId, startMs, endMs};
    QString sql = kEntrySelect;
    if (!memberId.isEmpty()) {
        sql += QStringLiteral("AND e.member_id = ? ");
        args.append(memberId);
    }
    QSqlQuery *q = exec(sql + QStringLiteral("ORDER BY e.at_ms, e.id"), args);
    if (!q)
        return std::nullopt;   // never a partial or empty file for a failed read
    while (q->next()) {
        const QString name = q->value(3).toString();
        csv += fromMs(q->value(1).toLongLong()).toString(Qt::ISODate).toUtf8() + ',' + csvField(name.isEmpty() ? q->value(8).toString() : name)
            + ',' + csvField(q->value(4).toString()) + ',' + csvField(q->value(5).toString()) + ','
            + QByteArray::number(q->value(6).toLongLong()) + "\r\n";
    }
    const bool failed = q->lastError().isValid();
    if (failed)
        fail(QStringLiteral("reading the usage failed: %1").arg(q->lastError().text()));
    q->finish();
    if (failed)
        return std::nullopt;
    return csv;
}

} // namespace storage

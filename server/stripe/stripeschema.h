#pragma once
// The Stripe module's own tables (all prefixed stripe_), versioned in
// stripe_schema_version. Portable SQL: runs on SQLite and PostgreSQL.
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace stripe {

struct StripeSchema {
    // Ordered migrations; index + 1 is the version.
    static QStringList migrations();
    // Applies the missing migrations in one transaction. False + *error on failure.
    static bool migrate(QSqlDatabase db, QString *error);
};

} // namespace stripe

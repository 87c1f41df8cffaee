#pragma once
// Opening what the server and the admin commands share: the plan catalog
// and the store (SQLite directory or PostgreSQL URL).
#include "serveroptions.h"

#include "billing/plancatalog.h"
#include "storage/store.h"

#include <QLockFile>
#include <memory>
#include <optional>

namespace app {

std::optional<billing::PlanCatalog> loadCatalog(const QString &path, QString *error);
// Held while a server serves a SQLite data directory (DIR/kliv-billingd.lock);
// nullptr with *error when another live process holds it.
std::unique_ptr<QLockFile> lockDataDir(const QString &dataDir, QString *error);

std::unique_ptr<storage::Store> openStore(const StorageOptions &options, QString *error,
                                          const storage::Store::Options &storeOptions = {});

} // namespace app

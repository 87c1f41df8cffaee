#pragma once
// The development clock, kept in the database: the demo's clock survives a
// restart, and operator commands run against a development database (in
// another process) act at the server's "now" instead of the wall clock.
// Only development mode writes it, so production databases never have one.
#include <QDateTime>
#include <optional>

namespace billing { class ManualClock; }

namespace storage {

class Store;

// Call before Store::open, in every process that opens the store.
void registerDevClockMigrations();
// Remembers the clock's current instant and whether it is frozen.
bool saveDevClock(storage::Store *store, const billing::ManualClock &clock, bool frozen);
// The stored development clock's "now" (a running clock has moved on with the
// wall clock since it was saved), or nullopt when none was ever saved.
std::optional<QDateTime> loadDevClockNow(storage::Store *store, bool *frozen = nullptr);

} // namespace storage

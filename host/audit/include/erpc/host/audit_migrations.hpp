#pragma once
// The audit module's schema: audit_entries, audit_heads, audit_checkpoints (docs/audit.md).

#include <erpc/host/migration.hpp>

#include <vector>

namespace erpc {

class database;

inline constexpr const char* audit_migration_module = "audit";

const std::vector<migration>& audit_migrations();

// database::register_migrations("audit", audit_migrations()); idempotent.
void register_audit_migrations(database& db);

}  // namespace erpc

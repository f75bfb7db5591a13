#include <erpc/host/audit_migrations.hpp>

#include <erpc/host/database.hpp>

namespace erpc {

const std::vector<migration>& audit_migrations() {
  // MACs and signatures are lowercase hex, detail is canonical JSON text: identical bytes on
  // both backends, so a database moved between them still verifies.
  static const std::vector<migration> list = {
      {1,
       "audit trail tables",
       {"CREATE TABLE audit_entries ("
        " connection TEXT NOT NULL,"
        " seq BIGINT NOT NULL,"
        " ts_ms BIGINT NOT NULL,"
        " correlation_id TEXT NOT NULL,"
        " event TEXT NOT NULL,"
        " detail TEXT NOT NULL,"
        " prev_mac TEXT NOT NULL,"
        " mac TEXT NOT NULL,"
        " PRIMARY KEY (connection, seq))",
        "CREATE INDEX audit_entries_by_correlation ON audit_entries (correlation_id)",
        "CREATE TABLE audit_heads ("
        " connection TEXT PRIMARY KEY,"
        " seq BIGINT NOT NULL,"
        " mac TEXT NOT NULL)",
        "CREATE TABLE audit_checkpoints ("
        " connection TEXT NOT NULL,"
        " seq BIGINT NOT NULL,"
        " head_mac TEXT NOT NULL,"
        " ts_ms BIGINT NOT NULL,"
        " signature TEXT NOT NULL,"
        " PRIMARY KEY (connection, seq))"},
       {},
       {}},
  };
  return list;
}

void register_audit_migrations(database& db) {
  db.register_migrations(audit_migration_module, audit_migrations());
}

}  // namespace erpc

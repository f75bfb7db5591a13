#pragma once
// Where the ledger lives. The conninfo is a resolved secret (it may hold a password): it is
// handed to libpq and never appears in a message.

#include <string>

namespace erpc {

enum class database_backend { sqlite, postgres };

struct database_config {
  database_backend backend = database_backend::sqlite;
  std::string path;      // sqlite: the database file; `<path>.lock` beside it is held exclusively
  std::string conninfo;  // postgres: a libpq conninfo string or URI
  int busy_timeout_ms = 5000;         // sqlite: how long a statement waits for a lock
  int pool_size = 4;                  // postgres connections per host; sqlite always uses 1
  int max_transaction_attempts = 50;  // busy / serialization / deadlock retries, then fail
};

}  // namespace erpc

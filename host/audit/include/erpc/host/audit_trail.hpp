#pragma once
// The audit trail on the ledger database: append-only, one HMAC chain per connection, signed
// checkpoints in audit_checkpoints and in the anchor file, and verify(). Thread-safe; several
// hosts may append to one PostgreSQL database (the head row is locked FOR UPDATE).

#include <erpc/host/audit_anchor_file.hpp>
#include <erpc/host/audit_chain.hpp>
#include <erpc/host/audit_checkpoint.hpp>
#include <erpc/host/audit_entry.hpp>
#include <erpc/host/audit_keys.hpp>
#include <erpc/host/audit_verify_report.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc {

class database;
class transaction;

struct audit_trail_options {
  std::filesystem::path anchor_path;
  std::int64_t checkpoint_every = 100;  // a checkpoint when a connection's seq reaches k·N
};

class audit_trail {
 public:
  // Registers the audit migrations on `db`. checkpoint_every < 1 or an empty anchor path:
  // erpc::error CONFIGURATION "audit.bad_options".
  audit_trail(database& db, const audit_keys& keys, audit_trail_options options);

  // Appends one entry in its own transaction and returns its seq; writes the periodic
  // checkpoint after the commit. Input errors: audit.bad_* (audit_entry.hpp); store errors
  // propagate with their store.* codes.
  std::int64_t append(std::string_view connection, std::string_view correlation_id,
                      std::string_view event, const nlohmann::json& detail);

  // The same inside the caller's open transaction, so an entry commits or rolls back with the
  // state change it records. When `seq` is a multiple of checkpoint_every it registers
  // after_commit(connection, seq) with transaction::after_commit, so the periodic checkpoint is
  // written once the caller's database::transact has committed (an anchor line must never name
  // an entry that might still roll back) and is dropped if it rolls back. A transaction made
  // outside database::transact never runs it: call after_commit yourself.
  std::int64_t append(transaction& tx, std::string_view connection, std::string_view correlation_id,
                      std::string_view event, const nlohmann::json& detail);

  // Writes the checkpoint when `seq` is a multiple of checkpoint_every. A failure is logged
  // (spdlog, no key material) and not thrown: the entry is committed and the next multiple
  // signs the head again.
  void after_commit(std::string_view connection, std::int64_t seq) noexcept;

  // Signs the connection's current head, appends it to the anchor file (fsync) and then stores
  // it in audit_checkpoints. nullopt when the connection has no entries or its head is already
  // checkpointed. A head row whose entry does not verify is never signed:
  // erpc::error INTERNAL "audit.head_corrupt". Anchor failure: audit.anchor_write_failed.
  std::optional<audit_checkpoint> checkpoint(std::string_view connection);

  // checkpoint() for every connection (at shutdown); returns the checkpoints written.
  std::vector<audit_checkpoint> checkpoint_all();

  // The entries of one message across connections, by connection then seq.
  std::vector<audit_entry> show(std::string_view correlation_id);

  // Recomputes every chain and compares it with head rows, checkpoint rows and the anchor file.
  audit_verify_report verify();

 private:
  database& db_;
  audit_chain chain_;
  audit_checkpoint_signer signer_;
  audit_anchor_file anchor_;
  std::int64_t checkpoint_every_;
  std::mutex checkpoint_mutex_;
};

}  // namespace erpc

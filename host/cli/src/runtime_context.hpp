#pragma once
// The durable side of the host for one command: the configuration file, the ledger database,
// the idempotency ledger, the exception queues and the dispatcher with its connections.

#include "host_context.hpp"

#include <erpc/host/audit_trail.hpp>
#include <erpc/host/database.hpp>
#include <erpc/host/dispatcher.hpp>
#include <erpc/host/exception_queues.hpp>
#include <erpc/host/idempotency_ledger.hpp>
#include <erpc/host/runtime_config.hpp>

#include <atomic>
#include <filesystem>
#include <memory>

namespace erpc::cli {

class runtime_context {
 public:
  // Relative paths in the configuration are taken from the configuration file's folder.
  runtime_context(host_context& host, const std::filesystem::path& config_file,
                  dispatcher_options options = {});
  ~runtime_context();

  const runtime_config& config() const { return config_; }
  database& db() { return *db_; }
  idempotency_ledger& ledger() { return *ledger_; }
  exception_queues& queues() { return *queues_; }
  dispatcher& dispatch() { return *dispatcher_; }
  // The audit trail; throws cli.audit_not_configured when the configuration has no audit key.
  audit_trail& audit();
  bool has_audit() const { return audit_ != nullptr; }
  // A call into a configured connection outside the outbox, for reads (flows list and get
  // through it); CONFIGURATION dispatch.unknown_connection for a name not configured.
  connection_call open_for_read(const std::string& name);

 private:
  connection_call open_call(const connection_config& c);

  host_context& host_;
  runtime_config config_;
  std::unique_ptr<database> db_;
  std::unique_ptr<audit_trail> audit_;
  std::atomic<bool> audit_appended_{false};  // set by the ledger observer, from any worker
  std::unique_ptr<idempotency_ledger> ledger_;
  std::unique_ptr<exception_queues> queues_;
  std::unique_ptr<dispatcher> dispatcher_;
};

}  // namespace erpc::cli

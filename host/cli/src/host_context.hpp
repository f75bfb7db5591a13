#pragma once
// Everything one `erpc` command needs from the host, built once from the command line:
// logger, clock, secrets, services, outbound HTTP, the adapter registry, the contract and the
// worker pool. Commands borrow what they use.

#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_registry.hpp>
#include <erpc/host/contract_validator.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/http_service.hpp>
#include <erpc/host/secret_redactor.hpp>
#include <erpc/host/signature_verifier.hpp>
#include <erpc/host/worker_pool.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace erpc::cli {

struct host_options {
  std::vector<std::filesystem::path> adapter_dirs;  // empty: the default search path
  std::vector<std::string> trusted_keys;            // "key_id=/path/to/public.pem"
  bool require_signatures = false;
  bool probe_in_child = false;
  std::string log_level = "warn";
  std::string log_format = "text";  // text | json (one JSON object a line)
  std::size_t max_json_bytes = 4u << 20;
};

class host_context {
 public:
  explicit host_context(const host_options& options);
  ~host_context();

  // Scans the adapter folders once (lazily) and returns the registry.
  adapter_registry& registry();
  // An adapter by id (from the registry) or by path to a library. Throws erpc::error
  // (CONFIGURATION, cli.adapter_not_found or the loader's refusal).
  std::shared_ptr<adapter_library> adapter(const std::string& id_or_path);

  const contract_validator& contract() const { return *contract_; }
  const call_environment& environment() const { return env_; }
  secret_redactor& redactor() { return *redactor_; }
  // Switches every log line to `format` ("text" or "json"), e.g. as the configuration asks.
  void set_log_format(const std::string& format);
  const secret_resolver& resolver() const { return services_.resolver(); }
  const host_clock& clock() const { return clock_; }
  std::shared_ptr<const host_table> services_table() const { return table_; }
  std::shared_ptr<spdlog::logger> logger() const { return logger_; }
  const std::vector<std::filesystem::path>& adapter_dirs() const { return dirs_; }
  // Adds folders (from the configuration file) to those scanned, before or after the scan.
  void add_adapter_dirs(const std::vector<std::filesystem::path>& dirs);

  // Abandoned adapter calls may still be running on worker threads; then the process must
  // leave without unloading libraries under them (see main.cpp).
  bool has_abandoned_calls() const { return env_.abandoned_calls->load() > 0; }

 private:
  std::shared_ptr<secret_redactor> redactor_ = std::make_shared<secret_redactor>();
  system_host_clock clock_;
  std::shared_ptr<spdlog::logger> logger_;
  host_services services_;
  http_service http_;
  std::shared_ptr<host_table> table_;
  std::unique_ptr<contract_validator> contract_;
  worker_pool workers_;
  call_environment env_;
  std::vector<std::filesystem::path> dirs_;
  registry_options registry_options_;
  std::unique_ptr<adapter_registry> registry_;
};

// The default adapter folders: $ERPC_ADAPTER_PATH (colon-separated) if set, otherwise
// <dir of erpc>/../lib/erpconnect/adapters (the same in the build and the install tree).
std::vector<std::filesystem::path> default_adapter_dirs();

}  // namespace erpc::cli

// SPDX-License-Identifier: Apache-2.0
// What every check family works with: the host pieces certify runs the adapter in, the target
// (simulator + fault proxy, or fault proxy + sandbox), the adapter's connection and the record
// of every output the adapter produced (for contract.outputs_valid and secrets.no_leak).
#pragma once

#include <erpc/certify/certify.hpp>
#include <erpc/certify/profile.hpp>
#include <erpc/certify/report.hpp>

#include <erpc/conformance/fault_proxy.hpp>
#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/contract_validator.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/http_service.hpp>
#include <erpc/host/secret_redactor.hpp>
#include <erpc/host/worker_pool.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace spdlog {
class logger;
}

namespace erpc::certify {

// Every log line the host and the adapter wrote, unredacted: certify judges what the adapter
// produced, not what the host's redactor would have saved.
class log_capture {
 public:
  void add(std::string line);
  std::vector<std::string> lines() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

// The host pieces an adapter runs in, built like the `erpc` host but without redaction.
class certify_host {
 public:
  explicit certify_host(std::int64_t grace_ms);
  ~certify_host();

  call_environment& environment() noexcept { return env_; }
  std::shared_ptr<const host_table> table() const { return table_; }
  const contract_validator& contract() const { return contract_; }
  const log_capture& logs() const { return *capture_; }
  std::shared_ptr<spdlog::logger> logger() const { return logger_; }
  const host_clock& clock() const { return clock_; }
  int abandoned_calls() const { return env_.abandoned_calls->load(); }

 private:
  std::shared_ptr<log_capture> capture_ = std::make_shared<log_capture>();
  secret_redactor redactor_;
  system_host_clock clock_;
  std::shared_ptr<spdlog::logger> logger_;
  host_services services_;
  http_service http_;
  std::shared_ptr<host_table> table_;
  contract_validator contract_;
  worker_pool workers_;
  call_environment env_;
};

struct effect_count {
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::vector<std::string> vendor_ids;  // of the records written, in order
  bool updates_observable = true;       // false against a real URL (counted through get)
  std::string describe() const;
};

// Where the adapter's requests go: the fault proxy, in front of the in-process simulator
// (target "sim") or of a real base URL.
class target_rig {
 public:
  target_rig(const profile& p, const std::string& target);
  ~target_rig();

  bool is_sim() const noexcept { return sim_ != nullptr; }
  std::string adapter_base_url() const;  // the proxy, plus the profile's base_path
  conformance::fault_proxy& proxy() { return *proxy_; }
  sim::simulator_server* simulator() { return sim_.get(); }

  // Loads a fault script made of `rules` (the fault proxy's rule JSON) and clears the log.
  void load_rules(const nlohmann::json& rules);
  void clear_faults();
  // Replaces the rules but keeps held requests and the log (late delivery's second phase).
  void replace_rules(const nlohmann::json& rules);
  // Requests the proxy forwarded to the target since the last load_rules/clear_faults.
  std::vector<conformance::applied_fault> log() const { return proxy_->log(); }

  void apply_settings(const nlohmann::json& settings);

  // Effect counting against the simulator: a mark, then what was written since.
  std::uint64_t mark();
  effect_count effects_since(std::uint64_t mark, const object_profile& object);

 private:
  std::unique_ptr<sim::simulator_server> sim_;
  std::unique_ptr<conformance::fault_proxy> proxy_;
  std::string base_path_;
};

// One adapter call's outcome, as certify saw it.
struct call_outcome {
  bool ok = false;
  nlohmann::json response;              // when ok
  std::shared_ptr<const error> failure;  // when not
  std::int64_t elapsed_ms = 0;

  bool replayed() const { return ok && response.value("replayed", false); }
  std::string id() const;  // result.id when ok
  std::string describe() const;  // "ok (replayed, id 12)" or "RATE_LIMITED netsuite.X effect none"
  bool is(error_class c) const { return !ok && failure && failure->cls() == c; }
};

struct call_request {
  std::string op;
  std::string object;
  std::string key;                 // "" for reads
  nlohmann::json payload_or_query;  // payload for writes, query for reads
  int attempt = 1;
  bool prior_unknown = false;
  std::int64_t deadline_ms = 0;    // 0: the session's
};

class session {
 public:
  session(const profile& p, const certify_options& options, certify_host& host, target_rig& rig,
          std::shared_ptr<adapter_library> library, std::string nonce);

  const profile& prof() const { return profile_; }
  const certify_options& options() const { return options_; }
  certify_host& host() { return host_; }
  target_rig& rig() { return rig_; }
  adapter_library& library() { return *library_; }
  const std::string& nonce() const { return nonce_; }

  // The connection configuration now in force (profile config + base URL + setting extras).
  nlohmann::json connection_config() const;
  void set_config_extras(nlohmann::json extras) { extras_ = std::move(extras); }
  // A fresh in-process connection (no memory of earlier calls); throws what open() throws.
  std::shared_ptr<adapter_connection> open_connection(const nlohmann::json& override_config = {});
  // The session's main connection (opened once).
  adapter_connection& main();
  void reset_main() { main_.reset(); }

  // Calls the adapter and records its output.
  call_outcome call(connection_handle& connection, const call_request& request);
  call_outcome call(const call_request& request) { return call(main(), request); }

  // "<nonce>-<tag>-<n>": fresh, within [A-Za-z0-9_.:-]{1,64}.
  std::string key(std::string_view tag);
  std::string unique();
  // A fresh instance of the subject sample (and its object).
  nlohmann::json subject_payload();
  const sample& subject() const { return profile_.subject_sample(); }
  const object_profile& subject_object() const { return profile_.object_of(subject()); }

  // Effects of the subject object since `mark`; against a real URL through get by natural key
  // of `keys`.
  std::uint64_t mark() { return rig_.is_sim() ? rig_.mark() : 0; }
  effect_count effects_since(std::uint64_t mark, const std::vector<std::string>& keys);

  // Outputs (responses and errors as JSON text) of every call so far.
  struct output {
    std::string what;  // "create Invoice key …"
    std::string text;
    bool ok = false;
    std::string code;
  };
  std::vector<output> outputs() const;
  // Record an output produced elsewhere (dispatcher, isolated worker).
  void record(output o);

  std::vector<std::string> setup_problems;  // sample calls that failed
  // Secret values that appeared during the run (a rotated credential): label -> value.
  std::vector<std::pair<std::string, std::string>> extra_secrets;

 private:
  const profile& profile_;
  const certify_options& options_;
  certify_host& host_;
  target_rig& rig_;
  std::shared_ptr<adapter_library> library_;
  std::string nonce_;
  nlohmann::json extras_ = nlohmann::json::object();
  std::shared_ptr<adapter_connection> main_;
  std::atomic<int> counter_{0};
  mutable std::mutex outputs_mutex_;
  std::vector<output> outputs_;
};

// What one check concluded.
struct verdict {
  check_status status = check_status::failed;
  std::string evidence;

  static verdict pass(std::string evidence) { return {check_status::passed, std::move(evidence)}; }
  static verdict fail(std::string evidence) { return {check_status::failed, std::move(evidence)}; }
  static verdict skip(std::string evidence) { return {check_status::skipped, std::move(evidence)}; }
};

using check_function = std::function<verdict(session&)>;

// Fault-check helpers shared by the families.
std::string class_name(error_class c);
bool expect_matches(const std::vector<std::string>& expected, const call_outcome& outcome);
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");
nlohmann::json proxy_rule(std::string id, const request_pattern& match, nlohmann::json fault,
                          std::uint64_t count = 1);

// The families (one file each).
check_function abi_manifest_check();
check_function contract_outputs_check();
check_function error_check(std::string_view id);
check_function concurrency_check();
check_function secrets_check();
check_function no_exception_check();
check_function honours_deadline_check();
check_function isolation_check();
check_function idempotency_check(std::string_view id);  // R1–R5a through the dispatcher
check_function native_check(std::string_view id);       // R5b.*, native.late_delivery

}  // namespace erpc::certify

#pragma once
// The host configuration file (docs/operations.md): ledger, audit, adapters, connections,
// server, log. Parsed strictly: an unknown key, a wrong type or a secret written as a literal is
// refused with the JSON pointer of the offending field.

#include <erpc/host/circuit_breaker.hpp>
#include <erpc/host/retry_policy.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace erpc {

struct ledger_config {
  std::string backend = "sqlite";  // sqlite | postgres
  std::filesystem::path sqlite_path = "var/erpc.db";
  std::string postgres_conninfo_ref;  // a secret reference
};

struct audit_config {
  std::string hmac_key_ref;  // a secret reference; empty: audit chain off (refused by serve)
  std::filesystem::path anchor_path = "var/audit.anchor";
  std::string encryption_key_ref;  // a secret reference; needed when `encrypt` lists fields
  // Secret references of keys used before a rotation: they still decrypt, never encrypt.
  std::vector<std::string> previous_encryption_key_refs;
  std::vector<std::string> encrypt;  // JSON pointers into payloads
  int checkpoint_every = 100;        // a signed checkpoint every N entries per connection
};

struct rate_limit_config {
  double per_second = 0;  // 0: unlimited
  double burst = 1;
};

struct connection_config {
  std::string name;
  std::string adapter;                  // id or library path
  std::string isolation = "in_process"; // in_process | process
  nlohmann::json settings = nlohmann::json::object();
  int concurrency = 4;
  int max_queued = 1000;
  rate_limit_config rate_limit;
  retry_policy retry;
  circuit_breaker_policy breaker;
  std::int64_t deadline_ms = 30'000;
};

struct server_config {
  std::string listen = "127.0.0.1:8080";
  std::size_t max_body_bytes = 4u << 20;
  std::string tls_certificate_ref;
  std::string tls_private_key_ref;
};

struct runtime_config {
  ledger_config ledger;
  audit_config audit;
  std::vector<std::filesystem::path> adapter_dirs;
  std::map<std::string, std::string> trusted_keys;  // key id -> public key file path
  bool require_signatures = false;
  std::map<std::string, connection_config> connections;
  server_config server;
  std::string log_level = "info";
  std::string log_format = "text";

  // Throws erpc::error(CONFIGURATION, "config.invalid") with a field error per problem.
  static runtime_config parse(const nlohmann::json& document);
  static runtime_config load(const std::filesystem::path& file);
};

}  // namespace erpc

#include <erpc/error.hpp>
#include <erpc/host/runtime_config.hpp>

#include <catch2/catch.hpp>

using erpc::runtime_config;
using nlohmann::json;

namespace {
std::vector<erpc::field_error> problems(const json& doc) {
  try {
    runtime_config::parse(doc);
  } catch (const erpc::error& e) {
    REQUIRE(e.code() == "config.invalid");
    return e.field_errors();
  }
  return {};
}
bool has(const std::vector<erpc::field_error>& fields, const std::string& pointer,
         const std::string& code) {
  for (const auto& f : fields) {
    if (f.pointer == pointer && f.code == code) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("a full configuration reads into typed settings") {
  const auto cfg = runtime_config::parse(json::parse(R"({
    "ledger": {"backend": "postgres", "conninfo": "env:ERPC_PG"},
    "audit": {"hmac_key": "env:K", "anchor_path": "/var/lib/erpc/anchor", "encrypt": ["/iban"],
              "encryption_key": "env:F", "previous_encryption_keys": ["file:/etc/erpc/old.key"],
              "checkpoint_every": 25},
    "adapters": {"dirs": ["/opt/erpc/adapters"], "require_signatures": true},
    "connections": {"ns-eu": {"adapter": "netsuite", "concurrency": 2,
                              "rate_limit": {"per_second": 5, "burst": 10},
                              "retry": {"max_attempts": 3, "initial_backoff_ms": 100,
                                        "max_backoff_ms": 1000, "jitter_percent": 0},
                              "circuit_breaker": {"failure_threshold": 4, "open_ms": 5000},
                              "settings": {"account": "123"}}},
    "server": {"listen": "0.0.0.0:9000"},
    "log": {"level": "debug", "format": "json"}})"));
  REQUIRE(cfg.ledger.backend == "postgres");
  REQUIRE(cfg.ledger.postgres_conninfo_ref == "env:ERPC_PG");
  REQUIRE(cfg.require_signatures);
  const auto& c = cfg.connections.at("ns-eu");
  REQUIRE(c.adapter == "netsuite");
  REQUIRE(c.concurrency == 2);
  REQUIRE(c.retry.max_attempts == 3);
  REQUIRE(c.breaker.failure_threshold == 4);
  REQUIRE(c.settings["account"] == "123");
  REQUIRE(cfg.log_format == "json");
  REQUIRE(cfg.audit.encrypt == std::vector<std::string>{"/iban"});
  REQUIRE(cfg.audit.encryption_key_ref == "env:F");
  REQUIRE(cfg.audit.previous_encryption_key_refs == std::vector<std::string>{"file:/etc/erpc/old.key"});
  REQUIRE(cfg.audit.checkpoint_every == 25);
}

TEST_CASE("fields to encrypt need a key, and old keys are references too") {
  const auto p = problems(json::parse(R"({
    "audit": {"encrypt": ["/remit_to/iban"], "previous_encryption_keys": ["00ff"]}})"));
  REQUIRE(has(p, "/audit/encryption_key", "config.required"));
  REQUIRE(has(p, "/audit/previous_encryption_keys/0", "config.secret_literal"));
  REQUIRE(runtime_config::parse(json::object()).audit.checkpoint_every == 100);
}

TEST_CASE("defaults make an empty file a valid SQLite configuration") {
  const auto cfg = runtime_config::parse(json::object());
  REQUIRE(cfg.ledger.backend == "sqlite");
  REQUIRE(cfg.connections.empty());
}

TEST_CASE("every problem is reported with its pointer") {
  const auto p = problems(json::parse(R"({
    "ledgr": {},
    "ledger": {"backend": "oracle"},
    "audit": {"hmac_key": "hunter2"},
    "connections": {"bad name!": {"adapter": "x"},
                    "c1": {"isolation": "vm", "concurrency": 0, "typo": 1,
                           "retry": {"max_attempts": "three"}}}})"));
  REQUIRE(has(p, "/ledgr", "config.unknown_key"));
  REQUIRE(has(p, "/ledger/backend", "config.enum"));
  REQUIRE(has(p, "/audit/hmac_key", "config.secret_literal"));
  REQUIRE(has(p, "/connections/bad name!", "config.connection_name"));
  REQUIRE(has(p, "/connections/c1/adapter", "config.required"));
  REQUIRE(has(p, "/connections/c1/isolation", "config.enum"));
  REQUIRE(has(p, "/connections/c1/concurrency", "config.range"));
  REQUIRE(has(p, "/connections/c1/typo", "config.unknown_key"));
  REQUIRE(has(p, "/connections/c1/retry/max_attempts", "config.type"));
}

TEST_CASE("a secret literal is refused and never echoed") {
  try {
    runtime_config::parse(json::parse(R"({"audit": {"hmac_key": "s3cr3t-value"}})"));
    FAIL("expected an error");
  } catch (const erpc::error& e) {
    REQUIRE(std::string(e.what()).find("s3cr3t") == std::string::npos);
    for (const auto& f : e.field_errors()) REQUIRE(f.message.find("s3cr3t") == std::string::npos);
  }
}

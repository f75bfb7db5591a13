#include "erpc/host/runtime_config.hpp"

#include <erpc/error.hpp>
#include <erpc/host/secret_resolver.hpp>
#include <erpc/host/strict_json.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace erpc {
namespace {

// Collects every problem of a configuration document, so one run reports all of them.
class reader {
 public:
  std::vector<field_error> errors;

  bool object(const nlohmann::json& j, const std::string& ptr, std::set<std::string> allowed) {
    if (!j.is_object()) {
      errors.push_back({ptr, "config.type", "must be an object"});
      return false;
    }
    for (const auto& [key, value] : j.items()) {
      if (!allowed.count(key)) {
        errors.push_back({ptr + "/" + key, "config.unknown_key", "unknown setting '" + key + "'"});
      }
    }
    return true;
  }

  template <class T>
  void get(const nlohmann::json& j, const std::string& ptr, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    try {
      out = it->get<T>();
    } catch (const nlohmann::json::exception&) {
      errors.push_back({ptr + "/" + key, "config.type", "has the wrong type"});
    }
  }

  void secret_ref(const nlohmann::json& j, const std::string& ptr, const char* key,
                  std::string& out) {
    get(j, ptr, key, out);
    if (!out.empty() && !secret_resolver::is_reference(out)) {
      out.clear();
      errors.push_back({ptr + "/" + key, "config.secret_literal",
                        "must be a secret reference (env:NAME or file:/path), not a value"});
    }
  }

  void positive(std::int64_t value, const std::string& ptr) {
    if (value <= 0) errors.push_back({ptr, "config.range", "must be positive"});
  }
};

const std::regex connection_name_pattern("[A-Za-z0-9_.:-]{1,64}");

connection_config read_connection(reader& r, const std::string& name, const nlohmann::json& j) {
  const std::string ptr = "/connections/" + name;
  connection_config c;
  c.name = name;
  if (!std::regex_match(name, connection_name_pattern)) {
    r.errors.push_back({ptr, "config.connection_name", "names match [A-Za-z0-9_.:-]{1,64}"});
  }
  if (!r.object(j, ptr, {"adapter", "isolation", "settings", "concurrency", "max_queued",
                         "rate_limit", "retry", "circuit_breaker", "deadline_ms"})) {
    return c;
  }
  r.get(j, ptr, "adapter", c.adapter);
  if (c.adapter.empty()) r.errors.push_back({ptr + "/adapter", "config.required", "is required"});
  r.get(j, ptr, "isolation", c.isolation);
  if (c.isolation != "in_process" && c.isolation != "process") {
    r.errors.push_back({ptr + "/isolation", "config.enum", "must be in_process or process"});
  }
  if (auto it = j.find("settings"); it != j.end()) {
    if (it->is_object()) {
      c.settings = *it;
    } else {
      r.errors.push_back({ptr + "/settings", "config.type", "must be an object"});
    }
  }
  r.get(j, ptr, "concurrency", c.concurrency);
  r.positive(c.concurrency, ptr + "/concurrency");
  r.get(j, ptr, "max_queued", c.max_queued);
  r.positive(c.max_queued, ptr + "/max_queued");
  r.get(j, ptr, "deadline_ms", c.deadline_ms);
  r.positive(c.deadline_ms, ptr + "/deadline_ms");
  if (auto it = j.find("rate_limit"); it != j.end()) {
    const std::string p = ptr + "/rate_limit";
    if (r.object(*it, p, {"per_second", "burst"})) {
      r.get(*it, p, "per_second", c.rate_limit.per_second);
      r.get(*it, p, "burst", c.rate_limit.burst);
    }
  }
  if (auto it = j.find("retry"); it != j.end()) {
    const std::string p = ptr + "/retry";
    if (r.object(*it, p, {"max_attempts", "initial_backoff_ms", "max_backoff_ms",
                          "jitter_percent"})) {
      r.get(*it, p, "max_attempts", c.retry.max_attempts);
      r.get(*it, p, "initial_backoff_ms", c.retry.initial_backoff_ms);
      r.get(*it, p, "max_backoff_ms", c.retry.max_backoff_ms);
      r.get(*it, p, "jitter_percent", c.retry.jitter_percent);
      r.positive(c.retry.max_attempts, p + "/max_attempts");
      r.positive(c.retry.initial_backoff_ms, p + "/initial_backoff_ms");
      r.positive(c.retry.max_backoff_ms, p + "/max_backoff_ms");
    }
  }
  if (auto it = j.find("circuit_breaker"); it != j.end()) {
    const std::string p = ptr + "/circuit_breaker";
    if (r.object(*it, p, {"failure_threshold", "open_ms"})) {
      r.get(*it, p, "failure_threshold", c.breaker.failure_threshold);
      r.get(*it, p, "open_ms", c.breaker.open_ms);
      r.positive(c.breaker.failure_threshold, p + "/failure_threshold");
      r.positive(c.breaker.open_ms, p + "/open_ms");
    }
  }
  return c;
}

}  // namespace

runtime_config runtime_config::parse(const nlohmann::json& document) {
  reader r;
  runtime_config cfg;
  if (r.object(document, "", {"ledger", "audit", "adapters", "connections", "server", "log"})) {
    if (auto it = document.find("ledger"); it != document.end()) {
      if (r.object(*it, "/ledger", {"backend", "path", "conninfo"})) {
        r.get(*it, "/ledger", "backend", cfg.ledger.backend);
        std::string path = cfg.ledger.sqlite_path.string();
        r.get(*it, "/ledger", "path", path);
        cfg.ledger.sqlite_path = path;
        r.secret_ref(*it, "/ledger", "conninfo", cfg.ledger.postgres_conninfo_ref);
        if (cfg.ledger.backend != "sqlite" && cfg.ledger.backend != "postgres") {
          r.errors.push_back({"/ledger/backend", "config.enum", "must be sqlite or postgres"});
        }
        if (cfg.ledger.backend == "postgres" && cfg.ledger.postgres_conninfo_ref.empty()) {
          r.errors.push_back({"/ledger/conninfo", "config.required",
                              "postgres needs a conninfo secret reference"});
        }
      }
    }
    if (auto it = document.find("audit"); it != document.end()) {
      if (r.object(*it, "/audit", {"hmac_key", "anchor_path", "encryption_key",
                                   "previous_encryption_keys", "encrypt", "checkpoint_every"})) {
        r.secret_ref(*it, "/audit", "hmac_key", cfg.audit.hmac_key_ref);
        r.secret_ref(*it, "/audit", "encryption_key", cfg.audit.encryption_key_ref);
        r.get(*it, "/audit", "previous_encryption_keys", cfg.audit.previous_encryption_key_refs);
        for (std::size_t i = 0; i < cfg.audit.previous_encryption_key_refs.size(); ++i) {
          if (!secret_resolver::is_reference(cfg.audit.previous_encryption_key_refs[i])) {
            r.errors.push_back({"/audit/previous_encryption_keys/" + std::to_string(i),
                                "config.secret_literal",
                                "must be a secret reference (env:NAME or file:/path), not a value"});
          }
        }
        std::string anchor = cfg.audit.anchor_path.string();
        r.get(*it, "/audit", "anchor_path", anchor);
        cfg.audit.anchor_path = anchor;
        r.get(*it, "/audit", "encrypt", cfg.audit.encrypt);
        r.get(*it, "/audit", "checkpoint_every", cfg.audit.checkpoint_every);
        r.positive(cfg.audit.checkpoint_every, "/audit/checkpoint_every");
        if (!cfg.audit.encrypt.empty() && cfg.audit.encryption_key_ref.empty()) {
          r.errors.push_back({"/audit/encryption_key", "config.required",
                              "audit.encrypt lists fields, so an encryption key is required"});
        }
      }
    }
    if (auto it = document.find("adapters"); it != document.end()) {
      if (r.object(*it, "/adapters", {"dirs", "trusted_keys", "require_signatures"})) {
        std::vector<std::string> dirs;
        r.get(*it, "/adapters", "dirs", dirs);
        for (const auto& d : dirs) cfg.adapter_dirs.emplace_back(d);
        r.get(*it, "/adapters", "trusted_keys", cfg.trusted_keys);
        r.get(*it, "/adapters", "require_signatures", cfg.require_signatures);
      }
    }
    if (auto it = document.find("connections"); it != document.end()) {
      if (!it->is_object()) {
        r.errors.push_back({"/connections", "config.type", "must be an object"});
      } else {
        for (const auto& [name, value] : it->items()) {
          cfg.connections.emplace(name, read_connection(r, name, value));
        }
      }
    }
    if (auto it = document.find("server"); it != document.end()) {
      if (r.object(*it, "/server", {"listen", "max_body_bytes", "tls"})) {
        r.get(*it, "/server", "listen", cfg.server.listen);
        r.get(*it, "/server", "max_body_bytes", cfg.server.max_body_bytes);
        if (auto tls = it->find("tls"); tls != it->end()) {
          if (r.object(*tls, "/server/tls", {"certificate", "private_key"})) {
            r.secret_ref(*tls, "/server/tls", "certificate", cfg.server.tls_certificate_ref);
            r.secret_ref(*tls, "/server/tls", "private_key", cfg.server.tls_private_key_ref);
          }
        }
      }
    }
    if (auto it = document.find("log"); it != document.end()) {
      if (r.object(*it, "/log", {"level", "format"})) {
        r.get(*it, "/log", "level", cfg.log_level);
        r.get(*it, "/log", "format", cfg.log_format);
        if (cfg.log_format != "text" && cfg.log_format != "json") {
          r.errors.push_back({"/log/format", "config.enum", "must be text or json"});
        }
      }
    }
  }
  if (!r.errors.empty()) {
    throw error(error_class::configuration, "config.invalid",
                "the configuration has " + std::to_string(r.errors.size()) + " problem(s)")
        .with_fields(std::move(r.errors));
  }
  return cfg;
}

runtime_config runtime_config::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw error(error_class::configuration, "config.unreadable",
                "cannot read configuration file " + file.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(parse_strict(text.str()));
}

}  // namespace erpc

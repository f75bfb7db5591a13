// SPDX-License-Identifier: Apache-2.0
// One NetSuite connection's configuration: the account, where to send requests, the TBA
// credentials as secret references (never values), and the value maps that turn canonical codes
// (legal entity, currency, GL account, tax code, payment terms) into NetSuite internal ids.
#pragma once

#include <erpc/call_context.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace erpc::netsuite {

// A canonical code → NetSuite internal id table, and its reverse for reads.
class value_map {
 public:
  value_map() = default;
  value_map(std::string name, std::map<std::string, std::string> to_vendor);

  const std::string& name() const noexcept { return name_; }
  // The NetSuite id `code` maps to (not copied), or nullptr.
  const std::string* find_vendor_id(const std::string& code) const;
  std::optional<std::string> code(const std::string& vendor_id) const;

 private:
  std::string name_;
  std::map<std::string, std::string> to_vendor_;
  std::map<std::string, std::string> to_code_;
};

struct value_maps {
  value_map subsidiaries;   // legal_entity → subsidiary id
  value_map currencies;     // ISO 4217 → currency id
  value_map accounts;       // GL account number → account id
  value_map tax_codes;      // canonical tax code → tax code id
  value_map payment_terms;  // payment_terms.code → terms id
  std::map<std::string, std::string> functional_currencies;  // legal_entity → ISO 4217
};

enum class write_mode { sync, async };

struct connection_config {
  std::string account_id;  // realm, e.g. 1234567_SB1
  std::string base_url;    // scheme://host[:port], no trailing slash
  std::string consumer_key_ref;
  std::string consumer_secret_ref;
  std::string token_id_ref;
  std::string token_secret_ref;
  value_maps maps;
  write_mode mode = write_mode::sync;
  int async_poll_attempts = 5;
  // Read back by eid: before every first POST: for an account that silently updates on a
  // duplicate externalId POST (vendors.md §1.2 leaves that answer unconfirmed).
  bool read_before_create = false;
};

// The draft-07 schema in the manifest.
nlohmann::json config_schema();

// Reads and checks a configuration; CONFIGURATION `netsuite.config` with a field error per
// problem. A credential that is not a reference ("env:NAME", "file:/path") is refused without
// echoing it: it may be the secret itself.
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::netsuite

// SPDX-License-Identifier: Apache-2.0
// One BILL connection's configuration (vendors.md §10.2): where the gateway is, the login
// (user name, password and developer key as secret references; the organisation id is not a
// secret), the one currency the organisation's bills are in, where a bill's invoice fields sit
// (top level or an `invoice` object: unconfirmed, so a setting that must match the tenant), the
// requests this connection may have in flight (BILL allows 3 per organisation), and the value
// maps: GL account → chartOfAccountId, clearing account → funding account id.
#pragma once

#include <erpc/adapters/connection_config.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::bill {

// A canonical code → BILL id table, and its reverse for reads. (adapters/common)
using value_map = adapters::value_map;

enum class invoice_fields { top_level, nested };

struct connection_config {
  std::string base_url;  // scheme://host[:port], no trailing slash; paths are /connect/v3/…
  std::string username_ref;
  std::string password_ref;
  std::string dev_key_ref;
  std::string organization_id;
  std::string currency = "USD";
  std::string legal_entity;  // the canonical legal entity the organisation is (optional)
  invoice_fields invoice_shape = invoice_fields::top_level;
  int max_concurrent_requests = 3;  // vendors.md §10.2: 3 per developer key per organisation
  std::string funding_account_type = "BANK_ACCOUNT";
  value_map accounts;       // GL account → billLineItems[].chartOfAccountId
  value_map bank_accounts;  // payment clearing_account → fundingAccount.id
};

nlohmann::json config_schema();

// CONFIGURATION `bill.config` with a field error per problem. A credential that is not a secret
// reference is refused without echoing it (it may be the secret itself).
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::bill

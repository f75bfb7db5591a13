// SPDX-License-Identifier: Apache-2.0
// One F&O connection's configuration (vendors.md §5.1, §5.2): the environment's URL, the legal
// entity (dataAreaId) it writes to, Microsoft Entra client credentials as secret references
// (never values), defaults F&O needs on a create (vendor group, journal name), and the value maps
// that turn canonical codes into F&O ones.
#pragma once

#include <erpc/adapters/connection_config.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::fo {

// A canonical code → F&O code table and its reverse for reads (adapters/common).
using value_map = adapters::value_map;

struct value_maps {
  value_map accounts;    // canonical GL account → main account (MainAccountDisplayValue)
  value_map tax_codes;   // canonical tax code → item sales tax group
  value_map currencies;  // ISO 4217 → F&O currency code (identity when unmapped)
};

struct connection_config {
  std::string base_url;      // https://<env>.operations.dynamics.com, no trailing slash
  std::string company;       // dataAreaId, lower case (usmf)
  std::string legal_entity;  // the canonical legal entity this company is ("" = not checked)
  std::string vendor_group = "10";        // VendorGroupId of new vendors (mandatory in F&O)
  std::string journal_name = "GenJrn";    // LedgerJournalHeaders.JournalName
  std::string token_url;                  // absolute
  std::string client_id_ref;
  std::string client_secret_ref;
  std::string scope;                      // default {base_url}/.default (vendors.md §5.2)
  value_maps maps;
};

nlohmann::json config_schema();

// CONFIGURATION `fo.config` with a field error per problem. A credential that is not a secret
// reference is refused without echoing it.
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::fo

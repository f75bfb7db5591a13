// SPDX-License-Identifier: Apache-2.0
// One Business Central connection's configuration (vendors.md §4.1, §4.2): where the API is
// (base URL, environment, company id), Microsoft Entra client credentials as secret references
// (never values), and the value maps that turn canonical codes into BC numbers and codes.
#pragma once

#include <erpc/adapters/connection_config.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::bc {

// A canonical code → BC code table and its reverse for reads (adapters/common).
using value_map = adapters::value_map;

struct value_maps {
  value_map accounts;       // canonical GL account → G/L Account No. (lineObjectNumber)
  value_map tax_codes;      // canonical tax code → taxCode (VAT Prod. Posting Group / Tax Group)
  value_map currencies;     // ISO 4217 → BC currency code (identity when unmapped)
  value_map payment_terms;  // payment_terms.code → paymentTermsId (GUID)
};

struct connection_config {
  std::string base_url;     // scheme://host[:port], no trailing slash
  std::string environment;  // production, sandbox, …
  std::string company_id;   // GUID
  std::string legal_entity;    // the canonical legal entity this company is ("" = not checked)
  std::string local_currency;  // the company's LCY: sent as currencyCode "" (BC's convention)
  std::string token_url;       // absolute
  std::string client_id_ref;
  std::string client_secret_ref;
  std::string scope = "https://api.businesscentral.dynamics.com/.default";
  value_maps maps;
};

nlohmann::json config_schema();

// CONFIGURATION `bc.config` with a field error per problem. A credential that is not a secret
// reference is refused without echoing it.
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::bc

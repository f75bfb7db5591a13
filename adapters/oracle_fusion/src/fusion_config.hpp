// SPDX-License-Identifier: Apache-2.0
// One Oracle Fusion connection's configuration: where the pod is, how to authenticate (Basic
// with a Fusion user, or OAuth 2.0 client credentials against the identity domain; vendors.md
// §3.2) with every credential a secret reference, and the value maps that turn canonical codes
// into Fusion names (business units, distribution combinations, tax classifications, payment
// terms, disbursement bank accounts).
#pragma once

#include <erpc/adapters/connection_config.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace erpc::oracle_fusion {

// A canonical code → Fusion value table, and its reverse for reads. (adapters/common)
using value_map = adapters::value_map;

struct value_maps {
  value_map business_units;  // legal_entity → BusinessUnit / ProcurementBU name
  value_map accounts;        // GL account → DistributionCombination
  value_map tax_codes;       // canonical tax code → TaxClassification
  value_map payment_terms;   // payment_terms.code → PaymentTerms
  value_map bank_accounts;   // clearing account → DisbursementBankAccountName
};

enum class auth_method { basic, oauth2 };

struct connection_config {
  std::string base_url;  // scheme://host[:port], no trailing slash
  auth_method auth = auth_method::basic;
  std::string user_ref;      // basic
  std::string password_ref;  // basic
  std::string token_url;     // oauth2 (absolute)
  std::string client_id_ref;
  std::string client_secret_ref;
  std::string scope;
  value_maps maps;
  std::string default_business_unit;  // when a document names no legal_entity
  std::string supplier_site;          // the site created with a supplier and used on documents
  std::string business_relationship = "SPEND_AUTHORIZED";
  std::string payment_method = "CHECK";
  std::string payment_document;  // optional PaymentDocument of manual payments
  // Read back by the natural key before every first POST too (not only on retries).
  bool read_before_create = false;
};

nlohmann::json config_schema();

// CONFIGURATION `oracle_fusion.config` with a field error per problem. A credential that is not
// a secret reference is refused without echoing it (it may be the secret itself).
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::oracle_fusion

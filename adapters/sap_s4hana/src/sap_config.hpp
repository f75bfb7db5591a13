// SPDX-License-Identifier: Apache-2.0
// One SAP S/4HANA connection's configuration: where the system is, how to authenticate (Basic
// with a communication user, or OAuth 2.0 client credentials; vendors.md §2.2) with every
// credential a secret reference (never a value), the value maps that turn canonical codes
// (legal entity, GL account, tax code, currency, payment terms) into SAP keys, and the tenant
// facts the idempotency protocol relies on (the duplicate-invoice message codes, the journal
// reference check).
#pragma once

#include <erpc/adapters/connection_config.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace erpc::sap {

// A canonical code → SAP key table and its reverse for reads (adapters/common); currencies
// are an identity map (unmapped values pass through unchanged).
using value_map = adapters::value_map;

struct value_maps {
  value_map company_codes;  // legal_entity → CompanyCode
  value_map accounts;       // GL account (canonical) → GLAccount
  value_map tax_codes;      // canonical tax code → TaxCode (2 characters)
  value_map currencies;     // ISO 4217 → SAP currency key (identity when unmapped)
  value_map payment_terms;  // payment_terms.code → PaymentTerms
};

enum class auth_method { basic, oauth2 };

struct auth_config {
  auth_method method = auth_method::basic;
  std::string user_ref;      // basic: communication user
  std::string password_ref;  // basic
  std::string token_url;     // oauth2: absolute URL (default: base_url + /sap/bc/sec/oauth2/token)
  std::string client_id_ref;
  std::string client_secret_ref;
  std::string scope;  // oauth2, optional
};

// How the tenant's FI reference check treats a journal whose DocumentReferenceID was used before
// (vendors.md §2.3: message type configurable). Only `error` lets a journal retry be resolved
// without a second posting.
enum class reference_check { off, warning, error };

struct supplier_defaults {
  std::string grouping = "BP02";
  std::string reconciliation_account;  // A_SupplierCompany.ReconciliationAccount
  bool check_duplicate_invoices = true;  // IsToBeCheckedForDuplicates on created suppliers
  std::vector<std::string> roles = {"FLVN00", "FLVN01"};
};

struct connection_config {
  std::string base_url;    // scheme://host[:port], no trailing slash
  std::string sap_client;  // sap-client query parameter, optional
  auth_config auth;
  value_maps maps;
  supplier_defaults supplier;
  // Gateway error codes that mean "this invoice is a duplicate" (vendors.md §2.3: M8 108 is
  // the documented message; its OData code is unconfirmed, so it is configurable).
  std::vector<std::string> duplicate_codes = {"M8/108"};
  // The tenant's duplicate-invoice check raises an error (not a warning): the condition under
  // which a late-delivered first request cannot post a second invoice (README "native level").
  bool duplicate_check_is_error = true;
  reference_check journal_reference_check = reference_check::error;
  std::string journal_document_type = "SA";
};

// The draft-07 schema in the manifest.
nlohmann::json config_schema();

// Reads and checks a configuration; CONFIGURATION `sap.config` with a field error per problem.
// A credential that is not a secret reference ("env:NAME", "file:/path") is refused without
// echoing it: it may be the secret itself.
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::sap

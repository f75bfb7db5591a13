// SPDX-License-Identifier: Apache-2.0
// One Coupa connection's configuration: the instance, OAuth 2.0 client credentials (the only
// authentication: API keys are deprecated, vendors.md §10.1) with every credential a secret
// reference, and the tenant-dependent choices vendors.md marks unconfirmed — whether invoices
// may be created through REST, and the route that marks an invoice exported.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace erpc::coupa {

// How an invoice is marked exported (vendors.md §10.1: the endpoint name is unconfirmed).
enum class export_route {
  put_field,      // PUT /api/invoices/{id} with {"exported": true}
  export_action,  // PUT /api/invoices/{id}/export
};

struct connection_config {
  std::string base_url;  // scheme://host[:port], no trailing slash
  std::string token_url;  // absolute; default base_url + /oauth2/token
  std::string client_id_ref;
  std::string client_secret_ref;
  std::string scope = "core.invoice.read core.invoice.write core.supplier.read core.supplier.write";
  // POST /api/invoices is allowed for this tenant (vendors.md §10.1: unconfirmed; new supplier
  // invoices normally arrive through cXML). Off: Invoice create is UNSUPPORTED.
  bool invoice_create = false;
  export_route exported_by = export_route::put_field;
  // canonical GL account → Coupa account code; empty: the code is sent as it is.
  std::map<std::string, std::string> accounts;
  // Read back by the natural key before every first POST too (not only on retries).
  bool read_before_create = false;
};

nlohmann::json config_schema();

// CONFIGURATION `coupa.config` with a field error per problem. A credential that is not a
// secret reference is refused without echoing it (it may be the secret itself).
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::coupa

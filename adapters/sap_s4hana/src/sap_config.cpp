// SPDX-License-Identifier: Apache-2.0
#include "sap_config.hpp"

namespace erpc::sap {

namespace {

constexpr const char* map_fields[] = {"company_codes", "accounts", "tax_codes", "currencies",
                                      "payment_terms"};

using erpc::adapters::string_map_schema;

}  // namespace

nlohmann::json config_schema() {
  const auto credential = adapters::secret_reference_schema();
  nlohmann::json maps = {{"type", "object"}, {"additionalProperties", false}};
  for (const auto* name : map_fields) maps["properties"][name] = string_map_schema();
  return {
      {"type", "object"},
      {"required", {"base_url", "auth"}},
      {"additionalProperties", false},
      {"properties",
       {{"base_url", {{"type", "string"}, {"pattern", "^https?://[^/?#]+$"}}},
        {"sap_client", {{"type", "string"}, {"pattern", "^[0-9]{3}$"}}},
        {"auth",
         {{"type", "object"},
          {"required", {"method"}},
          {"properties",
           {{"method", {{"enum", {"basic", "oauth2"}}}},
            {"user", credential},
            {"password", credential},
            {"token_url", {{"type", "string"}, {"pattern", "^https?://"}}},
            {"client_id", credential},
            {"client_secret", credential},
            {"scope", {{"type", "string"}}}}}}},
        {"value_maps", maps},
        {"supplier",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"grouping", {{"type", "string"}, {"maxLength", 4}}},
            {"reconciliation_account", {{"type", "string"}, {"maxLength", 10}}},
            {"check_duplicate_invoices", {{"type", "boolean"}}},
            {"roles", {{"type", "array"}, {"items", {{"type", "string"}, {"maxLength", 6}}}}}}}}},
        {"duplicate_codes", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"duplicate_check", {{"enum", {"error", "warning"}}}},
        {"journal",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"reference_check", {{"enum", {"off", "warning", "error"}}}},
            {"document_type", {{"type", "string"}, {"maxLength", 2}}}}}}}}}};
}

connection_config parse_config(const nlohmann::json& config) {
  adapters::config_reader r("sap.config", "the SAP S/4HANA connection configuration");
  r.require_object(config);
  connection_config c;
  c.base_url = r.base_url(config);
  c.sap_client = r.text(config, "sap_client", "/sap_client", false);
  for (const char ch : c.sap_client) {
    if (ch < '0' || ch > '9') r.problem("/sap_client", "must be three digits");
  }

  const auto auth = config.find("auth");
  if (auth == config.end() || !auth->is_object()) {
    r.problem("/auth", "required: {\"method\": \"basic\"|\"oauth2\", …}");
  } else {
    const auto method = r.text(*auth, "method", "/auth/method", true);
    if (method == "basic") {
      c.auth.method = auth_method::basic;
      c.auth.user_ref = r.secret_ref(*auth, "user", "/auth/user");
      c.auth.password_ref = r.secret_ref(*auth, "password", "/auth/password");
    } else if (method == "oauth2") {
      c.auth.method = auth_method::oauth2;
      c.auth.client_id_ref = r.secret_ref(*auth, "client_id", "/auth/client_id");
      c.auth.client_secret_ref = r.secret_ref(*auth, "client_secret", "/auth/client_secret");
      c.auth.token_url = r.text(*auth, "token_url", "/auth/token_url", false);
      c.auth.scope = r.text(*auth, "scope", "/auth/scope", false);
      if (!c.auth.token_url.empty() && c.auth.token_url.rfind("http://", 0) != 0 &&
          c.auth.token_url.rfind("https://", 0) != 0) {
        r.problem("/auth/token_url", "must be an http(s) URL");
      }
      if (c.auth.token_url.empty() && !c.base_url.empty()) {
        c.auth.token_url = c.base_url + "/sap/bc/sec/oauth2/token";
      }
    } else if (!method.empty()) {
      r.problem("/auth/method", "must be basic or oauth2");
    }
  }

  const auto& maps = r.value_maps(
      config, {"company_codes", "accounts", "tax_codes", "currencies", "payment_terms"});
  c.maps.company_codes = r.map(maps, "company_codes", false);
  c.maps.accounts = r.map(maps, "accounts", false);
  c.maps.tax_codes = r.map(maps, "tax_codes", false);
  c.maps.currencies = r.map(maps, "currencies", true);
  c.maps.payment_terms = r.map(maps, "payment_terms", false);

  if (const auto s = config.find("supplier"); s != config.end()) {
    if (!s->is_object()) {
      r.problem("/supplier", "must be an object");
    } else {
      if (auto g = r.text(*s, "grouping", "/supplier/grouping", false); !g.empty()) {
        c.supplier.grouping = g;
      }
      c.supplier.reconciliation_account =
          r.text(*s, "reconciliation_account", "/supplier/reconciliation_account", false);
      c.supplier.check_duplicate_invoices = r.boolean(
          *s, "check_duplicate_invoices", "/supplier/check_duplicate_invoices", true);
      if (const auto roles = s->find("roles"); roles != s->end()) {
        c.supplier.roles.clear();
        if (!roles->is_array()) r.problem("/supplier/roles", "must be an array of role codes");
        for (const auto& role : roles->is_array() ? *roles : nlohmann::json::array()) {
          if (role.is_string()) c.supplier.roles.push_back(role.get<std::string>());
        }
      }
    }
  }
  if (const auto d = config.find("duplicate_codes"); d != config.end()) {
    c.duplicate_codes.clear();
    if (!d->is_array()) r.problem("/duplicate_codes", "must be an array of Gateway error codes");
    for (const auto& code : d->is_array() ? *d : nlohmann::json::array()) {
      if (code.is_string()) c.duplicate_codes.push_back(code.get<std::string>());
    }
  }
  if (const auto d = config.find("duplicate_check"); d != config.end()) {
    if (*d == "error") {
      c.duplicate_check_is_error = true;
    } else if (*d == "warning") {
      c.duplicate_check_is_error = false;
    } else {
      r.problem("/duplicate_check", "must be error or warning");
    }
  }
  if (const auto j = config.find("journal"); j != config.end()) {
    if (!j->is_object()) {
      r.problem("/journal", "must be an object");
    } else {
      const auto check = r.text(*j, "reference_check", "/journal/reference_check", false);
      if (check == "off") c.journal_reference_check = reference_check::off;
      else if (check == "warning") c.journal_reference_check = reference_check::warning;
      else if (check == "error" || check.empty()) c.journal_reference_check = reference_check::error;
      else r.problem("/journal/reference_check", "must be off, warning or error");
      if (auto t = r.text(*j, "document_type", "/journal/document_type", false); !t.empty()) {
        c.journal_document_type = t;
      }
    }
  }
  r.refuse_unknown(config, "", {"base_url", "sap_client", "auth", "value_maps", "supplier",
                                "duplicate_codes", "duplicate_check", "journal"});
  r.finish();
  return c;
}

}  // namespace erpc::sap

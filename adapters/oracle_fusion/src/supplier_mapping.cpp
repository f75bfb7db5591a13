// SPDX-License-Identifier: Apache-2.0
// Supplier ↔ Fusion `suppliers` (+ child `sites`) (vendors.md §3.1).
//   name → Supplier (the natural key: one supplier a name; uniqueness is a simulator setting,
//          vendors.md does not state it)       number → SupplierNumber (else Fusion numbers it)
//   tax_id → TaxpayerId     status active|inactive → Status ACTIVE|INACTIVE
//   legal_entity → ProcurementBU of the site the connection's `supplier_site` names (created
//   with the supplier, so invoices and payments can name it); BusinessRelationship from the
//   connection (default SPEND_AUTHORIZED).
// Not carried (UNSUPPORTED, never dropped): country, postal_address, email, default_currency,
// payment_terms, bank_accounts (Fusion keeps them on addresses, sites and payees), status
// blocked, payment_block. notes is display-only (x-erpc-ignorable) and not sent.
#include "mapping_support.hpp"
#include "resource_api.hpp"
#include "resource_mapping.hpp"

namespace erpc::oracle_fusion {

namespace {

using namespace mapping;

class supplier_mapping final : public resource_mapping {
 public:
  std::string_view object() const noexcept override { return "Supplier"; }
  std::string_view resource() const noexcept override { return "suppliers"; }
  std::string_view child() const noexcept override { return "sites"; }
  std::string_view id_attribute() const noexcept override { return "SupplierId"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    fields.refuse_present(p, {"country", "postal_address", "email", "default_currency", "payment_terms",
                       "bank_accounts", "payment_block"},
                   "", "is not carried to an Oracle Fusion supplier by this adapter");
    nlohmann::json body = nlohmann::json::object();
    body["Supplier"] = fields.required_text(p, "name", "/name");
    if (auto v = fields.text(p, "number", "/number")) body["SupplierNumber"] = *v;
    if (auto v = fields.text(p, "tax_id", "/tax_id")) body["TaxpayerId"] = *v;
    if (auto v = fields.text(p, "status", "/status")) {
      if (*v == "blocked") fields.unsupported("/status", "Oracle Fusion suppliers are not blocked this way");
      body["Status"] = *v == "inactive" ? "INACTIVE" : "ACTIVE";
    }
    body["BusinessRelationship"] = ctx.config.business_relationship;
    if (!ctx.config.supplier_site.empty()) {
      body["sites"] = nlohmann::json::array(
          {{{"SupplierSite", ctx.config.supplier_site},
            {"ProcurementBU", business_unit(p, ctx.config)}}});
    } else if (p.contains("legal_entity")) {
      (void)business_unit(p, ctx.config);  // a legal entity must still be mapped
    }
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config& config) const override {
    const auto id = vendor_id_of(*this, r);
    nlohmann::json doc = {{"id", id},
                          {"external_refs", {{"oracle_fusion", id}}},
                          {"source", {{"system", "oracle_fusion"}, {"id", "suppliers/" + id}}},
                          {"name", text_of(r, "Supplier")}};
    if (auto n = text_of(r, "SupplierNumber"); !n.empty()) doc["number"] = n;
    if (auto t = text_of(r, "TaxpayerId"); !t.empty()) doc["tax_id"] = t;
    const auto status = text_of(r, "Status");
    if (status == "ACTIVE") doc["status"] = "active";
    if (status == "INACTIVE") doc["status"] = "inactive";
    if (const auto sites = r.find("sites"); sites != r.end() && sites->is_array()) {
      for (const auto& s : *sites) {
        if (text_of(s, "SupplierSite") != config.supplier_site) continue;
        if (auto le = legal_entity_of(text_of(s, "ProcurementBU"), config)) doc["legal_entity"] = *le;
      }
    }
    return doc;
  }

  std::string natural_query(const nlohmann::json& body) const override {
    return "Supplier=" + q_value(text_of(body, "Supplier"), "/name");
  }

  std::string natural_key(const nlohmann::json& body) const override {
    return text_of(body, "Supplier");
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [&](const char* name) { return b.contains(name) ? b[name] : nlohmann::json(); };
    return {{"Supplier", norm_text(member("Supplier"))},
            {"SupplierNumber", norm_text(member("SupplierNumber"))},
            {"TaxpayerId", norm_text(member("TaxpayerId"))}};
  }

  std::string pointer_for(std::string_view path) const override {
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"Supplier", "/name"}, {"SupplierNumber", "/number"}, {"TaxpayerId", "/tax_id"},
        {"Status", "/status"}, {"ProcurementBU", "/legal_entity"}};
    for (const auto& [vendor, pointer] : table) {
      if (path == vendor || path.find("." + std::string(vendor)) != std::string_view::npos) {
        return std::string(pointer);
      }
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<resource_mapping> make_supplier_mapping() {
  return std::make_unique<supplier_mapping>();
}

}  // namespace erpc::oracle_fusion

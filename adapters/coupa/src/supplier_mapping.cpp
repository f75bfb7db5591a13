// SPDX-License-Identifier: Apache-2.0
// Supplier ↔ Coupa `suppliers` (vendors.md §10.1; field names hyphenated).
//   name → name (the natural key this adapter reads back by; whether Coupa enforces it is
//          unconfirmed, so the simulator's suppliers.duplicate_name is a setting)
//   number → number      tax_id → tax-id      status active|inactive → status
// Not carried (UNSUPPORTED, never dropped): legal_entity, country, postal_address, email,
// default_currency, payment_terms, bank_accounts, payment_block, status blocked. notes is
// display-only (x-erpc-ignorable) and not sent.
#include "mapping_support.hpp"
#include "resource_mapping.hpp"

namespace erpc::coupa {

namespace {

using namespace mapping;

class supplier_mapping final : public resource_mapping {
 public:
  std::string_view object() const noexcept override { return "Supplier"; }
  std::string_view resource() const noexcept override { return "suppliers"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context&) const override {
    fields.refuse_present(p, {"legal_entity", "country", "postal_address", "email", "default_currency",
                       "payment_terms", "bank_accounts", "payment_block"},
                   "", "is not carried to a Coupa supplier by this adapter");
    nlohmann::json body = nlohmann::json::object();
    body["name"] = fields.required_text(p, "name", "/name");
    if (auto v = fields.text(p, "number", "/number")) body["number"] = *v;
    if (auto v = fields.text(p, "tax_id", "/tax_id")) body["tax-id"] = *v;
    if (auto v = fields.text(p, "status", "/status")) {
      if (*v == "blocked") fields.unsupported("/status", "Coupa suppliers are active or inactive");
      body["status"] = *v;
    }
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config&) const override {
    const auto id = vendor_id_of(r);
    nlohmann::json doc = {{"id", id},
                          {"external_refs", {{"coupa", id}}},
                          {"source", {{"system", "coupa"}, {"id", "suppliers/" + id}}},
                          {"name", text_of(r, "name")}};
    if (auto n = text_of(r, "number"); !n.empty()) doc["number"] = n;
    if (auto t = text_of(r, "tax-id"); !t.empty()) doc["tax_id"] = t;
    const auto status = text_of(r, "status");
    if (status == "active" || status == "inactive") doc["status"] = status;
    return doc;
  }

  query_params natural_query(const nlohmann::json& body) const override {
    return {{"name", text_of(body, "name")}};
  }

  std::string natural_key(const nlohmann::json& body) const override { return text_of(body, "name"); }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [&](const char* name) { return b.contains(name) ? b[name] : nlohmann::json(); };
    return {{"name", norm_text(member("name"))},
            {"number", norm_text(member("number"))},
            {"tax-id", norm_text(member("tax-id"))}};
  }

  std::string pointer_for(std::string_view field) const override {
    if (field == "name") return "/name";
    if (field == "number") return "/number";
    if (field == "tax-id") return "/tax_id";
    if (field == "status") return "/status";
    return "";
  }
};

}  // namespace

std::unique_ptr<resource_mapping> make_supplier_mapping() { return std::make_unique<supplier_mapping>(); }

}  // namespace erpc::coupa

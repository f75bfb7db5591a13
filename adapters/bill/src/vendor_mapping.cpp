// SPDX-License-Identifier: Apache-2.0
// Supplier ↔ BILL `vendors` (vendors.md §10.2: ids prefixed 009).
//   name → name (the natural key a read-back finds by; BILL's own uniqueness is not stated)
//   email → email
//   status active (or absent) only; legal_entity must be the connection's when it names one.
// Not carried (UNSUPPORTED, never dropped): number, tax_id, country, postal_address,
// default_currency, payment_terms, bank_accounts (BILL verifies vendor bank accounts itself,
// §10.2), status inactive/blocked, payment_block. notes is display-only and not sent.
#include "mapping_support.hpp"
#include "record_mapping.hpp"

namespace erpc::bill {

namespace {

using namespace mapping;

class vendor_mapping final : public record_mapping {
 public:
  std::string_view object() const noexcept override { return "Supplier"; }
  std::string_view resource() const noexcept override { return "vendors"; }

  nlohmann::json to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    refuse_present(p, {"number", "tax_id", "country", "postal_address", "default_currency",
                       "payment_terms", "bank_accounts", "payment_block"},
                   "", "is not carried to a BILL vendor by this adapter");
    if (auto v = text(p, "status", "/status"); v && *v != "active") {
      unsupported("/status", "only active BILL vendors are created");
    }
    if (auto le = text(p, "legal_entity", "/legal_entity"); le && *le != ctx.config.legal_entity) {
      invalid("/legal_entity", "bill.legal_entity", "this BILL organisation is legal entity '" +
                                                       ctx.config.legal_entity + "'");
    }
    nlohmann::json body = {{"name", required_text(p, "name", "/name")}};
    if (auto v = text(p, "email", "/email")) body["email"] = *v;
    return body;
  }

  nlohmann::json from_vendor(const nlohmann::json& r, const connection_config& config) const override {
    auto doc = canonical_base(text_of(r, "id"));
    doc["name"] = text_of(r, "name");
    if (const auto email = text_of(r, "email"); !email.empty()) doc["email"] = email;
    doc["status"] = r.value("archived", false) ? "inactive" : "active";
    if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
    return doc;
  }

  filter_list natural_filters(const nlohmann::json& body, const connection_config&) const override {
    return {{"name", filter_value(text_of(body, "name"), "/name")}};
  }

  bool bound_to_key() const noexcept override { return false; }

  nlohmann::json compared_fields(const nlohmann::json& body) const override {
    return {{"name", text_of(body, "name")}, {"email", text_of(body, "email")}};
  }

  std::string pointer_for(std::string_view field) const override {
    if (field == "name") return "/name";
    if (field == "email") return "/email";
    return {};
  }
};

}  // namespace

std::unique_ptr<record_mapping> make_vendor_mapping() { return std::make_unique<vendor_mapping>(); }

}  // namespace erpc::bill

// SPDX-License-Identifier: Apache-2.0
// Supplier ↔ NetSuite `vendor` (vendors.md §1.1; field names from Oracle's vendor record).
//   name → companyName        number → entityId        legal_entity → subsidiary (value map)
//   tax_id → vatRegNumber      email → email             default_currency → currency (value map)
//   payment_terms.code → terms (value map)   status active|inactive → isInactive   notes → comments
// Not carried (UNSUPPORTED, never silently dropped): postal_address, country, bank_accounts
// (vendor bank details need the Electronic Bank Payments SuiteApp), status "blocked",
// payment_block true.
#include "mapping_support.hpp"
#include "record_mapping.hpp"

namespace erpc::netsuite {

namespace {

using namespace mapping;

class supplier_mapping final : public record_mapping {
 public:
  std::string_view object() const noexcept override { return "Supplier"; }
  std::vector<std::string> record_types() const override { return {"vendor"}; }

  vendor_record to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    for (const char* field : {"postal_address", "country", "bank_accounts"}) {
      if (p.contains(field)) {
        fields.unsupported(std::string("/") + field,
                    std::string(field) + " is not carried to a NetSuite vendor by this adapter");
      }
    }
    if (p.value("payment_block", false)) {
      fields.unsupported("/payment_block", "NetSuite vendors have no payment block");
    }
    nlohmann::json body = nlohmann::json::object();
    body["companyName"] = fields.required_text(p, "name", "/name");
    if (auto v = fields.text(p, "number", "/number")) body["entityId"] = *v;
    if (auto v = fields.text(p, "legal_entity", "/legal_entity")) {
      body["subsidiary"] = reference(ctx.maps.subsidiaries, *v, "/legal_entity");
    }
    if (auto v = fields.text(p, "tax_id", "/tax_id")) body["vatRegNumber"] = *v;
    if (auto v = fields.text(p, "email", "/email")) body["email"] = *v;
    if (auto v = fields.text(p, "default_currency", "/default_currency")) {
      body["currency"] = reference(ctx.maps.currencies, *v, "/default_currency");
    }
    if (const auto it = p.find("payment_terms"); it != p.end() && it->is_object()) {
      const auto code = fields.required_text(*it, "code", "/payment_terms/code");
      body["terms"] = reference(ctx.maps.payment_terms, code, "/payment_terms/code");
    }
    if (auto v = fields.text(p, "status", "/status")) {
      if (*v == "blocked") fields.unsupported("/status", "NetSuite vendors cannot be blocked");
      body["isInactive"] = *v == "inactive";
    }
    if (auto v = fields.text(p, "notes", "/notes")) body["comments"] = *v;
    return {"vendor", std::move(body)};
  }

  nlohmann::json from_vendor(std::string_view, const nlohmann::json& r,
                             const value_maps& maps) const override {
    const std::string id = ref_id(nlohmann::json{{"id", r.value("id", nlohmann::json())}}, "id");
    nlohmann::json doc = {{"id", id},
                          {"external_refs", {{"netsuite", id}}},
                          {"source", {{"system", "netsuite"}, {"id", "vendor/" + id}}}};
    std::string name = r.value("companyName", "");
    if (name.empty()) name = r.value("entityId", "");
    doc["name"] = name;
    if (r.contains("entityId") && r["entityId"].is_string()) doc["number"] = r["entityId"];
    if (auto s = ref_id(r, "subsidiary"); !s.empty()) {
      doc["legal_entity"] = code_for(maps.subsidiaries, s, "subsidiary");
    }
    if (r.contains("vatRegNumber") && r["vatRegNumber"].is_string()) {
      doc["tax_id"] = r["vatRegNumber"];
    }
    if (r.contains("email") && r["email"].is_string()) doc["email"] = r["email"];
    if (auto c = ref_id(r, "currency"); !c.empty()) {
      doc["default_currency"] = code_for(maps.currencies, c, "currency");
    }
    if (auto t = ref_id(r, "terms"); !t.empty()) {
      doc["payment_terms"] = {{"code", code_for(maps.payment_terms, t, "terms")}};
    }
    if (r.contains("isInactive") && r["isInactive"].is_boolean()) {
      doc["status"] = r["isInactive"].get<bool>() ? "inactive" : "active";
    }
    if (r.contains("comments") && r["comments"].is_string()) doc["notes"] = r["comments"];
    return doc;
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [&](const char* name) {
      return b.contains(name) ? b[name] : nlohmann::json(nullptr);
    };
    return {{"companyName", norm_text(member("companyName"))},
            {"entityId", norm_text(member("entityId"))},
            {"subsidiary", norm_ref(member("subsidiary"))},
            {"vatRegNumber", norm_text(member("vatRegNumber"))},
            {"email", norm_text(member("email"))},
            {"currency", norm_ref(member("currency"))},
            {"terms", norm_ref(member("terms"))}};
  }

  std::string pointer_for(std::string_view path) const override {
    static const std::pair<std::string_view, std::string_view> table[] = {
        {"companyName", "/name"},          {"entityId", "/number"},
        {"subsidiary", "/legal_entity"},   {"vatRegNumber", "/tax_id"},
        {"email", "/email"},               {"currency", "/default_currency"},
        {"terms", "/payment_terms/code"},  {"comments", "/notes"}};
    for (const auto& [vendor, pointer] : table) {
      if (path == vendor || path.substr(0, vendor.size() + 1) == std::string(vendor) + ".") {
        return std::string(pointer);
      }
    }
    return "";
  }
};

}  // namespace

std::unique_ptr<record_mapping> make_supplier_mapping() {
  return std::make_unique<supplier_mapping>();
}

}  // namespace erpc::netsuite

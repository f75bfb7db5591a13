// SPDX-License-Identifier: Apache-2.0
// Supplier ↔ vendor (vendors.md §4.1 vendor fields; lengths of table 23 Vendor).
//   number → number (No., Code[20]; the natural key)   name → displayName (≤ 100)
//   postal_address: address_lines[0..1] → addressLine1/2, else street_name + building_number →
//     addressLine1 (≤ 100); town_name → city (≤ 30), country_sub_division → state (≤ 30),
//     postal_code → postalCode (≤ 20), country (or postal_address.country) → country (≤ 10)
//   email → email (≤ 80)   tax_id → taxRegistrationNumber (≤ 20)
//   default_currency → currencyCode ("" when it is the company's local currency)
//   payment_terms.code → paymentTermsId (value map: code → GUID)
//   status blocked → blocked "All"; payment_block → blocked "Payment"; else " "
// Not carried (UNSUPPORTED): bank_accounts, notes, status inactive.
// Read back, addressLine1/2 come back as address_lines (BC keeps no street/number split).
#include "bc_mapping.hpp"
#include "mapping_support.hpp"

namespace erpc::bc {

using namespace mapping;

nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id) {
  payload["id"] = vendor_id;
  payload["external_refs"][ref_key] = vendor_id;
  return payload;
}

nlohmann::json supplier_to_vendor(const nlohmann::json& p, const connection_config& config) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "legal_entity", "number", "name", "tax_id",
                  "country", "postal_address", "email", "default_currency", "payment_terms",
                  "status", "payment_block", "created_at", "updated_at", "etag"},
                 "", "Business Central vendors through this adapter do not carry this field");
  nlohmann::json v = nlohmann::json::object();
  v["number"] = fields.fits(fields.required_text(p, "number", "/number"), 20, "/number", "No.");
  v["displayName"] = fields.fits(fields.required_text(p, "name", "/name"), 100, "/name", "Name");
  if (auto le = fields.text(p, "legal_entity", "/legal_entity")) {
    if (!config.legal_entity.empty() && *le != config.legal_entity) {
      fields.invalid("/legal_entity", "bc.legal_entity",
              "this connection is the company of legal entity " + config.legal_entity);
    }
  }
  std::string country = fields.text(p, "country", "/country").value_or("");
  if (const auto a = p.find("postal_address"); a != p.end()) {
    fields.refuse_unknown(*a, {"street_name", "building_number", "postal_code", "town_name",
                        "country_sub_division", "country", "address_lines"},
                   "/postal_address", "not carried by a BC vendor address");
    if (const auto lines = a->find("address_lines"); lines != a->end()) {
      if (a->contains("street_name") || a->contains("building_number")) {
        fields.unsupported("/postal_address/street_name",
                    "send address_lines or street_name/building_number, not both");
      }
      if (!lines->is_array() || lines->size() > 2) {
        fields.unsupported("/postal_address/address_lines", "BC holds two address lines");
      }
      for (std::size_t i = 0; i < lines->size(); ++i) {
        const auto at = "/postal_address/address_lines/" + std::to_string(i);
        if (!(*lines)[i].is_string()) fields.invalid(at, "bc.type", "must be a string");
        v[i == 0 ? "addressLine1" : "addressLine2"] =
            fields.fits((*lines)[i].get<std::string>(), 100, at, "Address");
      }
    } else {
      auto street = fields.text(*a, "street_name", "/postal_address/street_name").value_or("");
      if (auto b = fields.text(*a, "building_number", "/postal_address/building_number")) {
        street += (street.empty() ? "" : " ") + *b;
      }
      if (!street.empty()) v["addressLine1"] = fields.fits(street, 100, "/postal_address/street_name", "Address");
    }
    if (auto t = fields.text(*a, "town_name", "/postal_address/town_name")) {
      v["city"] = fields.fits(*t, 30, "/postal_address/town_name", "City");
    }
    if (auto s = fields.text(*a, "country_sub_division", "/postal_address/country_sub_division")) {
      v["state"] = fields.fits(*s, 30, "/postal_address/country_sub_division", "County");
    }
    if (auto pc = fields.text(*a, "postal_code", "/postal_address/postal_code")) {
      v["postalCode"] = fields.fits(*pc, 20, "/postal_address/postal_code", "Post Code");
    }
    if (auto c = fields.text(*a, "country", "/postal_address/country")) {
      if (!country.empty() && *c != country) {
        fields.invalid("/postal_address/country", "bc.country_mismatch", "differs from /country");
      }
      country = *c;
    }
  }
  if (!country.empty()) v["country"] = fields.fits(country, 10, "/country", "Country/Region Code");
  if (auto e = fields.text(p, "email", "/email")) v["email"] = fields.fits(*e, 80, "/email", "E-Mail");
  if (auto t = fields.text(p, "tax_id", "/tax_id")) {
    v["taxRegistrationNumber"] = fields.fits(*t, 20, "/tax_id", "VAT Registration No.");
  }
  if (auto c = fields.text(p, "default_currency", "/default_currency")) {
    v["currencyCode"] = *c == config.local_currency
                            ? std::string()
                            : fields.fits(mapped(config.maps.currencies, *c, "/default_currency"), 10,
                                   "/default_currency", "Currency Code");
  }
  if (const auto t = p.find("payment_terms"); t != p.end()) {
    fields.refuse_unknown(*t, {"code"}, "/payment_terms",
                   "BC payment terms are named by code (value map payment_terms)");
    v["paymentTermsId"] = mapped(config.maps.payment_terms,
                                 fields.required_text(*t, "code", "/payment_terms/code"),
                                 "/payment_terms/code");
  }
  const auto status = fields.text(p, "status", "/status").value_or("active");
  if (status == "inactive") fields.unsupported("/status", "BC vendors have no inactive state (blocked only)");
  bool payment_block = false;
  if (const auto b = p.find("payment_block"); b != p.end()) {
    if (!b->is_boolean()) fields.invalid("/payment_block", "bc.type", "must be true or false");
    payment_block = b->get<bool>();
  }
  v["blocked"] = status == "blocked" ? "All" : payment_block ? "Payment" : " ";
  return v;
}

nlohmann::json supplier_from_vendor(const nlohmann::json& r, const connection_config& config) {
  const auto id = string_member(r, "id");
  if (id.empty()) {
    throw error(error_class::internal, "bc.malformed_response", "a Business Central vendor without id")
        .with_effect(effect::none);
  }
  nlohmann::json doc = {{"id", id},
                        {"external_refs", {{ref_key, id}}},
                        {"source", {{"system", "business_central"}, {"id", "vendors/" + id}}},
                        {"number", string_member(r, "number")},
                        {"name", string_member(r, "displayName").empty() ? string_member(r, "number")
                                                                  : string_member(r, "displayName")}};
  if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
  nlohmann::json address = nlohmann::json::object();
  nlohmann::json lines = nlohmann::json::array();
  for (const char* f : {"addressLine1", "addressLine2"}) {
    if (const auto l = string_member(r, f); !l.empty()) lines.push_back(l);
  }
  if (!lines.empty()) address["address_lines"] = lines;
  if (const auto c = string_member(r, "city"); !c.empty()) address["town_name"] = c;
  if (const auto s = string_member(r, "state"); !s.empty()) address["country_sub_division"] = s;
  if (const auto pc = string_member(r, "postalCode"); !pc.empty()) address["postal_code"] = pc;
  const auto country = string_member(r, "country");
  if (country.size() == 2) {
    address["country"] = country;
    doc["country"] = country;
  }
  if (!address.empty()) doc["postal_address"] = address;
  if (const auto e = string_member(r, "email"); !e.empty()) doc["email"] = e;
  if (const auto t = string_member(r, "taxRegistrationNumber"); !t.empty()) doc["tax_id"] = t;
  const auto currency = string_member(r, "currencyCode");
  if (!currency.empty()) {
    doc["default_currency"] = code_for(config.maps.currencies, currency, "currency");
  } else if (!config.local_currency.empty()) {
    doc["default_currency"] = config.local_currency;
  }
  if (const auto t = string_member(r, "paymentTermsId"); !t.empty() && t != "00000000-0000-0000-0000-000000000000") {
    doc["payment_terms"] = {{"code", code_for(config.maps.payment_terms, t, "payment terms")}};
  }
  const auto blocked = string_member(r, "blocked");
  doc["status"] = blocked == "All" ? "blocked" : "active";
  doc["payment_block"] = blocked == "Payment" || blocked == "All";
  if (const auto etag = string_member(r, "@odata.etag"); !etag.empty()) doc["etag"] = etag;
  return doc;
}

nlohmann::json supplier_compared_fields(const nlohmann::json& v) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* f : {"number", "displayName", "addressLine1", "addressLine2", "city", "state",
                        "postalCode", "country", "email", "taxRegistrationNumber", "currencyCode",
                        "blocked"}) {
    auto value = string_member(v, f);
    if (std::string(f) == "blocked" && value.empty()) value = " ";
    out[f] = value;
  }
  return out;
}

}  // namespace erpc::bc

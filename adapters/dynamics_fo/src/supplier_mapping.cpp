// SPDX-License-Identifier: Apache-2.0
// Supplier ↔ VendorsV2 (vendors.md §5.1: key dataAreaId + VendorAccountNumber; the other field
// names are those of public integrations — secondary — and are what the simulator serves).
//   number → VendorAccountNumber (≤ 20; the key)       name → VendorOrganizationName (≤ 100)
//   (connection) vendor_group → VendorGroupId (mandatory in F&O)
//   postal_address: address_lines joined by "\n", else street_name + building_number →
//     AddressStreet (≤ 250); town_name → AddressCity (≤ 60); country_sub_division →
//     AddressState (≤ 10); postal_code → AddressZipCode (≤ 10); country (ISO 3166 alpha-2) →
//     AddressCountryRegionISOCode
//   email → PrimaryEmailAddress (≤ 80)   tax_id → TaxExemptNumber (≤ 20)
//   default_currency → CurrencyCode (value map currencies)
//   status blocked → OnHoldStatus "All"; payment_block → "Payment"; else "No"
// Not carried (UNSUPPORTED): bank_accounts, payment_terms, notes, status inactive.
#include "fo_mapping.hpp"
#include "mapping_support.hpp"

namespace erpc::fo {

using namespace mapping;

nlohmann::json supplier_to_vendor(const nlohmann::json& p, const connection_config& config) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "legal_entity", "number", "name", "tax_id",
                  "country", "postal_address", "email", "default_currency", "status",
                  "payment_block", "created_at", "updated_at", "etag"},
                 "", "F&O vendors through this adapter do not carry this field");
  check_legal_entity(p, config);
  nlohmann::json v = nlohmann::json::object();
  v["VendorAccountNumber"] = fields.fits(fields.required_text(p, "number", "/number"), 20, "/number", "Vendor account");
  v["VendorOrganizationName"] = fields.fits(fields.required_text(p, "name", "/name"), 100, "/name", "Name");
  v["VendorGroupId"] = config.vendor_group;
  std::string country = fields.text(p, "country", "/country").value_or("");
  if (const auto a = p.find("postal_address"); a != p.end()) {
    fields.refuse_unknown(*a, {"street_name", "building_number", "postal_code", "town_name",
                        "country_sub_division", "country", "address_lines"},
                   "/postal_address", "not carried by an F&O vendor address");
    std::string street;
    if (const auto lines = a->find("address_lines"); lines != a->end()) {
      if (a->contains("street_name") || a->contains("building_number")) {
        fields.unsupported("/postal_address/street_name", "send address_lines or street_name/building_number, not both");
      }
      if (!lines->is_array()) fields.invalid("/postal_address/address_lines", "fo.type", "must be an array of strings");
      for (std::size_t i = 0; i < lines->size(); ++i) {
        if (!(*lines)[i].is_string()) {
          fields.invalid("/postal_address/address_lines/" + std::to_string(i), "fo.type", "must be a string");
        }
        street += (i ? "\n" : "") + (*lines)[i].get<std::string>();
      }
    } else {
      street = fields.text(*a, "street_name", "/postal_address/street_name").value_or("");
      if (auto b = fields.text(*a, "building_number", "/postal_address/building_number")) {
        street += (street.empty() ? "" : " ") + *b;
      }
    }
    if (!street.empty()) v["AddressStreet"] = fields.fits(street, 250, "/postal_address/street_name", "Street");
    if (auto t = fields.text(*a, "town_name", "/postal_address/town_name")) {
      v["AddressCity"] = fields.fits(*t, 60, "/postal_address/town_name", "City");
    }
    if (auto s = fields.text(*a, "country_sub_division", "/postal_address/country_sub_division")) {
      v["AddressState"] = fields.fits(*s, 10, "/postal_address/country_sub_division", "State");
    }
    if (auto pc = fields.text(*a, "postal_code", "/postal_address/postal_code")) {
      v["AddressZipCode"] = fields.fits(*pc, 10, "/postal_address/postal_code", "ZIP/postal code");
    }
    if (auto c = fields.text(*a, "country", "/postal_address/country")) {
      if (!country.empty() && *c != country) {
        fields.invalid("/postal_address/country", "fo.country_mismatch", "differs from /country");
      }
      country = *c;
    }
  }
  if (!country.empty()) {
    if (country.size() != 2) fields.invalid("/country", "fo.country", "must be an ISO 3166 alpha-2 code");
    v["AddressCountryRegionISOCode"] = country;
  }
  if (auto e = fields.text(p, "email", "/email")) v["PrimaryEmailAddress"] = fields.fits(*e, 80, "/email", "Email");
  if (auto t = fields.text(p, "tax_id", "/tax_id")) v["TaxExemptNumber"] = fields.fits(*t, 20, "/tax_id", "Tax exempt number");
  if (auto c = fields.text(p, "default_currency", "/default_currency")) {
    v["CurrencyCode"] = fields.fits(mapped(config.maps.currencies, *c, "/default_currency"), 3,
                             "/default_currency", "Currency");
  }
  std::string hold = "No";
  if (const auto s = fields.text(p, "status", "/status")) {
    if (*s == "blocked") {
      hold = "All";
    } else if (*s != "active") {
      fields.unsupported("/status", "F&O on-hold status holds active or blocked through this adapter");
    }
  }
  if (const auto b = p.find("payment_block"); b != p.end() && !b->is_null()) {
    if (!b->is_boolean()) fields.invalid("/payment_block", "fo.type", "must be true or false");
    if (b->get<bool>() && hold == "No") hold = "Payment";
  }
  v["OnHoldStatus"] = hold;
  return v;
}

nlohmann::json supplier_from_vendor(const nlohmann::json& r, const connection_config& config) {
  const auto number = string_member(r, "VendorAccountNumber");
  if (number.empty()) {
    throw error(error_class::internal, "fo.malformed_response", "an F&O vendor without VendorAccountNumber")
        .with_effect(effect::none);
  }
  nlohmann::json doc = {{"id", number},
                        {"external_refs", {{ref_key, number}}},
                        {"source", {{"system", "dynamics_fo"}, {"id", "VendorsV2/" + string_member(r, "dataAreaId") + "/" + number}}},
                        {"number", number},
                        {"name", string_member(r, "VendorOrganizationName")}};
  if (!config.legal_entity.empty()) doc["legal_entity"] = config.legal_entity;
  nlohmann::json address = nlohmann::json::object();
  if (const auto street = string_member(r, "AddressStreet"); !street.empty()) {
    nlohmann::json lines = nlohmann::json::array();
    std::size_t start = 0;
    while (start <= street.size()) {
      const auto nl = street.find('\n', start);
      lines.push_back(street.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    address["address_lines"] = lines;
  }
  if (const auto c = string_member(r, "AddressCity"); !c.empty()) address["town_name"] = c;
  if (const auto s = string_member(r, "AddressState"); !s.empty()) address["country_sub_division"] = s;
  if (const auto z = string_member(r, "AddressZipCode"); !z.empty()) address["postal_code"] = z;
  if (const auto c = string_member(r, "AddressCountryRegionISOCode"); c.size() == 2) {
    address["country"] = c;
    doc["country"] = c;
  }
  if (!address.empty()) doc["postal_address"] = address;
  if (const auto e = string_member(r, "PrimaryEmailAddress"); !e.empty()) doc["email"] = e;
  if (const auto t = string_member(r, "TaxExemptNumber"); !t.empty()) doc["tax_id"] = t;
  if (const auto c = string_member(r, "CurrencyCode"); !c.empty()) {
    doc["default_currency"] = code_for(config.maps.currencies, c, "currency");
  }
  const auto hold = string_member(r, "OnHoldStatus");
  doc["status"] = hold == "All" ? "blocked" : "active";
  doc["payment_block"] = hold == "Payment" || hold == "All";
  if (const auto etag = string_member(r, "@odata.etag"); !etag.empty()) doc["etag"] = etag;
  return doc;
}

nlohmann::json supplier_compared_fields(const nlohmann::json& v) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* f : {"VendorAccountNumber", "VendorOrganizationName", "AddressStreet", "AddressCity",
                        "AddressState", "AddressZipCode", "AddressCountryRegionISOCode",
                        "PrimaryEmailAddress", "TaxExemptNumber", "CurrencyCode"}) {
    out[f] = string_member(v, f);
  }
  const auto hold = string_member(v, "OnHoldStatus");
  out["OnHoldStatus"] = hold.empty() ? "No" : hold;
  return out;
}

}  // namespace erpc::fo

// SPDX-License-Identifier: Apache-2.0
// Supplier ↔ A_BusinessPartner deep insert (vendors.md §2.1: category 2 organisation, roles
// FLVN00/FLVN01, to_Supplier → to_SupplierCompany).
//   name → OrganizationBPName1…4 (40 characters each, split, never cut)
//   tax_id → to_Supplier.VATRegistration (≤ 20)
//   postal_address / country → to_BusinessPartnerAddress[0]: street_name → StreetName,
//       building_number → HouseNumber, postal_code → PostalCode, town_name → CityName,
//       country_sub_division → Region (≤ 3), country → Country
//   legal_entity → to_SupplierCompany[0].CompanyCode (value map), with the connection's
//       ReconciliationAccount and IsToBeCheckedForDuplicates (the duplicate-invoice check)
//   payment_terms.code → to_SupplierCompany[0].PaymentTerms (value map)
//   payment_block → to_Supplier.PaymentIsBlockedForSupplier; status blocked → PostingIsBlocked
//   number → SearchTerm1 (≤ 20; the key invoices name the supplier by, README "Suppliers")
// SAP assigns the supplier number itself; a read answers SearchTerm1 as `number` when set, else
// the SAP supplier number.
// Not carried (UNSUPPORTED): email, default_currency, bank_accounts, notes, address_lines.
#include "mapping_support.hpp"
#include "odata_values.hpp"
#include "sap_mapping.hpp"

namespace erpc::sap {

using namespace mapping;

namespace {

constexpr std::size_t name_part_chars = 40;
constexpr const char* name_fields[] = {"OrganizationBPName1", "OrganizationBPName2",
                                       "OrganizationBPName3", "OrganizationBPName4"};

// Splits at code point boundaries into parts of at most 40 characters.
std::vector<std::string> name_parts(const std::string& name) {
  std::vector<std::string> parts(1);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(name[i]) & 0xC0) != 0x80;
    if (starts_char && chars == name_part_chars) {
      parts.emplace_back();
      chars = 0;
    }
    parts.back() += name[i];
    chars += starts_char;
  }
  return parts;
}

bool flag(const nlohmann::json& record, const char* name) {
  if (!record.is_object()) return false;
  const auto it = record.find(name);
  return it != record.end() && it->is_boolean() && it->get<bool>();
}

const nlohmann::json& supplier_part(const nlohmann::json& partner) {
  static const nlohmann::json empty = nlohmann::json::object();
  const auto it = partner.find("to_Supplier");
  return it != partner.end() && it->is_object() && !it->contains("__deferred") ? *it : empty;
}

}  // namespace

nlohmann::json supplier_to_vendor(const nlohmann::json& p, const connection_config& config) {
  fields.refuse_unknown(p,
                 {"id", "external_refs", "source", "legal_entity", "number", "name", "tax_id",
                  "country", "postal_address", "payment_terms", "status", "payment_block",
                  "created_at", "updated_at", "etag"},
                 "", "SAP business partners through this adapter do not carry this field");
  const auto& maps = config.maps;
  const auto name = fields.required_text(p, "name", "/name");
  const auto parts = name_parts(name);
  if (parts.size() > 4) fields.invalid("/name", "sap.too_long", "SAP holds at most 160 characters");
  nlohmann::json body = {{"BusinessPartnerCategory", "2"},
                         {"BusinessPartnerGrouping", config.supplier.grouping}};
  for (std::size_t i = 0; i < parts.size(); ++i) body[name_fields[i]] = parts[i];
  if (auto number = fields.text(p, "number", "/number")) {
    body["SearchTerm1"] = fields.fits(*number, 20, "/number", "SearchTerm1");
  }
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& role : config.supplier.roles) roles.push_back({{"BusinessPartnerRole", role}});
  body["to_BusinessPartnerRole"] = {{"results", std::move(roles)}};

  nlohmann::json address = nlohmann::json::object();
  if (const auto a = p.find("postal_address"); a != p.end()) {
    fields.refuse_unknown(*a, {"street_name", "building_number", "postal_code", "town_name",
                        "country_sub_division", "country"},
                   "/postal_address", "SAP addresses through this adapter do not carry this field");
    static const std::tuple<const char*, const char*, std::size_t> address_fields[] = {
        {"street_name", "StreetName", 60}, {"building_number", "HouseNumber", 10},
        {"postal_code", "PostalCode", 10}, {"town_name", "CityName", 40},
        {"country_sub_division", "Region", 3}, {"country", "Country", 3}};
    for (const auto& [canonical, sap, max] : address_fields) {
      const std::string at = std::string("/postal_address/") + canonical;
      if (auto v = fields.text(*a, canonical, at)) address[sap] = fields.fits(*v, max, at, sap);
    }
  }
  if (auto country = fields.text(p, "country", "/country")) {
    if (address.contains("Country") && address["Country"] != *country) {
      fields.invalid("/country", "sap.country_mismatch", "differs from postal_address/country");
    }
    address["Country"] = *country;
  }
  if (!address.empty()) body["to_BusinessPartnerAddress"] = {{"results", {address}}};

  nlohmann::json supplier = nlohmann::json::object();
  if (auto v = fields.text(p, "tax_id", "/tax_id")) {
    supplier["VATRegistration"] = fields.fits(*v, 20, "/tax_id", "VATRegistration");
  }
  if (const auto b = p.find("payment_block"); b != p.end()) {
    if (!b->is_boolean()) fields.invalid("/payment_block", "sap.type", "must be true or false");
    supplier["PaymentIsBlockedForSupplier"] = b->get<bool>();
  }
  if (auto status = fields.text(p, "status", "/status")) {
    if (*status == "blocked") {
      supplier["PostingIsBlocked"] = true;
    } else if (*status != "active") {
      fields.unsupported("/status", "SAP suppliers here are active or blocked (posting block)");
    }
  }
  if (auto le = fields.text(p, "legal_entity", "/legal_entity")) {
    nlohmann::json company = {
        {"CompanyCode", mapped(maps.company_codes, *le, "/legal_entity")},
        {"IsToBeCheckedForDuplicates", config.supplier.check_duplicate_invoices}};
    if (!config.supplier.reconciliation_account.empty()) {
      company["ReconciliationAccount"] = config.supplier.reconciliation_account;
    }
    if (const auto terms = p.find("payment_terms"); terms != p.end()) {
      company["PaymentTerms"] = fields.fits(
          mapped(maps.payment_terms, fields.required_text(*terms, "code", "/payment_terms/code"),
                 "/payment_terms/code"),
          4, "/payment_terms/code", "PaymentTerms");
    }
    supplier["to_SupplierCompany"] = {{"results", {company}}};
  } else if (p.contains("payment_terms")) {
    fields.invalid("/payment_terms", "sap.legal_entity_required",
            "SAP keeps payment terms per company code: legal_entity is required");
  }
  body["to_Supplier"] = std::move(supplier);
  return body;
}

nlohmann::json supplier_from_vendor(const nlohmann::json& bp, const value_maps& maps) {
  const auto id = string_member(bp, "BusinessPartner");
  if (id.empty()) {
    throw error(error_class::internal, "sap.malformed_response",
                "an SAP business partner without BusinessPartner")
        .with_effect(effect::none);
  }
  std::string name;
  for (const auto* field : name_fields) name += string_member(bp, field);
  if (name.empty()) name = string_member(bp, "BusinessPartnerFullName");
  const auto& supplier = supplier_part(bp);
  auto number = string_member(bp, "SearchTerm1");
  if (number.empty()) number = string_member(bp, "Supplier").empty() ? id : string_member(bp, "Supplier");
  nlohmann::json doc = {{"id", id},
                        {"external_refs", {{ref_key, id}}},
                        {"source", {{"system", "sap_s4hana"}, {"id", "A_BusinessPartner/" + id}}},
                        {"number", number},
                        {"name", name.empty() ? id : name}};
  if (const auto vat = string_member(supplier, "VATRegistration"); !vat.empty()) doc["tax_id"] = vat;
  const auto& addresses = results(bp, "to_BusinessPartnerAddress");
  if (!addresses.empty()) {
    const auto& a = addresses.front();
    nlohmann::json address = nlohmann::json::object();
    static const std::pair<const char*, const char*> address_fields[] = {
        {"StreetName", "street_name"}, {"HouseNumber", "building_number"},
        {"PostalCode", "postal_code"}, {"CityName", "town_name"},
        {"Region", "country_sub_division"}, {"Country", "country"}};
    for (const auto& [sap, canonical] : address_fields) {
      if (const auto v = string_member(a, sap); !v.empty()) address[canonical] = v;
    }
    if (!address.empty()) doc["postal_address"] = address;
    if (const auto c = string_member(a, "Country"); !c.empty()) doc["country"] = c;
  }
  const auto& companies = results(supplier, "to_SupplierCompany");
  if (!companies.empty()) {
    const auto& c = companies.front();
    doc["legal_entity"] = code_for(maps.company_codes, string_member(c, "CompanyCode"), "company code");
    if (const auto terms = string_member(c, "PaymentTerms"); !terms.empty()) {
      doc["payment_terms"] = {{"code", code_for(maps.payment_terms, terms, "payment terms")}};
    }
  }
  if (supplier.is_object() && supplier.contains("PaymentIsBlockedForSupplier")) {
    doc["payment_block"] = flag(supplier, "PaymentIsBlockedForSupplier");
  }
  doc["status"] = flag(supplier, "PostingIsBlocked") || flag(bp, "BusinessPartnerIsBlocked")
                      ? "blocked"
                      : "active";
  return doc;
}

nlohmann::json supplier_compared_fields(const nlohmann::json& bp) {
  std::string name;
  for (const auto* field : name_fields) name += string_member(bp, field);
  nlohmann::json address = nlohmann::json::object();
  const auto& addresses = results(bp, "to_BusinessPartnerAddress");
  for (const auto* field : {"StreetName", "HouseNumber", "PostalCode", "CityName", "Region",
                            "Country"}) {
    address[field] = addresses.empty() ? "" : string_member(addresses.front(), field);
  }
  const auto& supplier = supplier_part(bp);
  nlohmann::json companies = nlohmann::json::array();
  for (const auto& c : results(supplier, "to_SupplierCompany")) {
    companies.push_back({{"CompanyCode", string_member(c, "CompanyCode")},
                         {"PaymentTerms", string_member(c, "PaymentTerms")}});
  }
  return {{"name", name},
          {"SearchTerm1", string_member(bp, "SearchTerm1")},
          {"BusinessPartnerCategory", string_member(bp, "BusinessPartnerCategory")},
          {"address", std::move(address)},
          {"VATRegistration", string_member(supplier, "VATRegistration")},
          {"PaymentIsBlockedForSupplier", flag(supplier, "PaymentIsBlockedForSupplier")},
          {"PostingIsBlocked", flag(supplier, "PostingIsBlocked")},
          {"to_SupplierCompany", std::move(companies)}};
}

std::string supplier_pointer(std::string_view property) {
  static const std::pair<std::string_view, std::string_view> table[] = {
      {"OrganizationBPName1", "/name"},   {"OrganizationBPName2", "/name"},
      {"SearchTerm1", "/number"},
      {"VATRegistration", "/tax_id"},     {"CompanyCode", "/legal_entity"},
      {"PaymentTerms", "/payment_terms"}, {"Country", "/postal_address/country"},
      {"CityName", "/postal_address/town_name"},
      {"PostalCode", "/postal_address/postal_code"},
      {"StreetName", "/postal_address/street_name"}};
  for (const auto& [sap, pointer] : table) {
    if (property == sap) return std::string(pointer);
  }
  return "";
}

}  // namespace erpc::sap

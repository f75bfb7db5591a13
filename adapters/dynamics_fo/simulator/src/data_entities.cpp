// SPDX-License-Identifier: Apache-2.0
#include "data_entities.hpp"

#include "fo_settings.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/decimal.hpp>

#include <cstdio>

namespace erpc::sim::fo {

namespace {

[[noreturn]] void refuse_write(const entity_definition& def, const std::string& infolog) {
  throw fo_refusal{write_failed(def.entity_type, infolog)};
}

std::string text_of(const nlohmann::json& row, const char* name) {
  const auto it = row.find(name);
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto at = text.find(sep, start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 1;
  }
  return out;
}

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// A mandatory field left empty: F&O's Infolog for it (§5.3 "Validation failures use the same
// envelope and type").
void require_text(const entity_definition& def, const nlohmann::json& row, const char* field,
                  const char* caption, std::size_t max_chars) {
  const auto it = row.find(field);
  if (it == row.end() || !it->is_string() || it->get<std::string>().empty()) {
    refuse_write(def, std::string("Warning: Field '") + caption + "' must be filled in.");
  }
  if (it->get<std::string>().size() > max_chars) {
    refuse_write(def, std::string("Warning: The value in field '") + caption + "' is longer than " +
                          std::to_string(max_chars) + " characters.");
  }
}

std::optional<decimal> number(const nlohmann::json& row, const char* field) {
  const auto it = row.find(field);
  if (it == row.end()) return std::nullopt;
  return adapters::to_decimal(*it);
}

}  // namespace

const std::vector<entity_definition>& entity_definitions() {
  static const std::vector<entity_definition> defs = {
      {"VendorsV2", "VendVendorV2Entity", "Vendors (VendTable)",
       {"dataAreaId", "VendorAccountNumber"}, "VendTable", ""},
      {"VendorInvoiceHeaders", "VendorInvoiceHeaderEntity", "Pending vendor invoice (VendInvoiceInfoTable)",
       {"dataAreaId", "HeaderReference"}, "VendInvoiceInfoTable", "HeaderReference"},
      {"VendorInvoiceLines", "VendorInvoiceLineEntity", "Pending vendor invoice lines (VendInvoiceInfoLine)",
       {"dataAreaId", "HeaderReference", "LineNumber"}, "VendInvoiceInfoLine", ""},
      {"LedgerJournalHeaders", "LedgerJournalHeaderEntity", "Journal table (LedgerJournalTable)",
       {"dataAreaId", "JournalBatchNumber"}, "LedgerJournalTable", "JournalBatchNumber"},
      {"LedgerJournalLines", "LedgerJournalLineEntity", "Journal lines (LedgerJournalTrans)",
       {"dataAreaId", "JournalBatchNumber", "LineNumber"}, "LedgerJournalTrans", ""},
  };
  return defs;
}

const entity_definition* find_definition(const std::string& entity_set) {
  for (const auto& d : entity_definitions()) {
    if (d.entity_set == entity_set) return &d;
  }
  return nullptr;
}

std::string key_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (const auto d = adapters::to_decimal(value)) return d->normalized().to_string();
  return value.dump();
}

const std::vector<nlohmann::json>& data_entities::rows(const std::string& entity_set) const {
  static const std::vector<nlohmann::json> none;
  const auto it = rows_.find(entity_set);
  return it == rows_.end() ? none : it->second;
}

const nlohmann::json* data_entities::find(const entity_definition& def,
                                          const std::map<std::string, std::string>& key) const {
  for (const auto& row : rows(def.entity_set)) {
    bool same = true;
    for (const auto& field : def.key) {
      const auto want = key.find(field);
      const auto have = row.find(field);
      if (want == key.end() || have == row.end()) return nullptr;
      // Key values compare case-insensitively in F&O for dataAreaId; the simulator compares
      // dataAreaId lower-cased and every other key exactly.
      auto a = key_text(*have);
      auto b = want->second;
      if (field == "dataAreaId") {
        for (auto& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (auto& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (const auto d = decimal::parse(b); d && !have->is_string()) {
        b = d->normalized().to_string();
      }
      if (a != b) same = false;
    }
    if (same) return &row;
  }
  return nullptr;
}

std::string data_entities::next_number(const entity_definition& def, const std::string& prefix) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%06llu",
                static_cast<unsigned long long>(++sequences_[def.entity_set]));
  return prefix + digits;
}

void data_entities::validate(const entity_definition& def, nlohmann::json& row) const {
  const auto company = text_of(row, "dataAreaId");
  const auto& set = def.entity_set;
  if (set == "VendorsV2") {
    require_text(def, row, "VendorAccountNumber", "Vendor account", 20);
    require_text(def, row, "VendorOrganizationName", "Name", 100);
    require_text(def, row, "VendorGroupId", "Group", 10);
    for (const auto& [name, value] : row.items()) {
      if (value.is_string() && value.get<std::string>().size() > 250) {
        refuse_write(def, "Warning: The value in field '" + name + "' is longer than 250 characters.");
      }
    }
    const auto hold = text_of(row, "OnHoldStatus");
    if (!hold.empty() && hold != "No" && hold != "Invoice" && hold != "All" && hold != "Payment" &&
        hold != "Requisition" && hold != "Never") {
      refuse_write(def, "Warning: The value '" + hold + "' is not valid for field 'On hold'.");
    }
    return;
  }
  if (set == "VendorInvoiceHeaders") {
    require_text(def, row, "InvoiceAccount", "Invoice account", 20);
    require_text(def, row, "InvoiceNumber", "Invoice", 20);
    require_text(def, row, "InvoiceDate", "Invoice date", 10);
    const auto account = text_of(row, "InvoiceAccount");
    const auto* vendors = find_definition("VendorsV2");
    if (!find(*vendors, {{"dataAreaId", company}, {"VendorAccountNumber", account}})) {
      refuse_write(def, "Warning: The value '" + account +
                            "' in field 'Invoice account' is not found in the related table 'Vendors'.");
    }
    const auto date = text_of(row, "InvoiceDate");
    if (!is_date(date)) refuse_write(def, "Warning: The value '" + date + "' in field 'Invoice date' is not a date.");
    const auto mode = settings_.text(setting::check_invoice_number);
    if (mode != "accept") {
      const auto number = text_of(row, "InvoiceNumber");
      for (const auto& other : rows(set)) {
        if (text_of(other, "dataAreaId") != company || text_of(other, "InvoiceAccount") != account ||
            text_of(other, "InvoiceNumber") != number) {
          continue;
        }
        if (mode == "reject_per_fiscal_year" &&
            text_of(other, "InvoiceDate").substr(0, 4) != date.substr(0, 4)) {
          continue;
        }
        // The parameter's own Infolog text is unconfirmed (docs/simulators-dynamics-fo.md); the
        // simulator answers with the duplicate shape of §5.3.
        refuse_write(def, "Info: Cannot create a record in " + def.table + ". Invoice: " + number +
                              ", vendor account " + account + ".\nInvoice number " + number +
                              " is already used. The record already exists..");
      }
    }
    return;
  }
  if (set == "VendorInvoiceLines" || set == "LedgerJournalLines") {
    const bool invoice = set == "VendorInvoiceLines";
    const char* parent_field = invoice ? "HeaderReference" : "JournalBatchNumber";
    const auto* parent_def = find_definition(invoice ? "VendorInvoiceHeaders" : "LedgerJournalHeaders");
    const auto parent = text_of(row, parent_field);
    if (!find(*parent_def, {{"dataAreaId", company}, {parent_field, parent}})) {
      refuse_write(def, "Warning: The value '" + parent + "' in field '" + parent_field +
                            "' is not found in the related table.");
    }
    const auto line = number(row, "LineNumber");
    if (!line || line->is_zero() || line->is_negative()) {
      refuse_write(def, "Warning: Field 'Line number' must be filled in.");
    }
    if (invoice) {
      const auto amount = number(row, "LineAmount");
      if (!amount) refuse_write(def, "Warning: Field 'Amount' must be filled in.");
      decimal tax;
      if (const auto group = text_of(row, "ItemSalesTaxGroup"); !group.empty()) {
        std::optional<decimal> percent;
        for (const auto& pair : split(settings_.text(setting::tax_percentages), ',')) {
          const auto eq = pair.find('=');
          if (eq != std::string::npos && pair.substr(0, eq) == group) {
            percent = decimal::parse(pair.substr(eq + 1));
          }
        }
        if (!percent) {
          refuse_write(def, "Warning: The value '" + group +
                                "' in field 'Item sales tax group' is not found in the related table "
                                "'Item sales tax groups'.");
        }
        tax = amount->multiply(*percent * *decimal::from_parts(1, 2), 2, rounding::half_up);
      }
      row["TaxAmount"] = adapters::make_decimal(tax);
    } else {
      require_text(def, row, "AccountDisplayValue", "Account", 100);
      const auto debit = number(row, "DebitAmount").value_or(decimal{});
      const auto credit = number(row, "CreditAmount").value_or(decimal{});
      if (debit.is_negative() || credit.is_negative() || debit.is_zero() == credit.is_zero()) {
        refuse_write(def, "Warning: Enter either a debit amount or a credit amount.");
      }
    }
    return;
  }
  if (set == "LedgerJournalHeaders") {
    require_text(def, row, "JournalName", "Name", 10);
  }
}

const nlohmann::json& data_entities::create(const entity_definition& def, nlohmann::json body) {
  if (!body.is_object()) {
    throw fo_refusal{fo_error(400, "The request body must be a JSON object.")};
  }
  auto company = text_of(body, "dataAreaId");
  if (company.empty()) company = settings_.text(setting::default_company);
  for (auto& c : company) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool known = false;
  for (const auto& c : split(settings_.text(setting::companies), ',')) known = known || c == company;
  if (!known) refuse_write(def, "Warning: Company '" + company + "' does not exist.");
  body["dataAreaId"] = company;
  if (!def.sequence_field.empty()) {
    if (body.contains(def.sequence_field)) {
      refuse_write(def, "Warning: Field '" + def.sequence_field +
                            "' is assigned from a number sequence and cannot be set.");
    }
    const auto prefix = settings_.text(def.entity_set == "VendorInvoiceHeaders"
                                           ? setting::header_reference_prefix
                                           : setting::journal_batch_prefix);
    body[def.sequence_field] = next_number(def, prefix);
  }
  validate(def, body);
  std::map<std::string, std::string> key;
  std::string key_values;
  for (const auto& field : def.key) {
    const auto it = body.find(field);
    key[field] = it == body.end() ? std::string() : key_text(*it);
    key_values += (key_values.empty() ? "" : ", ") + key[field];
  }
  if (find(def, key)) {
    // vendors.md §5.3: the duplicate-key answer, word for word in shape.
    refuse_write(def, "Info: Cannot create a record in " + def.table + ". " + key_values +
                          ".\nThe record already exists..");
  }
  auto& table = rows_[def.entity_set];
  table.push_back(std::move(body));
  const auto& row = table.back();
  std::string natural;
  if (def.entity_set == "VendorsV2") {
    natural = text_of(row, "VendorAccountNumber");
  } else if (def.entity_set == "VendorInvoiceHeaders") {
    natural = text_of(row, "InvoiceAccount") + "/" + text_of(row, "InvoiceNumber");
  } else if (def.entity_set == "LedgerJournalHeaders") {
    natural = text_of(row, "Description");
  }
  // The effect's id is the one a client names the record by: the key without dataAreaId
  // (HeaderReference, JournalBatchNumber, VendorAccountNumber), prefixed with the company when it
  // is not the default one, so the same account in two legal entities is two records.
  std::string id;
  for (std::size_t i = 1; i < def.key.size(); ++i) id += (i > 1 ? "/" : "") + key[def.key[i]];
  auto home = settings_.text(setting::default_company);
  for (auto& c : home) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (company != home) id = company + "/" + id;
  effects_.record_write(def.record_type, id, natural);
  return row;
}

void data_entities::clear() {
  rows_.clear();
  sequences_.clear();
}

}  // namespace erpc::sim::fo

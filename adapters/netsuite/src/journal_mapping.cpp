// SPDX-License-Identifier: Apache-2.0
// JournalEntry ↔ NetSuite `journalEntry` (vendors.md §1.1, Oracle's sample: a `line` sublist
// with debit/credit).
//   legal_entity → subsidiary (value map)   posting_date → tranDate   reference → tranId
//   description → memo    the lines' transaction currency → currency (value map)
//   the lines' exchange_rate → exchangeRate (one rate per journal, as NetSuite keeps it)
//   lines[i] → line.items[i]: account (value map), side + amount → debit | credit,
//              description → memo, tax_code → taxCode (value map)
// NetSuite holds one currency and one rate per journal, so lines in several currencies or
// rates are VALIDATION. Read back, functional_amount = amount × exchangeRate (half-even to the
// functional currency's minor units); the functional currency is the connection's
// functional_currencies[legal_entity], or the transaction currency when there is no rate.
#include "mapping_support.hpp"
#include "record_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/currency.hpp>

namespace erpc::netsuite {

namespace {

using namespace mapping;

class journal_mapping final : public record_mapping {
 public:
  std::string_view object() const noexcept override { return "JournalEntry"; }
  std::vector<std::string> record_types() const override { return {"journalEntry"}; }

  vendor_record to_vendor(const nlohmann::json& p, mapping_context& ctx) const override {
    nlohmann::json body = nlohmann::json::object();
    const auto entity = fields.required_text(p, "legal_entity", "/legal_entity");
    body["subsidiary"] = reference(ctx.maps.subsidiaries, entity, "/legal_entity");
    body["tranDate"] = fields.required_text(p, "posting_date", "/posting_date");
    if (auto v = fields.text(p, "reference", "/reference")) body["tranId"] = *v;
    if (auto v = fields.text(p, "description", "/description")) body["memo"] = *v;
    const auto functional = fields.required_text(p, "functional_currency", "/functional_currency");
    const auto lines = p.find("lines");
    if (lines == p.end() || !lines->is_array() || lines->size() < 2) {
      fields.invalid("/lines", "netsuite.required", "at least two lines");
    }
    std::string currency;
    std::optional<std::string> rate;
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const auto& line = (*lines)[i];
      const std::string at = "/lines/" + std::to_string(i);
      const auto& amount = line.value("amount", nlohmann::json());
      const auto line_currency = fields.required_text(amount, "currency", at + "/amount/currency");
      if (currency.empty()) currency = line_currency;
      nlohmann::json item = nlohmann::json::object();
      const auto account = fields.required_text(line, "account", at + "/account");
      item["account"] = reference(ctx.maps.accounts, account, at + "/account");
      const auto side = fields.required_text(line, "side", at + "/side");
      if (side != "debit" && side != "credit") fields.invalid(at + "/side", "netsuite.side", "debit or credit");
      item[side] = amount_node(amount, at + "/amount", currency);
      const auto line_rate = fields.text(line, "exchange_rate", at + "/exchange_rate");
      if (i == 0) {
        rate = line_rate;
      } else if (line_rate != rate) {
        fields.invalid(at + "/exchange_rate", "netsuite.journal_rates_differ",
                "NetSuite keeps one exchange rate per journal; the lines differ");
      }
      if (currency == functional) {
        const auto& f = line.value("functional_amount", nlohmann::json());
        if (fields.amount_member(f, at + "/functional_amount") != fields.amount_member(amount, at + "/amount")) {
          fields.invalid(at + "/functional_amount", "netsuite.functional_amount",
                  "in the functional currency the functional amount must equal the amount");
        }
      }
      if (auto v = fields.text(line, "description", at + "/description")) item["memo"] = *v;
      if (auto v = fields.text(line, "tax_code", at + "/tax_code")) {
        item["taxCode"] = reference(ctx.maps.tax_codes, *v, at + "/tax_code");
      }
      items.push_back(std::move(item));
    }
    body["currency"] = reference(ctx.maps.currencies, currency, "/lines/0/amount/currency");
    if (rate && currency != functional) {
      const auto d = decimal::parse(*rate);
      if (!d) fields.invalid("/lines/0/exchange_rate", "netsuite.amount", "not a decimal");
      body["exchangeRate"] = adapters::make_decimal(*d);
    }
    body["line"] = {{"items", std::move(items)}};
    return {"journalEntry", std::move(body)};
  }

  nlohmann::json from_vendor(std::string_view, const nlohmann::json& r,
                             const value_maps& maps) const override {
    const std::string id = ref_id(nlohmann::json{{"id", r.value("id", nlohmann::json())}}, "id");
    const auto subsidiary = ref_id(r, "subsidiary");
    const std::string entity =
        subsidiary.empty() ? std::string() : code_for(maps.subsidiaries, subsidiary, "subsidiary");
    const auto currency_id = ref_id(r, "currency");
    if (entity.empty() || currency_id.empty()) {
      throw error(error_class::internal, "netsuite.malformed_response",
                  "the NetSuite journalEntry " + id + " has no subsidiary or currency");
    }
    const std::string currency = code_for(maps.currencies, currency_id, "currency");
    const auto rate = fields.read_amount(r, "exchangeRate");
    std::string functional = currency;
    if (rate) {
      const auto it = maps.functional_currencies.find(entity);
      if (it == maps.functional_currencies.end()) {
        throw error(error_class::configuration, "netsuite.functional_currency_unknown",
                    "functional_currencies has no entry for legal entity " + entity);
      }
      functional = it->second;
    }
    const int functional_digits = currency_minor_units(functional).value_or(2);
    nlohmann::json doc = {
        {"id", id},
        {"external_refs", {{"netsuite", id}}},
        {"source", {{"system", "netsuite"}, {"id", "journalEntry/" + id}}},
        {"legal_entity", entity},
        {"posting_date", r.value("tranDate", "")},
        {"functional_currency", functional}};
    if (r.contains("tranId") && r["tranId"].is_string()) doc["reference"] = r["tranId"];
    if (r.contains("memo") && r["memo"].is_string()) doc["description"] = r["memo"];
    nlohmann::json lines = nlohmann::json::array();
    std::int64_t n = 0;
    for (const auto& item : sublist_items(r, "line")) {
      const auto debit = fields.read_amount(item, "debit");
      const auto credit = fields.read_amount(item, "credit");
      const decimal amount = debit ? *debit : credit.value_or(decimal{});
      const decimal functional_amount =
          rate ? amount.multiply(*rate, functional_digits, rounding::half_even) : amount;
      nlohmann::json line = {{"line_number", ++n},
                             {"side", debit ? "debit" : "credit"},
                             {"amount", money_json(amount, currency)},
                             {"functional_amount", money_json(functional_amount, functional)}};
      if (auto acc = ref_id(item, "account"); !acc.empty()) {
        line["account"] = code_for(maps.accounts, acc, "account");
      }
      if (rate) line["exchange_rate"] = rate->to_string();
      if (item.contains("memo") && item["memo"].is_string()) line["description"] = item["memo"];
      if (auto tc = ref_id(item, "taxCode"); !tc.empty()) {
        line["tax_code"] = code_for(maps.tax_codes, tc, "tax code");
      }
      lines.push_back(std::move(line));
    }
    doc["lines"] = std::move(lines);
    return doc;
  }

  nlohmann::json compared_fields(const nlohmann::json& b) const override {
    auto member = [](const nlohmann::json& o, const char* name) {
      return o.is_object() && o.contains(name) ? o[name] : nlohmann::json(nullptr);
    };
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& item : sublist_items(b, "line")) {
      lines.push_back({{"account", norm_ref(member(item, "account"))},
                       {"debit", norm_amount(member(item, "debit"))},
                       {"credit", norm_amount(member(item, "credit"))}});
    }
    return {{"subsidiary", norm_ref(member(b, "subsidiary"))},
            {"tranDate", norm_text(member(b, "tranDate"))},
            {"currency", norm_ref(member(b, "currency"))},
            {"exchangeRate", norm_amount(member(b, "exchangeRate"))},
            {"line", std::move(lines)}};
  }

  std::string pointer_for(std::string_view path) const override {
    if (auto i = item_index(path, "line.items[")) {
      const std::string at = "/lines/" + std::to_string(*i);
      const auto field = path.substr(path.find(']') + 1);
      if (field == ".account") return at + "/account";
      if (field == ".debit" || field == ".credit") return at + "/amount";
      return at;
    }
    if (path == "subsidiary" || path.rfind("subsidiary.", 0) == 0) return "/legal_entity";
    if (path == "tranDate") return "/posting_date";
    if (path == "tranId") return "/reference";
    return "";
  }
};

}  // namespace

std::unique_ptr<record_mapping> make_journal_mapping() {
  return std::make_unique<journal_mapping>();
}

}  // namespace erpc::netsuite

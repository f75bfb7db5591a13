#include <erpc/host/contract_validator.hpp>

#include "document_scan.hpp"
#include "invariants/invariants.hpp"
#include "invariants/json_money.hpp"
#include "schema_check_tree.hpp"
#include "schema_documents.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace erpc {
namespace {

using contract_detail::amount_precision;
using contract_detail::findings;

using invariant_fn = void (*)(const nlohmann::json&, std::string_view, findings&);

struct object_rules {
  std::string_view name;
  amount_precision precision;
  invariant_fn invariant;  // the object's own rule, or nullptr
  // The invariant's one-currency walk (check_invoice_currency), run in the document scan;
  // its findings come first among the invariant's.
  bool single_currency = false;
};

constexpr std::array<object_rules, 12> k_objects{{
    {"LegalEntity", amount_precision::at_most_minor, nullptr},
    {"Supplier", amount_precision::at_most_minor, nullptr},
    {"Customer", amount_precision::at_most_minor, nullptr},
    {"Account", amount_precision::at_most_minor, nullptr},
    {"TaxCode", amount_precision::at_most_minor, nullptr},
    {"JournalEntry", amount_precision::ledger_exact, contract_detail::check_journal_balance},
    {"Invoice", amount_precision::ledger_exact, contract_detail::check_invoice_amounts, true},
    {"Payment", amount_precision::ledger_exact, contract_detail::check_payment_applications},
    {"PaymentBatch", amount_precision::ledger_exact, contract_detail::check_payment_batch_totals},
    {"PaymentStatus", amount_precision::file_precision,
     contract_detail::check_payment_status_transition},
    {"BankStatement", amount_precision::file_precision, contract_detail::check_statement_balance},
    {"Settlement", amount_precision::ledger_exact, nullptr},
}};

constexpr std::array<std::string_view, 12> k_object_names{
    "LegalEntity", "Supplier", "Customer", "Account", "TaxCode", "JournalEntry",
    "Invoice", "Payment", "PaymentBatch", "PaymentStatus", "BankStatement", "Settlement"};

// `scanned`: the findings of the document's scan (money rules, bank identifiers, the
// invariant's one-currency walk).
findings run_invariants(const object_rules& rules, const nlohmann::json& doc,
                        std::string_view prefix, contract_detail::scan_findings scanned) {
  findings out = std::move(scanned.money);
  contract_detail::append(out, std::move(scanned.bank));
  contract_detail::append(out, std::move(scanned.currency));
  try {
    if (rules.invariant != nullptr) rules.invariant(doc, prefix, out);
  } catch (const error& e) {
    // Only decimal overflow can get here, from sums far beyond any real amount.
    out.push_back({std::string(prefix), e.code(), e.what()});
  }
  return out;
}

// A field the schema already faults is not reported again by an invariant.
void merge(findings& schema_findings, findings invariant_findings) {
  // Nearly every document has no findings at all: no set to build then.
  if (invariant_findings.empty()) return;
  if (schema_findings.empty()) {
    schema_findings = std::move(invariant_findings);
    return;
  }
  std::set<std::string, std::less<>> faulted;
  for (const auto& f : schema_findings) faulted.insert(f.pointer);
  for (auto& f : invariant_findings) {
    if (!faulted.contains(f.pointer)) schema_findings.push_back(std::move(f));
  }
}

}  // namespace

struct contract_validator::impl {
  contract_detail::schema_check_tree schemas{contract_detail::embedded_schema_documents()};

  // The rules for a contract object with a schema, or nullptr.
  const object_rules* rules_for(std::string_view name) const {
    const auto rules = std::find_if(k_objects.begin(), k_objects.end(),
                                    [&](const object_rules& r) { return r.name == name; });
    return rules == k_objects.end() || !schemas.has(name) ? nullptr : &*rules;
  }

  // What the document scan checks for an object: its money rules, bank identifiers and
  // one-currency rule, and the precheck's limits when `limits`.
  static contract_detail::scan_checks checks_for(const object_rules& rules,
                                                 const nlohmann::json& payload, bool limits) {
    return {.limits = limits,
            .money = rules.precision,
            .bank = true,
            .single_currency = rules.single_currency
                                   ? contract_detail::string_member(payload, "currency")
                                   : std::nullopt,
            .invariants_within = nullptr};
  }

  // `prechecked`: payload lies inside a document whose precheck found nothing (its depth there
  // is one more than here), so running it again would find nothing either.
  findings validate_object(std::string_view name, const nlohmann::json& payload,
                           std::string_view prefix, bool prechecked = false) const {
    const auto* rules = rules_for(name);
    if (rules == nullptr) return contract_detail::unknown_object(name, prefix);
    // One walk for the precheck, the money rules, the bank identifiers and the currency rule.
    contract_detail::scan_findings scanned;
    contract_detail::scan_document(payload, prefix, checks_for(*rules, payload, !prechecked),
                                   scanned);
    if (!scanned.limits.empty()) return std::move(scanned.limits);
    return check_scanned(*rules, name, payload, prefix, std::move(scanned));
  }

  // The schema and the invariants of a payload whose scan is done and found no limit broken.
  findings check_scanned(const object_rules& rules, std::string_view name,
                         const nlohmann::json& payload, std::string_view prefix,
                         contract_detail::scan_findings scanned) const {
    findings out = schemas.check(name, payload, prefix);
    merge(out, run_invariants(rules, payload, prefix, std::move(scanned)));
    return out;
  }

  findings validate_envelope(std::string_view name, const nlohmann::json& envelope) const {
    contract_detail::scan_findings scanned;
    contract_detail::scan_document(envelope, "",
                                   {.limits = true,
                                    .money = std::nullopt,
                                    .bank = false,
                                    .single_currency = {},
                                    .invariants_within = nullptr},
                                   scanned);
    if (!scanned.limits.empty()) return std::move(scanned.limits);
    return schemas.check(name, envelope, "");
  }
};

contract_validator::contract_validator() : impl_(std::make_unique<impl>()) {}
contract_validator::~contract_validator() = default;
contract_validator::contract_validator(contract_validator&&) noexcept = default;
contract_validator& contract_validator::operator=(contract_validator&&) noexcept = default;

std::span<const std::string_view> contract_validator::object_names() noexcept {
  return k_object_names;
}

std::vector<field_error> contract_validator::validate(std::string_view object_name,
                                                      const nlohmann::json& payload) const {
  return impl_->validate_object(object_name, payload, "");
}

namespace {

// The payload a request's own checks cover: that of a create, update or submit of a contract
// object, when it is an object. Anything else is left to the envelope's schema.
const nlohmann::json* payload_to_check(const nlohmann::json& envelope,
                                       std::string_view& object_name) {
  if (!envelope.is_object()) return nullptr;
  const auto op = envelope.find("op");
  const auto object = envelope.find("object");
  const auto payload = envelope.find("payload");
  if (op == envelope.end() || object == envelope.end() || payload == envelope.end() ||
      !op->is_string() || !object->is_string() || !payload->is_object()) {
    return nullptr;
  }
  const auto& op_name = op->get_ref<const std::string&>();
  if (op_name != "create" && op_name != "update" && op_name != "submit") return nullptr;
  object_name = object->get_ref<const std::string&>();
  if (std::find(k_object_names.begin(), k_object_names.end(), object_name) ==
      k_object_names.end()) {
    return nullptr;  // the envelope's enum already names the problem
  }
  return &*payload;
}

}  // namespace

std::vector<field_error> contract_validator::validate_request(
    const nlohmann::json& envelope) const {
  std::string_view object_name;
  const auto* payload = payload_to_check(envelope, object_name);
  const auto* rules = payload != nullptr ? impl_->rules_for(object_name) : nullptr;
  if (payload == nullptr || rules == nullptr) {
    findings out = impl_->validate_envelope("request", envelope);
    if (payload != nullptr) {
      contract_detail::append(out, impl_->validate_object(object_name, *payload, "/payload"));
    }
    return out;
  }
  // One scan of the envelope: the precheck's limits everywhere, the payload's own checks
  // inside it (its pointers come out under "/payload", as when the payload is scanned alone).
  auto checks = impl::checks_for(*rules, *payload, true);
  checks.invariants_within = payload;
  contract_detail::scan_findings scanned;
  contract_detail::scan_document(envelope, "", checks, scanned);
  if (!scanned.limits.empty()) {
    // Refused for its size or depth: the envelope's findings, then the payload's own
    // precheck (its depths start again at 0 there) or, when clean, its checks.
    findings out = std::move(scanned.limits);
    contract_detail::append(out, impl_->validate_object(object_name, *payload, "/payload"));
    return out;
  }
  findings out = impl_->schemas.check("request", envelope, "");
  contract_detail::append(
      out, impl_->check_scanned(*rules, object_name, *payload, "/payload", std::move(scanned)));
  return out;
}

std::vector<field_error> contract_validator::validate_response(
    const nlohmann::json& envelope) const {
  return impl_->validate_envelope("response", envelope);
}

void throw_if_invalid(std::vector<field_error> errors, std::string_view what) {
  if (errors.empty()) return;
  std::string message = std::string(what.substr(0, 64)) + " does not satisfy contract v1: " +
                        std::to_string(errors.size()) + " finding(s), first " +
                        errors.front().code + " at '" + errors.front().pointer + "'";
  throw error(error_class::validation, "contract.invalid", std::move(message))
      .with_fields(std::move(errors));
}

}  // namespace erpc

#include <erpc/host/contract_validator.hpp>

#include "invariants/invariants.hpp"
#include "json_pointer.hpp"
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
};

constexpr std::array<object_rules, 12> k_objects{{
    {"LegalEntity", amount_precision::at_most_minor, nullptr},
    {"Supplier", amount_precision::at_most_minor, nullptr},
    {"Customer", amount_precision::at_most_minor, nullptr},
    {"Account", amount_precision::at_most_minor, nullptr},
    {"TaxCode", amount_precision::at_most_minor, nullptr},
    {"JournalEntry", amount_precision::ledger_exact, contract_detail::check_journal_balance},
    {"Invoice", amount_precision::ledger_exact, contract_detail::check_invoice_totals},
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

// No schema string is longer than this; longer strings are refused before any pattern runs,
// so no schema check ever works on a megabyte string.
constexpr std::size_t k_max_string = 4096;
constexpr std::size_t k_max_depth = 64;

// Iterative, so a hostile nesting depth cannot overflow the stack here either. Pointers are
// built only for a finding: each visited node remembers its parent and its step from it.
findings precheck(const nlohmann::json& doc, std::string_view prefix) {
  struct visit {
    const nlohmann::json* node;
    std::size_t depth;
    std::size_t parent;         // index in `visits`; npos for the root
    const std::string* member;  // the step from the parent: a member name, or
    std::size_t index;          // an array index when member is null
  };
  constexpr auto no_parent = static_cast<std::size_t>(-1);
  thread_local std::vector<visit> visits;
  thread_local std::vector<std::size_t> pending;
  visits.clear();
  pending.clear();
  auto pointer_of = [&](std::size_t at) {
    std::vector<std::size_t> chain;
    for (std::size_t i = at; visits[i].parent != no_parent; i = visits[i].parent) chain.push_back(i);
    std::string out(prefix);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const auto& v = visits[*it];
      out = v.member != nullptr ? contract_detail::pointer_append(out, *v.member)
                                : contract_detail::pointer_append(out, v.index);
    }
    return out;
  };

  findings out;
  visits.push_back({&doc, 0, no_parent, nullptr, 0});
  pending.push_back(0);
  while (!pending.empty()) {
    const std::size_t at = pending.back();
    pending.pop_back();
    const visit f = visits[at];
    if (f.depth > k_max_depth) {
      out.push_back({pointer_of(at), "schema.max_depth", "nesting deeper than 64 levels"});
      continue;
    }
    if (f.node->is_string() && f.node->get_ref<const std::string&>().size() > k_max_string) {
      out.push_back({pointer_of(at), "schema.max_length", "string longer than 4096 bytes"});
    } else if (f.node->is_object()) {
      for (const auto& [key, value] : f.node->get_ref<const nlohmann::json::object_t&>()) {
        visits.push_back({&value, f.depth + 1, at, &key, 0});
        pending.push_back(visits.size() - 1);
      }
    } else if (f.node->is_array()) {
      for (std::size_t i = 0; i < f.node->size(); ++i) {
        visits.push_back({&(*f.node)[i], f.depth + 1, at, nullptr, i});
        pending.push_back(visits.size() - 1);
      }
    }
  }
  return out;
}

findings run_invariants(const object_rules& rules, const nlohmann::json& doc,
                        std::string_view prefix) {
  findings out;
  try {
    contract_detail::check_money_rules(doc, rules.precision, prefix, out);
    contract_detail::check_bank_identifiers(doc, prefix, out);
    if (rules.invariant != nullptr) rules.invariant(doc, prefix, out);
  } catch (const error& e) {
    // Only decimal overflow can get here, from sums far beyond any real amount.
    out.push_back({std::string(prefix), e.code(), e.what()});
  }
  return out;
}

// A field the schema already faults is not reported again by an invariant.
void merge(findings& schema_findings, findings invariant_findings) {
  std::set<std::string, std::less<>> faulted;
  for (const auto& f : schema_findings) faulted.insert(f.pointer);
  for (auto& f : invariant_findings) {
    if (!faulted.contains(f.pointer)) schema_findings.push_back(std::move(f));
  }
}

}  // namespace

struct contract_validator::impl {
  contract_detail::schema_check_tree schemas{contract_detail::embedded_schema_documents()};

  // `prechecked`: payload lies inside a document whose precheck found nothing (its depth there
  // is one more than here), so running it again would find nothing either.
  findings validate_object(std::string_view name, const nlohmann::json& payload,
                           std::string_view prefix, bool prechecked = false) const {
    const auto rules = std::find_if(k_objects.begin(), k_objects.end(),
                                    [&](const object_rules& r) { return r.name == name; });
    if (rules == k_objects.end() || !schemas.has(name)) {
      return {{std::string(prefix), "contract.unknown_object",
               "'" + std::string(name.substr(0, 64)) + "' is not a contract v1 object"}};
    }
    findings out;
    if (!prechecked) {
      out = precheck(payload, prefix);
      if (!out.empty()) return out;
    }
    out = schemas.check(name, payload, prefix);
    merge(out, run_invariants(*rules, payload, prefix));
    return out;
  }

  findings validate_envelope(std::string_view name, const nlohmann::json& envelope,
                             bool* precheck_clean = nullptr) const {
    findings out = precheck(envelope, "");
    if (precheck_clean != nullptr) *precheck_clean = out.empty();
    if (!out.empty()) return out;
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

std::vector<field_error> contract_validator::validate_request(
    const nlohmann::json& envelope) const {
  bool precheck_clean = false;
  findings out = impl_->validate_envelope("request", envelope, &precheck_clean);
  if (!envelope.is_object()) return out;
  const auto op = envelope.find("op");
  const auto object = envelope.find("object");
  const auto payload = envelope.find("payload");
  if (op == envelope.end() || object == envelope.end() || payload == envelope.end() ||
      !op->is_string() || !object->is_string() || !payload->is_object()) {
    return out;
  }
  const auto& op_name = op->get_ref<const std::string&>();
  if (op_name != "create" && op_name != "update" && op_name != "submit") return out;
  const auto& object_name = object->get_ref<const std::string&>();
  if (std::find(k_object_names.begin(), k_object_names.end(), object_name) ==
      k_object_names.end()) {
    return out;  // the envelope's enum already names the problem
  }
  for (auto& f : impl_->validate_object(object_name, *payload, "/payload", precheck_clean)) {
    out.push_back(std::move(f));
  }
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

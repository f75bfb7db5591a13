#include "document_scan.hpp"

#include "json_pointer.hpp"

#include <algorithm>
#include <string>

namespace erpc::contract_detail {
namespace {

class scanner {
 public:
  scanner(std::string_view base, const scan_checks& checks, scan_findings& out)
      : checks_(checks), out_(out), at_(base) {}

  // Which of the checks other than the limits look at a node.
  struct scope {
    bool invariants;  // money rules and bank identifiers
    bool currency;    // the single-currency rule: not below an amount pair or in a party
  };

  // The scope at the document's root.
  scope root_scope() const {
    const bool invariants = checks_.invariants_within == nullptr;
    return {invariants, invariants && checks_.single_currency.has_value()};
  }

  // Recursive: with `limits` on it never goes below k_max_depth + 1 levels.
  void visit(const nlohmann::json& node, std::size_t depth, scope in) {
    if (checks_.limits && over_limits(node, depth)) return;
    if (&node == checks_.invariants_within) in = {true, checks_.single_currency.has_value()};
    if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        at_.push(i);
        visit(node[i], depth + 1, in);
        at_.pop();
      }
      return;
    }
    if (!node.is_object()) return;
    const auto& members = node.get_ref<const nlohmann::json::object_t&>();
    // Money nodes and amount pairs have two members: the size is tested here so that the
    // calls are made for those only.
    const bool pair = members.size() == 2;
    if (pair && checks_.money && in.invariants && invariants_on()) {
      check_money_node(members, *checks_.money, at_, out_.money);
    }
    if (pair && in.currency && is_amount_pair(members)) {
      if (invariants_on()) {
        check_amount_currency(members, *checks_.single_currency, at_, out_.currency);
      }
      in.currency = false;
    }
    for (const auto& [key, value] : members) {
      at_.push(key);
      if (value.is_string()) {
        // A string member is checked here rather than in its own visit: no children, and
        // most members are strings.
        if (!checks_.limits || !over_limits(value, depth + 1)) {
          if (in.invariants && invariants_on()) {
            check_string_member(key, *value.get_ptr<const std::string*>());
          }
        }
      } else {
        if (checks_.bank && in.invariants && invariants_on() && is_creditor_reference_key(key)) {
          check_creditor_reference_member(key, value, at_, out_.bank);
        }
        visit(value, depth + 1, {in.invariants, in.currency && !is_party_member(key)});
      }
      at_.pop();
    }
  }

 private:
  // The precheck's two limits, in its order: depth first. The test is inline (it runs for
  // every node), the report is not.
  bool over_limits(const nlohmann::json& node, std::size_t depth) {
    const auto* text = node.get_ptr<const std::string*>();  // null unless a string
    if (depth <= k_max_depth && (text == nullptr || text->size() <= k_max_string)) {
      return false;
    }
    report_limit(depth);
    return true;
  }

  void report_limit(std::size_t depth) {
    if (depth > k_max_depth) {
      out_.limits.push_back({at_.str(), "schema.max_depth", "nesting deeper than 64 levels"});
    } else {
      out_.limits.push_back({at_.str(), "schema.max_length", "string longer than 4096 bytes"});
    }
  }

  // After a limit finding the document is refused for it alone, so the invariant checks
  // (which never ran on such a document) stop: no IBAN check of a megabyte string.
  bool invariants_on() const { return out_.limits.empty(); }

  void check_string_member(const std::string& key, const std::string& value) {
    if (checks_.money && is_currency_key(key)) check_currency_member(key, value, at_, out_.money);
    if (checks_.bank && is_bank_identifier_key(key)) {
      check_bank_string_member(key, value, at_, out_.bank);
    }
  }

  const scan_checks& checks_;
  scan_findings& out_;
  pointer_path at_;
};

}  // namespace

void scan_document(const nlohmann::json& doc, std::string_view base, const scan_checks& checks,
                   scan_findings& out) {
  scanner scan(base, checks, out);
  scan.visit(doc, 0, scan.root_scope());
  // The walk went first member first; the precheck it replaces went last member first (a
  // stack). Limit findings are never inside one another (the walk stops at each), so their
  // order there is exactly the reverse.
  std::reverse(out.limits.begin(), out.limits.end());
}

void scan_appending(const nlohmann::json& doc, std::string_view base, const scan_checks& checks,
                    findings scan_findings::*which, findings& out) {
  scan_findings found;
  scan_document(doc, base, checks, found);
  append(out, std::move(found.*which));
}

}  // namespace erpc::contract_detail

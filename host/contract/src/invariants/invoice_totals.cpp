#include "invariants.hpp"

#include "document_scan.hpp"
#include "json_money.hpp"
#include "json_pointer.hpp"

#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::contract_detail {
namespace {

struct amounts {
  std::optional<money> net, tax, gross;
};

amounts read_triple(const nlohmann::json& node) {
  return {read_money(member(node, "net")), read_money(member(node, "tax")),
          read_money(member(node, "gross"))};
}

bool same_currency(const amounts& a) {
  return a.net->currency == a.tax->currency && a.net->currency == a.gross->currency;
}

// |gross - (net + tax)| > tolerance
bool gross_off(const amounts& a, const decimal& tolerance) {
  return (a.gross->amount - (a.net->amount + a.tax->amount)).abs() > tolerance;
}

}  // namespace

// The invoice's one-currency rule, node by node; document_scan walks the document with it.
bool is_amount_pair(const nlohmann::json::object_t& node) {
  // Looked at, not looked up: member names are unique and sorted, and the scan asks this of
  // every object.
  if (node.size() != 2) return false;
  const auto first = node.begin();
  return is_key(first->first, "amount") || is_key(std::next(first)->first, "amount");
}

bool is_party_member(std::string_view key) {
  // No Money there.
  return is_key(key, "remit_to") || is_key(key, "supplier") || is_key(key, "customer");
}

void check_amount_currency(const nlohmann::json::object_t& node, std::string_view currency,
                           const pointer_path& at, findings& out) {
  // The member beside "amount" (is_amount_pair), if it is the currency.
  auto c = node.begin();
  if (is_key(c->first, "amount")) ++c;
  if (!is_key(c->first, "currency") || !c->second.is_string()) return;
  const auto& code = c->second.get_ref<const std::string&>();
  if (code != currency) {
    out.push_back({at.str("currency"), "money.currency_mismatch",
                   "amount in " + code + " on an invoice in " + std::string(currency)});
  }
}

void check_invoice_currency(const nlohmann::json& doc, std::string_view base, findings& out) {
  const auto currency = string_member(doc, "currency");
  if (!currency) return;
  scan_appending(doc, base,
                 {.limits = false, .money = std::nullopt, .bank = false,
                  .single_currency = currency},
                 &scan_findings::currency, out);
}

void check_invoice_totals(const nlohmann::json& doc, std::string_view base, findings& out) {
  check_invoice_currency(doc, base, out);
  check_invoice_amounts(doc, base, out);
}

void check_invoice_amounts(const nlohmann::json& doc, std::string_view base, findings& out) {
  decimal tolerance;
  if (const auto* t = member(doc, "rounding_tolerance")) {
    const auto parsed = read_decimal(t);
    if (!parsed) return;  // the schema reports it; no tolerance means no verdict
    tolerance = parsed->abs();
  }

  decimal lines_net;
  bool lines_complete = true;
  if (const auto* lines = array_member(doc, "lines")) {
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const auto a = read_triple((*lines)[i]);
      if (!a.net || !a.tax || !a.gross || !same_currency(a)) {
        lines_complete = false;
        continue;
      }
      lines_net = lines_net + a.net->amount;
      if (gross_off(a, tolerance)) {
        out.push_back({pointer_append(pointer_append(pointer_append(base, "lines"), i), "gross"),
                       "invoice.line_gross_mismatch",
                       "line gross " + a.gross->to_string() + " != net " + a.net->to_string() +
                           " + tax " + a.tax->to_string() + " (tolerance " +
                           tolerance.to_string() + ")"});
      }
    }
  } else {
    lines_complete = false;
  }

  const auto* totals_node = member(doc, "totals");
  if (totals_node == nullptr) return;
  // Pointers are built for findings only.
  const auto totals_ptr = [&](std::string_view name) {
    return pointer_append(pointer_append(base, "totals"), name);
  };
  const auto totals = read_triple(*totals_node);
  if (!totals.net || !totals.tax || !totals.gross || !same_currency(totals)) return;

  if (gross_off(totals, tolerance)) {
    out.push_back({totals_ptr("gross"), "invoice.gross_mismatch",
                   "total gross " + totals.gross->to_string() + " != net " +
                       totals.net->to_string() + " + tax " + totals.tax->to_string()});
  }
  if (lines_complete && (lines_net - totals.net->amount).abs() > tolerance) {
    out.push_back({totals_ptr("net"), "invoice.net_total_mismatch",
                   "lines' net sums to " + lines_net.to_string() + ", total net is " +
                       totals.net->to_string()});
  }

  // Reverse-charge tax is self-assessed by the buyer: recorded, never part of the total.
  if (const auto* tax_lines = array_member(doc, "tax_lines"); tax_lines && !tax_lines->empty()) {
    decimal tax_sum;
    bool complete = true;
    for (const auto& tl : *tax_lines) {
      const auto tax = read_money(member(tl, "tax_amount"));
      if (!tax) {
        complete = false;
        continue;
      }
      const auto* rc = member(tl, "reverse_charge");
      if (rc != nullptr && rc->is_boolean() && rc->get<bool>()) continue;
      tax_sum = tax_sum + tax->amount;
    }
    if (complete && (tax_sum - totals.tax->amount).abs() > tolerance) {
      out.push_back({totals_ptr("tax"), "invoice.tax_total_mismatch",
                     "tax lines (without reverse charge) sum to " + tax_sum.to_string() +
                         ", total tax is " + totals.tax->to_string()});
    }
  }

  // Withholding reduces what is paid, never the gross.
  const auto payable = read_money(member(doc, "amount_payable"));
  if (payable) {
    decimal expected = totals.gross->amount;
    if (const auto* wh = array_member(doc, "withholding")) {
      for (const auto& w : *wh) {
        if (const auto m = read_money(member(w, "amount"))) expected = expected - m->amount;
      }
    }
    if (payable->amount != expected) {
      out.push_back({pointer_append(base, "amount_payable"), "invoice.payable_mismatch",
                     "amount payable " + payable->to_string() + " != gross minus withholding " +
                         expected.to_string()});
    }
  }

  // What is still open (partly paid) is part of what is owed, never more.
  if (const auto open = read_money(member(doc, "amount_open"))) {
    const decimal owed = payable ? payable->amount : totals.gross->amount;
    if (owed < open->amount) {
      out.push_back({pointer_append(base, "amount_open"), "invoice.open_exceeds_payable",
                     "amount open " + open->to_string() + " exceeds what is owed " +
                         owed.to_string() + " (amount payable, else gross)"});
    }
  }
}

}  // namespace erpc::contract_detail

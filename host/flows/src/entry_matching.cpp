#include "erpc/host/entry_matching.hpp"

#include <set>

namespace erpc {

namespace {

std::string ref(const nlohmann::json& o, const char* name) {
  if (!o.is_object()) return {};
  const auto it = o.find(name);
  if (it == o.end() || !it->is_string()) return {};
  const auto v = it->get<std::string>();
  return v == "NOTPROVIDED" ? std::string() : v;  // NOTPROVIDED is not a key (BANKING.md)
}

const nlohmann::json& details_of(const nlohmann::json& entry) {
  static const nlohmann::json none = nlohmann::json::array();
  const auto it = entry.find("details");
  return it != entry.end() && it->is_array() ? *it : none;
}

std::optional<decimal> money_amount(const nlohmann::json& m) {
  if (!m.is_object() || !m.contains("amount") || !m["amount"].is_string()) return std::nullopt;
  return decimal::parse(m["amount"].get<std::string>());
}

const known_payment* find_by(const std::vector<known_payment>& known,
                             std::string known_payment::*field, const std::string& value) {
  if (value.empty()) return nullptr;
  for (const auto& p : known) {
    if (p.*field == value) return &p;
  }
  return nullptr;
}

bool is_charges_code(const nlohmann::json& entry) {
  const auto code = entry.value("bank_transaction_code", nlohmann::json::object());
  return code.is_object() && code.value("subfamily", "") == "CHRG";
}

// Payments a key names, per detail (EndToEndId, then InstrId); empty when no detail names one.
struct detail_hits {
  std::vector<std::pair<const known_payment*, const nlohmann::json*>> hits;
  int unknown = 0;  // details naming a payment this flow does not know
  int keyed = 0;    // details carrying an EndToEndId or InstrId at all
  std::string rule;
};

detail_hits by_details(const nlohmann::json& entry, const std::vector<known_payment>& known) {
  detail_hits out;
  for (const auto& d : details_of(entry)) {
    const auto refs = d.value("references", nlohmann::json::object());
    const auto e2e = ref(refs, "end_to_end_id");
    const auto instr = ref(refs, "instruction_id");
    if (e2e.empty() && instr.empty()) continue;
    ++out.keyed;
    const known_payment* p = find_by(known, &known_payment::end_to_end_id, e2e);
    std::string rule = "end_to_end_id";
    if (!p) {
      p = find_by(known, &known_payment::instruction_id, instr);
      rule = "instruction_id";
    }
    if (p) {
      out.hits.emplace_back(p, &d);
      if (out.rule.empty()) out.rule = rule;
    } else {
      ++out.unknown;
    }
  }
  return out;
}

// The batch keys (Btch, else the details' PmtInfId / MsgId).
std::vector<const known_payment*> by_batch(const nlohmann::json& entry,
                                           const std::vector<known_payment>& known,
                                           std::string& rule) {
  const auto batch = entry.value("batch", nlohmann::json::object());
  std::string pmtinf = ref(batch, "payment_information_id");
  std::string msgid = ref(batch, "message_id");
  for (const auto& d : details_of(entry)) {
    const auto refs = d.value("references", nlohmann::json::object());
    if (pmtinf.empty()) pmtinf = ref(refs, "payment_information_id");
    if (msgid.empty()) msgid = ref(refs, "message_id");
  }
  std::vector<const known_payment*> out;
  if (!pmtinf.empty()) {
    for (const auto& p : known) {
      if (p.payment_information_id == pmtinf && (msgid.empty() || p.message_id == msgid)) out.push_back(&p);
    }
    rule = "payment_information_id";
    if (!out.empty()) return out;
  }
  if (!msgid.empty()) {
    for (const auto& p : known) {
      if (p.message_id == msgid) out.push_back(&p);
    }
    rule = "message_id";
  }
  return out;
}

}  // namespace

std::string_view to_string(entry_match::kind k) noexcept {
  switch (k) {
    case entry_match::kind::none: return "none";
    case entry_match::kind::payments: return "payments";
    case entry_match::kind::charges: return "charges";
    case entry_match::kind::returned: return "returned";
    case entry_match::kind::ambiguous: return "ambiguous";
  }
  return "none";
}

entry_match match_entry(const nlohmann::json& entry, const std::vector<known_payment>& known) {
  entry_match m;
  auto give_up = [&](entry_match::kind k, std::string reason) {
    m.what = k;
    m.reason = std::move(reason);
    m.payments.clear();
    m.charges = decimal{};
    return m;
  };
  if (!entry.is_object()) return give_up(entry_match::kind::none, "not an entry");
  // PDNG / INFO / FUTR never settle a payment (BANKING.md Statements).
  if (entry.value("status", "") != "BOOK") return give_up(entry_match::kind::none, "not booked");
  const auto amount = money_amount(entry.value("amount", nlohmann::json()));
  if (!amount) return give_up(entry_match::kind::none, "no amount");
  const std::string currency = entry["amount"].value("currency", "");
  const std::string side = entry.value("credit_debit", "");

  // Which of our payments the entry names.
  auto hits = by_details(entry, known);
  std::vector<const known_payment*> named;
  std::vector<std::optional<decimal>> detail_amounts;
  if (!hits.hits.empty()) {
    if (hits.unknown > 0) {
      return give_up(entry_match::kind::ambiguous,
                     "the entry books our payments together with payments this flow does not know");
    }
    std::set<std::string> seen;
    for (const auto& [p, d] : hits.hits) {
      if (!seen.insert(p->key).second) {
        return give_up(entry_match::kind::ambiguous, "the entry names payment " + p->key + " twice");
      }
      named.push_back(p);
      detail_amounts.push_back(money_amount(d->value("amount", nlohmann::json())));
    }
    m.rule = hits.rule;
  } else if (hits.keyed > 0) {
    // The details name their payments, and none is one this flow holds (e.g. voided): the
    // batch keys must not pull in the other payments of the same PmtInf.
    return give_up(entry_match::kind::none, "the entry names payments this flow does not hold");
  } else {
    named = by_batch(entry, known, m.rule);
    detail_amounts.assign(named.size(), std::nullopt);
  }
  if (named.empty()) return give_up(entry_match::kind::none, "no key names a payment of this flow");
  // A payment in another currency than the entry's (the account's) was converted by the bank:
  // a debit must say, per payment, what was instructed (in the payment's currency) and what
  // it booked (in the account's); a return (credit) what comes back, instructed as sent, and
  // what it credits. A charges entry is in the account's currency anyway.
  const bool charges_entry = side == "DBIT" && is_charges_code(entry);
  std::vector<bool> converted(named.size(), false);
  for (std::size_t i = 0; i < named.size(); ++i) {
    const auto* p = named[i];
    if (p->currency == currency || charges_entry) continue;
    const nlohmann::json* d = i < hits.hits.size() ? hits.hits[i].second : nullptr;
    const auto instructed = d ? d->value("instructed_amount", nlohmann::json()) : nlohmann::json();
    const auto booked_in = d ? d->value("amount", nlohmann::json()) : nlohmann::json();
    if ((side != "DBIT" && side != "CRDT") || !instructed.is_object() ||
        instructed.value("currency", "") != p->currency ||
        !booked_in.is_object() || booked_in.value("currency", "") != currency || !detail_amounts[i]) {
      return give_up(entry_match::kind::ambiguous,
                     "entry currency " + currency + " differs from payment " + p->key + " (" +
                         p->currency + ") and the entry gives no instructed amount in " +
                         p->currency + " with the amount booked in " + currency + " for it");
    }
    const auto instructed_amount = money_amount(instructed);
    if (!instructed_amount || *instructed_amount != p->amount) {
      return give_up(entry_match::kind::ambiguous,
                     "payment " + p->key + " instructed for " +
                         (instructed_amount ? instructed_amount->to_string() : std::string("?")) +
                         " " + p->currency + ", sent " + p->amount.to_string());
    }
    converted[i] = true;
  }

  if (side == "CRDT") {
    // A credit naming our payments is a return (or a reversal): it never settles them.
    for (const auto& d : details_of(entry)) {
      const auto reason = d.value("return_reason", std::string());
      if (!reason.empty()) {
        m.return_reason = reason;
        break;
      }
    }
    // The share is what comes back in the entry's currency (for a converted payment the
    // amount the bank credits after converting it again, checked above).
    for (std::size_t i = 0; i < named.size(); ++i) {
      m.payments.push_back({named[i]->key, detail_amounts[i].value_or(named[i]->amount), converted[i]});
    }
    m.what = entry_match::kind::returned;
    return m;
  }
  if (side != "DBIT") return give_up(entry_match::kind::none, "no credit/debit indicator");

  if (is_charges_code(entry)) {
    for (const auto* p : named) m.payments.push_back({p->key, decimal{}, false});
    m.charges = *amount;
    m.what = entry_match::kind::charges;
    return m;
  }

  // The whole PmtInf must be there: NbOfTxs and TtlAmt, when given, agree with what we sent.
  const auto batch = entry.value("batch", nlohmann::json::object());
  decimal booked;
  for (std::size_t i = 0; i < named.size(); ++i) {
    if (converted[i]) {
      // Checked above: instructed as sent; the share is what the bank booked for it.
      booked += *detail_amounts[i];
      m.payments.push_back({named[i]->key, *detail_amounts[i], true});
      continue;
    }
    const decimal share = detail_amounts[i].value_or(named[i]->amount);
    if (share != named[i]->amount) {
      return give_up(entry_match::kind::ambiguous,
                     "payment " + named[i]->key + " booked for " + share.to_string() + ", sent " +
                         named[i]->amount.to_string());
    }
    booked += share;
    m.payments.push_back({named[i]->key, share, false});
  }
  if (batch.is_object() && batch.contains("number_of_transactions") &&
      batch["number_of_transactions"].is_number_integer() &&
      batch["number_of_transactions"].get<std::int64_t>() != static_cast<std::int64_t>(named.size())) {
    return give_up(entry_match::kind::ambiguous, "the batch's NbOfTxs differs from the payments found");
  }
  if (auto total = money_amount(batch.value("total_amount", nlohmann::json())); total && *total != booked) {
    return give_up(entry_match::kind::ambiguous, "the batch's TtlAmt differs from the payments found");
  }
  if (*amount < booked) {
    return give_up(entry_match::kind::ambiguous, "the entry amount is below the payments it names");
  }
  m.charges = *amount - booked;  // charges netted into the entry; zero when none
  m.what = entry_match::kind::payments;
  return m;
}

}  // namespace erpc

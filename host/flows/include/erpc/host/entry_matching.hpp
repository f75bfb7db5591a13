#pragma once
// Matching a booked statement entry to the payments the flow sent (BANKING.md "Batch
// booking" matching order): TxDtls EndToEndId → InstrId → Btch PmtInfId (+ NbOfTxs, TtlAmt)
// → MsgId. The amount fallback is not used: an entry no key matches is left for a person, and
// an ambiguous one goes to the business queue, never to a guess. Pure: unit-tested alone.
// A payment in another currency than the account's (FX) is matched by its keys too; the entry
// must then give, per payment, the instructed amount (AmtDtls/InstdAmt) equal to what was sent
// and the amount booked in the account's currency, which is the payment's share; a return of
// it (a credit) likewise the instructed amount as sent and the amount credited.

#include <erpc/decimal.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace erpc {

struct known_payment {
  std::string key;  // the flow's payment key
  std::string end_to_end_id;
  std::string instruction_id;
  std::string payment_information_id;
  std::string message_id;
  decimal amount;
  std::string currency;
};

struct booked_share {
  std::string payment_key;
  // What the entry books for this payment (without charges), or for a return what it credits,
  // in the entry's currency.
  decimal amount;
  // A payment the bank converted (its currency is not the account's): the detail's
  // instructed amount, equal to what was sent; `amount` is then the converted amount.
  bool converted = false;
};

struct entry_match {
  enum class kind {
    none,       // not booked, not ours, or no key matches
    payments,   // a debit booking our payments (one, or a batch); charges netted in `charges`
    charges,    // a separate charges entry for our payments: the whole amount is `charges`
    returned,   // a credit returning our payments (return reason in `return_reason`)
    ambiguous,  // keys match but the entry cannot be ours as it stands: business queue
  };
  kind what = kind::none;
  std::vector<booked_share> payments;
  decimal charges;
  std::string return_reason;
  std::string rule;    // end_to_end_id | instruction_id | payment_information_id | message_id
  std::string reason;  // for none / ambiguous
};

entry_match match_entry(const nlohmann::json& entry, const std::vector<known_payment>& known);

std::string_view to_string(entry_match::kind k) noexcept;

}  // namespace erpc

// The return of a settled payment the bank converted (docs/pay-and-settle.md "FX runs";
// BANKING.md flow step 3): a USD payment from the EUR account came back. The credit entry names
// it by reference with the instructed amount as sent (entry_matching.cpp) and says what the bank
// credits in EUR after converting it again; the return journal (fx_settlement.hpp return_fx)
// debits the bank with that, credits in-transit with what the settlement cleared for the
// payment at the ERP's rate, and puts the difference on the FX gain/loss account. The caller
// (void_payment) then voids the ERP payment so its invoices open again — once.
#include "erpc/host/pay_settle_flow.hpp"

#include <erpc/host/fx_settlement.hpp>

#include <optional>
#include <tuple>
#include <vector>

namespace erpc {

namespace {

std::string text_of(const nlohmann::json& o, const char* name) {
  if (!o.is_object()) return {};
  const auto it = o.find(name);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<decimal> amount_of(const nlohmann::json& money) {
  return decimal::parse(text_of(money, "amount"));
}

}  // namespace

bool pay_settle_flow::post_converted_return(pay_payment& p, const booked_share* returned,
                                            const nlohmann::json& detail, nlohmann::json& summary) {
  const std::string correlation = correlation_of(p);
  if (returned == nullptr) {
    // A `returned` status names the payment but not what the bank credits in the account's
    // currency: only the credit entry says that. The payment stays settled until it comes.
    if (p.bank_status != "returned") {
      p.bank_status = "returned";
      store_.save_payment(p);
      gateway_.note(correlation, "payment_return_awaiting_entry", detail);
    }
    summary["awaiting_return_entry"].push_back({{"payment", p.key}});
    return false;
  }
  // What the settlement recorded (settle_payments): the payment in its currency, the ERP's rate
  // and the functional (account) currency the journals are in.
  const auto sent = p.bank_document.value("amount", nlohmann::json::object());
  const auto amount = amount_of(sent);
  const auto rate = decimal::parse(text_of(p.settlement, "exchange_rate"));
  const std::string currency =
      text_of(p.settlement.value("functional_amount", nlohmann::json::object()), "currency");
  const std::string entry_currency =
      text_of(detail.value("entry", nlohmann::json::object()).value("amount", nlohmann::json::object()),
              "currency");
  std::string problem;
  if (!amount || !rate || currency.empty()) {
    problem = "the settlement of " + p.key + " carries no exchange rate or functional amount";
  } else if (!returned->converted || entry_currency != currency) {
    problem = "the return of converted payment " + p.key + " is not a credit in " + currency +
              " naming the instructed amount";
  } else if (config_.fx_gain_loss_account.empty()) {
    problem = "the flow has no fx_gain_loss_account for the return of converted payment " + p.key;
  }
  if (!problem.empty()) {
    // Never a guess: the payment stays settled, for a person.
    const nlohmann::json reason = {{"payment", p.key}, {"reason", problem}, {"detail", detail}};
    summary["ambiguous"].push_back(reason);
    gateway_.note(correlation, "payment_return_ambiguous", reason);
    return false;
  }
  const auto a = return_fx({p.key, *amount, text_of(sent, "currency"), *rate, returned->amount}, currency);
  std::vector<std::tuple<std::string, std::string, decimal>> lines = {
      {config_.bank_account, "debit", a.bank}, {config_.in_transit_account, "credit", a.in_transit}};
  if (decimal{} < a.fx_difference) {
    lines.emplace_back(config_.fx_gain_loss_account, "debit", a.fx_difference);  // loss
  } else if (a.fx_difference.is_negative()) {
    lines.emplace_back(config_.fx_gain_loss_account, "credit", -a.fx_difference);  // gain
  }
  std::string date = text_of(detail.value("entry", nlohmann::json::object()), "booking_date");
  if (date.empty()) date = text_of(p.settlement, "booking_date");
  const std::string key = p.key + ".ret";
  const auto doc = journal(date, key, "return " + p.end_to_end_id, lines, currency);
  gateway_.write(config_.erp, "JournalEntry", "create", key, doc, correlation);
  gateway_.note(correlation, "payment_return_posted",
                {{"payment", p.key}, {"journal", key}, {"credited", money_of(a.bank, currency)},
                 {"in_transit", money_of(a.in_transit, currency)},
                 {"fx_difference", money_of(a.fx_difference, currency)}});
  return true;
}

}  // namespace erpc

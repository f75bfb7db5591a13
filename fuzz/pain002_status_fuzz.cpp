// SPDX-License-Identifier: Apache-2.0
// The pain.002 reader (adapters/banking) on arbitrary bytes: it either reads a report or throws
// erpc::error VALIDATION with one of its documented pain002.* codes (docs/bank-payments.md),
// never crashes or hangs; every status it resolves for a report it accepted is a valid
// canonical PaymentStatus, and applying the statuses twice changes nothing the second time.
#include <erpc/banking/pain002_reader.hpp>
#include <erpc/banking/payment_status_transition.hpp>
#include <erpc/contract/payment_status_json.hpp>
#include <erpc/error.hpp>
#include <erpc/host/contract_validator.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const erpc::contract_validator validator;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  erpc::banking::pain002_options options;
  options.limits.max_bytes = 1 << 20;
  options.part_unlisted = size % 2 == 0 ? erpc::banking::unlisted_under_part::accepted
                                        : erpc::banking::unlisted_under_part::unchanged;
  const auto documented = [](const erpc::error& e) {
    return e.cls() == erpc::error_class::validation && e.code().rfind("pain002.", 0) == 0;
  };
  erpc::banking::pain002_report report;
  try {
    report = erpc::banking::read_pain002(text, options);
  } catch (const erpc::error& e) {
    if (!documented(e)) std::abort();
    return 0;
  }
  // Answer it as if the message sent had exactly the transactions the report lists, plus one
  // it does not (so group and block statuses are resolved too).
  std::vector<erpc::banking::sent_transaction> sent;
  for (const auto& b : report.payment_information) {
    for (const auto& t : b.transactions) {
      if (t.original_end_to_end_id) {
        sent.push_back({b.original_payment_information_id, t.original_instruction_id,
                        *t.original_end_to_end_id});
      }
    }
  }
  sent.push_back({"UNLISTED-P1", std::nullopt, "UNLISTED-E1"});
  std::vector<erpc::contract::payment_status> statuses;
  try {
    statuses = erpc::banking::resolve_transaction_statuses(report, report.original_message_id,
                                                           sent, options);
  } catch (const erpc::error& e) {
    if (!documented(e)) std::abort();
    return 0;
  }
  std::map<std::string, erpc::contract::payment_state> book;
  for (int round = 0; round < 2; ++round) {
    for (const auto& s : statuses) {
      const auto& key = *s.references->end_to_end_id;
      const auto it = book.find(key);
      const auto current = it == book.end() ? std::optional<erpc::contract::payment_state>{}
                                            : std::optional(it->second);
      const auto applied = erpc::banking::apply_payment_status(current, s);
      if (!validator.validate("PaymentStatus", nlohmann::json(applied.status)).empty()) {
        std::abort();
      }
      // A repeated report (round 2) never moves anything.
      if (round == 1 && applied.outcome == erpc::banking::status_outcome::applied) std::abort();
      if (applied.outcome == erpc::banking::status_outcome::applied) {
        book[key] = applied.status.status;
      }
    }
  }
  return 0;
}

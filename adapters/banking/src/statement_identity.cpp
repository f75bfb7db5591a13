// SPDX-License-Identifier: Apache-2.0
#include <erpc/banking/statement_identity.hpp>

#include <erpc/contract/bank_statement_json.hpp>
#include <erpc/host/fingerprint.hpp>

#include <nlohmann/json.hpp>

namespace erpc::banking {

std::string account_key(const contract::bank_account& account) {
  if (account.iban) return join_identity({"iban", *account.iban});
  if (account.other) {
    return join_identity({"other", account.other->scheme.value_or(""), account.other->id});
  }
  return "unidentified";
}

std::string join_identity(std::initializer_list<std::string_view> parts) {
  std::string out;
  bool first = true;
  for (const auto part : parts) {
    if (!first) out += '|';
    first = false;
    for (const char c : part) {
      if (c == '|' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

bool has_reference_identity(const contract::statement_entry& entry) noexcept {
  return entry.account_servicer_reference.has_value() && entry.booking_date.has_value();
}

std::string entry_identity(const contract::bank_account& account,
                           const contract::statement_entry& entry, std::size_t occurrence) {
  return entry_identity_for_key(account_key(account), entry, occurrence);
}

std::string entry_identity_for_key(std::string_view key, const contract::statement_entry& entry,
                                   std::size_t occurrence) {
  if (has_reference_identity(entry)) {
    return join_identity({"entry", key, *entry.account_servicer_reference,
                          *entry.booking_date, entry.amount.amount.normalized().to_string(),
                          entry.amount.currency, entry.credit_debit});
  }
  // The status is left out of the hash: a pending entry and its booked successor differ in
  // status only when the bank keeps everything else, and that pair is matched elsewhere
  // (pending entries are replaced, never added).
  nlohmann::json content = entry;
  content.erase("status");
  return join_identity({"entry", key, "content:" + payload_fingerprint(content),
                        std::to_string(occurrence)});
}

}  // namespace erpc::banking

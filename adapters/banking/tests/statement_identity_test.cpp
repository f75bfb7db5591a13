#include <erpc/banking/statement_identity.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using namespace erpc::banking;

TEST_CASE("identity parts cannot run into each other") {
  CHECK(join_identity({"a|b", "c"}) != join_identity({"a", "b|c"}));
  CHECK(join_identity({"a\\", "|b"}) != join_identity({"a\\|", "b"}));
  CHECK(join_identity({"x", ""}) == "x|");
}

TEST_CASE("an entry is identified by account, bank reference, booking date, amount and sign") {
  contract::bank_account account;
  account.iban = "DE44500105175407324931";
  contract::statement_entry e;
  e.amount = money::parse("119.00", "EUR");
  e.credit_debit = "DBIT";
  e.status = "BOOK";
  e.account_servicer_reference = "REF1";
  e.booking_date = "2026-03-02";
  const auto id = entry_identity(account, e);
  CHECK(has_reference_identity(e));

  auto same_value = e;
  same_value.amount = money::parse("119.0", "EUR");  // 119.0 = 119.00
  same_value.additional_information = "text is not part of the identity";
  CHECK(entry_identity(account, same_value) == id);

  auto other_sign = e;
  other_sign.credit_debit = "CRDT";
  CHECK(entry_identity(account, other_sign) != id);
  auto other_day = e;
  other_day.booking_date = "2026-03-03";
  CHECK(entry_identity(account, other_day) != id);
  contract::bank_account other_account;
  other_account.iban = "DE89370400440532013000";
  CHECK(entry_identity(other_account, e) != id);

  // No reference: the content, with the occurrence number for identical twins.
  auto no_ref = e;
  no_ref.account_servicer_reference.reset();
  CHECK_FALSE(has_reference_identity(no_ref));
  CHECK(entry_identity(account, no_ref, 0) != entry_identity(account, no_ref, 1));
  auto changed = no_ref;
  changed.additional_information = "different";
  CHECK(entry_identity(account, changed) != entry_identity(account, no_ref));
}

#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;

TEST_CASE("batch control sum is the sum of payment amounts", "[contract][batch]") {
  auto batch = load_example("PaymentBatch");
  batch["control_sum"] = "1246.61";
  const auto errors = validator().validate("PaymentBatch", batch);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/control_sum", "payment_batch.control_sum_mismatch"));
  batch["control_sum"] = "1246.6";  // compared by value
  CHECK(validator().validate("PaymentBatch", batch).empty());
}

TEST_CASE("batch transaction count", "[contract][batch]") {
  auto batch = load_example("PaymentBatch");
  batch["number_of_transactions"] = 3;
  CHECK(only_finding(validator().validate("PaymentBatch", batch), "/number_of_transactions",
                     "payment_batch.count_mismatch"));
}

TEST_CASE("each payment in a batch is checked as a Payment", "[contract][batch]") {
  auto batch = load_example("PaymentBatch");
  batch["payments"][1]["creditor_account"]["iban"] = "GB29NWBK60161331926818";
  batch["payments"][0]["amount"]["amount"] = "246.6";
  batch["control_sum"] = "1246.6";
  const auto errors = validator().validate("PaymentBatch", batch);
  INFO(describe(errors));
  CHECK(errors.size() == 2);
  CHECK(has_finding(errors, "/payments/1/creditor_account/iban", "bank_account.invalid_iban"));
  CHECK(has_finding(errors, "/payments/0/amount/amount", "money.minor_units"));
}

TEST_CASE("a schema error inside a nested payment points into the batch", "[contract][batch]") {
  auto batch = load_example("PaymentBatch");
  batch["payments"][1].erase("direction");
  CHECK(only_finding(validator().validate("PaymentBatch", batch), "/payments/1/direction",
                     "schema.required"));
}

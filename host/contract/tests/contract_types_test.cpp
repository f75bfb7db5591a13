#include "contract_test_support.hpp"

#include <erpc/contract/bank_statement_json.hpp>
#include <erpc/contract/invoice_json.hpp>
#include <erpc/contract/journal_entry_json.hpp>
#include <erpc/contract/payment_json.hpp>
#include <erpc/contract/payment_status_json.hpp>
#include <erpc/contract/supplier_json.hpp>

#include <catch2/catch.hpp>

using namespace erpc::contract_test;
namespace c = erpc::contract;
using nlohmann::json;

namespace {
// Decoding a sample and encoding it again gives the same document, so no member is lost.
template <typename T>
void round_trips(std::string_view object) {
  const auto doc = load_example(object);
  const T value = doc.get<T>();
  const json again = value;
  INFO(object << "\n" << doc.dump() << "\n" << again.dump());
  CHECK(again == doc);
  CHECK(validator().validate(object, again).empty());
}
}  // namespace

TEST_CASE("canonical types round-trip the sample documents", "[contract][types]") {
  round_trips<c::supplier>("Supplier");
  round_trips<c::invoice>("Invoice");
  round_trips<c::journal_entry>("JournalEntry");
  round_trips<c::payment>("Payment");
  round_trips<c::payment_status>("PaymentStatus");
  round_trips<c::bank_statement>("BankStatement");
}

TEST_CASE("the invoice's amount_open (since 1.1) round-trips and is absent when not given",
          "[contract][types]") {
  auto doc = load_example("Invoice");
  CHECK_FALSE(doc.get<c::invoice>().amount_open);
  CHECK_FALSE(json(doc.get<c::invoice>()).contains("amount_open"));
  doc["amount_open"] = {{"amount", "40.00"}, {"currency", "EUR"}};
  const auto inv = doc.get<c::invoice>();
  REQUIRE(inv.amount_open);
  CHECK(inv.amount_open->amount.to_string() == "40.00");
  CHECK(json(inv) == doc);
}

TEST_CASE("amounts are exact decimals with their scale", "[contract][types]") {
  const auto inv = load_example("Invoice").get<c::invoice>();
  CHECK(inv.totals.gross.amount.to_string() == "119.00");
  CHECK(inv.totals.gross.amount.scale() == 2);
  CHECK(inv.totals.gross.currency == "EUR");
  CHECK(inv.lines.at(0).unit_price->to_string() == "2.50");
  CHECK(inv.rounding_tolerance->to_string() == "0.01");
  const auto st = load_example("BankStatement").get<c::bank_statement>();
  CHECK(st.entries.at(2).amount.amount.to_string() == "0.00001");
}

TEST_CASE("payment status decodes to the lifecycle enum", "[contract][types]") {
  const auto st = load_example("PaymentStatus").get<c::payment_status>();
  CHECK(st.status == c::payment_state::rejected);
  CHECK(st.previous_status == c::payment_state::transmitted);
  auto doc = load_example("PaymentStatus");
  doc["status"] = "paid";
  CHECK_THROWS_AS(doc.get<c::payment_status>(), erpc::error);
}

TEST_CASE("decoding refuses amounts that are not strings", "[contract][types]") {
  auto doc = load_example("Invoice");
  doc["totals"]["gross"]["amount"] = 119.0;
  try {
    (void)doc.get<c::invoice>();
    FAIL("expected erpc::error");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    CHECK(e.code() == "contract.decode");
  }
  doc = load_example("Invoice");
  doc.erase("invoice_number");
  CHECK_THROWS_AS(doc.get<c::invoice>(), erpc::error);
  doc = load_example("Invoice");
  doc["currency"] = 7;
  CHECK_THROWS_AS(doc.get<c::invoice>(), erpc::error);
}

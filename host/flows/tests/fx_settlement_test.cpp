// The settlement arithmetic of a converted payment (fx_settlement.hpp): realised gain and
// loss, charges netted or booked apart, half-even rounding, and a journal that balances.
#include <erpc/error.hpp>
#include <erpc/host/fx_settlement.hpp>

#include <catch2/catch.hpp>

using namespace erpc;

namespace {

decimal d(const char* text) { return *decimal::parse(text); }

// Debits equal credits once the FX difference joins its side (+ a loss: debit, − a gain: credit).
bool balances_with(decimal debit, decimal credit, const decimal& fx_difference) {
  if (fx_difference.is_negative()) {
    credit += -fx_difference;
  } else {
    debit += fx_difference;
  }
  return debit == credit;
}

// Debits (in-transit, charges, a loss) equal credits (bank, a gain).
bool balances(const fx_settlement_amounts& a) {
  return balances_with(a.in_transit + a.charges, a.bank, a.fx_difference);
}

// Debits (bank, a loss) equal credits (in-transit, a gain).
bool balances(const fx_return_amounts& a) {
  return balances_with(a.bank, a.in_transit, a.fx_difference);
}

}  // namespace

TEST_CASE("FX settlement: the EUR got dearer, a realised loss, charges netted", "[flows][fx]") {
  // 1000.00 USD recorded at 0.9100 → 910.00 EUR in transit; the bank converted at 0.9234
  // (923.40) and took 12.50 charges in the same entry: 935.90.
  const auto a = settle_fx({{"R.p1", d("1000.00"), "USD", d("0.9100"), d("923.40")}}, d("935.90"),
                           d("12.50"), "EUR");
  CHECK(a.recorded == std::vector<decimal>{d("910.00")});
  CHECK(a.in_transit == d("910.00"));
  CHECK(a.charges == d("12.50"));
  CHECK(a.bank == d("935.90"));
  CHECK(a.fx_difference == d("13.40"));  // loss: debit FX
  CHECK(balances(a));
}

TEST_CASE("FX settlement: a realised gain, charges booked as their own entry", "[flows][fx]") {
  // Recorded at 0.9500 (950.00); the bank took 923.40 and books the charges apart, so this
  // journal has none.
  const auto a = settle_fx({{"R.p1", d("1000.00"), "USD", d("0.9500"), d("923.40")}}, d("923.40"),
                           decimal{}, "EUR");
  CHECK(a.in_transit == d("950.00"));
  CHECK(a.charges.is_zero());
  CHECK(a.bank == d("923.40"));
  CHECK(a.fx_difference == d("-26.60"));  // gain: credit FX
  CHECK(balances(a));
}

TEST_CASE("FX settlement: no difference when the bank used the ERP's rate", "[flows][fx]") {
  const auto a = settle_fx({{"R.p1", d("250.00"), "USD", d("0.9234"), d("230.85")}}, d("233.35"),
                           d("2.50"), "EUR");
  CHECK(a.in_transit == d("230.85"));
  CHECK(a.fx_difference.is_zero());
  CHECK(balances(a));
}

TEST_CASE("FX settlement: recorded amounts round half-even per payment, a batch balances to "
          "the cent", "[flows][fx]") {
  // 100.05 × 0.9125 = 91.295625 → 91.30;  10.10 × 0.9125 = 9.21625 → 9.22;
  // 0.25 × 0.5 = 0.125 → 0.12 (exactly half: to the even cent).
  const auto a = settle_fx({{"R.p1", d("100.05"), "USD", d("0.9125"), d("92.00")},
                            {"R.p2", d("10.10"), "USD", d("0.9125"), d("9.30")},
                            {"R.p3", d("0.25"), "USD", d("0.5"), d("0.13")}},
                           d("103.935"), d("2.50"), "EUR");
  CHECK(a.recorded == std::vector<decimal>{d("91.30"), d("9.22"), d("0.12")});
  CHECK(a.in_transit == d("100.64"));
  CHECK(a.bank == d("103.94"));  // a bank amount with 3 decimals, rounded for the ledger
  CHECK(a.fx_difference == d("0.80"));
  CHECK(balances(a));
}

TEST_CASE("FX settlement: JPY has no minor units", "[flows][fx]") {
  const auto a = settle_fx({{"R.p1", d("100.00"), "USD", d("149.55"), d("14990")}}, d("14990"),
                           decimal{}, "JPY");
  CHECK(a.in_transit == d("14955"));  // 14955.00 → 14955
  CHECK(a.in_transit.scale() == 0);
  CHECK(a.fx_difference == d("35"));
  CHECK(balances(a));
}

TEST_CASE("FX settlement refuses what it cannot book", "[flows][fx]") {
  auto code_of = [](auto&& f) {
    try {
      f();
    } catch (const error& e) {
      return e.code();
    }
    return std::string();
  };
  CHECK(code_of([] { settle_fx({}, d("1"), decimal{}, "EUR"); }) == "flow.fx_invalid");
  CHECK(code_of([] {
          settle_fx({{"R.p1", d("1.00"), "USD", decimal{}, d("0.90")}}, d("0.90"), decimal{}, "EUR");
        }) == "flow.fx_invalid");
  CHECK(code_of([] {
          settle_fx({{"R.p1", d("1.00"), "USD", d("0.9"), d("0.90")}}, d("0.90"), d("1.00"), "EUR");
        }) == "flow.fx_invalid");
}

// ---- the return of a converted payment ----

TEST_CASE("FX return: in-transit at what the settlement cleared, the bank at what it credits, "
          "the rest realised", "[flows][fx]") {
  SECTION("the EUR got dearer since the payment: less comes back, a loss") {
    // 1000.05 USD recorded at 0.9100 → 910.05 EUR; the bank credits 1000.05 × 0.9000 = 900.05.
    const auto a = return_fx({"R.p1", d("1000.05"), "USD", d("0.9100"), d("900.05")}, "EUR");
    CHECK(a.in_transit == d("910.05"));
    CHECK(a.bank == d("900.05"));
    CHECK(a.fx_difference == d("10.00"));  // loss: debit FX
    CHECK(balances(a));
  }
  SECTION("more comes back: a gain") {
    const auto a = return_fx({"R.p1", d("500.00"), "USD", d("0.9500"), d("480.00")}, "EUR");
    CHECK(a.in_transit == d("475.00"));
    CHECK(a.fx_difference == d("-5.00"));  // gain: credit FX
    CHECK(balances(a));
  }
  SECTION("the same rate: no difference; half-even as settle_fx") {
    // 0.125 → 0.12 (half-even), as the settlement cleared it.
    const auto settled = settle_fx({{"R.p1", d("1.25"), "USD", d("0.1"), d("0.12")}}, d("0.12"), d("0"), "EUR");
    const auto a = return_fx({"R.p1", d("1.25"), "USD", d("0.1"), d("0.12")}, "EUR");
    CHECK(a.in_transit == settled.recorded.at(0));
    CHECK(a.fx_difference.is_zero());
    CHECK(balances(a));
  }
  SECTION("JPY has no minor units") {
    const auto a = return_fx({"R.p1", d("100.00"), "USD", d("150.123"), d("15000.4")}, "JPY");
    CHECK(a.in_transit == d("15012"));
    CHECK(a.bank == d("15000"));
    CHECK(a.fx_difference == d("12"));
    CHECK(balances(a));
  }
  SECTION("refusals") {
    CHECK_THROWS_AS(return_fx({"R.p1", d("1.00"), "USD", d("0"), d("1.00")}, "EUR"), erpc::error);
    CHECK_THROWS_AS(return_fx({"R.p1", d("1.00"), "USD", d("0.9"), d("-1.00")}, "EUR"), erpc::error);
  }
}

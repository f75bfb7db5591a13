#include <erpc/host/entry_matching.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using nlohmann::json;

namespace {

decimal d(const char* text) { return *decimal::parse(text); }

json eur(const char* a) { return {{"amount", a}, {"currency", "EUR"}}; }

std::vector<known_payment> three_in_one_batch() {
  return {{"R.p1", "E2E-1", "I-1", "PI-1", "M-1", d("100.00"), "EUR"},
          {"R.p2", "E2E-2", "I-2", "PI-1", "M-1", d("200.00"), "EUR"},
          {"R.p3", "E2E-3", "I-3", "PI-1", "M-1", d("300.00"), "EUR"}};
}

json tx_detail(const char* e2e, const char* amount) {
  return {{"references", {{"end_to_end_id", e2e}, {"payment_information_id", "PI-1"}, {"message_id", "M-1"}}},
          {"amount", eur(amount)}};
}

}  // namespace

TEST_CASE("one payment booked alone matches by EndToEndId", "[flows][matching]") {
  const json entry = {{"amount", eur("100.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                      {"booking_date", "2026-03-10"}, {"details", {tx_detail("E2E-1", "100.00")}}};
  const auto m = match_entry(entry, three_in_one_batch());
  REQUIRE(m.what == entry_match::kind::payments);
  CHECK(m.rule == "end_to_end_id");
  REQUIRE(m.payments.size() == 1);
  CHECK(m.payments[0].payment_key == "R.p1");
  CHECK(m.charges.is_zero());
}

TEST_CASE("batch booking with TxDtls: three payments in one entry", "[flows][matching]") {
  const json entry = {{"amount", eur("600.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                      {"batch", {{"payment_information_id", "PI-1"}, {"message_id", "M-1"},
                                 {"number_of_transactions", 3}, {"total_amount", eur("600.00")}}},
                      {"details", {tx_detail("E2E-1", "100.00"), tx_detail("E2E-2", "200.00"),
                                   tx_detail("E2E-3", "300.00")}}};
  const auto m = match_entry(entry, three_in_one_batch());
  REQUIRE(m.what == entry_match::kind::payments);
  CHECK(m.rule == "end_to_end_id");
  CHECK(m.payments.size() == 3);
  CHECK(m.charges.is_zero());
}

TEST_CASE("batch booking without TxDtls matches the PmtInfId with NbOfTxs and TtlAmt",
          "[flows][matching]") {
  json entry = {{"amount", eur("600.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                {"batch", {{"payment_information_id", "PI-1"}, {"message_id", "M-1"},
                           {"number_of_transactions", 3}, {"total_amount", eur("600.00")}}}};
  auto m = match_entry(entry, three_in_one_batch());
  REQUIRE(m.what == entry_match::kind::payments);
  CHECK(m.rule == "payment_information_id");
  CHECK(m.payments.size() == 3);

  SECTION("a count that differs is not guessed") {
    entry["batch"]["number_of_transactions"] = 2;
    m = match_entry(entry, three_in_one_batch());
    CHECK(m.what == entry_match::kind::ambiguous);
    CHECK(m.payments.empty());
  }
  SECTION("a total that differs is not guessed") {
    entry["batch"]["total_amount"] = eur("500.00");
    CHECK(match_entry(entry, three_in_one_batch()).what == entry_match::kind::ambiguous);
  }
  SECTION("only the MsgId: the whole message") {
    entry["batch"].erase("payment_information_id");
    m = match_entry(entry, three_in_one_batch());
    REQUIRE(m.what == entry_match::kind::payments);
    CHECK(m.rule == "message_id");
  }
}

TEST_CASE("charges netted into the entry are the difference, a separate charges entry is whole",
          "[flows][matching]") {
  const json netted = {{"amount", eur("102.50")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                       {"details", {tx_detail("E2E-1", "100.00")}}};
  auto m = match_entry(netted, three_in_one_batch());
  REQUIRE(m.what == entry_match::kind::payments);
  CHECK(m.charges == d("2.50"));

  const json separate = {{"amount", eur("2.50")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                         {"bank_transaction_code", {{"domain", "PMNT"}, {"family", "ICDT"}, {"subfamily", "CHRG"}}},
                         {"details", {{{"references", {{"end_to_end_id", "E2E-1"}}}}}}};
  m = match_entry(separate, three_in_one_batch());
  REQUIRE(m.what == entry_match::kind::charges);
  CHECK(m.charges == d("2.50"));
  REQUIRE(m.payments.size() == 1);
  CHECK(m.payments[0].payment_key == "R.p1");
}

TEST_CASE("partial, none and unsafe matches", "[flows][matching]") {
  SECTION("an entry below the payments it names") {
    const json e = {{"amount", eur("99.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                    {"details", {{{"references", {{"end_to_end_id", "E2E-1"}}}}}}};
    CHECK(match_entry(e, three_in_one_batch()).what == entry_match::kind::ambiguous);
  }
  SECTION("our payment together with one we do not know") {
    const json e = {{"amount", eur("150.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                    {"details", {tx_detail("E2E-1", "100.00"), tx_detail("E2E-X", "50.00")}}};
    CHECK(match_entry(e, three_in_one_batch()).what == entry_match::kind::ambiguous);
  }
  SECTION("a detail amount that differs from what was sent") {
    const json e = {{"amount", eur("90.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                    {"details", {tx_detail("E2E-1", "90.00")}}};
    CHECK(match_entry(e, three_in_one_batch()).what == entry_match::kind::ambiguous);
  }
  SECTION("no key of ours, and NOTPROVIDED is not a key") {
    const json e = {{"amount", eur("100.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                    {"details", {{{"references", {{"end_to_end_id", "NOTPROVIDED"}}}}}}};
    CHECK(match_entry(e, three_in_one_batch()).what == entry_match::kind::none);
  }
  SECTION("details naming payments we do not hold never fall back to the batch keys") {
    const json e = {{"amount", eur("100.00")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                    {"details", {tx_detail("E2E-GONE", "100.00")}}};
    const auto m = match_entry(e, three_in_one_batch());
    CHECK(m.what == entry_match::kind::none);
  }
  SECTION("a pending entry never settles") {
    const json e = {{"amount", eur("100.00")}, {"credit_debit", "DBIT"}, {"status", "PDNG"},
                    {"details", {tx_detail("E2E-1", "100.00")}}};
    const auto m = match_entry(e, three_in_one_batch());
    CHECK(m.what == entry_match::kind::none);
    CHECK(m.reason == "not booked");
  }
  SECTION("another currency is not settled automatically") {
    const json e = {{"amount", {{"amount", "100.00"}, {"currency", "USD"}}}, {"credit_debit", "DBIT"},
                    {"status", "BOOK"}, {"details", {{{"references", {{"end_to_end_id", "E2E-1"}}}}}}};
    CHECK(match_entry(e, three_in_one_batch()).what == entry_match::kind::ambiguous);
  }
}

TEST_CASE("a credit naming our payment with a return reason is a return", "[flows][matching]") {
  const json e = {{"amount", eur("100.00")}, {"credit_debit", "CRDT"}, {"status", "BOOK"},
                  {"details", {{{"references", {{"end_to_end_id", "E2E-1"}}}, {"return_reason", "AC04"},
                                {"amount", eur("100.00")}}}}};
  const auto m = match_entry(e, three_in_one_batch());
  REQUIRE(m.what == entry_match::kind::returned);
  CHECK(m.return_reason == "AC04");
  REQUIRE(m.payments.size() == 1);
  CHECK(m.payments[0].payment_key == "R.p1");
}

// ---- a payment the bank converted (USD invoice paid from the EUR account) ----

namespace {

std::vector<known_payment> one_usd_payment() {
  return {{"R.p1", "E2E-1", "I-1", "PI-1", "M-1", d("1000.00"), "USD"}};
}

json fx_detail(const char* instructed, const char* booked) {
  return {{"references", {{"end_to_end_id", "E2E-1"}}},
          {"amount", eur(booked)},
          {"instructed_amount", {{"amount", instructed}, {"currency", "USD"}}},
          {"currency_exchange", {{"source_currency", "USD"}, {"target_currency", "EUR"},
                                 {"unit_currency", "USD"}, {"rate", "0.9234"}}}};
}

}  // namespace

TEST_CASE("a converted payment matches by EndToEndId, its share is the EUR booked, the rest "
          "charges", "[flows][matching][fx]") {
  const json entry = {{"amount", eur("935.90")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                      {"details", {fx_detail("1000.00", "923.40")}}};
  const auto m = match_entry(entry, one_usd_payment());
  REQUIRE(m.what == entry_match::kind::payments);
  CHECK(m.rule == "end_to_end_id");
  REQUIRE(m.payments.size() == 1);
  CHECK(m.payments[0].converted);
  CHECK(m.payments[0].amount == d("923.40"));
  CHECK(m.charges == d("12.50"));
}

TEST_CASE("a converted payment without the instructed amount, or another one, is ambiguous",
          "[flows][matching][fx]") {
  SECTION("no AmtDtls/InstdAmt") {
    json detail = fx_detail("1000.00", "923.40");
    detail.erase("instructed_amount");
    const json entry = {{"amount", eur("923.40")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                        {"details", {detail}}};
    const auto m = match_entry(entry, one_usd_payment());
    CHECK(m.what == entry_match::kind::ambiguous);
    CHECK_THAT(m.reason, Catch::Contains("no instructed amount in USD"));
  }
  SECTION("instructed amount differs from what was sent") {
    const json entry = {{"amount", eur("923.40")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                        {"details", {fx_detail("999.00", "923.40")}}};
    const auto m = match_entry(entry, one_usd_payment());
    CHECK(m.what == entry_match::kind::ambiguous);
    CHECK_THAT(m.reason, Catch::Contains("instructed for 999.00"));
  }
  SECTION("a batch entry without TxDtls cannot be split into EUR shares") {
    const json entry = {{"amount", eur("923.40")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                        {"batch", {{"payment_information_id", "PI-1"}, {"message_id", "M-1"}}}};
    CHECK(match_entry(entry, one_usd_payment()).what == entry_match::kind::ambiguous);
  }
  SECTION("a return (credit) whose instructed amount is not what was sent") {
    json detail = fx_detail("990.00", "910.00");
    detail["return_reason"] = "AC04";
    const json entry = {{"amount", eur("910.00")}, {"credit_debit", "CRDT"}, {"status", "BOOK"},
                        {"details", {detail}}};
    const auto m = match_entry(entry, one_usd_payment());
    CHECK(m.what == entry_match::kind::ambiguous);
    CHECK_THAT(m.reason, Catch::Contains("instructed for 990.00"));
  }
  SECTION("a return (credit) without the instructed amount") {
    const json entry = {{"amount", eur("910.00")}, {"credit_debit", "CRDT"}, {"status", "BOOK"},
                        {"details", {{{"references", {{"end_to_end_id", "E2E-1"}}},
                                      {"amount", eur("910.00")}, {"return_reason", "AC04"}}}}};
    CHECK(match_entry(entry, one_usd_payment()).what == entry_match::kind::ambiguous);
  }
}

TEST_CASE("a return of a converted payment matches by EndToEndId, its share the EUR credited",
          "[flows][matching][fx]") {
  json detail = fx_detail("1000.00", "910.00");
  detail["return_reason"] = "AC04";
  const json entry = {{"amount", eur("910.00")}, {"credit_debit", "CRDT"}, {"status", "BOOK"},
                      {"details", {detail}}};
  const auto m = match_entry(entry, one_usd_payment());
  REQUIRE(m.what == entry_match::kind::returned);
  CHECK(m.return_reason == "AC04");
  REQUIRE(m.payments.size() == 1);
  CHECK(m.payments[0].payment_key == "R.p1");
  CHECK(m.payments[0].converted);
  CHECK(m.payments[0].amount == d("910.00"));
}

TEST_CASE("separate EUR charges for a USD payment are a charges entry", "[flows][matching][fx]") {
  const json entry = {{"amount", eur("12.50")}, {"credit_debit", "DBIT"}, {"status", "BOOK"},
                      {"bank_transaction_code", {{"domain", "PMNT"}, {"family", "MDOP"}, {"subfamily", "CHRG"}}},
                      {"details", {{{"references", {{"end_to_end_id", "E2E-1"}}}}}}};
  const auto m = match_entry(entry, one_usd_payment());
  REQUIRE(m.what == entry_match::kind::charges);
  CHECK(m.charges == d("12.50"));
}

#include <erpc/banking/payment_identifiers.hpp>
#include <erpc/banking/payment_status_transition.hpp>
#include <erpc/banking/sepa_rules.hpp>
#include <erpc/banking/target_calendar.hpp>

#include "payment_test_support.hpp"

using namespace erpc;
using namespace erpc::banking;
using contract::payment_state;
using erpc::banking::test::validation_error;

TEST_CASE("SEPA transliteration keeps Latin names readable and refuses what it cannot map") {
  CHECK(transliterate_to_sepa("Müller & Söhne GmbH") == "Mueller + Soehne GmbH");
  CHECK(transliterate_to_sepa("Łódź Żółć Šťastný") == "Lodz Zolc Stastny");
  CHECK(transliterate_to_sepa("Œuvre Ærø Øster") == "OEuvre AEro Oster");
  CHECK(transliterate_to_sepa("Café „Zur Post“ – 5 €") == "Cafe 'Zur Post' - 5 EUR");
  CHECK(transliterate_to_sepa("a@b_c;d\te") == "a.b-c.d e");
  CHECK(transliterate_to_sepa("Straße") == "Strasse");
  CHECK_FALSE(transliterate_to_sepa("Ελλάδα ΑΕ"));  // Greek: a person must give a Latin name
  CHECK_FALSE(transliterate_to_sepa("株式会社"));
  CHECK_FALSE(transliterate_to_sepa("bad \xC3("));  // not UTF-8
  CHECK_FALSE(transliterate_to_sepa("overlong \xC0\xAF"));
  CHECK_FALSE(transliterate_to_sepa("cut \xE2\x82"));
  for (const auto* s : {"Mueller + Soehne GmbH", "Rechnung 2026/17 - (Maerz)?:.,'"}) {
    CHECK(is_sepa_text(s));
  }
  CHECK_FALSE(is_sepa_text("a&b"));
  CHECK_FALSE(is_sepa_text("Müller"));
}

TEST_CASE("SEPA identifiers, RF creditor references and IBANs") {
  CHECK(is_sepa_identifier("7FC78B545B1B723061D1-1-E12"));
  CHECK_FALSE(is_sepa_identifier(""));
  CHECK_FALSE(is_sepa_identifier(std::string(36, 'A')));
  CHECK(is_sepa_identifier(std::string(35, 'A')));
  CHECK_FALSE(is_sepa_identifier("/ABC"));
  CHECK_FALSE(is_sepa_identifier("ABC/"));
  CHECK_FALSE(is_sepa_identifier("A//B"));
  CHECK_FALSE(is_sepa_identifier("A B"));

  CHECK(is_valid_rf_reference("RF18539007547034"));
  CHECK(is_valid_rf_reference("RF18 5390 0754 7034"));
  CHECK_FALSE(is_valid_rf_reference("RF19539007547034"));  // check digits wrong
  CHECK_FALSE(is_valid_rf_reference("RF18539007547035"));  // a digit changed
  CHECK_FALSE(is_valid_rf_reference("RF1"));
  CHECK_FALSE(is_valid_rf_reference("RF18" + std::string(22, '1')));  // > 25 characters
  CHECK_FALSE(is_valid_rf_reference("XX18539007547034"));

  CHECK(is_valid_iban("DE89370400440532013000"));
  CHECK(is_valid_iban("FR1420041010050500013M02606"));
  CHECK(is_valid_iban("GB29NWBK60161331926819"));
  CHECK_FALSE(is_valid_iban("DE89370400440532013001"));
  CHECK_FALSE(is_valid_iban("de89370400440532013000"));
  CHECK_FALSE(is_valid_iban("DE8937040044053201300!"));
}

TEST_CASE("Easter and the TARGET calendar") {
  const std::pair<int, const char*> easters[] = {
      {2000, "2000-04-23"}, {2024, "2024-03-31"}, {2025, "2025-04-20"}, {2026, "2026-04-05"},
      {2038, "2038-04-25"}, {1818, "1818-03-22"}, {2285, "2285-03-22"}, {2019, "2019-04-21"}};
  for (const auto& [year, date] : easters) CHECK(to_string(easter_sunday(year)) == date);

  const auto d = [](const char* s) {
    const auto r = parse_calendar_date(s);
    REQUIRE(r.year != 0);
    return r;
  };
  CHECK(day_of_week(d("2026-03-02")) == 0);  // Monday
  CHECK(day_of_week(d("2026-03-07")) == 5);  // Saturday
  for (const char* closed : {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01",
                             "2026-12-25", "2026-12-26", "2026-03-07", "2026-03-08",
                             "2025-04-18", "2025-04-21"}) {
    INFO(closed);
    CHECK_FALSE(is_target_business_day(d(closed)));
  }
  for (const char* open : {"2026-03-02", "2026-04-02", "2026-04-07", "2026-12-24",
                           "2026-12-31", "2026-05-04"}) {
    INFO(open);
    CHECK(is_target_business_day(d(open)));
  }
  CHECK(to_string(next_target_business_day(d("2026-04-03"))) == "2026-04-07");
  CHECK(to_string(next_target_business_day(d("2026-03-07"))) == "2026-03-09");
  CHECK(to_string(next_target_business_day(d("2026-12-25"))) == "2026-12-28");
  CHECK(to_string(next_target_business_day(d("2027-12-31"))) == "2027-12-31");  // a Friday
  CHECK(to_string(next_target_business_day(d("2028-01-01"))) == "2028-01-03");
  CHECK(to_string(next_target_business_day(d("2026-03-02"))) == "2026-03-02");

  CHECK(parse_calendar_date("2026-02-29").year == 0);
  CHECK(parse_calendar_date("2028-02-29").year == 2028);
  CHECK(parse_calendar_date("2026-13-01").year == 0);
  CHECK(parse_calendar_date("2026-3-01").year == 0);
}

TEST_CASE("payment identifiers derive from key and generation") {
  const payment_identifiers a("netsuite:payment-run:42", 1);
  const payment_identifiers same("netsuite:payment-run:42", 1);
  const payment_identifiers next("netsuite:payment-run:42", 2);
  CHECK(a.message_id() == same.message_id());
  CHECK(a.message_id() != next.message_id());
  CHECK(a.end_to_end_id(1) != next.end_to_end_id(1));
  CHECK(a.end_to_end_id(1) != a.instruction_id(1));
  // The longest identifiers still fit Max35Text.
  const payment_identifiers big("k", max_generation);
  CHECK(big.payment_information_id(max_payment_information_blocks).size() <= 35);
  CHECK(big.end_to_end_id(max_transactions).size() <= 35);
  CHECK(is_sepa_identifier(big.end_to_end_id(max_transactions)));
  // A key of any characters and length stays out of the file.
  const payment_identifiers odd(std::string(500, '\xE9') + "/&<>", 7);
  CHECK(is_sepa_identifier(odd.message_id()));
  CHECK(odd.message_id().find("&") == std::string::npos);

  validation_error([] { payment_identifiers("", 1); }, "pain001.idempotency_key_missing");
  validation_error([] { payment_identifiers("k", 0); }, "pain001.generation_invalid");
  validation_error([] { payment_identifiers("k", max_generation + 1); },
                   "pain001.generation_invalid");
}

TEST_CASE("status transitions: forward only, RJCT after an acceptance, repeats change nothing") {
  using o = status_outcome;
  const struct {
    std::optional<payment_state> from;
    payment_state to;
    payment_state result;
    status_outcome outcome;
  } cases[] = {
      {std::nullopt, payment_state::transmitted, payment_state::transmitted, o::applied},
      {payment_state::transmitted, payment_state::accepted, payment_state::accepted, o::applied},
      {payment_state::transmitted, payment_state::settled, payment_state::settled, o::applied},
      {payment_state::accepted, payment_state::accepted, payment_state::accepted, o::unchanged},
      // ACSC followed by a late ACTC: stays settled.
      {payment_state::settled, payment_state::transmitted, payment_state::settled, o::stale},
      {payment_state::accepted, payment_state::transmitted, payment_state::accepted, o::stale},
      // RJCT may follow an acceptance.
      {payment_state::accepted, payment_state::rejected, payment_state::rejected, o::applied},
      {payment_state::partially_accepted, payment_state::rejected, payment_state::rejected,
       o::applied},
      // An acceptance after a rejection is old news; a rejection after settlement is a
      // contradiction for a person.
      {payment_state::rejected, payment_state::accepted, payment_state::rejected, o::stale},
      {payment_state::settled, payment_state::rejected, payment_state::settled, o::conflict},
      {payment_state::rejected, payment_state::cancelled, payment_state::rejected, o::conflict},
      {payment_state::rejected, payment_state::rejected, payment_state::rejected, o::unchanged},
  };
  for (const auto& c : cases) {
    INFO((c.from ? contract::to_string(*c.from) : "none") << " -> " << contract::to_string(c.to));
    const auto r = apply_payment_status(c.from, c.to);
    CHECK(r.state == c.result);
    CHECK(r.outcome == c.outcome);
  }
}

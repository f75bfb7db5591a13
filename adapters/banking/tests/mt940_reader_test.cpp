#include <erpc/banking/mt940_reader.hpp>

#include "statement_test_support.hpp"

using namespace erpc;
using namespace erpc::banking;

namespace {

std::string statement(std::string_view lines_61_86, std::string_view opening = "C260302EUR1000,00",
                      std::string_view closing = "C260302EUR881,00") {
  return ":20:T1\n:25:DE44500105175407324931\n:28C:61/1\n:60F:" + std::string(opening) + "\n" +
         std::string(lines_61_86) + ":62F:" + std::string(closing) + "\n";
}

}  // namespace

TEST_CASE("MT940: the vendors.md sample, golden") {
  const auto statements = read_mt940(test::fixture("mt940_vendors_sample.sta"));
  REQUIRE(statements.size() == 1);
  const auto& p = statements[0];
  const auto j = test::checked_json(p.statement);
  const auto expected = nlohmann::json::parse(R"({
    "external_refs": {}, "source": {"system": "bank_file"}, "kind": "statement",
    "format": "mt940", "statement_id": "STMT260302", "electronic_sequence_number": "61",
    "from_date": "2026-03-02", "to_date": "2026-03-02",
    "account": {"iban": "DE44500105175407324931", "currency": "EUR"},
    "balances": [
      {"type": "OPBD", "amount": {"amount": "1000.00", "currency": "EUR"}, "credit_debit": "CRDT", "date": "2026-03-02"},
      {"type": "CLBD", "amount": {"amount": "881.00", "currency": "EUR"}, "credit_debit": "CRDT", "date": "2026-03-02"}],
    "entries": [{
      "amount": {"amount": "119.00", "currency": "EUR"}, "credit_debit": "DBIT", "status": "BOOK",
      "booking_date": "2026-03-02", "value_date": "2026-03-02",
      "account_servicer_reference": "2026030212345",
      "bank_transaction_code": {"proprietary": {"code": "NTRF", "issuer": "SWIFT"}},
      "additional_information": "Acme GmbH INV-2026-0042",
      "details": [{"references": {"customer_reference": "E2E-INV-0042"}}]}]
  })");
  CHECK(j == expected);
  // Statement identity: (:25:, :28C:, :60F: date) — :20: is not part of it.
  CHECK(p.identity == "mt940|iban\\|DE44500105175407324931|61|2026-03-02");
}

TEST_CASE("MT940: 61/1 + 61/2 with 60M/62M, NONREF, ?20 and /EREF/, several accounts") {
  const auto statements = read_mt940(test::fixture("mt940_multipart_accounts.sta"));
  REQUIRE(statements.size() == 2);  // two accounts; the first in two parts
  const auto& a = statements[0].statement;
  test::checked_json(a);
  CHECK(a.statement_id == "STMT260302A");
  REQUIRE(a.balances.size() == 3);
  CHECK(a.balances[0].type == "OPBD");
  CHECK(a.balances[0].amount.amount.to_string() == "1000.00");
  CHECK(a.balances[1].type == "CLBD");  // from the last part's :62F:
  CHECK(a.balances[1].amount.amount.to_string() == "1831.00");
  CHECK(a.balances[2].type == "CLAV");
  REQUIRE(a.entries.size() == 3);

  // ?20… sub-fields (DK layout): EREF+ and SVWZ+ across a line break, ?31 IBAN, ?32 name.
  const auto& first = a.entries[0].details.at(0);
  CHECK(first.references->end_to_end_id == "E2E-INV-2026-0042");
  CHECK(first.remittance->unstructured == "INV-2026-0042 Acme");
  CHECK(first.creditor->name == "Acme GmbH");
  CHECK(first.creditor_account->iban == "DE89370400440532013000");
  CHECK(first.creditor_account->bic == "COBADEFFXXX");
  CHECK(a.entries[0].additional_information->find('\n') != std::string::npos);  // verbatim

  // NONREF is no reference; /EREF/NOTPROVIDED is not a key; /NAME/ on a credit is the debtor.
  const auto& second = a.entries[1];
  CHECK(second.credit_debit == "CRDT");
  CHECK(second.amount.amount.to_string() == "1000");
  const auto& d2 = second.details.at(0);
  CHECK_FALSE(d2.references);
  CHECK(d2.debtor->name == "Beta GmbH");
  CHECK(d2.debtor_account->iban == "GB82WEST12345698765432");
  CHECK(d2.remittance->unstructured == "Refund order 7");

  // RC: a reversal of a credit is a debit.
  CHECK(a.entries[2].credit_debit == "DBIT");
  CHECK(a.entries[2].reversal == true);
  CHECK(a.entries[2].bank_transaction_code->proprietary->code == "NCHG");

  // The second account: a negative :60F:, an account that is not an IBAN, no entry date.
  const auto& b = statements[1].statement;
  test::checked_json(b);
  CHECK(b.account.other->id == "12345678/0001234567");
  CHECK(b.balances[0].credit_debit == "DBIT");
  CHECK(b.balances[0].amount.amount.to_string() == "500.25");
  CHECK(b.balances[1].amount.amount.is_zero());
  CHECK_FALSE(b.entries[0].booking_date);
  CHECK(b.entries[0].value_date == "2026-03-02");
  CHECK(b.entries[0].details.at(0).references->customer_reference == "REF1234567890AB");
  CHECK(b.entries[0].details.at(0).additional_information == "SUPPLEMENTARY 34");
  CHECK(b.entries[0].account_servicer_reference == "BANKREF-1");
  CHECK(b.additional_information == "Statement information for the whole statement");
}

TEST_CASE("MT940: CP1252 text becomes UTF-8") {
  const auto statements = read_mt940(test::fixture("mt940_cp1252.sta"));
  REQUIRE(statements.size() == 1);
  test::checked_json(statements[0].statement);
  CHECK(statements[0].statement.entries[0].additional_information ==
        "Zahlung M\xC3\xBCller \xE2\x82\xAC 19,00 \xE2\x80\x93 Danke");
  line_format_options strict;
  strict.encoding = text_encoding::utf8;
  const auto e = test::expect_failure(
      [&] { read_mt940(test::fixture("mt940_cp1252.sta"), strict); }, "mt940.encoding_invalid");
  CHECK(test::line_of(e) == "/line/6");
}

TEST_CASE("MT940: RC is a debit and RD a credit, D followed by funds code R is a debit") {
  const auto s = read_mt940(statement(
      ":61:2603020302RD100,00NTRFNONREF\n"   // reversal of a debit: +100
      ":61:2603020302DR119,00NTRFNONREF\n"   // debit, funds code R: −119
      ":61:2603020302RC100,00NTRFNONREF\n",  // reversal of a credit: −100
      "C260302EUR1000,00", "C260302EUR881,00"));
  REQUIRE(s[0].statement.entries.size() == 3);
  CHECK(s[0].statement.entries[0].credit_debit == "CRDT");
  CHECK(s[0].statement.entries[0].reversal == true);
  CHECK(s[0].statement.entries[1].credit_debit == "DBIT");
  CHECK_FALSE(s[0].statement.entries[1].reversal);
  CHECK(s[0].statement.entries[1].amount.amount.to_string() == "119.00");
  CHECK(s[0].statement.entries[2].credit_debit == "DBIT");
}

TEST_CASE("MT940: the entry date's year comes from the value date across New Year") {
  const auto s = read_mt940(
      ":20:T\n:25:DE44500105175407324931\n:28C:1\n:60F:C260102EUR0,\n"
      ":61:2601021231C5,NTRFNONREF\n:62F:C260102EUR5,\n");
  CHECK(s[0].statement.entries[0].value_date == "2026-01-02");
  CHECK(s[0].statement.entries[0].booking_date == "2025-12-31");
}

TEST_CASE("MT940: balances and parts are checked, and a doctored file fails loudly") {
  SECTION("closing off by one cent") {
    const auto e = test::expect_failure(
        [] {
          read_mt940(statement(":61:2603020302D119,00NTRFNONREF\n", "C260302EUR1000,00",
                               "C260302EUR881,01"));
        },
        "statement.balance_mismatch");
    CHECK(test::line_of(e) == "/line/6");
  }
  SECTION("a part's closing off by one cent") {
    auto text = test::fixture("mt940_multipart_accounts.sta");
    test::replace_once(text, ":62M:C260302EUR881,00", ":62M:C260302EUR881,01");
    test::expect_failure([&] { read_mt940(text); }, "statement.balance_mismatch");
  }
  SECTION("60M is not the previous 62M") {
    auto text = test::fixture("mt940_multipart_accounts.sta");
    test::replace_once(text, ":62M:C260302EUR881,00", ":62M:C260302EUR1000,00");
    test::replace_once(text, ":61:2603020302D119,00NTRFE2E-INV-0042//2026030212345\n", "");
    test::expect_failure([&] { read_mt940(text); }, "mt940.part_chain_broken");
  }
  SECTION("a part missing from the sequence") {
    auto text = test::fixture("mt940_multipart_accounts.sta");
    test::replace_once(text, ":28C:61/2", ":28C:61/3");
    test::expect_failure([&] { read_mt940(text); }, "mt940.sequence_gap");
  }
  SECTION("the file ends after a 62M") {
    auto text = test::fixture("mt940_multipart_accounts.sta");
    text = text.substr(0, text.find("{1:", 10));
    test::expect_failure([&] { read_mt940(text); }, "mt940.statement_incomplete");
  }
  SECTION("60F differs from the previous statement's 62F for the same account") {
    const auto text = statement(":61:2603020302D119,00NTRFNONREF\n") +
                      ":20:T2\n:25:DE44500105175407324931\n:28C:62/1\n:60F:C260303EUR880,00\n"
                      ":62F:C260303EUR880,00\n";
    test::expect_failure([&] { read_mt940(text); }, "mt940.opening_mismatch");
  }
  SECTION("a decimal point instead of the comma") {
    test::expect_failure([] { read_mt940(statement(":61:2603020302D119.00NTRFNONREF\n")); },
                         "statement.amount_invalid");
  }
  SECTION("a 30-digit amount") {
    test::expect_failure(
        [] {
          read_mt940(statement(":61:2603020302D123456789012345678901234567,89NTRFNONREF\n"));
        },
        "statement.amount_too_long");
  }
  SECTION("an unknown field") {
    test::expect_failure([] { read_mt940(statement(":99:X\n")); }, "mt940.field_unknown");
  }
  SECTION("a :61: without a transaction type") {
    test::expect_failure([] { read_mt940(statement(":61:2603020302D119,00\n")); },
                         "mt940.statement_line_invalid");
  }
  SECTION("a transaction type that is not three letters or digits (found by fuzzing)") {
    test::expect_failure(
        [] { read_mt940(statement(":61:2603020302D119,00NTR\xC3\xA4NONREF\n")); },
        "mt940.statement_line_invalid");
  }
  SECTION("an MT942 mark") {
    test::expect_failure([] { read_mt940(statement(":61:2603020302ED119,00NTRFNONREF\n")); },
                         "mt940.statement_line_invalid");
  }
}

TEST_CASE("MT940: hostile input gives a clear error") {
  test::expect_failure([] { read_mt940(std::string_view{}); }, "mt940.no_statement");
  test::expect_failure([] { read_mt940(std::string_view("hello\n")); }, "mt940.unexpected_line");
  test::expect_failure([] { read_mt940(std::string_view("\xFF\xFE:\0002\0000\0:", 10)); },
                       "mt940.encoding_invalid");
  test::expect_failure([] { read_mt940(std::string_view(":20:A\0B\n", 8)); },
                       "mt940.encoding_invalid");
  line_format_options small;
  small.common.limits.max_line_bytes = 100;
  test::expect_failure([&] { read_mt940(":20:" + std::string(1000, 'x') + "\n", small); },
                       "mt940.line_too_long");
  // Truncated at every byte: a clear error, never a statement that is wrong.
  const auto text = test::fixture("mt940_multipart_accounts.sta");
  for (std::size_t cut = 1; cut + 1 < text.size(); cut += 7) {
    INFO("cut at " << cut);
    try {
      const auto s = read_mt940(std::string_view(text).substr(0, cut));
      // A cut that ends exactly after a complete statement may leave complete statements.
      for (const auto& p : s) test::checked_json(p.statement);
    } catch (const erpc::error& e) {
      CHECK(e.cls() == error_class::validation);
    }
  }
}

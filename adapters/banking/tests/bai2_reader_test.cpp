#include <erpc/banking/bai2_reader.hpp>

#include "statement_test_support.hpp"

using namespace erpc;
using namespace erpc::banking;

TEST_CASE("BAI2: the Westpac-shaped file, golden") {
  const auto statements = read_bai2(test::fixture("bai2_westpac_shaped.bai"));
  REQUIRE(statements.size() == 1);
  const auto& p = statements[0];
  const auto j = test::checked_json(p.statement);
  const auto expected = nlohmann::json::parse(R"({
    "external_refs": {}, "source": {"system": "bank_file"}, "kind": "statement",
    "format": "bai2", "statement_id": "01", "from_date": "2006-03-02", "to_date": "2006-03-02",
    "account": {"other": {"id": "032000000007"}, "currency": "AUD"},
    "balances": [
      {"type": "OPBD", "amount": {"amount": "3000.00", "currency": "AUD"}, "credit_debit": "CRDT", "date": "2006-03-02"},
      {"type": "CLBD", "amount": {"amount": "95566.67", "currency": "AUD"}, "credit_debit": "CRDT", "date": "2006-03-02"},
      {"type": "CLAV", "amount": {"amount": "7650.00", "currency": "AUD"}, "credit_debit": "CRDT", "date": "2006-03-02"}],
    "entries": [
      {"amount": {"amount": "97600.00", "currency": "AUD"}, "credit_debit": "CRDT", "status": "BOOK",
       "booking_date": "2006-03-02", "account_servicer_reference": "WBC000123",
       "bank_transaction_code": {"proprietary": {"code": "195", "issuer": "BAI"}},
       "details": [{"references": {"customer_reference": "INV/2006/77"}}],
       "additional_information": "INCOMING WIRE FROM ACME PTY, LTD / REF INV/2006/77 AND INV/2006/78"},
      {"amount": {"amount": "3000.00", "currency": "AUD"}, "credit_debit": "DBIT", "status": "BOOK",
       "booking_date": "2006-03-02", "account_servicer_reference": "WBC000124",
       "bank_transaction_code": {"proprietary": {"code": "475", "issuer": "BAI"}},
       "details": [{"references": {"customer_reference": "000101"}}],
       "additional_information": "CHEQUE 101"},
      {"amount": {"amount": "2033.33", "currency": "AUD"}, "credit_debit": "DBIT", "status": "BOOK",
       "booking_date": "2006-03-02", "account_servicer_reference": "WBC000125",
       "bank_transaction_code": {"proprietary": {"code": "495", "issuer": "BAI"}},
       "additional_information": "OUTGOING TRANSFER"}]
  })");
  CHECK(j == expected);
  CHECK(p.disposition == statement_disposition::book);
  // (sender, file id, creation date, account, as-of date)
  CHECK(p.identity == "bai2|WPACAU2DK|01|2006-03-02|other\\|\\|032000000007|2006-03-02");
}

TEST_CASE("BAI2: funds types S, V and D, blank currency, JPY, group status 4") {
  const auto statements = read_bai2(test::fixture("bai2_funds_types_jpy_test.bai"));
  REQUIRE(statements.size() == 2);
  const auto& usd = statements[0];
  test::checked_json(usd.statement);
  CHECK(usd.statement.account.currency == "USD");  // blank in 03: the group's currency
  REQUIRE(usd.statement.entries.size() == 4);
  // The fields after a funds type are read only once its extra fields are skipped.
  CHECK(usd.statement.entries[0].amount.amount.to_string() == "1500.00");
  CHECK(usd.statement.entries[0].account_servicer_reference == "BR-S");
  CHECK(usd.statement.entries[0].details.at(0).references->customer_reference == "CR-S");
  CHECK(usd.statement.entries[1].value_date == "2026-03-03");  // V
  CHECK(usd.statement.entries[1].account_servicer_reference == "BR-V");
  CHECK(usd.statement.entries[2].account_servicer_reference == "BR-D");  // D with 2 pairs
  CHECK(usd.statement.entries[2].details.empty());
  CHECK(usd.statement.entries[2].additional_information == "LOCKBOX");
  CHECK(usd.statement.entries[3].credit_debit == "DBIT");
  CHECK(usd.statement.entries[3].amount.amount.to_string() == "123.45");
  CHECK(usd.disposition == statement_disposition::book);

  const auto& jpy = statements[1];
  test::checked_json(jpy.statement);
  CHECK(jpy.statement.account.currency == "JPY");
  CHECK(jpy.statement.balances[0].amount.amount.to_string() == "5000000");  // no implied decimals
  CHECK(jpy.statement.entries[0].amount.amount.to_string() == "1000000");
  CHECK(jpy.disposition == statement_disposition::test);  // group status 4 never books
}

TEST_CASE("BAI2: group status 2 and 3 go to a person") {
  for (const char* status : {"2", "3"}) {
    auto text = test::fixture("bai2_westpac_shaped.bai");
    test::replace_once(text, "02,WIBSCUST,WPACAU2DK,1,", std::string("02,WIBSCUST,WPACAU2DK,") +
                                                          status + ",");
    CHECK(read_bai2(text)[0].disposition == statement_disposition::needs_review);
  }
}

TEST_CASE("BAI2: same-day reports are intraday and their entries pending") {
  auto text = test::fixture("bai2_westpac_shaped.bai");
  test::replace_once(text, "060302,,AUD,2/", "060302,,AUD,3/");
  const auto s = read_bai2(text);
  test::checked_json(s[0].statement);
  CHECK(s[0].statement.kind == "intraday_report");
  for (const auto& e : s[0].statement.entries) CHECK(e.status == "PDNG");
}

TEST_CASE("BAI2: control totals, counts and balances fail loudly when doctored") {
  auto text = test::fixture("bai2_westpac_shaped.bai");
  SECTION("account control total") {
    test::replace_once(text, "49,31148333,7/", "49,31148334,7/");
    const auto e = test::expect_failure([&] { read_bai2(text); }, "bai2.control_total_mismatch");
    CHECK(test::line_of(e) == "/line/9");
  }
  SECTION("group control total") {
    test::replace_once(text, "98,31148333,", "98,31148332,");
    test::expect_failure([&] { read_bai2(text); }, "bai2.control_total_mismatch");
  }
  SECTION("file control total") {
    test::replace_once(text, "99,31148333,", "99,-31148333,");
    test::expect_failure([&] { read_bai2(text); }, "bai2.control_total_mismatch");
  }
  SECTION("record count") {
    test::replace_once(text, "49,31148333,7/", "49,31148333,6/");
    test::expect_failure([&] { read_bai2(text); }, "bai2.record_count_mismatch");
  }
  SECTION("a detail amount one cent off, with the totals fixed up to match") {
    test::replace_once(text, "16,475,300000,", "16,475,300001,");
    test::replace_once(text, "49,31148333,", "49,31148334,");
    test::replace_once(text, "98,31148333,", "98,31148334,");
    test::replace_once(text, "99,31148333,", "99,31148334,");
    test::expect_failure([&] { read_bai2(text); }, "statement.balance_mismatch");
  }
  SECTION("balances without the detail that moved them") {
    auto summary_only = std::string(
        "01,S,R,260302,0100,F1,,,2/\n02,R,S,1,260302,,USD,2/\n"
        "03,123,USD,010,100,,,015,200,,,/\n49,300,2/\n98,300,1,4/\n99,300,1,6/\n");
    test::expect_failure([&] { read_bai2(summary_only); }, "bai2.detail_missing");
  }
  SECTION("truncated before the trailer") {
    text = text.substr(0, text.find("99,"));
    test::expect_failure([&] { read_bai2(text); }, "bai2.truncated");
  }
}

TEST_CASE("BAI2: malformed records give clear errors") {
  const std::string head = "01,S,R,260302,2400,F1,,,2/\n02,R,S,1,260302,9999,USD,2/\n";
  auto account = [&](std::string_view body, std::string_view trailer) {
    return head + "03,123,USD,010,0,,,015,0,,,/\n" + std::string(body) + std::string(trailer);
  };
  test::expect_failure([&] { read_bai2(account("16,195,100,X,R,C,T/\n", "")); },
                       "bai2.funds_type_invalid");
  test::expect_failure([&] { read_bai2(account("16,795,100,0,R,C,T/\n", "")); },
                       "bai2.type_code_unsupported");
  test::expect_failure(
      [&] { read_bai2(account("16,195,123456789012345678901234567890,0,R,C,T/\n", "")); },
      "statement.amount_too_long");
  test::expect_failure([&] { read_bai2(account("16,195,-100,0,R,C,T/\n", "")); },
                       "statement.amount_invalid");
  test::expect_failure([&] { read_bai2(head + "03,123,XXY,010,0,,,/\n"); },
                       "statement.currency_invalid");
  test::expect_failure([&] { read_bai2(std::string("01,S,R,260302,2400,F1,,,3/\n")); },
                       "bai2.unsupported_version");
  test::expect_failure([&] { read_bai2(std::string("02,R,S,1,260302,,USD,2/\n")); },
                       "bai2.record_out_of_order");
  test::expect_failure([&] { read_bai2(std::string("88,1/\n")); }, "bai2.record_out_of_order");
  test::expect_failure([&] { read_bai2(std::string("hello\n")); }, "bai2.record_invalid");
  test::expect_failure([&] { read_bai2(std::string_view{}); }, "bai2.truncated");
  test::expect_failure([&] { read_bai2(std::string("01,S,R,260302,2500,F1,,,2/\n")); },
                       "bai2.field_invalid");
  // A non-monetary detail (type 890, no amount) is information, not an entry.
  const auto text = account("16,890,,0,R,C,NOTE/\n", "49,0,3/\n98,0,1,5/\n99,0,1,7/\n");
  const auto s = read_bai2(text);
  CHECK(s[0].statement.entries.empty());
}

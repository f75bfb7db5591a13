// SPDX-License-Identifier: Apache-2.0
// The writers alone, at the edges the simulator's flows do not reach: JPY (no decimals), a
// debit balance, a return, and content that does not balance.
#include "statement_writers.hpp"

#include <erpc/banking/bai2_reader.hpp>
#include <erpc/banking/camt_reader.hpp>
#include <erpc/banking/mt940_reader.hpp>
#include <erpc/error.hpp>

#include <catch2/catch.hpp>

using namespace erpc::sim::bank;

namespace {

erpc::decimal dec(const char* s) { return *erpc::decimal::parse(s); }

statement_content sample(const char* currency, const char* opening, const char* amount) {
  statement_content s;
  s.message_id = "STMT20260302-7";
  s.statement_id = "20260302-ACC";
  s.sequence_number = 7;
  s.creation_date_time = "2026-03-02T20:00:00";
  s.business_date = "2026-03-02";
  s.account = {"DE44500105175407324931", "INGDDEFFXXX", currency, "Buyer AG"};
  s.opening_balance = dec(opening);
  statement_line pay;
  pay.account_servicer_reference = "B202603020000001";
  pay.amount = dec(amount);
  pay.booking_date = pay.value_date = "2026-03-02";
  pay.transactions.push_back({"MSG", "MSG-P1", "I1", "E2E-1", dec(amount), "Acme GmbH",
                              "DE89370400440532013000", "Invoice 1", "", "", {}, {}});
  s.lines.push_back(pay);
  statement_line back;
  back.kind = line_kind::return_credit;
  back.account_servicer_reference = "B202603020000002";
  back.amount = dec(amount);
  back.credit = true;
  back.booking_date = back.value_date = "2026-03-02";
  back.transactions.push_back({"MSG", "MSG-P1", "I1", "E2E-1", dec(amount), "Acme GmbH",
                               "DE89370400440532013000", "Invoice 1", "AC04", "", {}, {}});
  s.lines.push_back(back);
  s.closing_balance = computed_closing(s);
  return s;
}

}  // namespace

TEST_CASE("BAI2 in JPY carries no implied decimals and balanced control totals") {
  const auto s = sample("JPY", "-5000", "1200");
  const auto text = write_bai2(s);
  INFO(text);
  CHECK(text.find("03,DE44500105175407324931,JPY,010,-5000,,,015,-5000,,/") != std::string::npos);
  const auto read = erpc::banking::read_bai2(text);
  REQUIRE(read.size() == 1);
  const auto& st = read[0].statement;
  REQUIRE(st.entries.size() == 2);
  CHECK(st.entries[0].amount.amount == dec("1200"));
  CHECK(st.entries[0].credit_debit == "DBIT");
  CHECK(st.entries[1].credit_debit == "CRDT");
}

TEST_CASE("MT940 writes a debit opening balance with D and a decimal comma") {
  const auto s = sample("EUR", "-10.5", "3.25");
  const auto text = write_mt940(s);
  INFO(text);
  CHECK(text.find(":60F:D260302EUR10,50") != std::string::npos);
  CHECK(text.find(":61:2603020302D3,25NTRFE2E-1//B202603020000001") != std::string::npos);
  const auto read = erpc::banking::read_mt940(text);
  REQUIRE(read.size() == 1);
  REQUIRE(read[0].statement.entries.size() == 2);
  CHECK(read[0].statement.entries[1].credit_debit == "CRDT");
}

TEST_CASE("camt.053 carries the return reason of a returned payment") {
  const auto read =
      erpc::banking::read_camt(write_camt053(sample("EUR", "100", "10"), camt053_version::v08));
  REQUIRE(read.size() == 1);
  const auto& e = read[0].statement.entries.at(1);
  CHECK(e.credit_debit == "CRDT");
  REQUIRE(e.details.size() == 1);
  CHECK(e.details[0].return_reason == "AC04");
  CHECK(e.details[0].references->end_to_end_id == "E2E-1");
}

TEST_CASE("a statement that does not balance is never written") {
  auto s = sample("EUR", "100", "10");
  s.closing_balance = dec("99");
  for (auto write : {+[](const statement_content& c) { return write_mt940(c); },
                     +[](const statement_content& c) { return write_bai2(c); },
                     +[](const statement_content& c) {
                       return write_camt053(c, camt053_version::v02);
                     }}) {
    try {
      write(s);
      FAIL("written");
    } catch (const erpc::error& e) {
      CHECK(e.code() == "bank.statement_unbalanced");
    }
  }
}

TEST_CASE("an amount with more decimals than the currency has is refused in MT940 and BAI2") {
  const auto s = sample("JPY", "0", "1.5");
  CHECK_THROWS_AS(write_mt940(s), erpc::error);
  CHECK_THROWS_AS(write_bai2(s), erpc::error);
}

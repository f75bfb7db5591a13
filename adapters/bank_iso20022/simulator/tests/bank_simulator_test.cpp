// SPDX-License-Identifier: Apache-2.0
// The bank simulator end to end through its folders: every file it writes is read back by the
// existing readers of adapters/banking (pain002_reader, camt_reader, mt940_reader, bai2_reader)
// and, for camt.053 and pain.002.001.11, validated against the XSD.
#include "bank_test_support.hpp"
#include "pain001_reader.hpp"
#include "payment_test_support.hpp"  // adapters/banking/tests: REQUIRE_XSD_VALID

#include <erpc/banking/bai2_reader.hpp>
#include <erpc/banking/camt_reader.hpp>
#include <erpc/contract/bank_statement_json.hpp>
#include <erpc/banking/mt940_reader.hpp>
#include <erpc/banking/pain002_reader.hpp>
#include <erpc/error.hpp>
#include <support/raw_http.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace erpc::sim::bank::test;
using erpc::contract::payment_state;
using nlohmann::json;

namespace {

const std::string debtor = "DE44500105175407324931";

erpc::banking::pain002_report report_file(const fs::path& p) {
  return erpc::banking::read_pain002(read_text(p));
}

// The transactions of a pain.001 as the adapter remembers them (sent_transaction).
std::vector<erpc::banking::sent_transaction> sent_of(const std::string& pain001) {
  std::vector<erpc::banking::sent_transaction> out;
  for (const auto& p : erpc::sim::bank::read_pain001(pain001).payment_information) {
    for (const auto& t : p.transactions) {
      out.push_back({p.payment_information_id, t.instruction_id, t.end_to_end_id});
    }
  }
  return out;
}

std::vector<erpc::contract::payment_status> statuses(const fs::path& report,
                                                     const std::string& pain001) {
  const auto r = report_file(report);
  return erpc::banking::resolve_transaction_statuses(
      r, erpc::sim::bank::read_pain001(pain001).message_id, sent_of(pain001));
}

erpc::decimal dec(const char* s) { return *erpc::decimal::parse(s); }

// The signed balance of `type` (OPBD, CLBD) in a statement.
erpc::decimal balance(const erpc::contract::bank_statement& s, const std::string& type) {
  for (const auto& b : s.balances) {
    if (b.type == type) return b.credit_debit == "DBIT" ? -b.amount.amount : b.amount.amount;
  }
  FAIL("no balance " << type);
  return {};
}

std::vector<erpc::banking::parsed_statement> read_statement(const fs::path& p) {
  return erpc::banking::read_camt(read_text(p));
}

}  // namespace

TEST_CASE("pickup accepts the golden pain.001, end of day books it into camt.053.001.08") {
  bank_fixture f;
  const auto pain001 = test_data("pain001/supplier_run_v09.xml");
  f.send("7FC78B545B1B723061D1-1.xml", pain001);

  const auto cycle = f.bank().cycle();
  INFO(cycle.dump(2));
  REQUIRE(cycle["picked_up"].size() == 1);
  CHECK(cycle["picked_up"][0]["group_status"] == "ACCP");
  CHECK(f.files("outbound").empty());  // moved away once read
  CHECK(f.files("archive/picked-up").size() == 1);
  const auto reports = f.files("inbound", "PSR");
  REQUIRE(reports.size() == 1);
  const auto accepted = statuses(reports[0], pain001);
  REQUIRE(accepted.size() == 4);
  for (const auto& s : accepted) CHECK(s.status == payment_state::accepted);
  CHECK(report_file(reports[0]).group.bank_status == "ACCP");

  const auto eod = f.bank().end_of_day();
  INFO(eod.dump(2));
  CHECK(eod["next_business_date"] == "2026-03-03");
  const auto statements = f.files("inbound", "STMT-");
  REQUIRE(statements.size() == 2);
  for (const auto& p : statements) REQUIRE_XSD_VALID(read_text(p), "camt.053.001.08.xsd");

  const auto de = read_statement(f.files("inbound", "STMT-DE44")[0]);
  REQUIRE(de.size() == 1);
  const auto& s = de[0].statement;
  CHECK(s.format == "camt.053");
  CHECK(balance(s, "OPBD") == dec("10000.00"));
  CHECK(balance(s, "CLBD") == dec("8580.50"));  // - 1319.50 (P1, batch of 2) - 100.00 (P3)
  REQUIRE(s.entries.size() == 2);
  const auto& batch = s.entries[0];
  CHECK(batch.amount.amount == dec("1319.50"));
  CHECK(batch.credit_debit == "DBIT");
  CHECK(batch.status == "BOOK");
  REQUIRE(batch.batch);
  CHECK(batch.batch->payment_information_id == "7FC78B545B1B723061D1-1-P1");
  CHECK(batch.batch->message_id == "7FC78B545B1B723061D1-1");
  CHECK(batch.batch->number_of_transactions == 2);
  REQUIRE(batch.details.size() == 2);
  CHECK(batch.details[0].references->end_to_end_id == "7FC78B545B1B723061D1-1-E1");
  CHECK(batch.details[1].references->end_to_end_id == "7FC78B545B1B723061D1-1-E2");
  CHECK(batch.details[1].amount->amount == dec("1200.50"));

  const auto nl = read_statement(f.files("inbound", "STMT-NL91")[0]);
  CHECK(balance(nl[0].statement, "CLBD") == dec("465.10"));

  // The settlement report: ACSC for every booked payment, with the entry's bank reference.
  const auto all_reports = f.files("inbound", "PSR");
  REQUIRE(all_reports.size() == 2);
  const auto settled = statuses(all_reports[1], pain001);
  REQUIRE(settled.size() == 4);
  for (const auto& st : settled) CHECK(st.status == payment_state::settled);
  // The settlement report names no original counts or sums: it lists only what was booked.
  CHECK(read_text(all_reports[1]).find("OrgnlNbOfTxs") == std::string::npos);
  CHECK(read_text(all_reports[0]).find("<OrgnlCtrlSum>1319.50</OrgnlCtrlSum>") !=
        std::string::npos);
  CHECK(settled[0].account_servicer_reference == batch.account_servicer_reference);

  CHECK(f.effects("pain001") == 1);
  CHECK(f.effects("pain002") == 2);
  CHECK(f.effects("booking") == 4);
  CHECK(f.effects("statement") == 2);
}

TEST_CASE("opening balance of day 2 is the closing balance of day 1, payments book on their date") {
  bank_fixture f;
  f.send("a.xml", make_pain001("DAY-1", debtor, {{"E1", "250.00"}}));
  f.send("b.xml", make_pain001("DAY-2", debtor, {{"E2", "40.10"}}, true, "2026-03-03"));
  f.bank().cycle();
  f.bank().end_of_day();
  f.bank().end_of_day();
  const auto day1 = read_statement(f.root() / "inbound/STMT-DE44500105175407324931-20260302-1.xml");
  const auto day2 = read_statement(f.root() / "inbound/STMT-DE44500105175407324931-20260303-2.xml");
  CHECK(balance(day1[0].statement, "CLBD") == dec("9750.00"));
  CHECK(balance(day2[0].statement, "OPBD") == dec("9750.00"));
  CHECK(balance(day2[0].statement, "CLBD") == dec("9709.90"));
  CHECK(day1[0].statement.electronic_sequence_number == "1");
  CHECK(day2[0].statement.electronic_sequence_number == "2");
  CHECK(day1[0].identity != day2[0].identity);
}

TEST_CASE("a reused MsgId is rejected as a group with DUPL and booked only once") {
  bank_fixture f;
  const auto pain001 = make_pain001("REUSED-1", debtor, {{"E1", "10.00"}, {"E2", "20.00"}});
  f.send("first.xml", pain001);
  f.bank().cycle();
  f.send("again.xml", pain001);
  const auto second = f.bank().cycle();
  CHECK(second["picked_up"][0]["group_status"] == "RJCT");
  const auto reports = f.files("inbound", "PSR");
  REQUIRE(reports.size() == 2);
  const auto dupl = report_file(reports[1]);
  CHECK(dupl.group.bank_status == "RJCT");
  REQUIRE(dupl.group.reasons.size() == 1);
  CHECK(dupl.group.reasons[0].code == "DUPL");
  CHECK(dupl.payment_information.empty());
  for (const auto& st : statuses(reports[1], pain001)) {
    CHECK(st.status == payment_state::rejected);
  }
  f.bank().end_of_day();
  const auto s = read_statement(f.files("inbound", "STMT-DE44")[0]);
  REQUIRE(s[0].statement.entries.size() == 1);
  CHECK(balance(s[0].statement, "CLBD") == dec("9970.00"));
  CHECK(f.effects("booking") == 2);
}

TEST_CASE("rejection rules: creditor IBAN and amount threshold, a rejected payment is not booked") {
  bank_fixture f({{"rejection.creditor_accounts", "FR1420041010050500013M02606=AC01"},
                  {"rejection.amount_above", "110.00"},
                  {"pain002.version", "pain.002.001.11"}});
  const auto pain001 = test_data("pain001/supplier_run_v09.xml");
  f.send("run.xml", pain001);
  f.bank().cycle();
  const auto reports = f.files("inbound", "PSR");
  REQUIRE(reports.size() == 1);
  REQUIRE_XSD_VALID(read_text(reports[0]), "pain.002.001.11.xsd");
  const auto r = report_file(reports[0]);
  CHECK(r.version == "pain.002.001.11");
  CHECK(r.group.bank_status == "PART");
  CHECK(r.payment_information[0].status.bank_status == "RJCT");  // both of P1 refused
  const auto st = statuses(reports[0], pain001);
  REQUIRE(st.size() == 4);
  CHECK(st[0].status == payment_state::rejected);
  CHECK(st[0].reasons.at(0).code == "AM04");  // 119.00 > 110.00
  CHECK(st[1].status == payment_state::rejected);
  CHECK(st[1].reasons.at(0).code == "AC01");  // the FR creditor
  CHECK(st[2].status == payment_state::accepted);
  CHECK(st[3].status == payment_state::accepted);

  f.bank().end_of_day();
  const auto de = read_statement(f.files("inbound", "STMT-DE44")[0]);
  REQUIRE(de[0].statement.entries.size() == 1);  // P3 only
  CHECK(de[0].statement.entries[0].amount.amount == dec("100.00"));
  CHECK(balance(de[0].statement, "CLBD") == dec("9900.00"));
  CHECK(f.effects("booking") == 2);
}

TEST_CASE("pain.002.001.03 with ACTC on pickup and no settlement report") {
  bank_fixture f({{"pain002.version", "pain.002.001.03"},
                  {"status.on_pickup", "ACTC"},
                  {"status.settlement_report", false}});
  const auto pain001 = make_pain001("V03-1", debtor, {{"E1", "3.00"}});
  f.send("a.xml", pain001);
  f.bank().cycle();
  f.bank().end_of_day();
  const auto reports = f.files("inbound", "PSR");
  REQUIRE(reports.size() == 1);
  CHECK(report_file(reports[0]).version == "pain.002.001.03");
  const auto st = statuses(reports[0], pain001);
  REQUIRE(st.size() == 1);
  CHECK(st[0].status == payment_state::transmitted);  // ACTC (BANKING.md mapping)
  CHECK(st[0].bank_status == "ACTC");
  CHECK(f.effects("booking") == 1);
}

TEST_CASE("unknown debtor account, other currency and content dedupe are rejected per payment") {
  bank_fixture f({{"dedupe.content", true}, {"rejection.check_funds", true}});
  f.send("a.xml", make_pain001("M-A", "DE00999999999999999999", {{"E1", "1.00"}}));
  f.send("b.xml", make_pain001("M-B", debtor, {{"E2", "1.00", "DE89370400440532013000", "USD"}}));
  f.send("c.xml", make_pain001("M-C", debtor, {{"E3", "5.00"}, {"E3", "5.00"}}));
  f.send("d.xml", make_pain001("M-D", debtor, {{"E4", "20000.00"}}));
  f.bank().cycle();
  const auto reports = f.files("inbound", "PSR");
  REQUIRE(reports.size() == 4);
  std::vector<std::string> codes;
  for (const auto& p : reports) {
    for (const auto& pi : report_file(p).payment_information) {
      for (const auto& t : pi.transactions) {
        codes.push_back(t.status.bank_status.value_or("") +
                        (t.status.reasons.empty() ? "" : ":" + *t.status.reasons[0].code));
      }
    }
  }
  CHECK(codes == std::vector<std::string>{"RJCT:AC01", "RJCT:AM03", "ACCP", "RJCT:AM05",
                                          "RJCT:AM04"});
}

TEST_CASE("batch booking without TxDtls, and batch booking not honoured") {
  SECTION("Btch only") {
    bank_fixture f({{"batch_booking.transaction_details", false}});
    f.send("a.xml", make_pain001("B-1", debtor, {{"E1", "1.00"}, {"E2", "2.00"}, {"E3", "3.00"}}));
    f.bank().cycle();
    f.bank().end_of_day();
    const auto path = f.files("inbound", "STMT-DE44")[0];
    REQUIRE_XSD_VALID(read_text(path), "camt.053.001.08.xsd");
    const auto s = read_statement(path);
    REQUIRE(s[0].statement.entries.size() == 1);
    const auto& e = s[0].statement.entries[0];
    CHECK(e.amount.amount == dec("6.00"));
    REQUIRE(e.batch);
    CHECK(e.batch->number_of_transactions == 3);
    CHECK(e.batch->total_amount->amount == dec("6.00"));
    for (const auto& d : e.details) CHECK_FALSE((d.references && d.references->end_to_end_id));
  }
  SECTION("one entry per payment") {
    bank_fixture f({{"batch_booking.honour", false}});
    f.send("a.xml", make_pain001("B-2", debtor, {{"E1", "1.00"}, {"E2", "2.00"}}));
    f.bank().cycle();
    f.bank().end_of_day();
    const auto s = read_statement(f.files("inbound", "STMT-DE44")[0]);
    REQUIRE(s[0].statement.entries.size() == 2);
    CHECK_FALSE(s[0].statement.entries[0].batch);
    CHECK(s[0].statement.entries[1].details.at(0).references->end_to_end_id == "E2");
  }
  SECTION("BtchBookg false in the file") {
    bank_fixture f;
    f.send("a.xml", make_pain001("B-3", debtor, {{"E1", "1.00"}, {"E2", "2.00"}}, false));
    f.bank().cycle();
    f.bank().end_of_day();
    const auto s = read_statement(f.files("inbound", "STMT-DE44")[0]);
    CHECK(s[0].statement.entries.size() == 2);
  }
}

TEST_CASE("charges: netted into the entry, or a separate entry naming its payment (camt.053.001.08 and .02)") {
  SECTION("netted") {
    bank_fixture f({{"charges.per_payment", "0.50"},
                    {"charges.booking", "netted"},
                    {"statement.format", "camt.053.001.02"}});
    f.send("a.xml", make_pain001("C-1", debtor, {{"E1", "10.00"}, {"E2", "20.00"}}));
    f.bank().cycle();
    f.bank().end_of_day();
    const auto path = f.files("inbound", "STMT-DE44")[0];
    REQUIRE_XSD_VALID(read_text(path), "camt.053.001.02.xsd");
    const auto s = read_statement(path);
    const auto& e = s[0].statement.entries.at(0);
    CHECK(e.amount.amount == dec("31.00"));
    CHECK(e.details.at(0).amount->amount == dec("10.00"));
    CHECK(e.details.at(0).creditor->name == "Acme GmbH");  // .02: no <Pty>
    CHECK(balance(s[0].statement, "CLBD") == dec("9969.00"));
  }
  SECTION("separate") {
    bank_fixture f({{"charges.per_payment", "0.50"}});
    f.send("a.xml", make_pain001("C-2", debtor, {{"E1", "10.00"}, {"E2", "20.00"}}));
    f.bank().cycle();
    f.bank().end_of_day();
    const auto path = f.files("inbound", "STMT-DE44")[0];
    REQUIRE_XSD_VALID(read_text(path), "camt.053.001.08.xsd");
    const auto s = read_statement(path);
    REQUIRE(s[0].statement.entries.size() == 3);
    CHECK(s[0].statement.entries[0].amount.amount == dec("30.00"));
    CHECK(s[0].statement.entries[1].amount.amount == dec("0.50"));
    CHECK(s[0].statement.entries[1].bank_transaction_code->subfamily == "CHRG");
    CHECK(balance(s[0].statement, "CLBD") == dec("9969.00"));
    // Each charges entry names its payment as a real bank does (TxDtls/Refs), so the flow
    // matches it by reference: the payment's MsgId, PmtInfId, InstrId and EndToEndId.
    for (std::size_t i : {1u, 2u}) {
      const auto& c = s[0].statement.entries.at(i);
      CHECK(c.credit_debit == "DBIT");
      CHECK(c.bank_transaction_code->family == "MDOP");
      REQUIRE(c.details.size() == 1);
      REQUIRE(c.details[0].references);
      const auto& refs = *c.details[0].references;
      CHECK(refs.end_to_end_id == (i == 1 ? "E1" : "E2"));
      CHECK(refs.instruction_id == (i == 1 ? "I-E1" : "I-E2"));
      CHECK(refs.message_id == "C-2");
      CHECK(refs.payment_information_id == "C-2-P1");
      CHECK(c.details[0].amount->amount == dec("0.50"));
    }
  }
  SECTION("separate, camt.053.001.02") {
    bank_fixture f({{"charges.per_payment", "0.50"}, {"statement.format", "camt.053.001.02"}});
    f.send("a.xml", make_pain001("C-3", debtor, {{"E1", "10.00"}}));
    f.bank().cycle();
    f.bank().end_of_day();
    const auto path = f.files("inbound", "STMT-DE44")[0];
    REQUIRE_XSD_VALID(read_text(path), "camt.053.001.02.xsd");
    const auto s = read_statement(path);
    REQUIRE(s[0].statement.entries.size() == 2);
    const auto& c = s[0].statement.entries[1];
    CHECK(c.bank_transaction_code->subfamily == "CHRG");
    REQUIRE(c.details.size() == 1);
    CHECK(c.details[0].references->end_to_end_id == "E1");
    CHECK(c.details[0].references->message_id == "C-3");
  }
}

TEST_CASE("a USD payment from the EUR account is converted at fx.rates: the entry in EUR with "
          "AmtDtls InstdAmt USD, TxAmt EUR and CcyXchg, XSD-valid in .08 and .02, read back") {
  for (const char* format : {"camt.053.001.08", "camt.053.001.02"}) {
    DYNAMIC_SECTION(format) {
      bank_fixture f({{"fx.rates", "USD/EUR=0.9234;GBP/EUR=1.1650"},
                      {"charges.per_payment", "12.50"},
                      {"charges.booking", "netted"},
                      {"statement.format", format}});
      // 1000.05 USD × 0.9234 = 923.44617 → 923.45 EUR (half-even to cents); GBP has no EUR rate
      // the other way round, and JPY none at all: AM03.
      f.send("a.xml", make_pain001("FX-1", debtor,
                                   {{"E1", "1000.05", "DE89370400440532013000", "USD"},
                                    {"E2", "10.00", "DE89370400440532013000", "JPY"}}));
      f.bank().cycle();
      const auto reports = f.files("inbound", "PSR");
      REQUIRE(reports.size() == 1);
      const auto st = report_file(reports[0]);
      REQUIRE(st.payment_information.at(0).transactions.size() == 2);
      CHECK(st.payment_information[0].transactions[0].status.bank_status == "ACCP");
      CHECK(*st.payment_information[0].transactions[1].status.reasons.at(0).code == "AM03");
      f.bank().end_of_day();
      const auto path = f.files("inbound", "STMT-DE44")[0];
      const auto xml = read_text(path);
      REQUIRE_XSD_VALID(xml, std::string(format) + ".xsd");
      CHECK(xml.find("<InstdAmt><Amt Ccy=\"USD\">1000.05</Amt><CcyXchg><SrcCcy>USD</SrcCcy>"
                     "<TrgtCcy>EUR</TrgtCcy><UnitCcy>USD</UnitCcy><XchgRate>0.9234</XchgRate>") !=
            std::string::npos);
      const auto s = read_statement(path);
      REQUIRE(s[0].statement.entries.size() == 1);
      const auto& e = s[0].statement.entries[0];
      CHECK(e.amount == erpc::money{dec("935.95"), "EUR"});  // 923.45 + 12.50 charges
      REQUIRE(e.details.size() == 1);
      const auto& d = e.details[0];
      CHECK(d.amount == erpc::money{dec("923.45"), "EUR"});
      CHECK(d.instructed_amount == erpc::money{dec("1000.05"), "USD"});
      REQUIRE(d.currency_exchange);
      CHECK(d.currency_exchange->source_currency == "USD");
      CHECK(d.currency_exchange->target_currency == "EUR");
      CHECK(d.currency_exchange->unit_currency == "USD");
      CHECK(d.currency_exchange->rate == dec("0.9234"));
      CHECK(balance(s[0].statement, "CLBD") == dec("9064.05"));
      // The canonical JSON of the entry carries both amounts (contract fields).
      const json j = s[0].statement;
      CHECK(j["entries"][0]["details"][0]["instructed_amount"] ==
            json({{"amount", "1000.05"}, {"currency", "USD"}}));
      CHECK(j["entries"][0]["details"][0]["currency_exchange"]["rate"] == "0.9234");
    }
  }
}

TEST_CASE("fx.rates that are not FROM/TO=RATE are a configuration error") {
  bank_fixture f({{"fx.rates", "USD-EUR=0.92"}});
  f.send("a.xml", make_pain001("FX-2", debtor, {{"E1", "1.00", "DE89370400440532013000", "USD"}}));
  CHECK_THROWS_WITH(f.bank().cycle(), Catch::Contains("fx.rates"));
  f.server().context().settings().apply({{"fx.rates", "USD/EUR=-1"}});
  f.send("b.xml", make_pain001("FX-3", debtor, {{"E1", "1.00", "DE89370400440532013000", "USD"}}));
  CHECK_THROWS_WITH(f.bank().cycle(), Catch::Contains("not a positive decimal"));
}

TEST_CASE("a payment to a closed account is settled, then returned AC04 the next business day") {
  bank_fixture f({{"returns.creditor_accounts", "DE89370400440532013000"}});
  // 2026-03-06 is a Friday: the return books on Monday 2026-03-09 (TARGET days).
  f.server().context().settings().apply({{"calendar.start_date", "2026-03-06"}});
  const auto pain001 =
      make_pain001("R-1", debtor, {{"E1", "75.00"}, {"E2", "5.00", "GB82WEST12345698765432"}},
                   true, "2026-03-06");
  f.send("a.xml", pain001);
  f.bank().cycle();
  f.bank().end_of_day();
  f.bank().end_of_day();
  const auto statements = f.files("inbound", "STMT-DE44");
  REQUIRE(statements.size() == 2);
  CHECK(statements[1].filename().string().find("20260309") != std::string::npos);
  REQUIRE_XSD_VALID(read_text(statements[1]), "camt.053.001.08.xsd");
  const auto day1 = read_statement(statements[0]);
  const auto day2 = read_statement(statements[1]);
  CHECK(balance(day1[0].statement, "CLBD") == dec("9920.00"));
  CHECK(balance(day2[0].statement, "OPBD") == dec("9920.00"));
  REQUIRE(day2[0].statement.entries.size() == 1);
  const auto& back = day2[0].statement.entries[0];
  CHECK(back.credit_debit == "CRDT");
  CHECK(back.amount.amount == dec("75.00"));
  CHECK(back.details.at(0).return_reason == "AC04");
  CHECK(back.details.at(0).references->end_to_end_id == "E1");
  CHECK(balance(day2[0].statement, "CLBD") == dec("9995.00"));
  // pain.002 is not used for returns: only the pickup and the settlement report exist.
  CHECK(f.files("inbound", "PSR").size() == 2);
  CHECK(f.effects("return") == 1);
}

TEST_CASE("a converted payment that comes back: the credit names the instructed USD and the EUR "
          "it credits, at the return day's rate (returns.fx_rates), XSD-valid in .08 and .02") {
  for (const char* format : {"camt.053.001.08", "camt.053.001.02"}) {
    DYNAMIC_SECTION(format) {
      bank_fixture f({{"fx.rates", "USD/EUR=0.9234"},
                      {"returns.fx_rates", "USD/EUR=0.9100"},
                      {"returns.creditor_accounts", "DE89370400440532013000"},
                      {"statement.format", format}});
      f.send("a.xml", make_pain001("FXR-1", debtor,
                                   {{"E1", "1000.05", "DE89370400440532013000", "USD"}}));
      f.bank().cycle();
      f.bank().end_of_day();
      f.bank().end_of_day();
      const auto files = f.files("inbound", "STMT-DE44");
      REQUIRE(files.size() == 2);
      const auto xml = read_text(files[1]);
      REQUIRE_XSD_VALID(xml, std::string(format) + ".xsd");
      const auto day2 = read_statement(files[1]);
      REQUIRE(day2[0].statement.entries.size() == 1);
      const auto& back = day2[0].statement.entries[0];
      CHECK(back.credit_debit == "CRDT");
      // 1000.05 USD × 0.9100 = 910.0455 → 910.05 EUR credited (923.45 was debited).
      CHECK(back.amount == erpc::money{dec("910.05"), "EUR"});
      REQUIRE(back.details.size() == 1);
      const auto& d = back.details[0];
      CHECK(d.return_reason == "AC04");
      CHECK(d.references->end_to_end_id == "E1");
      CHECK(d.amount == erpc::money{dec("910.05"), "EUR"});
      CHECK(d.instructed_amount == erpc::money{dec("1000.05"), "USD"});
      REQUIRE(d.currency_exchange);
      CHECK(d.currency_exchange->rate == dec("0.9100"));
      CHECK(balance(day2[0].statement, "OPBD") == dec("9076.55"));
      CHECK(balance(day2[0].statement, "CLBD") == dec("9986.60"));
    }
  }
  SECTION("without returns.fx_rates the amount debited comes back") {
    bank_fixture f({{"fx.rates", "USD/EUR=0.9234"},
                    {"returns.creditor_accounts", "DE89370400440532013000"}});
    f.send("a.xml", make_pain001("FXR-2", debtor,
                                 {{"E1", "1000.05", "DE89370400440532013000", "USD"}}));
    f.bank().cycle();
    f.bank().end_of_day();
    f.bank().end_of_day();
    const auto day2 = read_statement(f.files("inbound", "STMT-DE44")[1]);
    const auto& back = day2[0].statement.entries.at(0);
    CHECK(back.amount == erpc::money{dec("923.45"), "EUR"});
    CHECK(back.details.at(0).instructed_amount == erpc::money{dec("1000.05"), "USD"});
    CHECK(balance(day2[0].statement, "CLBD") == dec("10000.00"));
  }
}

TEST_CASE("camt.053.001.02 with a return and separate charges is valid and reads back") {
  bank_fixture f({{"statement.format", "camt.053.001.02"},
                  {"charges.per_payment", "0.20"},
                  {"returns.creditor_accounts", "DE89370400440532013000=AC04"}});
  f.send("a.xml", make_pain001("V02-1", debtor, {{"E1", "12.00"}}));
  f.bank().cycle();
  f.bank().end_of_day();
  f.bank().end_of_day();
  const auto files = f.files("inbound", "STMT-DE44");
  REQUIRE(files.size() == 2);
  for (const auto& p : files) REQUIRE_XSD_VALID(read_text(p), "camt.053.001.02.xsd");
  const auto day2 = read_statement(files[1]);
  CHECK(day2[0].statement.format == "camt.053");
  REQUIRE(day2[0].statement.entries.size() == 1);
  const auto& back = day2[0].statement.entries[0];
  CHECK(back.details.at(0).return_reason == "AC04");
  CHECK(back.details.at(0).debtor->name == "Acme GmbH");
  CHECK(balance(day2[0].statement, "OPBD") == dec("9987.80"));
  CHECK(balance(day2[0].statement, "CLBD") == dec("9999.80"));
}

TEST_CASE("MT940 statements read back with balances, references and the EndToEndId") {
  bank_fixture f({{"statement.format", "mt940"}, {"batch_booking.honour", false},
                  {"returns.creditor_accounts", "DE89370400440532013000"}});
  f.send("a.xml", make_pain001("MT-1", debtor, {{"E2E-LONGER-THAN-16-CHARS", "1234.56"},
                                                {"E2", "0.44", "GB82WEST12345698765432"}}));
  f.bank().cycle();
  f.bank().end_of_day();
  f.bank().end_of_day();
  const auto files = f.files("inbound", "STMT-DE44");
  REQUIRE(files.size() == 2);
  CHECK(files[0].extension() == ".sta");
  const auto text = read_text(files[0]);
  INFO(text);
  CHECK(text.find(":60F:C260302EUR10000,00") != std::string::npos);
  CHECK(text.find("D1234,56NTRFNONREF//") != std::string::npos);
  const auto day1 = erpc::banking::read_mt940(text);
  REQUIRE(day1.size() == 1);
  CHECK(balance(day1[0].statement, "CLBD") == dec("8765.00"));
  REQUIRE(day1[0].statement.entries.size() == 2);
  CHECK(day1[0].statement.entries[0].details.at(0).references->end_to_end_id ==
        "E2E-LONGER-THAN-16-CHARS");
  const auto day2 = erpc::banking::read_mt940(read_text(files[1]));
  CHECK(balance(day2[0].statement, "OPBD") == dec("8765.00"));
  CHECK(balance(day2[0].statement, "CLBD") == dec("9999.56"));
  CHECK(day1[0].identity != day2[0].identity);
}

TEST_CASE("BAI2 statements read back with control totals and balances") {
  bank_fixture f({{"statement.format", "bai2"}, {"charges.per_payment", "1.25"}});
  f.send("a.xml", make_pain001("BAI-1", debtor, {{"E1", "100.00"}, {"E2", "0.10"}}));
  f.bank().cycle();
  f.bank().end_of_day();
  const auto files = f.files("inbound", "STMT-DE44");
  REQUIRE(files.size() == 1);
  CHECK(files[0].extension() == ".bai");
  const auto text = read_text(files[0]);
  INFO(text);
  const auto read = erpc::banking::read_bai2(text);  // checks 49/98/99 totals and counts
  REQUIRE(read.size() == 1);
  const auto& s = read[0].statement;
  CHECK(balance(s, "OPBD") == dec("10000.00"));
  CHECK(balance(s, "CLBD") == dec("9897.40"));
  REQUIRE(s.entries.size() == 3);
  CHECK(s.entries[0].amount.amount == dec("100.10"));
  CHECK(s.entries[1].amount.amount == dec("1.25"));
}

TEST_CASE("hostile pain.001 files go to rejected/ with a clear error, the good one is still read") {
  bank_fixture f({{"pickup.max_bytes", 4096}});
  f.send("1-dtd.xml", test_data("hostile/billion_laughs.xml"));
  f.send("2-garbage.xml", test_data("hostile/garbage.xml"));
  f.send("3-huge.xml", std::string(10000, ' ') + make_pain001("H-0", debtor, {{"E0", "1.00"}}));
  f.send("4-good.xml", make_pain001("H-1", debtor, {{"E1", "1.00"}}));
  const auto cycle = f.bank().cycle();
  INFO(cycle.dump(2));
  REQUIRE(cycle["rejected_files"].size() == 3);
  CHECK(cycle["rejected_files"][0]["code"] == "pain001.dtd_forbidden");
  CHECK(cycle["rejected_files"][1]["code"] == "pain001.xml_malformed");
  CHECK(cycle["rejected_files"][2]["code"] == "pain001.too_large");
  REQUIRE(cycle["picked_up"].size() == 1);
  CHECK(f.files("outbound").empty());
  CHECK(f.files("archive/rejected", "1-dtd.xml").size() == 2);  // the file and its .error.json
  const auto error = json::parse(read_text(f.root() / "archive/rejected/1-dtd.xml.error.json"));
  CHECK(error["code"] == "pain001.dtd_forbidden");
  CHECK(f.files("inbound", "PSR").size() == 1);
  CHECK(f.effects("rejected_file") == 3);
  // And the simulator keeps running.
  f.send("5-good.xml", make_pain001("H-2", debtor, {{"E2", "1.00"}}));
  CHECK(f.bank().cycle()["picked_up"].size() == 1);
}

TEST_CASE("a pain.001 with a wrong count is answered RJCT FF01, resubmission needs a new MsgId") {
  bank_fixture f;
  auto bad = make_pain001("FF-1", debtor, {{"E1", "1.00"}});
  bad.replace(bad.find("<NbOfTxs>1</NbOfTxs><InitgPty>"), 20, "<NbOfTxs>2</NbOfTxs>");
  f.send("bad.xml", bad);
  const auto cycle = f.bank().cycle();
  INFO(cycle.dump(2));
  REQUIRE(cycle["rejected_files"].size() == 1);
  CHECK(cycle["rejected_files"][0]["code"] == "pain001.count_mismatch");
  const auto reports = f.files("inbound", "PSR");
  REQUIRE(reports.size() == 1);
  const auto r = report_file(reports[0]);
  CHECK(r.original_message_id == "FF-1");
  CHECK(r.group.bank_status == "RJCT");
  CHECK(r.group.reasons.at(0).code == "FF01");

  f.send("same-id.xml", make_pain001("FF-1", debtor, {{"E1", "1.00"}}));
  f.send("new-id.xml", make_pain001("FF-2", debtor, {{"E1", "1.00"}}));
  const auto again = f.bank().cycle();
  INFO(again.dump(2));
  REQUIRE(again["picked_up"].size() == 2);
  CHECK(again["picked_up"][0]["message_id"] == "FF-2");  // name order: new-id, same-id
  CHECK(again["picked_up"][0]["group_status"] == "ACCP");
  CHECK(again["picked_up"][1]["group_status"] == "RJCT");
  f.bank().end_of_day();
  CHECK(f.effects("booking") == 1);
}

TEST_CASE("rejection.file_format_report off: a refused file gets no answer") {
  bank_fixture f({{"rejection.file_format_report", false}});
  auto bad = make_pain001("FF-3", debtor, {{"E1", "1.00"}});
  bad.replace(bad.find(">1.00<"), 6, ">1.0x<");
  f.send("bad.xml", bad);
  CHECK(f.bank().cycle()["rejected_files"][0]["code"] == "pain001.amount_invalid");
  CHECK(f.files("inbound", "PSR").empty());
}

TEST_CASE("every kind of pain.002.001.11 the bank sends is valid against the XSD") {
  bank_fixture f({{"pain002.version", "pain.002.001.11"},
                  {"rejection.creditor_accounts", "GB82WEST12345698765432=AC04"}});
  const auto mixed = make_pain001("X-1", debtor, {{"E1", "1.00"},
                                                  {"E2", "2.00", "GB82WEST12345698765432"}});
  f.send("1.xml", mixed);                                           // PART: ACCP + RJCT AC04
  f.send("2.xml", mixed);                                           // RJCT DUPL
  auto bad = make_pain001("X-2", debtor, {{"E1", "1.00"}});
  f.send("3.xml", bad.replace(bad.find(">1.00<"), 6, ">1.0x<"));  // RJCT FF01
  f.bank().cycle();
  f.bank().end_of_day();                                            // ACSC
  const auto reports = f.files("inbound", "PSR");
  REQUIRE(reports.size() == 4);
  std::vector<std::string> group_statuses;
  for (const auto& p : reports) {
    REQUIRE_XSD_VALID(read_text(p), "pain.002.001.11.xsd");
    group_statuses.push_back(report_file(p).group.bank_status.value_or("-"));
  }
  CHECK(group_statuses == std::vector<std::string>{"PART", "RJCT", "RJCT", "-"});
}

TEST_CASE("routes: POST /bank/cycle, /bank/end-of-day, GET /bank/accounts, reset") {
  bank_fixture f;
  f.server().start();
  f.send("a.xml", make_pain001("HTTP-1", debtor, {{"E1", "2.00"}}));
  const auto cycle = erpc::testing::raw_http(f.server().port(), "POST", "/bank/cycle");
  REQUIRE(cycle.status == 200);
  CHECK(json::parse(cycle.body)["picked_up"].size() == 1);
  const auto eod = erpc::testing::raw_http(f.server().port(), "POST", "/bank/end-of-day");
  REQUIRE(eod.status == 200);
  const auto accounts = erpc::testing::raw_http(f.server().port(), "GET", "/bank/accounts");
  const auto a = json::parse(accounts.body);
  CHECK(a["accounts"][0]["balance"] == "9998.00");
  CHECK(a["business_date"] == "2026-03-03");
  const auto effects = erpc::testing::raw_http(f.server().port(), "GET", "/_sim/effects");
  CHECK(json::parse(effects.body)["count"].get<int>() >= 4);

  erpc::testing::raw_http(f.server().port(), "POST", "/_sim/reset");
  const auto after = json::parse(
      erpc::testing::raw_http(f.server().port(), "GET", "/bank/accounts").body);
  CHECK(after["accounts"][0]["balance"] == "10000.00");

  f.server().context().settings().apply({{"folders.outbound", ""}});
  const auto refused = erpc::testing::raw_http(f.server().port(), "POST", "/bank/cycle");
  CHECK(refused.status >= 400);
  CHECK(json::parse(refused.body)["code"] == "bank.folder_not_set");
}

TEST_CASE("poll.interval_ms runs cycles without a request") {
  bank_fixture f({{"poll.interval_ms", 20}});
  f.send("a.xml", make_pain001("POLL-1", debtor, {{"E1", "2.00"}}));
  for (int i = 0; i < 200 && f.files("inbound", "PSR").empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(f.files("inbound", "PSR").size() == 1);
}

TEST_CASE("poll.end_of_day_interval_ms writes statements without a request") {
  bank_fixture f({{"poll.interval_ms", 10}, {"poll.end_of_day_interval_ms", 150}});
  f.send("a.xml", make_pain001("POLL-2", debtor, {{"E1", "2.00"}}));
  for (int i = 0; i < 300 && f.files("inbound", "STMT-DE44").empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  f.server().context().settings().apply(
      {{"poll.interval_ms", 0}, {"poll.end_of_day_interval_ms", 0}});
  const auto statements = f.files("inbound", "STMT-DE44");
  REQUIRE_FALSE(statements.empty());
  const auto s = read_statement(statements[0]);
  CHECK(balance(s[0].statement, "OPBD") == dec("10000.00"));
}

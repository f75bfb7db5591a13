#include <erpc/banking/camt_reader.hpp>
#include <erpc/banking/statement_identity.hpp>

#include "statement_test_support.hpp"

using namespace erpc;
using namespace erpc::banking;

TEST_CASE("camt.053.001.08: the vendors.md skeleton, golden") {
  const auto statements = read_camt(test::fixture("camt053_v08_vendors_skeleton.xml"));
  REQUIRE(statements.size() == 1);
  const auto& p = statements[0];
  const auto j = test::checked_json(p.statement);
  const auto expected = nlohmann::json::parse(R"({
    "external_refs": {}, "source": {"system": "bank_file"}, "kind": "statement",
    "format": "camt.053", "message_id": "STMT-20260302-001",
    "statement_id": "20260302-DE44500105175407324931", "electronic_sequence_number": "61",
    "from_date": "2026-03-02", "to_date": "2026-03-02",
    "account": {"iban": "DE44500105175407324931", "currency": "EUR"},
    "balances": [
      {"type": "OPBD", "amount": {"amount": "1000.00", "currency": "EUR"}, "credit_debit": "CRDT", "date": "2026-03-02"},
      {"type": "CLBD", "amount": {"amount": "881.00", "currency": "EUR"}, "credit_debit": "CRDT", "date": "2026-03-02"}],
    "entries": [{
      "amount": {"amount": "119.00", "currency": "EUR"}, "credit_debit": "DBIT", "status": "BOOK",
      "booking_date": "2026-03-02", "value_date": "2026-03-02",
      "account_servicer_reference": "2026030212345",
      "bank_transaction_code": {"domain": "PMNT", "family": "ICDT", "subfamily": "ESCT"},
      "details": [{
        "references": {"message_id": "PAIN-20260301-7", "payment_information_id": "PMTINF-1",
                       "end_to_end_id": "E2E-INV-2026-0042"},
        "creditor": {"name": "Acme GmbH"},
        "creditor_account": {"iban": "DE89370400440532013000"},
        "remittance": {"unstructured": "INV-2026-0042"}}]}]
  })");
  CHECK(j == expected);
  CHECK(p.disposition == statement_disposition::book);
  CHECK(p.identity ==
        "camt.053|iban\\|DE44500105175407324931|20260302-DE44500105175407324931|61|");
  REQUIRE(p.entry_identities.size() == 1);
  CHECK(p.entry_identities[0] ==
        "entry|iban\\|DE44500105175407324931|2026030212345|2026-03-02|119|EUR|DBIT");
}

TEST_CASE("camt: 3 payments booked as one entry, with and without TxDtls") {
  const auto statements = read_camt(test::fixture("camt053_v08_batch_booking.xml"));
  REQUIRE(statements.size() == 1);
  const auto& s = statements[0].statement;
  test::checked_json(s);
  REQUIRE(s.entries.size() == 3);

  const auto& with_details = s.entries[0];
  REQUIRE(with_details.batch);
  CHECK(with_details.batch->number_of_transactions == 3);
  CHECK(with_details.batch->payment_information_id == "PMTINF-9");
  CHECK(with_details.batch->total_amount->amount.to_string() == "600.00");
  REQUIRE(with_details.details.size() == 3);
  CHECK(with_details.details[0].references->end_to_end_id == "E2E-INV-0101");
  CHECK(with_details.details[0].references->uetr == "1b4e28ba-2fa1-41d2-883f-0016d3cca427");
  CHECK(with_details.details[1].amount->amount.to_string() == "200.00");
  CHECK(with_details.details[1].creditor->name == "Beta GmbH");
  CHECK(with_details.details[2].references->instruction_id == "INSTR-0103");
  CHECK(with_details.details[2].remittance->structured->creditor_reference->reference ==
        "RF18539007547034");

  const auto& without_details = s.entries[1];
  REQUIRE(without_details.batch);
  CHECK(without_details.batch->number_of_transactions == 3);
  CHECK(without_details.details.empty());

  // The PDNG entry is reported but left out of the balance check: 881.00 − 600.00 − 400.50.
  CHECK(s.entries[2].status == "PDNG");
  CHECK_FALSE(s.entries[2].booking_date);
  CHECK(s.balances[1].credit_debit == "DBIT");
  CHECK(s.balances[1].amount.amount.to_string() == "119.50");
  // No AcctSvcrRef/booking date: the entry is identified by its content.
  CHECK(statements[0].entry_identities[2].find("|content:") != std::string::npos);
}

TEST_CASE("camt: an RF reference with wrong check digits is kept as remittance text") {
  // Found by fuzz_camt_statement: the reader handed over a structured RF reference the contract
  // refuses (ISO 11649 mod-97), so a whole statement would have been lost downstream.
  auto text = test::fixture("camt053_v08_batch_booking.xml");
  test::replace_once(text, "<Ref>RF18539007547034</Ref>", "<Ref>RF19539007547034</Ref>");
  const auto statements = read_camt(text);
  REQUIRE(statements.size() == 1);
  test::checked_json(statements[0].statement);
  const auto& detail = statements[0].statement.entries[0].details[2];
  REQUIRE(detail.remittance);
  CHECK_FALSE(detail.remittance->structured);
  CHECK(detail.remittance->unstructured == "RF19539007547034");
}

TEST_CASE("camt: a batch whose TxDtls disagree with NbOfTxs or TtlAmt fails loudly") {
  auto text = test::fixture("camt053_v08_batch_booking.xml");
  SECTION("count") {
    test::replace_once(text, "<NbOfTxs>3</NbOfTxs><TtlAmt Ccy=\"EUR\">600.00",
                       "<NbOfTxs>4</NbOfTxs><TtlAmt Ccy=\"EUR\">600.00");
    const auto e = test::expect_failure([&] { read_camt(text); }, "camt.batch_count_mismatch");
    CHECK(test::line_of(e) == "/line/18");
  }
  SECTION("total") {
    test::replace_once(text, "<TtlAmt Ccy=\"EUR\">600.00", "<TtlAmt Ccy=\"EUR\">600.01");
    test::expect_failure([&] { read_camt(text); }, "camt.batch_total_mismatch");
  }
}

TEST_CASE("camt.053.001.02: two statements, Othr/Id, reversal, bare Sts, 5 decimals") {
  const auto statements = read_camt(test::fixture("camt053_v02_two_statements.xml"));
  REQUIRE(statements.size() == 2);
  const auto& a = statements[0].statement;
  const auto& b = statements[1].statement;
  test::checked_json(a);
  test::checked_json(b);

  CHECK(a.statement_id == "V02-A-20260302");
  CHECK(a.balances.size() == 2);  // the proprietary balance type is not an opening or closing
  CHECK(a.balances[0].type == "PRCD");
  CHECK(a.balances[0].credit_debit == "DBIT");
  CHECK(a.balances[1].amount.amount.to_string() == "1190.12345");
  CHECK(a.balances[1].date == "2026-03-02");
  REQUIRE(a.entries.size() == 4);
  CHECK(a.entries[0].status == "BOOK");
  CHECK(a.entries[0].booking_date == "2026-03-02");  // DtTm 00:30+01:00, not shifted to the 1st
  CHECK(a.entries[0].details[0].amount->amount.to_string() == "1250.12345");
  CHECK(a.entries[0].details[0].debtor->name == "Customer AG");
  CHECK(a.entries[0].details[0].debtor_account->other->id == "12-3456-7");
  CHECK(a.entries[0].details[0].references->mandate_id == "MNDT-9");
  CHECK(a.entries[0].bank_transaction_code->proprietary->issuer == "BANK");
  // A reversal keeps the sign CdtDbtInd gives it.
  CHECK(a.entries[1].reversal == true);
  CHECK(a.entries[1].credit_debit == "DBIT");
  CHECK(a.entries[2].amount.amount.is_zero());
  CHECK(a.entries[3].status == "INFO");

  CHECK(b.account.other->id == "0042-778899");
  CHECK(b.account.other->scheme == "BBAN");
  CHECK_FALSE(b.account.iban);
  // The account key is one part: its own separators are escaped.
  CHECK(statements[1].identity == "camt.053|other\\|BBAN\\|0042-778899|V02-B-20260302|4|");
  CHECK(statements[0].identity != statements[1].identity);
}

TEST_CASE("camt: a DUPL copy has the original's identity and never books") {
  const auto statements = read_camt(test::fixture("camt053_v04_dupl_copy.xml"));
  REQUIRE(statements.size() == 1);
  const auto& p = statements[0];
  test::checked_json(p.statement);
  CHECK(p.statement.copy_duplicate == "DUPL");
  CHECK(p.disposition == statement_disposition::copy);
  CHECK(p.statement.page->number == 1);
  CHECK(p.statement.page->last);
  CHECK(p.statement.account.bic == "POFICHBEXXX");
  CHECK(p.statement.account_owner->name == "Muster AG");

  // The same file without the copy marker is the original: same statement, same entries.
  auto original = test::fixture("camt053_v04_dupl_copy.xml");
  test::replace_once(original, "<CpyDplctInd>DUPL</CpyDplctInd>", "");
  const auto first = read_camt(original);
  CHECK(first[0].disposition == statement_disposition::book);
  CHECK(first[0].identity == p.identity);
  CHECK(first[0].entry_identities == p.entry_identities);
}

TEST_CASE("camt: a PDNG entry in camt.052 and its BOOK entry in camt.053") {
  const auto pending = read_camt(test::fixture("camt052_v08_pending.xml"));
  const auto booked = read_camt(test::fixture("camt053_v08_booked_after_pending.xml"));
  REQUIRE(pending.size() == 1);
  REQUIRE(booked.size() == 1);
  test::checked_json(pending[0].statement);
  test::checked_json(booked[0].statement);
  CHECK(pending[0].statement.kind == "intraday_report");
  CHECK(pending[0].statement.format == "camt.052");
  CHECK(pending[0].statement.entries[0].status == "PDNG");
  CHECK(booked[0].statement.entries[0].status == "BOOK");
  // The two share the bank reference, amount and sign: the booked entry replaces the pending
  // one (the booking step matches them; statement_identity.hpp).
  CHECK(pending[0].statement.entries[0].account_servicer_reference ==
        booked[0].statement.entries[0].account_servicer_reference);
  CHECK(pending[0].identity != booked[0].identity);
}

TEST_CASE("camt: opening + BOOK entries = closing, to the cent") {
  auto text = test::fixture("camt053_v08_vendors_skeleton.xml");
  SECTION("closing off by one cent") {
    test::replace_once(text, "<Amt Ccy=\"EUR\">881.00</Amt>", "<Amt Ccy=\"EUR\">881.01</Amt>");
    const auto e = test::expect_failure([&] { read_camt(text); }, "statement.balance_mismatch");
    CHECK(test::line_of(e) == "/line/12");  // the CLBD balance
    CHECK(e.message().find("881.01") != std::string::npos);
  }
  SECTION("entry off by one cent") {
    test::replace_once(text, "<Amt Ccy=\"EUR\">119.00</Amt>", "<Amt Ccy=\"EUR\">119.01</Amt>");
    test::expect_failure([&] { read_camt(text); }, "statement.balance_mismatch");
  }
  SECTION("sign flipped") {
    test::replace_once(text, "<CdtDbtInd>DBIT</CdtDbtInd><Sts>",
                       "<CdtDbtInd>CRDT</CdtDbtInd><Sts>");
    test::expect_failure([&] { read_camt(text); }, "statement.balance_mismatch");
  }
  SECTION("a BOOK entry made PDNG no longer adds up") {
    test::replace_once(text, "<Cd>BOOK</Cd>", "<Cd>PDNG</Cd>");
    test::expect_failure([&] { read_camt(text); }, "statement.balance_mismatch");
  }
}

TEST_CASE("camt: inconsistent or incomplete input is named, with its line") {
  auto text = test::fixture("camt053_v08_vendors_skeleton.xml");
  SECTION("currency of an entry differs from the account") {
    test::replace_once(text, "<Amt Ccy=\"EUR\">119.00", "<Amt Ccy=\"USD\">119.00");
    const auto e = test::expect_failure([&] { read_camt(text); }, "statement.currency_mismatch");
    CHECK(test::line_of(e) == "/line/13");  // the entry
  }
  SECTION("unknown currency") {
    test::replace_once(text, "<Amt Ccy=\"EUR\">119.00", "<Amt Ccy=\"EUX\">119.00");
    test::expect_failure([&] { read_camt(text); }, "statement.currency_invalid");
  }
  SECTION("entry status outside BOOK/PDNG/INFO/FUTR") {
    test::replace_once(text, "<Cd>BOOK</Cd>", "<Cd>DONE</Cd>");
    test::expect_failure([&] { read_camt(text); }, "camt.entry_status_unsupported");
  }
  SECTION("entry without CdtDbtInd") {
    test::replace_once(text, "<CdtDbtInd>DBIT</CdtDbtInd><Sts>", "<Sts>");
    test::expect_failure([&] { read_camt(text); }, "camt.missing_element");
  }
  SECTION("IBAN with a wrong check digit") {
    test::replace_once(text, "<IBAN>DE44500105175407324931</IBAN>",
                       "<IBAN>DE45500105175407324931</IBAN>");
    const auto e = test::expect_failure([&] { read_camt(text); }, "statement.iban_invalid");
    CHECK(e.message().find("DE44500105175407324931") == std::string::npos);
  }
  SECTION("an invalid calendar date") {
    test::replace_once(text, "<BookgDt><Dt>2026-03-02</Dt>", "<BookgDt><Dt>2026-02-30</Dt>");
    test::expect_failure([&] { read_camt(text); }, "statement.date_invalid");
  }
  SECTION("a reference longer than Max35Text") {
    test::replace_once(text, "<AcctSvcrRef>2026030212345</AcctSvcrRef>",
                       "<AcctSvcrRef>" + std::string(36, 'R') + "</AcctSvcrRef>");
    test::expect_failure([&] { read_camt(text); }, "camt.value_too_long");
  }
  SECTION("a pain.001 is not a statement") {
    test::replace_once(text, "xsd:camt.053.001.08", "xsd:pain.001.001.09");
    test::expect_failure([&] { read_camt(text); }, "camt.not_camt");
  }
  SECTION("an unknown camt version") {
    test::replace_once(text, "xsd:camt.053.001.08", "xsd:camt.053.001.99");
    test::expect_failure([&] { read_camt(text); }, "camt.unsupported_version");
  }
  SECTION("an element in a foreign namespace") {
    test::replace_once(text, "<AcctSvcrRef>", "<x:AcctSvcrRef xmlns:x=\"urn:other\">");
    test::replace_once(text, "</AcctSvcrRef>", "</x:AcctSvcrRef>");
    test::expect_failure([&] { read_camt(text); }, "camt.unexpected_namespace");
  }
}

TEST_CASE("camt: a statement split over pages checks each page through ITBD") {
  auto page1 = test::fixture("camt053_v08_vendors_skeleton.xml");
  test::replace_once(page1, "<ElctrncSeqNb>61</ElctrncSeqNb>",
                     "<StmtPgntn><PgNb>1</PgNb><LastPgInd>false</LastPgInd></StmtPgntn>"
                     "<ElctrncSeqNb>61</ElctrncSeqNb>");
  test::replace_once(page1, "<Cd>CLBD</Cd>", "<Cd>ITBD</Cd>");
  const auto pages = read_camt(page1);
  REQUIRE(pages.size() == 1);
  test::checked_json(pages[0].statement);
  CHECK(pages[0].statement.page->number == 1);
  CHECK_FALSE(pages[0].statement.page->last);
  CHECK(pages[0].identity.substr(pages[0].identity.size() - 2) == "|1");

  test::replace_once(page1, "<Amt Ccy=\"EUR\">881.00</Amt>", "<Amt Ccy=\"EUR\">880.00</Amt>");
  test::expect_failure([&] { read_camt(page1); }, "statement.balance_mismatch");
}

TEST_CASE("camt: reading from a stream gives the same statements as from memory") {
  const auto text = test::fixture("camt053_v02_two_statements.xml");
  std::istringstream in(text);
  collecting_sink sink;
  read_camt(in, sink);
  const auto from_memory = read_camt(text);
  REQUIRE(sink.statements().size() == from_memory.size());
  for (std::size_t i = 0; i < from_memory.size(); ++i) {
    CHECK(nlohmann::json(sink.statements()[i].statement) ==
          nlohmann::json(from_memory[i].statement));
    CHECK(sink.statements()[i].entry_identities == from_memory[i].entry_identities);
  }
}

TEST_CASE("camt: identical entries without a bank reference stay two entries") {
  auto text = test::fixture("camt053_v02_two_statements.xml");
  const std::string card =
      "<Ntry><Amt Ccy=\"USD\">25.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
      "<BookgDt><Dt>2026-03-02</Dt></BookgDt><BkTxCd><Prtry><Cd>CARD</Cd></Prtry></BkTxCd></Ntry>";
  test::replace_once(text, "<Amt Ccy=\"USD\">25.5</Amt>", "<Amt Ccy=\"USD\">51.00</Amt>");
  const std::string end = "\n  </Stmt>\n </BkToCstmrStmt>";
  test::replace_once(text, "</Ntry>" + end, "</Ntry>" + card + end);
  const auto statements = read_camt(text);
  const auto& ids = statements[1].entry_identities;
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] != ids[1]);
  CHECK(ids[0].substr(0, ids[0].size() - 1) == ids[1].substr(0, ids[1].size() - 1));
}

TEST_CASE("camt: a converted payment's AmtDtls (InstdAmt, TxAmt, CcyXchg) is read, and a "
          "CcyXchg without its rate fails") {
  auto text = test::fixture("camt053_v08_vendors_skeleton.xml");
  const std::string refs_end = "<EndToEndId>E2E-INV-2026-0042</EndToEndId></Refs>";
  SECTION("InstdAmt with its CcyXchg") {
    test::replace_once(text, refs_end,
                       refs_end + "<Amt Ccy=\"EUR\">119.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                                  "<AmtDtls><InstdAmt><Amt Ccy=\"USD\">128.87</Amt><CcyXchg>"
                                  "<SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy><UnitCcy>USD</UnitCcy>"
                                  "<XchgRate>0.923411</XchgRate><CtrctId>FX-77</CtrctId></CcyXchg>"
                                  "</InstdAmt><TxAmt><Amt Ccy=\"EUR\">119.00</Amt></TxAmt></AmtDtls>");
    const auto statements = read_camt(text);
    test::checked_json(statements[0].statement);  // valid against the contract schema
    const auto& d = statements[0].statement.entries.at(0).details.at(0);
    CHECK(d.amount == money{*decimal::parse("119.00"), "EUR"});
    CHECK(d.instructed_amount == money{*decimal::parse("128.87"), "USD"});
    REQUIRE(d.currency_exchange);
    CHECK(d.currency_exchange->source_currency == "USD");
    CHECK(d.currency_exchange->target_currency == "EUR");
    CHECK(d.currency_exchange->unit_currency == "USD");
    CHECK(d.currency_exchange->rate == *decimal::parse("0.923411"));
    CHECK(d.currency_exchange->contract_id == "FX-77");
  }
  SECTION("only TxAmt carries the CcyXchg (and .02 puts the amount there)") {
    test::replace_once(text, refs_end,
                       refs_end + "<AmtDtls><TxAmt><Amt Ccy=\"EUR\">119.00</Amt><CcyXchg>"
                                  "<SrcCcy>GBP</SrcCcy><XchgRate>1.165</XchgRate></CcyXchg></TxAmt>"
                                  "</AmtDtls>");
    const auto statements = read_camt(text);
    test::checked_json(statements[0].statement);
    const auto& d = statements[0].statement.entries.at(0).details.at(0);
    CHECK(d.amount == money{*decimal::parse("119.00"), "EUR"});
    CHECK_FALSE(d.instructed_amount);
    REQUIRE(d.currency_exchange);
    CHECK(d.currency_exchange->source_currency == "GBP");
    CHECK_FALSE(d.currency_exchange->target_currency);
    CHECK(d.currency_exchange->rate == *decimal::parse("1.165"));
  }
  SECTION("no XchgRate") {
    test::replace_once(text, refs_end,
                       refs_end + "<AmtDtls><InstdAmt><Amt Ccy=\"USD\">128.87</Amt><CcyXchg>"
                                  "<SrcCcy>USD</SrcCcy></CcyXchg></InstdAmt></AmtDtls>");
    test::expect_failure([&] { read_camt(text); }, "camt.missing_element");
  }
  SECTION("a negative rate") {
    test::replace_once(text, refs_end,
                       refs_end + "<AmtDtls><InstdAmt><Amt Ccy=\"USD\">128.87</Amt><CcyXchg>"
                                  "<SrcCcy>USD</SrcCcy><XchgRate>-0.92</XchgRate></CcyXchg>"
                                  "</InstdAmt></AmtDtls>");
    test::expect_failure([&] { read_camt(text); }, "statement.amount_invalid");
  }
  SECTION("a source currency that is not ISO 4217") {
    test::replace_once(text, refs_end,
                       refs_end + "<AmtDtls><InstdAmt><Amt Ccy=\"USD\">128.87</Amt><CcyXchg>"
                                  "<SrcCcy>usd</SrcCcy><XchgRate>0.92</XchgRate></CcyXchg>"
                                  "</InstdAmt></AmtDtls>");
    test::expect_failure([&] { read_camt(text); }, "statement.currency_invalid");
  }
}

#include <erpc/banking/pain001_writer.hpp>
#include <erpc/banking/sepa_rules.hpp>

#include "payment_test_support.hpp"

#include <regex>
#include <set>

using namespace erpc;
using namespace erpc::banking;
using erpc::banking::test::batch_fixture;
using erpc::banking::test::check_golden;
using erpc::banking::test::has_field;
using erpc::banking::test::validation_error;

namespace {

pain001_options options_for(pain001_version v, pain001_usage u) {
  pain001_options o;
  o.version = v;
  o.usage = u;
  o.idempotency_key = "netsuite:payment-run:PR-2026-0301";
  o.generation = 1;
  o.creation_date_time = "2026-03-01T10:15:00";
  return o;
}

std::vector<std::string> all(const std::string& xml, const std::string& element) {
  std::vector<std::string> out;
  const std::regex re("<" + element + "(?: [^>]*)?>([^<]*)</" + element + ">");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

std::size_t count(const std::string& xml, const std::string& open_tag) {
  std::size_t n = 0;
  for (auto p = xml.find(open_tag); p != std::string::npos; p = xml.find(open_tag, p + 1)) ++n;
  return n;
}

// vendors.md §6.2: the EPC XSD is a restriction of .09; CGI-MP output uses only elements .09
// and .10 share, so it is checked against .10 with the namespace swapped (see xsd/SOURCE.txt).
std::string as_v10(std::string xml) {
  const std::string from = "pain.001.001.09";
  xml.replace(xml.find(from), from.size(), "pain.001.001.10");
  return xml;
}

}  // namespace

TEST_CASE("pain.001 SEPA .09: valid against the EPC XSD, golden, totals and PmtInf split") {
  const auto batch = batch_fixture("pain/batch_supplier_run.json");
  const auto doc = write_pain001(batch, options_for(pain001_version::v09, pain001_usage::sepa));
  REQUIRE_XSD_VALID(doc.xml, "pain.001.001.09-EPC132-08-2023-SCT.xsd");
  check_golden(doc.xml, "pain/golden_supplier_run_v09_sepa.xml");

  // GrpHdr: the count and the plain sum (119.00 + 1200.50 + 34.90 + 100.00).
  CHECK(doc.number_of_transactions == 4);
  CHECK(doc.control_sum.to_string() == "1454.40");
  CHECK(all(doc.xml, "NbOfTxs").front() == "4");
  CHECK(all(doc.xml, "CtrlSum").front() == "1454.40");
  CHECK(doc.message_name == "pain.001.001.09");

  // Split by debtor account (payment 3 has its own) and category purpose (payment 4): three
  // blocks, the first with payments 1 and 2 in batch order.
  REQUIRE(doc.payment_information.size() == 3);
  CHECK(doc.payment_information[0].number_of_transactions == 2);
  CHECK(doc.payment_information[0].control_sum.to_string() == "1319.50");
  CHECK(doc.payment_information[1].control_sum.to_string() == "34.90");
  CHECK(doc.payment_information[2].control_sum.to_string() == "100.00");
  CHECK(all(doc.xml, "CtrlSum") ==
        std::vector<std::string>{"1454.40", "1319.50", "34.90", "100.00"});
  CHECK(all(doc.xml, "IBAN")[3] == "NL91ABNA0417164300");  // the second block's DbtrAcct
  CHECK(count(doc.xml, "<CtgyPurp>") == 1);
  CHECK(all(doc.xml, "BtchBookg") == std::vector<std::string>(3, "true"));
  CHECK(all(doc.xml, "ChrgBr") == std::vector<std::string>(3, "SLEV"));
  CHECK(all(doc.xml, "InstdAmt") ==
        std::vector<std::string>{"119.00", "1200.50", "34.90", "100.00"});

  // SEPA characters: transliterated, structured RF reference kept as is.
  CHECK(doc.xml.find("Mueller + Soehne Strassenbau KG") != std::string::npos);
  CHECK(doc.xml.find("Duesseldorf") != std::string::npos);
  CHECK(doc.xml.find("Cafe 'Zur Post'") != std::string::npos);
  CHECK(doc.xml.find("Rechnung 2026/17 - Maerz") != std::string::npos);
  CHECK(all(doc.xml, "Ref") == std::vector<std::string>{"RF18539007547034"});
  // BIC optional: the NL debtor account has none, so DbtrAgt says NOTPROVIDED.
  CHECK(all(doc.xml, "BICFI") ==
        std::vector<std::string>{"INGDDEFFXXX", "BNPAFRPPXXX", "INGDDEFFXXX"});
  CHECK(count(doc.xml, "<Id>NOTPROVIDED</Id>") == 1);

  // Every text value of a SEPA file is in the SEPA character set.
  const std::regex text_node(">([^<]+)<");
  for (auto it = std::sregex_iterator(doc.xml.begin(), doc.xml.end(), text_node);
       it != std::sregex_iterator(); ++it) {
    const std::string value = (*it)[1];
    if (value.find_first_not_of(" \n") == std::string::npos) continue;
    INFO(value);
    CHECK(is_sepa_text(value));
  }
}

TEST_CASE("pain.001 .03 and .10 from the same batch: valid against their XSDs, golden") {
  const auto batch = batch_fixture("pain/batch_supplier_run.json");
  const auto v03 = write_pain001(batch, options_for(pain001_version::v03, pain001_usage::sepa));
  REQUIRE_XSD_VALID(v03.xml, "pain.001.001.03.xsd");
  check_golden(v03.xml, "pain/golden_supplier_run_v03_sepa.xml");
  CHECK(all(v03.xml, "ReqdExctnDt").size() == 3);  // a plain ISODate in .03
  CHECK(count(v03.xml, "<BIC>") == 3);

  const auto v10 = write_pain001(batch, options_for(pain001_version::v10, pain001_usage::sepa));
  REQUIRE_XSD_VALID(v10.xml, "pain.001.001.10.xsd");
  CHECK(all(v10.xml, "Dt") == std::vector<std::string>(3, "2026-03-02"));
  // The same identifiers whatever the version: they come from key and generation only.
  CHECK(v03.message_id == v10.message_id);
}

TEST_CASE("pain.001 identifiers: deterministic, ≤ 35 SEPA characters, new per generation") {
  const auto batch = batch_fixture("pain/batch_supplier_run.json");
  auto options = options_for(pain001_version::v09, pain001_usage::sepa);
  const auto first = write_pain001(batch, options);
  const auto again = write_pain001(batch, options);
  CHECK(first.xml == again.xml);  // a replay writes the same file

  std::set<std::string> seen;
  const auto collect = [&](const pain001_document& d) {
    std::vector<std::string> ids{d.message_id};
    for (const auto& p : d.payment_information) ids.push_back(p.payment_information_id);
    for (const auto& t : d.transactions) {
      ids.push_back(*t.references.instruction_id);
      ids.push_back(*t.references.end_to_end_id);
    }
    return ids;
  };
  for (const auto& id : collect(first)) {
    CHECK(is_sepa_identifier(id));
    CHECK(seen.insert(id).second);  // all distinct
  }
  // The XML carries exactly the identifiers reported.
  CHECK(all(first.xml, "MsgId") == std::vector<std::string>{first.message_id});
  std::vector<std::string> e2e;
  for (const auto& t : first.transactions) e2e.push_back(*t.references.end_to_end_id);
  CHECK(all(first.xml, "EndToEndId") == e2e);
  CHECK(first.transactions[2].payment_index == 2);
  CHECK(first.transactions[2].references.payment_information_id ==
        first.payment_information[1].payment_information_id);

  // Resubmission after a group rejection (FF01): generation 2, nothing reused.
  options.generation = 2;
  const auto second = write_pain001(batch, options);
  CHECK(second.message_id != first.message_id);
  for (const auto& id : collect(second)) CHECK(seen.count(id) == 0);

  // Another batch (another key) never collides with this one.
  options.idempotency_key = "netsuite:payment-run:PR-2026-0302";
  options.generation = 1;
  CHECK(write_pain001(batch, options).message_id != first.message_id);
}

TEST_CASE("pain.001 execution date on a weekend or TARGET holiday") {
  auto batch = batch_fixture("pain/batch_supplier_run.json");
  batch.requested_execution_date = "2026-04-03";  // Good Friday; Easter Monday follows
  auto options = options_for(pain001_version::v09, pain001_usage::sepa);

  SECTION("moved to the next TARGET business day, and said so") {
    const auto doc = write_pain001(batch, options);
    REQUIRE_XSD_VALID(doc.xml, "pain.001.001.09-EPC132-08-2023-SCT.xsd");
    for (const auto& p : doc.payment_information) {
      CHECK(p.requested_execution_date == "2026-04-07");
      CHECK(p.date_moved_from == "2026-04-03");
    }
    CHECK(all(doc.xml, "Dt") == std::vector<std::string>(3, "2026-04-07"));
    CHECK(doc.transactions[0].requested_execution_date == "2026-04-07");
  }
  SECTION("or refused, per connection setting") {
    options.non_business_day = non_business_day_policy::reject;
    batch.requested_execution_date = "2026-03-07";  // a Saturday
    const auto e = validation_error([&] { write_pain001(batch, options); },
                                    "pain001.execution_date_not_business_day");
    CHECK(has_field(e, "/requested_execution_date", "pain001.execution_date_not_business_day"));
  }
  SECTION("a payment's own date splits it into its own block") {
    batch.requested_execution_date = "2026-03-02";
    batch.payments[1].requested_execution_date = "2026-03-03";
    const auto doc = write_pain001(batch, options);
    CHECK(doc.payment_information.size() == 4);
    CHECK(all(doc.xml, "Dt") ==
          std::vector<std::string>{"2026-03-02", "2026-03-03", "2026-03-02", "2026-03-02"});
  }
  SECTION("25 December 2026 (a Friday; the 26th is a Saturday) moves to Monday the 28th") {
    batch.requested_execution_date = "2026-12-25";
    const auto doc = write_pain001(batch, options);
    CHECK(doc.payment_information[0].requested_execution_date == "2026-12-28");
  }
}

TEST_CASE("pain.001 CGI-MP: 3 invoices minus 1 credit note in one payment with Strd") {
  const auto batch = batch_fixture("pain/batch_invoices_credit_note.json");
  auto options = options_for(pain001_version::v09, pain001_usage::cgi_mp);
  options.idempotency_key = "netsuite:payment-run:PR-2026-0302";
  const auto v09 = write_pain001(batch, options);
  REQUIRE_XSD_VALID(as_v10(v09.xml), "pain.001.001.10.xsd");
  check_golden(v09.xml, "pain/golden_invoices_credit_note_v09_cgi.xml");

  // One Strd per document; the credit note as CdtNoteAmt: 1000 + 1500 + 500 - 250 = 2750.
  CHECK(count(v09.xml, "<Strd>") == 4);
  CHECK(all(v09.xml, "Nb") == std::vector<std::string>{"INV-2026-0101", "INV-2026-0102",
                                                       "INV-2026-0103", "CN-2026-0007"});
  CHECK(all(v09.xml, "RmtdAmt") == std::vector<std::string>{"1000.00", "1500.00", "500.00"});
  CHECK(all(v09.xml, "CdtNoteAmt") == std::vector<std::string>{"250.00"});
  CHECK(all(v09.xml, "InstdAmt") == std::vector<std::string>{"2750.00"});
  CHECK(all(v09.xml, "AddtlRmtInf").size() == 1);
  CHECK(v09.xml.find("Köln") != std::string::npos);  // CGI keeps UTF-8

  options.version = pain001_version::v03;
  REQUIRE_XSD_VALID(write_pain001(batch, options).xml, "pain.001.001.03.xsd");
  options.version = pain001_version::v10;
  REQUIRE_XSD_VALID(write_pain001(batch, options).xml, "pain.001.001.10.xsd");

  SECTION("documents that do not add up to the amount paid are refused") {
    auto wrong = batch;
    wrong.payments[0].amount.amount = *decimal::parse("3000.00");
    const auto e = validation_error([&] { write_pain001(wrong, options); },
                                    "pain001.remittance_total_mismatch");
    CHECK(has_field(e, "/payments/0/remittance/structured/referred_documents",
                    "pain001.remittance_total_mismatch"));
  }
  SECTION("SEPA cannot carry the document list in Strd") {
    options.usage = pain001_usage::sepa;
    options.version = pain001_version::v09;
    validation_error([&] { write_pain001(batch, options); }, "pain001.sepa_structured_documents");
  }
}

TEST_CASE("pain.001 CGI-MP: other currencies, charge bearer and minor units") {
  auto batch = batch_fixture("pain/batch_invoices_credit_note.json");
  auto& p = batch.payments[0];
  p.remittance.reset();
  p.amount = money::parse("125000", "JPY");
  p.charge_bearer = "SHAR";
  p.method = "wire";
  auto options = options_for(pain001_version::v10, pain001_usage::cgi_mp);
  const auto doc = write_pain001(batch, options);
  REQUIRE_XSD_VALID(doc.xml, "pain.001.001.10.xsd");
  CHECK(doc.xml.find("<InstdAmt Ccy=\"JPY\">125000</InstdAmt>") != std::string::npos);
  CHECK(all(doc.xml, "ChrgBr") == std::vector<std::string>{"SHAR"});
  CHECK(all(doc.xml, "Cd") == std::vector<std::string>{"URGP"});

  p.creditor->name = "Acme \xC3(";
  validation_error([&] { write_pain001(batch, options); }, "pain001.text_not_utf8");
  p.creditor->name = "Acme\x01";
  validation_error([&] { write_pain001(batch, options); }, "pain001.text_control_character");
  p.creditor->name = "Acme";

  p.amount = money::parse("125000.5", "JPY");
  validation_error([&] { write_pain001(batch, options); }, "pain001.amount_precision");
}

TEST_CASE("pain.001 CGI-MP: a USD payment from a EUR account (the bank converts), SHAR, "
          ".09/.03/.10 XSD-valid, SEPA refuses it") {
  auto batch = batch_fixture("pain/batch_supplier_run.json");
  batch.payments.resize(1);
  batch.number_of_transactions = 1;
  batch.control_sum = *decimal::parse("1000.05");
  batch.charge_bearer = "SHAR";
  batch.debtor_account->currency = "EUR";
  auto& p = batch.payments[0];
  p.amount = money::parse("1000.05", "USD");
  p.method = "credit_transfer";
  p.charge_bearer = "SHAR";
  auto options = options_for(pain001_version::v09, pain001_usage::cgi_mp);
  const auto v09 = write_pain001(batch, options);
  REQUIRE_XSD_VALID(as_v10(v09.xml), "pain.001.001.10.xsd");
  CHECK(all(v09.xml, "InstdAmt") == std::vector<std::string>{"1000.05"});
  CHECK(v09.xml.find("<InstdAmt Ccy=\"USD\">1000.05</InstdAmt>") != std::string::npos);
  CHECK(all(v09.xml, "ChrgBr") == std::vector<std::string>{"SHAR"});
  CHECK(all(v09.xml, "Ccy") == std::vector<std::string>{"EUR"});  // DbtrAcct/Ccy
  CHECK(v09.xml.find("<Cd>SEPA</Cd>") == std::string::npos);     // no SEPA service level
  CHECK(all(v09.xml, "CtrlSum") == std::vector<std::string>{"1000.05", "1000.05"});
  options.version = pain001_version::v03;
  REQUIRE_XSD_VALID(write_pain001(batch, options).xml, "pain.001.001.03.xsd");
  options.version = pain001_version::v10;
  REQUIRE_XSD_VALID(write_pain001(batch, options).xml, "pain.001.001.10.xsd");

  batch.debtor_account->currency = "EURO";
  validation_error([&] { write_pain001(batch, options); }, "pain001.currency_unknown");
  batch.debtor_account->currency = "EUR";
  options.usage = pain001_usage::sepa;
  options.version = pain001_version::v09;
  validation_error([&] { write_pain001(batch, options); }, "pain001.sepa_currency");
}

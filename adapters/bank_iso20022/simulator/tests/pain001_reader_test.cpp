// SPDX-License-Identifier: Apache-2.0
#include "pain001_reader.hpp"

#include "bank_test_support.hpp"

#include <erpc/error.hpp>

#include <catch2/catch.hpp>

using erpc::sim::bank::read_pain001;
using erpc::sim::bank::test::make_pain001;
using erpc::sim::bank::test::test_data;

namespace {

std::string code_of(const std::string& xml, std::size_t max_bytes = 1 << 20) {
  try {
    read_pain001(xml, erpc::banking::untrusted_xml_limits{max_bytes, 32, 4096});
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    return std::string(e.code());
  }
  return "no error";
}

}  // namespace

TEST_CASE("pain.001.001.09 from the writer is read with every field the bank needs") {
  const auto m = read_pain001(test_data("pain001/supplier_run_v09.xml"));
  CHECK(m.message_name == "pain.001.001.09");
  CHECK(m.message_id == "7FC78B545B1B723061D1-1");
  CHECK(m.number_of_transactions == 4);
  REQUIRE(m.control_sum);
  CHECK(m.control_sum->to_string() == "1454.40");
  REQUIRE(m.payment_information.size() == 3);
  const auto& p1 = m.payment_information[0];
  CHECK(p1.payment_information_id == "7FC78B545B1B723061D1-1-P1");
  CHECK(p1.batch_booking == true);
  CHECK(p1.requested_execution_date == "2026-03-02");
  CHECK(p1.debtor_account == "DE44500105175407324931");
  CHECK(p1.debtor_bic == "INGDDEFFXXX");
  REQUIRE(p1.transactions.size() == 2);
  CHECK(p1.transactions[0].end_to_end_id == "7FC78B545B1B723061D1-1-E1");
  CHECK(p1.transactions[0].instruction_id == "7FC78B545B1B723061D1-1-I1");
  CHECK(p1.transactions[0].amount.to_string() == "119.00");
  CHECK(p1.transactions[0].currency == "EUR");
  CHECK(p1.transactions[0].creditor_name == "Acme GmbH");
  CHECK(p1.transactions[0].creditor_account == "DE89370400440532013000");
  CHECK(p1.transactions[0].remittance_unstructured == "INV-2026-0042");
  CHECK(p1.transactions[1].creditor_bic == "BNPAFRPPXXX");
  CHECK(p1.transactions[1].remittance_reference == "RF18539007547034");
  CHECK(m.payment_information[1].debtor_account == "NL91ABNA0417164300");
}

TEST_CASE("pain.001.001.03: a plain ReqdExctnDt and BIC are read") {
  const auto m = read_pain001(test_data("pain001/supplier_run_v03.xml"));
  CHECK(m.message_name == "pain.001.001.03");
  REQUIRE(m.payment_information.size() == 3);
  CHECK(m.payment_information[0].requested_execution_date == "2026-03-02");
  CHECK(m.payment_information[0].debtor_bic == "INGDDEFFXXX");
  CHECK(m.payment_information[0].transactions[1].creditor_bic == "BNPAFRPPXXX");
}

TEST_CASE("a BtchBookg that is absent stays unknown") {
  const auto m =
      read_pain001(make_pain001("M-1", "DE44500105175407324931", {{"E1", "1.00"}}, std::nullopt));
  CHECK_FALSE(m.payment_information[0].batch_booking.has_value());
}

TEST_CASE("hostile or wrong pain.001 input is refused with a stable code") {
  CHECK(code_of(test_data("hostile/billion_laughs.xml")) == "pain001.dtd_forbidden");
  CHECK(code_of(test_data("hostile/external_entity.xml")) == "pain001.dtd_forbidden");
  CHECK(code_of(test_data("hostile/garbage.xml")) == "pain001.xml_malformed");
  CHECK(code_of("") == "pain001.xml_malformed");
  CHECK(code_of(test_data("pain001/supplier_run_v09.xml"), 1024) == "pain001.too_large");
  std::string deep =
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn>";
  for (int i = 0; i < 40; ++i) deep += "<X>";
  CHECK(code_of(deep) == "pain001.too_deep");
  CHECK(code_of("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>") ==
        "pain001.not_pain001");
  CHECK(code_of("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.12\"/>") ==
        "pain001.message_version_unsupported");
  auto xml = make_pain001("M-2", "DE44500105175407324931", {{"E1", "1.00"}});
  CHECK(code_of(std::string(xml).replace(xml.find("<NbOfTxs>1"), 10, "<NbOfTxs>2")) ==
        "pain001.count_mismatch");
  CHECK(code_of(std::string(xml).replace(xml.find(">1.00<"), 6, ">1.0x<")) ==
        "pain001.amount_invalid");
  CHECK(code_of(std::string(xml).replace(xml.find("Ccy=\"EUR\""), 9, "Ccy=\"EURO\"")) ==
        "pain001.currency_invalid");
  CHECK(code_of(std::string(xml).replace(xml.find("<MsgId>M-2</MsgId>"), 18, "")) ==
        "pain001.missing_element");
}

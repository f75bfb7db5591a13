// Hostile pain.002 input (tests/data/pain/hostile and generated): each gives its one clear
// VALIDATION code; nothing is expanded, fetched, or read without a bound.
#include <erpc/banking/pain002_reader.hpp>

#include "payment_test_support.hpp"

using namespace erpc;
using namespace erpc::banking;
using erpc::banking::test::read_data;
using erpc::banking::test::validation_error;

TEST_CASE("pain.002 hostile corpus: every file gives its clear error") {
  const std::pair<const char*, const char*> cases[] = {
      {"billion_laughs.xml", "pain002.dtd_forbidden"},
      {"external_entity.xml", "pain002.dtd_forbidden"},
      {"external_dtd.xml", "pain002.dtd_forbidden"},
      {"undeclared_entity.xml", "pain002.xml_malformed"},
      {"empty.xml", "pain002.xml_malformed"},
      {"not_xml.xml", "pain002.xml_malformed"},
      {"truncated.xml", "pain002.xml_malformed"},
      {"unsupported_version.xml", "pain002.unsupported_version"},
      {"wrong_message.xml", "pain002.not_pain002"},
      {"latin1_bytes_declared_utf8.xml", "pain002.encoding_invalid"},
      {"utf16.xml", "pain002.encoding_invalid"},
      {"value_too_long.xml", "pain002.value_too_long"},
      {"foreign_namespace.xml", "pain002.unexpected_namespace"},
  };
  for (const auto& [file, code] : cases) {
    INFO(file);
    const auto e = validation_error(
        [&] { read_pain002(read_data(std::string("pain/hostile/") + file)); }, code);
    // The message names a line; the pointer says where.
    REQUIRE(e.field_errors().size() == 1);
    CHECK(e.field_errors()[0].pointer.rfind("/line/", 0) == 0);
  }
}

TEST_CASE("pain.002 limits: nesting, size and transaction count") {
  SECTION("100,000 levels of nesting stop at the depth limit") {
    std::string xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\">"
                      "<CstmrPmtStsRpt>";
    for (int k = 0; k < 100000; ++k) xml += "<a>";
    validation_error([&] { read_pain002(xml); }, "pain002.too_deep");
  }
  SECTION("larger than the byte limit: refused before parsing") {
    pain002_options o;
    o.limits.max_bytes = 1000;
    validation_error([&] { read_pain002(read_data("pain/pain002_v10_part_am04_ac04.xml"), o); },
                     "pain002.too_large");
  }
  SECTION("more transactions than the limit") {
    pain002_options o;
    o.limits.max_transactions = 1;
    validation_error([&] { read_pain002(read_data("pain/pain002_v10_part_am04_ac04.xml"), o); },
                     "pain002.too_many_transactions");
  }
  SECTION("an element whose name only starts like TxInfAndSts is not a transaction") {
    std::string xml = read_data("pain/pain002_v11_actc_late.xml");
    xml.replace(xml.find("</OrgnlGrpInfAndSts>"), 20,
                "</OrgnlGrpInfAndSts><OrgnlPmtInfAndSts><OrgnlPmtInfId>P</OrgnlPmtInfId>"
                "<TxInfAndStsXY><TxSts>RJCT</TxSts></TxInfAndStsXY></OrgnlPmtInfAndSts>");
    const auto report = read_pain002(xml);
    REQUIRE(report.payment_information.size() == 1);
    CHECK(report.payment_information[0].transactions.empty());
  }
  SECTION("a text value of 30 digits where a status belongs") {
    std::string xml = read_data("pain/pain002_v10_part_am04_ac04.xml");
    xml.replace(xml.find("<GrpSts>PART"), 12, "<GrpSts>" + std::string(30, '9'));
    validation_error([&] { read_pain002(xml); }, "pain002.status_invalid");
  }
}

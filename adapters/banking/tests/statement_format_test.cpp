#include <erpc/banking/statement_format.hpp>

#include "statement_test_support.hpp"

using namespace erpc;
using namespace erpc::banking;

TEST_CASE("the format is recognised from the first bytes") {
  CHECK(detect_statement_format("<?xml version=\"1.0\"?>") == statement_format::camt);
  CHECK(detect_statement_format("\xEF\xBB\xBF  <Document") == statement_format::camt);
  CHECK(detect_statement_format(":20:STMT") == statement_format::mt940);
  CHECK(detect_statement_format("{1:F01BANK") == statement_format::mt940);
  CHECK(detect_statement_format("01,SENDER,") == statement_format::bai2);
  CHECK_FALSE(detect_statement_format("%PDF-1.4"));
  CHECK_FALSE(detect_statement_format(""));
}

TEST_CASE("every golden file reads through the one entry point") {
  for (const char* name : {"camt053_v08_vendors_skeleton.xml", "mt940_vendors_sample.sta",
                           "bai2_westpac_shaped.bai"}) {
    INFO(name);
    const auto statements = read_statement_file(test::fixture(name));
    REQUIRE(statements.size() == 1);
    test::checked_json(statements[0].statement);
  }
  test::expect_failure([] { read_statement_file(std::string_view("%PDF-1.4")); },
                       "statement.format_unknown");
}

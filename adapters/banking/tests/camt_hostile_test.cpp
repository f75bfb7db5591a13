#include <erpc/banking/camt_reader.hpp>

#include "statement_test_support.hpp"

#include <filesystem>

using namespace erpc;
using namespace erpc::banking;

namespace {

const std::string document_open =
    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">";

}  // namespace

// Files in tests/data/hostile, each with the one code it must produce.
TEST_CASE("camt hostile corpus: every file gives its clear error") {
  const std::pair<const char*, const char*> cases[] = {
      {"billion_laughs.xml", "camt.dtd_forbidden"},
      {"external_entity.xml", "camt.dtd_forbidden"},
      {"external_dtd.xml", "camt.dtd_forbidden"},
      {"undeclared_entity.xml", "camt.xml_malformed"},
      {"truncated.xml", "camt.xml_malformed"},
      {"latin1_bytes_declared_utf8.xml", "camt.encoding_invalid"},
      {"declared_latin1.xml", "camt.encoding_invalid"},
      {"utf16.xml", "camt.encoding_invalid"},
      {"amount_30_digits.xml", "statement.amount_too_long"},
      {"not_xml.xml", "camt.xml_malformed"},
      {"empty.xml", "camt.xml_malformed"},
  };
  for (const auto& [file, code] : cases) {
    INFO(file);
    const auto text = test::fixture(std::string("hostile/") + file);
    test::expect_failure([&] { read_camt(text); }, code);
  }
}

TEST_CASE("camt: 100,000 levels of nesting stop at the depth limit, quickly") {
  std::string text = document_open + "<BkToCstmrStmt>";
  for (int i = 0; i < 100000; ++i) text += "<a>";
  const auto deep = test::expect_failure([&] { read_camt(text); }, "camt.too_deep");
  CHECK(deep.message().find("64") != std::string::npos);
}

TEST_CASE("camt: an element from another namespace is refused") {
  const std::string text = document_open + "<BkToCstmrStmt><x:GrpHdr xmlns:x=\"urn:other\"/>" +
                           "</BkToCstmrStmt></Document>";
  test::expect_failure([&] { read_camt(text); }, "camt.unexpected_namespace");
}

TEST_CASE("camt: a text value beyond the field limit is refused") {
  auto text = test::fixture("camt053_v08_vendors_skeleton.xml");
  test::replace_once(text, "<Ustrd>INV-2026-0042</Ustrd>",
                     "<Ustrd>" + std::string(100000, 'x') + "</Ustrd>");
  test::expect_failure([&] { read_camt(text); }, "camt.value_too_long");
}

TEST_CASE("camt: a truncated copy of every golden file fails, at every cut") {
  for (const char* name : {"camt053_v08_vendors_skeleton.xml", "camt053_v02_two_statements.xml"}) {
    const auto text = test::fixture(name);
    for (std::size_t cut = 1; cut < text.size(); cut += 97) {
      INFO(name << " cut at " << cut);
      collecting_sink sink;
      try {
        read_camt(std::string_view(text).substr(0, cut), sink);
        FAIL("a truncated file was read");
      } catch (const erpc::error& e) {
        CHECK(e.cls() == error_class::validation);
        CHECK(e.code().find('.') != std::string::npos);
      }
    }
  }
}

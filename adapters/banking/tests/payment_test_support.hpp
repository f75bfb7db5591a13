// Shared helpers for the payment tests: fixtures under tests/data/pain, XSD validation with
// libxml2 (no network, no DTD), the host's contract validator, and an assertion that a call
// fails with one code (and pointer).
#pragma once

#include <erpc/banking/payment_batch.hpp>
#include <erpc/error.hpp>
#include <erpc/host/contract_validator.hpp>

#include <catch2/catch.hpp>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::banking::test {

inline std::string data_path(std::string_view name) {
  return std::string(ERPC_PAYMENT_TEST_DATA) + "/" + std::string(name);
}

inline std::string read_data(std::string_view name) {
  std::ifstream in(data_path(name), std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + data_path(name));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline nlohmann::json json_data(std::string_view name) {
  return nlohmann::json::parse(read_data(name));
}

inline const contract_validator& validator() {
  static const contract_validator v;
  return v;
}

// A fixture batch, first checked against schemas/v1 so a test never starts from a batch the
// contract would refuse.
inline payment_batch batch_fixture(std::string_view name) {
  const auto j = json_data(name);
  const auto findings = validator().validate("PaymentBatch", j);
  for (const auto& f : findings) UNSCOPED_INFO(f.pointer << " " << f.code << " " << f.message);
  REQUIRE(findings.empty());
  return payment_batch_from_json(j);
}

// The XSD's complaints about `xml` (empty: valid). The schema is parsed once per file.
inline std::vector<std::string> xsd_errors(const std::string& xml, std::string_view xsd) {
  struct collected {
    std::vector<std::string> messages;
    static void add(void* context, xmlErrorPtr e) {
      if (e != nullptr && e->message != nullptr) {
        static_cast<collected*>(context)->messages.push_back(
            "line " + std::to_string(e->line) + ": " + e->message);
      }
    }
  } errors;
  const std::string path = data_path("xsd/" + std::string(xsd));
  std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> pctx(
      xmlSchemaNewParserCtxt(path.c_str()), &xmlSchemaFreeParserCtxt);
  REQUIRE(pctx);
  std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema(xmlSchemaParse(pctx.get()),
                                                              &xmlSchemaFree);
  REQUIRE(schema);
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> vctx(
      xmlSchemaNewValidCtxt(schema.get()), &xmlSchemaFreeValidCtxt);
  xmlSchemaSetValidStructuredErrors(vctx.get(), &collected::add, &errors);
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      &xmlFreeDoc);
  if (!doc) return {"not well-formed XML"};
  if (xmlSchemaValidateDoc(vctx.get(), doc.get()) != 0 && errors.messages.empty()) {
    errors.messages.push_back("invalid");
  }
  return errors.messages;
}

#define REQUIRE_XSD_VALID(xml, xsd)                                   \
  do {                                                                \
    const auto xsd_problems = ::erpc::banking::test::xsd_errors(xml, xsd); \
    for (const auto& xsd_problem : xsd_problems) UNSCOPED_INFO(xsd_problem);            \
    REQUIRE(xsd_problems.empty());                                    \
  } while (false)

// Runs `f`, which must throw erpc::error VALIDATION with `code`; returns it for more checks.
template <typename F>
erpc::error validation_error(F&& f, std::string_view code) {
  try {
    f();
  } catch (const erpc::error& e) {
    INFO(e.code() << ": " << e.what());
    CHECK(e.cls() == erpc::error_class::validation);
    CHECK(e.code() == code);
    return e;
  }
  FAIL("expected erpc::error " << code);
  throw std::logic_error("unreachable");
}

// Whether a field error with this pointer and code is among e's fields.
inline bool has_field(const erpc::error& e, std::string_view pointer, std::string_view code) {
  for (const auto& f : e.field_errors()) {
    if (f.pointer == pointer && f.code == code) return true;
  }
  return false;
}

// Golden files: ERPC_UPDATE_GOLDEN=1 rewrites them from the current output.
inline void check_golden(const std::string& actual, std::string_view name) {
  if (std::getenv("ERPC_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(data_path(name), std::ios::binary) << actual;
  }
  CHECK(actual == read_data(name));
}

}  // namespace erpc::banking::test

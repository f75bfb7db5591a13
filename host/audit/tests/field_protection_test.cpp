#include <erpc/host/field_protection.hpp>

#include "audit_test_support.hpp"

#include <catch2/catch.hpp>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

const std::string iban = "DE89370400440532013000";

const nlohmann::json invoice = {{"invoice_number", "AC-1"},
                                {"remit_to", {{"iban", iban}, {"bic", "COBADEFFXXX"}}}};

field_protection protection(std::string_view hex = master_hex) {
  return field_protection(field_cipher(key_from_hex(hex)), {"/remit_to/iban"});
}

}  // namespace

TEST_CASE("a stored payload hides the listed field and reveals it again") {
  const auto p = protection();
  const std::string stored = p.protect(stored_document::payload, invoice.dump());
  REQUIRE(stored.find("0532013000") == std::string::npos);
  REQUIRE(stored.find("COBADEFFXXX") != std::string::npos);  // not listed: left readable
  REQUIRE(nlohmann::json::parse(p.reveal(stored_document::payload, stored)) == invoice);
}

TEST_CASE("a stored response hides the listed field of the record under /result") {
  const auto p = protection();
  const nlohmann::json response = {{"status", "ok"}, {"replayed", false}, {"result", invoice}};
  const std::string stored = p.protect(stored_document::response, response.dump());
  REQUIRE(stored.find("0532013000") == std::string::npos);
  REQUIRE(nlohmann::json::parse(p.reveal(stored_document::response, stored)) == response);
}

TEST_CASE("documents without the field, or stored before encryption, pass through") {
  const auto p = protection();
  const std::string plain = nlohmann::json{{"invoice_number", "AC-2"}}.dump();
  REQUIRE(p.reveal(stored_document::payload, p.protect(stored_document::payload, plain)) == plain);
  REQUIRE(nlohmann::json::parse(p.reveal(stored_document::payload, invoice.dump())) == invoice);
}

TEST_CASE("revealing with another key is crypto.unknown_key, never the ciphertext") {
  const std::string stored = protection().protect(stored_document::payload, invoice.dump());
  const auto text =
      error_text([&] { protection(other_hex).reveal(stored_document::payload, stored); });
  REQUIRE(text.rfind("crypto.unknown_key", 0) == 0);
  REQUIRE(text.find(iban) == std::string::npos);
}

TEST_CASE("a malformed pointer is refused when the protection is made") {
  REQUIRE(error_text([] {
            field_protection(field_cipher(key_from_hex(master_hex)), {"remit_to"});
          }).rfind("crypto.bad_pointer", 0) == 0);
}

TEST_CASE("text that is not JSON is never stored in the clear") {
  REQUIRE(error_text([] {
            protection().protect(stored_document::payload, "not json " + iban);
          }).rfind("crypto.bad_document", 0) == 0);
}

TEST_CASE("a field removed from the list still comes back as plaintext, user text stays text") {
  const field_protection before(field_cipher(key_from_hex(master_hex)),
                                {"/remit_to/iban", "/tax_id"});
  nlohmann::json doc = invoice;
  doc["tax_id"] = "DE123456789";
  doc["note"] = "enc:v2:deadbeef:not-ours";  // looks encrypted, names no configured key
  const std::string stored = before.protect(stored_document::payload, doc.dump());
  REQUIRE(stored.find("123456789") == std::string::npos);

  const field_protection after(field_cipher(key_from_hex(master_hex)), {"/remit_to/iban"});
  REQUIRE(nlohmann::json::parse(after.reveal(stored_document::payload, stored)) == doc);
  const field_protection none(field_cipher(key_from_hex(master_hex)), {});
  REQUIRE(nlohmann::json::parse(none.reveal(stored_document::payload, stored)) == doc);
}
